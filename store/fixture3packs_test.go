package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// schema3PacksFixture is a data file as servicecheck schema 3 wrote it:
// records, summary and client indexes and kept content packs, with no
// checksums. It was written by the schema-3 code itself (commit "store: a
// fixture of the schema-3 format") and is checked in so that the upgrades
// up to checksums are tested against bytes that code really wrote. It holds the schema-2
// fixture's sessions and the content pack of the one answered with a pack
// of the user's own. Regenerate it only if it is lost:
//
//	STORE_WRITE_FIXTURES=1 go test ./store -run TestWriteSchema3PacksFixture
const schema3PacksFixture = "testdata/schema3-packs.db"

// schema3PacksPack is the pack kept in the schema-3 fixture.
func schema3PacksPack() PackFile {
	y := bytes.ReplaceAll(miniPack("hotel-checks", "2.1.0", "Ne përgjigjemi shpejt."), []byte("lang: en"), []byte("lang: sq"))
	return PackFile{ID: "hotel-checks", Version: "2.1.0", Lang: "sq", YAML: string(y)}
}

func schema3PacksSessions() []*checklist.Session { return schema2Sessions() }

func TestWriteSchema3PacksFixture(t *testing.T) {
	if os.Getenv("STORE_WRITE_FIXTURES") != "1" {
		t.Skip("set STORE_WRITE_FIXTURES=1 to rewrite " + schema3PacksFixture)
	}
	_ = os.Remove(schema3PacksFixture)
	if err := writeSchema3Packs(schema3PacksFixture); err != nil {
		t.Fatal(err)
	}
}

// writeSchema3Packs writes the schema-3 fixture's content at path as schema 3
// wrote it, with no checksums: the schema-1 layout, the migrations up to 3
// (which run as they always did), and the pack put as schema 3 put it.
func writeSchema3Packs(path string) error {
	records := map[string][]byte{}
	for _, s := range schema3PacksSessions() {
		rec, err := encodeRecord(s)
		if err != nil {
			return err
		}
		records[s.ID] = rec
	}
	if err := writeSchema1(path, records); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	s := &Store{db: db, path: path, opts: testOptions()}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := s.migrate(tx, 1, 3); err != nil {
			return err
		}
		p := schema3PacksPack()
		return tx.Bucket(bucketPacks).Put(packKey(p.Ref()), []byte(p.YAML))
	})
	return errors.Join(err, db.Close())
}

// The upgrade from schema 3 seals every value after checking it, and
// changes nothing that is read: the sessions, their summaries (not built
// again) and the kept pack, byte for byte.
func TestMigrateSchema3PacksFixture(t *testing.T) {
	want := schema3PacksSessions()
	for _, ro := range []bool{false, true} {
		path := copyFixture(t, schema3PacksFixture)
		h, err := Inspect(path, Options{})
		if err != nil || h.Schema != 3 || h.Sessions != 4 || h.Clients != 3 || h.Packs != 1 {
			t.Fatalf("the fixture: %+v, %v; want a sound schema-3 file with 4 sessions and a pack", h, err)
		}
		opts := testOptions()
		opts.ReadOnly = ro
		opts.Summarize = func(*checklist.Session, PackSource) scoring.Total { return scoring.Total{Scored: -1} }
		err = Do(path, opts, func(s *Store) error {
			l, err := s.List(Filter{})
			if err != nil {
				return err
			}
			if len(l) != 4 || l[0].Total.Scored != 32 {
				t.Errorf("read-only %v: summaries %+v", ro, l)
			}
			for _, w := range want {
				got, err := s.Get(w.ID)
				if err != nil || !sameSession(got, w) {
					t.Errorf("read-only %v: session %+v, %v", ro, got, err)
				}
			}
			y, err := s.Pack(schema3PacksPack().Ref())
			if err != nil || string(y) != schema3PacksPack().YAML {
				t.Errorf("read-only %v: pack %q, %v", ro, y, err)
			}
			if c, err := s.Clients(); err != nil || len(c) != 3 {
				t.Errorf("clients %q, %v", c, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		h, err = Inspect(path, Options{})
		if err != nil || h.Schema != currentSchema || h.Sessions != 4 || h.Packs != 1 {
			t.Errorf("after the upgrade: %+v, %v", h, err)
		}
		// Every value now carries its checksum.
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		_ = db.View(func(tx *bolt.Tx) error {
			for _, name := range [][]byte{bucketSessions, bucketSummaries, bucketClients, bucketPacks} {
				_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
					if _, err := unseal(name, k, v); err != nil {
						t.Errorf("%s %q: %v", name, k, err)
					}
					return nil
				})
			}
			return nil
		})
		db.Close()
	}
}

// A schema-3 file whose record holds a control character (written by a
// hostile program: schema 3 had no checksum to betray it) is not sealed as
// sound: the upgrade refuses it and leaves the file as it was.
func TestMigrationRefusesControlCharacters(t *testing.T) {
	path := copyFixture(t, schema3PacksFixture)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	bad := schema3PacksSessions()[0]
	bad.Client = "Bakery\x1b]0;pwned\x07"
	rec, _ := encodeRecord(bad)
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSessions).Put([]byte(bad.ID), rec) })
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err = Open(path, testOptions())
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "control character") {
		t.Fatalf("upgrade: %v, want ErrDamaged naming the control character", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused upgrade changed the file")
	}
}
