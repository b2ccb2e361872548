package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// schema1Fixture is a data file as servicecheck schema 1 wrote it: meta and
// sessions buckets, no summary or client index. It is checked in, so that
// the upgrade is tested against bytes an old version really wrote.
// Regenerate it (only if the schema-1 layout below was wrong) with:
//
//	STORE_WRITE_FIXTURES=1 go test ./store -run TestWriteSchema1Fixture
const schema1Fixture = "testdata/schema1.db"

// writeSchema1 writes sessions in the schema-1 layout. It is written out
// here, not taken from migrations(), so that it stays what schema 1 was.
func writeSchema1(path string, records map[string][]byte) error {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("app"), []byte("servicecheck")); err != nil {
			return err
		}
		if err := meta.Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, 1)); err != nil {
			return err
		}
		b, err := tx.CreateBucket([]byte("sessions"))
		if err != nil {
			return err
		}
		for id, rec := range records {
			if err := b.Put([]byte(id), rec); err != nil {
				return err
			}
		}
		return nil
	})
	return errors.Join(err, db.Close())
}

// fixtureSessions are the sessions in the schema-1 fixture.
func fixtureSessions() []*checklist.Session {
	t0 := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	a := completedSession("Bakery Rossi", t0)
	a.ID = "0q3k5h2m7xyz"
	b := completedSession("bakery rossi ", t0.AddDate(0, 3, 0))
	b.ID = "0q9a1b2c3d4e"
	b.Client = "Bakery Rossi"
	c := newSession("Garage Bianchi")
	c.ID = "0qb7777777aa"
	c.Status = checklist.InProgress
	c.CreatedAt = t0.AddDate(0, 4, 0)
	c.UpdatedAt = c.CreatedAt.Add(5 * time.Minute)
	c.Cursor = "item-03"
	c.Answers = map[string]checklist.Answer{
		"item-00": {Value: checklist.Yes, At: c.CreatedAt.Add(time.Minute)},
		"item-01": {Value: checklist.No, Note: "no complaint log yet", At: c.CreatedAt.Add(2 * time.Minute)},
		"item-02": {Value: checklist.NA, At: c.CreatedAt.Add(3 * time.Minute)},
	}
	out := []*checklist.Session{a, b, c}
	for _, s := range out {
		normalizeTimes(s)
	}
	return out
}

func TestWriteSchema1Fixture(t *testing.T) {
	if os.Getenv("STORE_WRITE_FIXTURES") != "1" {
		t.Skip("set STORE_WRITE_FIXTURES=1 to rewrite " + schema1Fixture)
	}
	records := map[string][]byte{}
	for _, s := range fixtureSessions() {
		rec, err := encodeRecord(s)
		if err != nil {
			t.Fatal(err)
		}
		records[s.ID] = rec
	}
	_ = os.Remove(schema1Fixture)
	if err := writeSchema1(schema1Fixture, records); err != nil {
		t.Fatal(err)
	}
}

// schema2Fixture is a data file as servicecheck schema 2 wrote it: the
// schema-1 buckets with the summary and client indexes, no packs bucket.
// One of its sessions was answered with a pack of the user's own, which a
// schema-2 file could not keep. Regenerate it (only if the schema-2 layout
// was wrong) with:
//
//	STORE_WRITE_FIXTURES=1 go test ./store -run TestWriteSchema2Fixture
const schema2Fixture = "testdata/schema2.db"

// schema2Sessions are the sessions in the schema-2 fixture.
func schema2Sessions() []*checklist.Session {
	out := fixtureSessions()
	d := completedSession("Hotel Drini", time.Date(2025, 6, 2, 14, 0, 0, 0, time.UTC))
	d.ID = "0qd2d2d2d2d2"
	d.Pack = checklist.Ref{ID: "hotel-checks", Version: "2.1.0", Lang: "sq"}
	normalizeTimes(d)
	return append(out, d)
}

func TestWriteSchema2Fixture(t *testing.T) {
	if os.Getenv("STORE_WRITE_FIXTURES") != "1" {
		t.Skip("set STORE_WRITE_FIXTURES=1 to rewrite " + schema2Fixture)
	}
	records := map[string][]byte{}
	for _, s := range schema2Sessions() {
		rec, err := encodeRecord(s)
		if err != nil {
			t.Fatal(err)
		}
		records[s.ID] = rec
	}
	_ = os.Remove(schema2Fixture)
	if err := writeSchema1(schema2Fixture, records); err != nil {
		t.Fatal(err)
	}
	// Schema 2 is schema 1 with the indexes that its migration builds;
	// stopping the migrations there writes exactly what schema 2 wrote.
	db, err := bolt.Open(schema2Fixture, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: schema2Fixture, opts: testOptions()}
	err = db.Update(func(tx *bolt.Tx) error { return s.migrate(tx, 1, 2) })
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
}

func TestMigrationsAreOrdered(t *testing.T) {
	ms := migrations()
	for i, m := range ms {
		if m.schema != i+1 || m.name == "" || m.fn == nil {
			t.Errorf("migration %d: schema %d %q", i, m.schema, m.name)
		}
	}
	if ms[len(ms)-1].schema != currentSchema {
		t.Errorf("the last migration reaches schema %d, currentSchema is %d", ms[len(ms)-1].schema, currentSchema)
	}
}

