package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// writeValidStore makes a store with a few sessions and returns its path.
func writeValidStore(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "valid.db")
	err := Do(path, testOptions(), func(s *Store) error {
		for i := range 20 {
			sess := completedSession("Rossi", newClock().Now().Add(-timeHours(i)))
			if err := s.Create(sess); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDamagedFilesAreRefusedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	valid := writeValidStore(t, dir)
	validBytes, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.NativeEndian.Uint32(validBytes[boltPageHeader+8:]))
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	// garbled keeps both headers but overwrites every data page.
	garbled := bytes.Clone(validBytes)
	for i := 2 * pageSize; i < len(garbled); i++ {
		garbled[i] = byte(rng.Uint32())
	}
	// garbledData keeps the headers and the free list, so that bbolt opens
	// it and meets the damage inside a transaction.
	garbledData := bytes.Clone(validBytes)
	m0, _ := parseMeta(validBytes[:pageSize])
	m1, _ := parseMeta(validBytes[pageSize : 2*pageSize])
	if m1.txid > m0.txid {
		m0 = m1
	}
	for p := 2; p < int(m0.pgid); p++ {
		if uint64(p) == m0.freelist {
			continue
		}
		for i := p * pageSize; i < (p+1)*pageSize; i++ {
			garbledData[i] = byte(rng.Uint32())
		}
	}
	// A bbolt file that some other program wrote.
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("k"), []byte("v"))
	})
	_ = db.Close()
	foreignBytes, _ := os.ReadFile(foreign)
	// A servicecheck file from a future version.
	newer := filepath.Join(dir, "newer.db")
	_ = os.WriteFile(newer, validBytes, 0o600)
	db, _ = bolt.Open(newer, 0o600, nil)
	_ = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, 99))
	})
	_ = db.Close()
	newerBytes, _ := os.ReadFile(newer)

	tests := []struct {
		name    string
		content []byte
		want    string // in the message
	}{
		{"empty", nil, "empty"},
		{"truncated", validBytes[:len(validBytes)/2], "truncated"},
		{"truncated to one page", validBytes[:pageSize], "truncated"},
		{"random bytes", random, "not a servicecheck data file"},
		{"text", []byte("name,score\nRossi,31\n"), "not a servicecheck data file"},
		{"garbled pages", garbled, "damaged"},
		{"garbled data pages", garbledData, "damaged"},
		{"foreign bbolt file", foreignBytes, "not a servicecheck data file"},
		{"newer schema", newerBytes, "newer servicecheck"},
	}
	for _, tt := range tests {
		for _, ro := range []bool{false, true} {
			name := tt.name
			if ro {
				name += " read-only"
			}
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "servicecheck.db")
				if err := os.WriteFile(path, tt.content, 0o600); err != nil {
					t.Fatal(err)
				}
				err := openAndUse(path, ro)
				if !errors.Is(err, ErrDamaged) {
					t.Fatalf("got %v, want ErrDamaged", err)
				}
				msg := err.Error()
				if !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) ||
					!strings.Contains(msg, "left unchanged") {
					t.Errorf("message %q should name the file, say %q and that it was left unchanged", msg, tt.want)
				}
				after, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(after, tt.content) {
					t.Errorf("the file changed: %d bytes before, %d after", len(tt.content), len(after))
				}
				// The failed open let go of the file: the next one is not
				// told that the file is in use.
				if _, err := Inspect(path, Options{}); !errors.Is(err, ErrDamaged) {
					t.Errorf("inspect: %v, want ErrDamaged", err)
				}
				if err := openAndUse(path, ro); !errors.Is(err, ErrDamaged) {
					t.Errorf("second open: %v, want ErrDamaged", err)
				}
			})
		}
	}
}

// openAndUse opens path and, if that works, reads and writes the way a
// user would, returning the first error.
func openAndUse(path string, ro bool) error {
	return Do(path, Options{ReadOnly: ro}, func(s *Store) error {
		if _, err := s.List(Filter{}); err != nil {
			return err
		}
		if _, err := s.Clients(); err != nil {
			return err
		}
		if ro {
			return nil
		}
		return s.Create(newSession("x"))
	})
}

func TestInspectSoundFile(t *testing.T) {
	path := writeValidStore(t, t.TempDir())
	h, err := Inspect(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if h.Sessions != 20 || h.Clients != 1 || h.Schema != currentSchema || h.Size != fi.Size() || len(h.Problems) != 0 {
		t.Errorf("health %+v", h)
	}
	if _, err := Inspect(filepath.Join(t.TempDir(), "none.db"), Options{}); !errors.Is(err, ErrNoFile) {
		t.Errorf("inspect a missing file: %v", err)
	}
}

func TestInspectFindsBrokenIndex(t *testing.T) {
	path := writeValidStore(t, t.TempDir())
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketSummaries).Cursor().First()
		return tx.Bucket(bucketSummaries).Delete(k)
	})
	_ = db.Close()
	h, err := Inspect(path, Options{})
	if !errors.Is(err, ErrDamaged) || len(h.Problems) != 2 {
		t.Fatalf("got %v, problems %q; want ErrDamaged with 2 problems", err, h.Problems)
	}
	if !strings.Contains(h.Problems[0].Error(), "no matching summary") {
		t.Errorf("problems %q", h.Problems)
	}
}
