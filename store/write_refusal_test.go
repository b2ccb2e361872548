package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/boltpages"
)

// writers are every way the store writes to a file, as the commands use
// them (answer, import, new, resume, delete, the wizard's saves).
var writers = []struct {
	name string
	fn   func(s *Store) error
}{
	{"create", func(s *Store) error { return s.Create(newSession("Bakery Rossi")) }},
	{"record", func(s *Store) error {
		l, err := s.List(Filter{Limit: 1})
		if err != nil || len(l) == 0 {
			return err
		}
		return s.Record(l[0].ID, "item-00", checklist.Answer{Value: checklist.No}, "item-01")
	}},
	{"import", func(s *Store) error {
		sess := completedSession("Import Ltd", newClock().Now())
		sess.ID = "0zimport0001"
		_, err := s.Import([]*checklist.Session{sess})
		return err
	}},
	{"delete client", func(s *Store) error { _, err := s.DeleteClient("Garage Bianchi"); return err }},
	{"put pack", func(s *Store) error { return s.PutPack(miniRef("9.0.0"), miniPack("mini", "9.0.0", "x")) }},
}

// Every file that Inspect (doctor) calls damaged after a one-byte change
// in its data pages is refused by every writer with ErrDamaged, its bytes
// unchanged, and the message points to doctor. Before the checks on
// opening for writing, 25 of 33 such files were written to.
func TestWritersRefuseDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	valid := filepath.Join(dir, "valid.db")
	writeRichStore(t, valid)
	orig, _ := os.ReadFile(valid)
	spans, err := boltpages.Live(valid)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seedFromEnv(t), 21))
	path := filepath.Join(dir, "damaged.db")
	files := 0
	for files < 40 {
		sp := spans[rng.IntN(len(spans))]
		b := bytes.Clone(orig)
		b[sp.Off+rng.Int64N(sp.Len)] ^= byte(1 + rng.IntN(255))
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		h, err := Inspect(path, Options{})
		if err == nil {
			continue // a change that reads the same: nothing to refuse
		}
		files++
		for _, w := range writers {
			err := Do(path, testOptions(), w.fn)
			// A changed schema number reads as a newer servicecheck's
			// file, whose message says to upgrade.
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "doctor") &&
				!strings.Contains(err.Error(), "written by a newer servicecheck") {
				t.Errorf("file %d (%q): %s: %v, want ErrDamaged pointing to doctor", files, h.Problems, w.name, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
				t.Fatalf("file %d: %s changed the damaged file", files, w.name)
			}
		}
	}
}
