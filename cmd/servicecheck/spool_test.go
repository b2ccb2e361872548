package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/store"
)

// writerChecksFile is a slow reader of the list, like a pager: on its first
// write it checks that another servicecheck could write the data file now.
type writerChecksFile struct {
	t    *testing.T
	db   string
	out  bytes.Buffer
	seen bool
}

func (w *writerChecksFile) Write(p []byte) (int, error) {
	if !w.seen {
		w.seen = true
		err := store.Do(w.db, store.Options{Timeout: 50 * time.Millisecond}, func(*store.Store) error { return nil })
		if err != nil {
			w.t.Errorf("the data file is still held while the list is written: %v", err)
		}
	}
	return w.out.Write(p)
}

// TestListReleasesFileBeforeWriting: `servicecheck list | less` must not
// keep a wizard in another terminal from saving while the pager waits.
func TestListReleasesFileBeforeWriting(t *testing.T) {
	c := newCLITest(t)
	// More than the 64 KiB write buffer holds, in JSON and as a table.
	seedVaried(t, c.db, 1200)
	for _, asJSON := range []bool{true, false} {
		w := &writerChecksFile{t: t, db: c.db}
		var errOut bytes.Buffer
		a := c.app("", nil, &errOut)
		a.dbFlag = c.db
		if err := runList(a, &listOptions{Out: w, ErrOut: &errOut, JSON: asJSON}); err != nil {
			t.Fatalf("list (json %v): %v", asJSON, err)
		}
		if !w.seen || w.out.Len() == 0 {
			t.Errorf("list (json %v) wrote nothing", asJSON)
		}
	}
}

// TestSpoolSpillsToAFile: past spoolMem the output goes to a temporary
// file, comes back whole and in order, and the file is removed.
func TestSpoolSpillsToAFile(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	sp := &spool{}
	line := strings.Repeat("x", 1000) + "\n"
	var want bytes.Buffer
	for i := 0; want.Len() <= spoolMem+3*len(line); i++ {
		s := line
		if i%97 == 0 {
			s = "mark " + line
		}
		if _, err := sp.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
		want.WriteString(s)
	}
	if sp.file == nil {
		t.Fatal("nothing went to a temporary file")
	}
	name := sp.file.Name()
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("temporary file %s: %v, mode %v; want 0600", name, err, fi.Mode().Perm())
	}
	var got bytes.Buffer
	if _, err := sp.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("got %d bytes back, want the %d written", got.Len(), want.Len())
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "servicecheck-list-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}
