package reliability

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/boltpages"
	"github.com/servicecheck/servicecheck/store"
)

// seedNoted stores 24 completed sessions of three clients, every fifth
// answer with a note naming its client, so that a file spans many pages
// and holds text, and one unfinished session of a fourth.
func seedNoted(t *testing.T, path string) {
	t.Helper()
	var all []*checklist.Session
	for c, client := range []string{"Bakery Rossi", "Garage Bianchi", "Hotel Drini"} {
		for i, s := range sessions(fmt.Sprintf("c%d", c), 8) {
			s.Client = client
			j := 0
			for id, a := range s.Answers {
				if j++; j%5 == 0 {
					a.Note = fmt.Sprintf("note %d of %s", i, client)
					s.Answers[id] = a
				}
			}
			all = append(all, s)
		}
	}
	// One unfinished session, for resume.
	open := sessions("open", 1)[0]
	open.Client, open.Status, open.CompletedAt = "Open Ltd", checklist.InProgress, time.Time{}
	for id := range open.Answers {
		if len(open.Answers) > 10 {
			delete(open.Answers, id)
		}
	}
	all = append(all, open)
	err := store.Do(path, store.Options{}, func(s *store.Store) error {
		_, err := s.Import(all)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// flipSeed is the seed of the byte flips: -seed, or a fixed one.
func flipSeed(t *testing.T) uint64 {
	seed := *seedFlag
	if seed == 0 {
		seed = 20261202
	}
	t.Logf("seed %d (replay with -seed %d)", seed, seed)
	return seed
}

// TestDoctorFindsEveryByteFlip changes one byte at a time in the data
// pages of a data file (the used bytes of the live branch and leaf pages)
// and runs `servicecheck doctor`. When doctor says the file is sound, the
// JSON export must be byte for byte what it was: a flip that doctor misses
// and that changes the data fails the test (71 of 300 did before records
// carried checksums).
func TestDoctorFindsEveryByteFlip(t *testing.T) {
	w := newWorld(t)
	seedNoted(t, mkdirFor(t, w.db))
	orig, err := os.ReadFile(w.db)
	if err != nil {
		t.Fatal(err)
	}
	want := w.run("", "export", "--format", "json")
	if want.code != 0 {
		t.Fatalf("export of the sound file: %s", want.stderr)
	}
	spans, err := boltpages.Live(w.db)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(flipSeed(t), 300))
	detected, harmless := 0, 0
	for i := range 300 {
		sp := spans[rng.IntN(len(spans))]
		off := sp.Off + rng.Int64N(sp.Len)
		b := bytes.Clone(orig)
		b[off] ^= byte(1 + rng.IntN(255))
		writeBytes(t, w.db, b)
		r := w.run("", "doctor")
		if r.code != 0 {
			checkCleanError(t, fmt.Sprintf("flip %d: doctor", i), r, exitDamaged, "")
			detected++
			continue
		}
		e := w.run("", "export", "--format", "json")
		if e.code == 0 && e.stdout == want.stdout {
			harmless++
			continue
		}
		t.Errorf("flip %d at byte %d: doctor says check: ok, but the export changed (exit %d)", i, off, e.code)
	}
	t.Logf("300 flips: %d found by doctor, %d changed nothing that is read, %d undetected",
		detected, harmless, 300-detected-harmless)
}

// writeCommands are the commands that write to the data file.
var writeCommands = []struct {
	args  []string
	stdin string
}{
	{[]string{"import", "DOC"}, ""},
	{[]string{"answer", "--answers", "ANSWERS"}, ""},
	{[]string{"delete", "--client", "Garage Bianchi", "--yes"}, ""},
	{[]string{"new", "--accessible", "--client", "Acme"}, "1\n2\nq\n"},
	{[]string{"resume", "--accessible"}, "1\nq\n"},
}

// TestWritesRefuseDamagedFiles: on 33 files that doctor calls damaged (a
// byte flipped in a data page), every command that writes exits 5 with a
// message pointing to doctor, and the file's bytes do not change. Before,
// 25 of 33 such files were written to, and once `answer` said "recorded
// session …" when the next `show` said "no session".
func TestWritesRefuseDamagedFiles(t *testing.T) {
	w := newWorld(t)
	seedNoted(t, mkdirFor(t, w.db))
	orig, _ := os.ReadFile(w.db)
	doc := writeDoc(t, w.dir, "fresh", 2)
	answers := writeAnswers(t, w.dir)
	spans, err := boltpages.Live(w.db)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(flipSeed(t), 33))
	for files := 0; files < 33; {
		sp := spans[rng.IntN(len(spans))]
		b := bytes.Clone(orig)
		b[sp.Off+rng.Int64N(sp.Len)] ^= byte(1 + rng.IntN(255))
		writeBytes(t, w.db, b)
		if r := w.run("", "doctor"); r.code == 0 {
			continue
		}
		files++
		before := hash(t, w.db)
		for _, c := range writeCommands {
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.NewReplacer("DOC", doc, "ANSWERS", answers).Replace(a)
			}
			what := fmt.Sprintf("file %d: %s", files, strings.Join(c.args, " "))
			r := w.run(c.stdin, args...)
			if r.took > 5*time.Second {
				t.Errorf("%s took %v", what, r.took)
			}
			checkCleanError(t, what, r, exitDamaged, "")
			if !strings.Contains(r.stderr, "doctor") && !strings.Contains(r.stderr, "newer servicecheck") {
				t.Errorf("%s: the message does not point to doctor: %s", what, clip(r.stderr))
			}
			if hash(t, w.db) != before {
				t.Fatalf("%s changed the damaged file", what)
			}
		}
	}
}

