package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// damageRecord changes one byte in the middle of the stored record of
// session id, in the file's bytes, and returns the offsets of its copies.
func damageRecord(t *testing.T, path, id string) []int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	_ = db.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket(bucketSessions).Get([]byte(id)))
		return nil
	})
	db.Close()
	raw, _ := os.ReadFile(path)
	at := bytes.Index(raw, v)
	if v == nil || at < 0 {
		t.Fatalf("record of %s not found in the file", id)
	}
	// Every copy: a free page may hold the same bytes.
	var offs []int
	for i := at; i >= 0; {
		offs = append(offs, i)
		raw[i+len(v)/2] ^= 0x20
		j := bytes.Index(raw[i+len(v):], v)
		if j < 0 {
			break
		}
		i += len(v) + j
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return offs
}

func allSessions(t *testing.T, path string) []*checklist.Session {
	t.Helper()
	var out []*checklist.Session
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		var err error
		out, _, err = s.Sessions(Filter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func ids(ss []*checklist.Session) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// Export reads the records themselves and names each one it cannot read,
// with its client from the summary: a backup that misses a session says so.
func TestSessionsNamesWhatItCannotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	writeRichStore(t, path)
	want := allSessions(t, path)
	victim := want[3]
	damageRecord(t, path, victim.ID)
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		got, lost, err := s.Sessions(Filter{})
		if err != nil {
			return err
		}
		if len(got) != len(want)-1 || len(lost) != 1 || lost[0].ID != victim.ID ||
			lost[0].Client != victim.Client || !lost[0].CreatedAt.Equal(victim.CreatedAt) {
			t.Errorf("got %d sessions, lost %+v; want %d and %s of %s", len(got), lost, len(want)-1, victim.ID, victim.Client)
		}
		got, lost, err = s.Sessions(Filter{Client: victim.Client})
		if err != nil || len(lost) != 1 || len(got) != 7 {
			t.Errorf("for the client: %d sessions, lost %+v, %v", len(got), lost, err)
		}
		got, lost, err = s.Sessions(Filter{Client: "Nobody Else"})
		if err != nil || len(lost) != 0 || len(got) != 0 {
			t.Errorf("for another client: %d sessions, lost %+v, %v", len(got), lost, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Salvage reads a sound file whole, and a damaged one as far as it reads:
// a record whose checksum fails is named with its client; a whole leaf
// page of records zeroed (the tree broken, so that bbolt cannot open the
// file) costs the sessions on that page, which the summaries name, and
// nothing else. Deleted sessions and old versions are never brought back.
func TestSalvage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.db")
	writeRichStore(t, path)
	var deleted string
	err := Do(path, testOptions(), func(s *Store) error {
		l, _ := s.List(Filter{})
		deleted = l[5].ID
		return s.Delete(deleted)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := allSessions(t, path)

	got, err := Salvage(path)
	if err != nil || len(got.Lost) != 0 || !slices.Equal(ids(got.Sessions), ids(want)) || len(got.Packs) != 1 {
		t.Fatalf("sound file: %v sessions, lost %v, %d packs, %v; want %v", ids(got.Sessions), got.Lost, len(got.Packs), err, ids(want))
	}
	for i := range want {
		if !sameSession(got.Sessions[i], want[i]) {
			t.Errorf("session %s salvaged as %+v", want[i].ID, got.Sessions[i])
		}
	}

	victim := want[2]
	offs := damageRecord(t, path, victim.ID)
	got, err = Salvage(path)
	if err != nil || len(got.Lost) != 1 || got.Lost[0].ID != victim.ID || got.Lost[0].Client != victim.Client ||
		len(got.Sessions) != len(want)-1 || slices.Contains(ids(got.Sessions), deleted) {
		t.Fatalf("one record damaged: %v, lost %+v, %v", ids(got.Sessions), got.Lost, err)
	}

	// Zero the whole page that holds that record.
	raw, _ := os.ReadFile(path)
	for _, at := range offs {
		page := at / 4096 * 4096
		clear(raw[page : page+4096])
	}
	os.WriteFile(path, raw, 0o600)
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("open after zeroing a page: %v, want ErrDamaged", err)
	}
	got, err = Salvage(path)
	if err != nil || len(got.Lost) == 0 || len(got.Sessions)+len(got.Lost) != len(want) {
		t.Fatalf("a page zeroed: %d sessions, lost %+v, %v; want %d in all", len(got.Sessions), got.Lost, err, len(want))
	}
	for _, l := range got.Lost {
		if l.Client == "" || l.CreatedAt.IsZero() {
			t.Errorf("lost %+v: the summary names its client and date", l)
		}
	}
	t.Logf("a page zeroed: %d sessions salvaged, %d lost", len(got.Sessions), len(got.Lost))
}
