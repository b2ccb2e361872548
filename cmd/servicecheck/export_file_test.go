package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/internal/fileout"
)

// A report that cannot be written says why in terms of the file the user
// named, never the temporary file beside it.
func TestWriteOutputErrors(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		skipRoot         bool
	}{
		{"folder", dir, "write " + dir + ": it is a folder: give a file name", false},
		{"missing folder", filepath.Join(dir, "no", "r.md"),
			"write " + filepath.Join(dir, "no", "r.md") + ": folder " + filepath.Join(dir, "no") + " does not exist", false},
		{"read-only folder", filepath.Join(readOnly, "r.md"),
			"write " + filepath.Join(readOnly, "r.md") + ": permission denied", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skipRoot && os.Geteuid() == 0 {
				t.Skip("root writes to read-only folders")
			}
			err := writeOutput(nil, tt.path, []byte("x"), fileout.Options{})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), ".tmp") {
				t.Errorf("error names the temporary file: %v", err)
			}
		})
	}
}