// copyFixture copies a checked-in fixture to a temporary file.
func copyFixture(t *testing.T, fixture string) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateSchema1Fixture(t *testing.T) {
	for _, ro := range []bool{false, true} {
		path := copyFixture(t, schema1Fixture)
		h, err := Inspect(path, Options{})
		if err != nil || h.Schema != 1 || h.Sessions != 3 {
			t.Fatalf("the fixture: %+v, %v; want a sound schema-1 file with 3 sessions", h, err)
		}
		opts := testOptions()
		opts.ReadOnly = ro
		want := fixtureSessions()
		err = Do(path, opts, func(s *Store) error {
			l, err := s.List(Filter{})
			if err != nil {
				return err
			}
			var ids []string
			for _, x := range l {
				ids = append(ids, x.ID)
			}
			if w := []string{want[2].ID, want[1].ID, want[0].ID}; !slices.Equal(ids, w) {
				t.Errorf("read-only %v: list %v, want %v", ro, ids, w)
			}
			if l[1].Answered != 72 || l[1].Total.Scored != 32 || l[0].Answered != 3 {
				t.Errorf("summaries built by the upgrade: %+v", l)
			}
			if c, _ := s.Clients(); !slices.Equal(c, []string{"Bakery Rossi", "Garage Bianchi"}) {
				t.Errorf("clients %q", c)
			}
			latest, err := s.LatestCompleted("BAKERY ROSSI")
			if err != nil || latest.ID != want[1].ID {
				t.Errorf("latest completed %v, %v", latest, err)
			}
			got, err := s.Get(want[2].ID)
			if err != nil || got.Cursor != "item-03" || got.Answers["item-01"].Note != "no complaint log yet" {
				t.Errorf("in-progress session %+v, %v", got, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		h, err = Inspect(path, Options{})
		if err != nil || h.Schema != currentSchema || h.Sessions != 3 || h.Clients != 2 || h.Packs != 0 {
			t.Errorf("after the upgrade: %+v, %v", h, err)
		}
		// Upgraded all the way: the file keeps packs.
		err = Do(path, testOptions(), func(s *Store) error {
			return s.PutPack(miniRef("1.0.0"), miniPack("mini", "1.0.0", "We answer fast."))
		})
		if err != nil {
			t.Errorf("PutPack after the upgrade: %v", err)
		}
	}
}

func TestMigrateSchema2Fixture(t *testing.T) {
	want := schema2Sessions()
	for _, ro := range []bool{false, true} {
		path := copyFixture(t, schema2Fixture)
		h, err := Inspect(path, Options{})
		if err != nil || h.Schema != 2 || h.Sessions != 4 || h.Clients != 3 {
			t.Fatalf("the fixture: %+v, %v; want a sound schema-2 file with 4 sessions", h, err)
		}
		opts := testOptions()
		opts.ReadOnly = ro
		// Summaries are kept as schema 2 wrote them, not built again: a
		// Summarize that would change them shows if they were.
		opts.Summarize = func(*checklist.Session, PackSource) scoring.Total { return scoring.Total{Scored: -1} }
		err = Do(path, opts, func(s *Store) error {
			l, err := s.List(Filter{})
			if err != nil {
				return err
			}
			var ids []string
			for _, x := range l {
				ids = append(ids, x.ID)
				if x.Total.Scored < 0 {
					t.Errorf("read-only %v: the summary of %s was built again", ro, x.ID)
				}
			}
			if w := []string{want[3].ID, want[2].ID, want[1].ID, want[0].ID}; !slices.Equal(ids, w) {
				t.Errorf("read-only %v: list %v, want %v", ro, ids, w)
			}
			if l[0].Pack != want[3].Pack || l[0].Total.Scored != 32 {
				t.Errorf("read-only %v: summary of the session with its own pack: %+v", ro, l[0])
			}
			got, err := s.Get(want[3].ID)
			if err != nil || !sameSession(got, want[3]) {
				t.Errorf("read-only %v: session %+v, %v", ro, got, err)
			}
			// The pack it was answered with was never kept: it is not
			// found, and nothing else is there.
			if _, err := s.Pack(want[3].Pack); !errors.Is(err, ErrNotFound) {
				t.Errorf("read-only %v: Pack = %v, want ErrNotFound", ro, err)
			}
			refs, err := s.Packs()
			if err != nil || len(refs) != 0 {
				t.Errorf("read-only %v: Packs = %v, %v", ro, refs, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		h, err = Inspect(path, Options{})
		if err != nil || h.Schema != currentSchema || h.Sessions != 4 || h.Clients != 3 || h.Packs != 0 {
			t.Errorf("after the upgrade: %+v, %v", h, err)
		}
		err = Do(path, testOptions(), func(s *Store) error {
			y := bytes.ReplaceAll(miniPack("hotel-checks", "2.1.0", "Ne përgjigjemi shpejt."), []byte("lang: en"), []byte("lang: sq"))
			if err := s.PutPack(want[3].Pack, y); err != nil {
				return err
			}
			got, err := s.Pack(want[3].Pack)
			if err == nil && !bytes.Equal(got, y) {
				err = fmt.Errorf("Pack = %q", got)
			}
			return err
		})
		if err != nil {
			t.Errorf("keep the missing pack after the upgrade: %v", err)
		}
	}
}

func TestFailedMigrationLeavesFileUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	good, _ := encodeRecord(fixtureSessions()[0])
	err := writeSchema1(path, map[string][]byte{"good": good, "bad": {1, 0xff, 0xff}})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("upgrading a file with a broken record: %v, want ErrDamaged", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the failed upgrade changed the file")
	}
	if h, _ := Inspect(path, Options{}); h.Schema != 1 {
		t.Errorf("schema after the failed upgrade: %d, want 1", h.Schema)
	}
}
