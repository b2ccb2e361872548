package reliability

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/content"
)

// exitDamaged and exitInvalid are the exit statuses for a damaged data
// file and for an input file that failed validation.
const (
	exitDamaged = 5
	exitInvalid = 6
)

// damage makes a bad data file out of a sound one's bytes; dir is where
// any extra files go.
type damage struct {
	name string
	make func(t *testing.T, valid []byte, path string)
	// strict: every command must refuse the file. Damage deep inside the
	// file may go unseen by a command that only reads and does not read
	// that page; then the command may work, but never panic or change the
	// file, and doctor and every command that writes must still refuse it.
	strict bool
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

var damages = []damage{
	{"truncated to half", func(t *testing.T, v []byte, p string) { writeBytes(t, p, v[:len(v)/2]) }, true},
	{"truncated to one page", func(t *testing.T, v []byte, p string) { writeBytes(t, p, v[:4096]) }, true},
	{"truncated to 100 bytes", func(t *testing.T, v []byte, p string) { writeBytes(t, p, v[:100]) }, true},
	{"empty", func(t *testing.T, _ []byte, p string) { writeBytes(t, p, nil) }, true},
	{"zeroed", func(t *testing.T, v []byte, p string) { writeBytes(t, p, make([]byte, len(v))) }, true},
	{"random bytes", func(t *testing.T, v []byte, p string) {
		rng := rand.New(rand.NewPCG(7, 7))
		b := make([]byte, len(v))
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		writeBytes(t, p, b)
	}, true},
	{"SQLite database", func(t *testing.T, _ []byte, p string) {
		writeBytes(t, p, append([]byte("SQLite format 3\x00\x10\x00\x01\x01"), make([]byte, 8192)...))
	}, true},
	{"JSON export", func(t *testing.T, _ []byte, p string) {
		writeBytes(t, p, []byte(`{"format":"servicecheck-sessions","version":1,"sessions":[]}`+"\n"))
	}, true},
	{"another program's bbolt file", func(t *testing.T, _ []byte, p string) {
		db, err := bolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return b.Put([]byte("a"), []byte("b"))
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}, true},
	{"data pages garbled", func(t *testing.T, v []byte, p string) {
		b := bytes.Clone(v)
		rng := rand.New(rand.NewPCG(3, 5))
		for i := 4 * 4096; i < len(b); i += 1 + rng.IntN(64) {
			b[i] ^= byte(1 + rng.IntN(255))
		}
		writeBytes(t, p, b)
	}, false},
}

// TestDamagedDataFiles runs every command on data files that are
// truncated, zeroed, random, of another format or garbled: each refuses the
// file with exit status 5 and one clear message, never a panic, and the
// file's bytes stay exactly as they were.
func TestDamagedDataFiles(t *testing.T) {
	base := newWorld(t)
	seedSessions(t, base.db, "seed", 20)
	valid, err := os.ReadFile(base.db)
	if err != nil {
		t.Fatal(err)
	}
	doc := writeDoc(t, base.dir, "fresh", 2)
	answers := writeAnswers(t, base.dir)
	commands := []struct {
		args  []string
		stdin string
	}{
		{[]string{"list"}, ""},
		{[]string{"list", "--json"}, ""},
		{[]string{"show", "latest"}, ""},
		{[]string{"export", "latest", "--format", "html"}, ""},
		{[]string{"compare", "--client", "Client seed"}, ""},
		{[]string{"import", doc}, ""},
		{[]string{"answer", "--answers", answers}, ""},
		{[]string{"delete", "--client", "Client seed", "--yes"}, ""},
		{[]string{"new", "--accessible", "--client", "Acme"}, "1\n2\nq\n"},
		{[]string{"resume", "--accessible"}, "1\nq\n"},
		{[]string{"doctor"}, ""},
	}
	// The same commands on the sound file all work: the inputs are good,
	// so a refusal below is the damage's doing.
	sound := newWorld(t)
	writeBytes(t, mkdirFor(t, sound.db), valid)
	for _, c := range commands {
		if r := sound.run(c.stdin, c.args...); r.code != 0 {
			t.Fatalf("%s on the sound file: exit %d\n%s", strings.Join(c.args, " "), r.code, clip(r.stderr))
		}
	}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			w := newWorld(t)
			d.make(t, valid, mkdirFor(t, w.db))
			before := hash(t, w.db)
			for _, c := range commands {
				what := strings.Join(c.args, " ")
				r := w.run(c.stdin, c.args...)
				// Damage that a read may not meet, every write refuses:
				// it checks the file first.
				writes := slices.Contains([]string{"import", "answer", "delete", "new", "resume"}, c.args[0])
				if d.strict || c.args[0] == "doctor" || writes {
					checkCleanError(t, what, r, exitDamaged, "")
					if !strings.Contains(r.stderr, w.db) {
						t.Errorf("%s: the message does not name the file: %s", what, clip(r.stderr))
					}
				} else if r.code != 0 {
					checkCleanError(t, what, r, exitDamaged, "")
				}
				if h := hash(t, w.db); h != before {
					t.Fatalf("%s changed the damaged file", what)
				}
			}
		})
	}
}

// writeAnswers writes an answers file that answers every question of the
// built-in pack, for `servicecheck answer`.
func writeAnswers(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("client: Answers Ltd\nassessor: Jo\nanswers:\n")
	for i, q := range content.Default().Questions() {
		fmt.Fprintf(&b, "  %s: %s\n", q.ID, plannedValue(q, i+1))
	}
	path := filepath.Join(dir, "answers.yaml")
	writeBytes(t, path, []byte(b.String()))
	return path
}

// mkdirFor makes the folder of path and returns path.
func mkdirFor(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}
