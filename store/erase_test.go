package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// After Delete and DeleteClient, nothing of what was deleted is left in
// the file's bytes: not the client's name, not a note, not an old version
// of a record (before, `strings` found every note of a deleted client).
// The file stays 0600, and what was not deleted reads as before.
func TestDeleteErases(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "sc.db")
	link := filepath.Join(dir, "link.db")
	var keep []*checklist.Session
	err := Do(path, testOptions(), func(s *Store) error {
		for i, client := range []string{"Zanzibar Widgets", "Keep Me Ltd", "Zanzibar Widgets", "Solo Session Co"} {
			sess := completedSession(client, time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC).Add(timeHours(i)))
			a := sess.Answers["item-00"]
			a.Note = "secret note of " + client
			sess.Answers["item-00"] = a
			if err := s.Create(sess); err != nil {
				return err
			}
			// An older version of the record, left on a free page.
			if err := s.Record(sess.ID, "item-01", checklist.Answer{Value: checklist.No, Note: "old note of " + client}, ""); err != nil {
				return err
			}
			if client == "Keep Me Ltd" {
				got, _ := s.Get(sess.ID)
				keep = append(keep, got)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	err = Do(link, testOptions(), func(s *Store) error {
		n, err := s.DeleteClient("zanzibar widgets")
		if err != nil || n != 2 {
			t.Errorf("DeleteClient = %d, %v", n, err)
		}
		l, err := s.List(Filter{Client: "Solo Session Co"})
		if err != nil || len(l) != 1 {
			return err
		}
		if err := s.Delete(l[0].ID); err != nil {
			return err
		}
		// The store goes on working on the new file.
		return s.Create(newSession("After Ltd"))
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	for _, gone := range []string{"Zanzibar", "zanzibar", "Solo Session", "solo session"} {
		if bytes.Contains(raw, []byte(gone)) {
			t.Errorf("%q is still in the file's bytes", gone)
		}
	}
	if !bytes.Contains(raw, []byte("secret note of Keep Me Ltd")) {
		t.Error("a note that was not deleted is missing")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if h, err := Inspect(path, Options{}); err != nil || h.Sessions != 2 {
		t.Fatalf("after erasing: %+v, %v", h, err)
	}
	err = Do(path, Options{ReadOnly: true}, func(s *Store) error {
		got, err := s.Get(keep[0].ID)
		if err == nil && !sameSession(got, keep[0]) {
			t.Errorf("kept session changed: %+v", got)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("left behind in the folder: %v", ents)
	}
}

// A store that was waiting for the lock while another erased (and so
// replaced) the file opens the new file, and what it writes is in the file
// at the path, not in the replaced one.
func TestWriterWaitingDuringEraseWritesToNewFile(t *testing.T) {
	s, path := openTest(t)
	victim := newSession("Gone Ltd")
	if err := s.Create(victim); err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	opts.Timeout = 10 * time.Second
	done := make(chan error)
	go func() {
		done <- Do(path, opts, func(s2 *Store) error { return s2.Create(newSession("Waiting Ltd")) })
	}()
	time.Sleep(200 * time.Millisecond) // let it wait for the lock
	if err := s.Delete(victim.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		l, err := s.List(Filter{Client: "Waiting Ltd"})
		if err == nil && len(l) != 1 {
			t.Errorf("the waiting writer's session is not in the file: %v", l)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
