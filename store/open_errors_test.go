package store

import (
	"os"
	"path/filepath"
	"testing"
)

// An error opening the data file names the file once, with what went
// wrong, and not again inside the operating system's own message.
func TestOpenErrorsNameTheFileOnce(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	inFile := filepath.Join(notDir, "sc.db")
	tests := []struct {
		name string
		opts Options
		path string
		want string
	}{
		{"read", Options{ReadOnly: true}, inFile, "open data file " + inFile + ": not a directory"},
		{"write", Options{}, inFile, "open data file " + inFile + ": not a directory"},
		{"deeper", Options{}, filepath.Join(notDir, "sub", "sc.db"),
			"open data file " + filepath.Join(notDir, "sub", "sc.db") + ": not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.path, tt.opts)
			if err == nil {
				t.Fatal("opened")
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}
