package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/boltpages"
)

// writeRichStore fills a data file as real use does: three clients,
// completed and unfinished sessions with notes and a plan, and a kept
// pack; enough sessions that the records span branch and leaf pages.
func writeRichStore(t testing.TB, path string) {
	t.Helper()
	err := Do(path, testOptions(), func(s *Store) error {
		if err := s.PutPack(miniRef("1.0.0"), miniPack("mini", "1.0.0", "We answer fast.")); err != nil {
			return err
		}
		clients := []string{"Bakery Rossi", "Garage Bianchi", "Hotel Drini"}
		for i := range 24 {
			sess := completedSession(clients[i%3], time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC).Add(timeHours(24*i)))
			if i%5 == 0 {
				sess.Status, sess.CompletedAt = checklist.InProgress, time.Time{}
			}
			if i%4 == 0 {
				sess.Plan = checklist.Plan{Vision: "Every customer hears back within a day",
					Goals: []checklist.Goal{{Problem: "Phones ring out", What: "A second line", Target: "90%", Note: "March"}}}
			}
			if err := s.Create(sess); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// contentOf reads everything a user can get out of a data file (every
// session, the history list, the clients, the kept packs) as one JSON
// document, or the first error met.
func contentOf(path string) ([]byte, error) {
	var out struct {
		Sessions []*checklist.Session
		List     []Summary
		Clients  []string
		Packs    map[string]string
	}
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		var err error
		if out.List, err = s.List(Filter{}); err != nil {
			return err
		}
		for _, sum := range out.List {
			sess, err := s.Get(sum.ID)
			if err != nil {
				return err
			}
			out.Sessions = append(out.Sessions, sess)
		}
		if out.Clients, err = s.Clients(); err != nil {
			return err
		}
		refs, err := s.Packs()
		if err != nil {
			return err
		}
		out.Packs = map[string]string{}
		for _, r := range refs {
			y, err := s.Pack(r)
			if err != nil {
				return err
			}
			out.Packs[RefString(r)] = string(y)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// TestByteFlipsAreDetected changes one byte at a time in the data pages of
// a data file (the used bytes of the branch and leaf pages in use) and
// asks Inspect, which doctor runs. When Inspect says the file is sound,
// everything read from it must be what was written: a change that doctor
// misses and that changes the data is the failure this test counts (71 of
// 300 before records carried checksums). The reliability suite does 300
// flips through the real binary; this is a seeded sample of 150.
func TestByteFlipsAreDetected(t *testing.T) {
	dir := t.TempDir()
	valid := filepath.Join(dir, "valid.db")
	writeRichStore(t, valid)
	want, err := contentOf(valid)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(valid)
	spans, err := boltpages.Live(valid)
	if err != nil || len(spans) < 10 {
		t.Fatalf("data pages %v, %v", spans, err)
	}
	seed := seedFromEnv(t)
	rng := rand.New(rand.NewPCG(seed, 12))
	path := filepath.Join(dir, "flip.db")
	detected, harmless := 0, 0
	for i := range 150 {
		sp := spans[rng.IntN(len(spans))]
		off := sp.Off + rng.Int64N(sp.Len)
		b := bytes.Clone(orig)
		b[off] ^= byte(1 + rng.IntN(255))
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Inspect(path, Options{}); err != nil {
			detected++
			continue
		}
		got, err := contentOf(path)
		if err == nil && bytes.Equal(got, want) {
			harmless++
			continue
		}
		what := "the data read back changed"
		if err != nil {
			what = fmt.Sprintf("reading it fails: %v", err)
		}
		t.Errorf("flip %d at byte %d (page %d): Inspect says sound, but %s", i, off, off/4096, what)
	}
	t.Logf("150 flips: %d detected by Inspect, %d changed nothing that is read", detected, harmless)
}