// TestSpecialFilesAsDB: a named pipe, a device, a folder or a link to
// nothing as the data file is refused at once by every command (exit 5),
// and nothing is created. Before, a pipe made all 13 commands wait for
// ever, and a link to nothing created its target.
func TestSpecialFilesAsDB(t *testing.T) {
	w := newWorld(t)
	doc := writeDoc(t, w.dir, "fresh", 1)
	answers := writeAnswers(t, w.dir)
	fifo := filepath.Join(w.dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	dangling := filepath.Join(w.dir, "dangling.db")
	os.Symlink(filepath.Join(w.dir, "target.db"), dangling)
	commands := [][]string{{"list"}, {"list", "--json"}, {"show", "latest"}, {"export", "latest"},
		{"export", "--format", "json"}, {"compare", "--client", "X"}, {"import", doc},
		{"answer", "--answers", answers}, {"delete", "--client", "X", "--yes"}, {"new", "--accessible", "--client", "X"},
		{"resume", "--accessible"}, {"doctor"}, {"doctor", "--salvage", "-o", filepath.Join(w.dir, "s.db")}}
	for _, db := range []string{fifo, os.DevNull, w.dir, dangling} {
		for _, c := range commands {
			what := fmt.Sprintf("--db %s %s", filepath.Base(db), strings.Join(c, " "))
			r := w.run("1\nq\n", append([]string{"--db", db}, c...)...)
			checkCleanError(t, what, r, exitDamaged, "is not a servicecheck data file")
			if db == dangling && !strings.Contains(r.stderr, "which does not exist") {
				t.Errorf("%s: %s", what, clip(r.stderr))
			}
			if r.took > 3*time.Second {
				t.Errorf("%s took %v", what, r.took)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(w.dir, "target.db")); err == nil {
		t.Error("the dangling link's target was created")
	}
	if fi, _ := os.Stat(os.DevNull); fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
}

// TestSpecialFilesAsOutput: every -o writes a named pipe in place for its
// reader and a device (/dev/null) in place; neither becomes a regular
// file (as root, export -o /dev/null turned it into one).
func TestSpecialFilesAsOutput(t *testing.T) {
	w := newWorld(t)
	seedNoted(t, mkdirFor(t, w.db))
	outputs := [][]string{{"export", "latest", "--format", "md", "-o"}, {"export", "--format", "json", "-o"},
		{"content", "export", "-o"}, {"answer", "--template", "-o"}}
	for _, c := range outputs {
		fifo := filepath.Join(w.dir, "out.fifo")
		os.Remove(fifo)
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan int, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- -1
				return
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got <- len(b)
		}()
		what := strings.Join(c, " ")
		if r := w.run("", append(c, fifo)...); r.code != 0 {
			t.Fatalf("%s FIFO: exit %d: %s", what, r.code, clip(r.stderr))
		}
		if n := <-got; n <= 0 {
			t.Errorf("%s FIFO: the reader got %d bytes", what, n)
		}
		if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s: the pipe became %v", what, fi.Mode())
		}
		if r := w.run("", append(c, os.DevNull)...); r.code != 0 {
			t.Fatalf("%s /dev/null: exit %d: %s", what, r.code, clip(r.stderr))
		}
		if fi, _ := os.Stat(os.DevNull); fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%s: %s is no longer a device", what, os.DevNull)
		}
	}
}

