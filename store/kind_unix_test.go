//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A data file must be a regular file or missing: a named pipe (which made
// every command wait for ever), a device, a folder or a link to nothing
// (which bbolt followed, creating its target) is refused at once, by Open
// for reading and writing and by Inspect, and nothing is created.
func TestDataFileMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	dangling := filepath.Join(dir, "dangling.db")
	if err := os.Symlink(filepath.Join(dir, "target.db"), dangling); err != nil {
		t.Fatal(err)
	}
	linkToFifo := filepath.Join(dir, "link-to-fifo.db")
	os.Symlink(fifo, linkToFifo)
	tests := []struct{ name, path, want string }{
		{"named pipe", fifo, "it is a named pipe, not a regular file"},
		{"device", os.DevNull, "it is a character device, not a regular file"},
		{"folder", dir, "it is a folder, not a regular file"},
		{"dangling link", dangling, "which does not exist"},
		{"link to a pipe", linkToFifo, "it is a link to a named pipe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(what string, err error) {
				t.Helper()
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: %v, want ErrDamaged saying %q", what, err, tt.want)
				}
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				for _, ro := range []bool{true, false} {
					_, err := Open(tt.path, Options{ReadOnly: ro})
					check("open", err)
				}
				_, err := Inspect(tt.path, Options{})
				check("inspect", err)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("still waiting after 5 s")
			}
			if _, err := os.Lstat(filepath.Join(dir, "target.db")); err == nil {
				t.Error("the link's target was created")
			}
		})
	}
	if fi, _ := os.Stat(os.DevNull); fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
}