// TestBackupCompleteness: an export of a file with a damaged record writes
// the rest, names the session it skipped and exits 5 (before: exit 0 with
// 5 of 7 sessions); doctor --salvage -o writes the readable ones into a new
// file that doctor finds sound, and names the lost one.
func TestBackupCompleteness(t *testing.T) {
	w := newWorld(t)
	seedNoted(t, mkdirFor(t, w.db))
	orig, _ := os.ReadFile(w.db)
	// Damage one session's record: its note is unique in the file.
	needle := []byte("note 3 of Hotel Drini")
	at := bytes.Index(orig, needle)
	if at < 0 {
		t.Fatal("note not found in the file")
	}
	b := bytes.Clone(orig)
	b[at] ^= 0x20
	writeBytes(t, w.db, b)
	r := w.run("", "export", "--format", "json")
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`"id": "(c[0-2]-[0-9]{4}|open-0000)"`).FindAllStringSubmatch(r.stdout, -1) {
		ids[m[1]] = true
	}
	if r.code != exitDamaged || !strings.Contains(r.stderr, "1 session could not be read") ||
		!strings.Contains(r.stderr, "c2-0003 Hotel Drini") || len(ids) != 24 || ids["c2-0003"] {
		t.Errorf("export: exit %d, %d sessions\n%s", r.code, len(ids), clip(r.stderr))
	}
	rescued := filepath.Join(w.dir, "rescued.db")
	r = w.run("", "doctor", "--salvage", "-o", rescued)
	if r.code != exitDamaged || !strings.Contains(r.stdout, "salvaged 24 sessions") || !strings.Contains(r.stdout, "c2-0003") {
		t.Errorf("salvage: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if h := checkFile(t, rescued, "salvaged"); h.Sessions != 24 {
		t.Errorf("the salvaged file holds %d sessions", h.Sessions)
	}
	if !bytes.Equal(b, mustRead(t, w.db)) {
		t.Error("export or salvage changed the damaged file")
	}
}

// TestDeleteErasesFromTheFile: after delete --client, neither the
// client's name nor any of its notes is in the data file's bytes.
func TestDeleteErasesFromTheFile(t *testing.T) {
	w := newWorld(t)
	seedNoted(t, mkdirFor(t, w.db))
	if !bytes.Contains(mustRead(t, w.db), []byte("of Garage Bianchi")) {
		t.Fatal("the notes are not in the file to begin with")
	}
	if r := w.run("", "delete", "--client", "Garage Bianchi", "--yes"); r.code != 0 {
		t.Fatalf("delete: %s", r.stderr)
	}
	raw := mustRead(t, w.db)
	for _, gone := range []string{"Garage Bianchi", "garage bianchi"} {
		if bytes.Contains(raw, []byte(gone)) {
			t.Errorf("%q is still in the file's bytes", gone)
		}
	}
	if h := checkFile(t, w.db, "after delete"); h.Sessions != 17 {
		t.Errorf("%d sessions left, want 17", h.Sessions)
	}
	if fi, _ := os.Stat(w.db); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
