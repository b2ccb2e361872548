package reliability

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// inUseWithin bounds how long a servicecheck may take to say the file is
// in use: the one-second lock wait, plus start-up and slack for a loaded
// two-core machine.
const inUseWithin = 2500 * time.Millisecond

// exitInUse is the exit status for a data file held by another process.
const exitInUse = 4

// TestHeldFileGivesInUse holds the data file in one process, as a
// servicecheck writing to it does, and starts one or four servicecheck
// processes against it at once (two and five processes racing for the
// file): the holder works, and every other one fails with the "in use"
// error and exit status 4 within the lock wait of one second, leaving the
// file unchanged. Once the holder lets go, the same commands work.
func TestHeldFileGivesInUse(t *testing.T) {
	for _, n := range []int{2, 5} {
		t.Run(fmt.Sprintf("processes=%d", n), func(t *testing.T) {
			w := newWorld(t)
			seedSessions(t, w.db, "seed", 3)
			doc := writeDoc(t, w.dir, "extra", 2)
			commands := [][]string{
				{"import", doc},
				{"list"},
				{"doctor"},
				{"show", "latest"},
				{"new", "--accessible", "--client", "Racer"},
			}[:n-1]
			before := hash(t, w.db)
			release := hold(t, w.db)
			results := runTogether(w, commands, "1\n2\nq\n")
			for i, r := range results {
				what := strings.Join(commands[i], " ")
				checkCleanError(t, what, r, exitInUse, "in use")
				if r.took > inUseWithin {
					t.Errorf("%s: in use reported after %v, want within %v", what, r.took, inUseWithin)
				}
				t.Logf("%s: exit %d after %v", what, r.code, r.took.Round(time.Millisecond))
			}
			release()
			if hash(t, w.db) != before {
				t.Error("the data file changed while it was held")
			}
			checkFile(t, w.db, "after the race")
			for _, c := range commands {
				if r := w.run("1\n2\nq\n", c...); r.code != 0 {
					t.Errorf("%s after the holder quit: exit %d\n%s", strings.Join(c, " "), r.code, r.stderr)
				}
			}
			if got := countSessions(t, w.db); got < 3+2 {
				t.Errorf("%d sessions after the commands ran, want at least 5", got)
			}
		})
	}
}

// TestRacingWritersKeepTheFileSound starts two and five servicecheck
// processes at once, each importing its own sessions while others list:
// each waits up to a second for the file, so each either works or says
// the file is in use (exit 4), and nothing else. Afterwards the file passes
// the consistency check and holds exactly the sessions of the imports that
// reported success: an import is all or nothing.
func TestRacingWritersKeepTheFileSound(t *testing.T) {
	for _, n := range []int{2, 5} {
		t.Run(fmt.Sprintf("processes=%d", n), func(t *testing.T) {
			w := newWorld(t)
			seedSessions(t, w.db, "seed", 1)
			var commands [][]string
			for i := range n {
				if i == 3 {
					commands = append(commands, []string{"list", "--json"})
					continue
				}
				commands = append(commands, []string{"import", writeDoc(t, w.dir, fmt.Sprintf("p%d", i), 300)})
			}
			results := runTogether(w, commands, "")
			want := 1
			worked := 0
			for i, r := range results {
				what := strings.Join(commands[i], " ")
				switch r.code {
				case 0:
					worked++
					if commands[i][0] == "import" {
						want += 300
					}
				case exitInUse:
					checkCleanError(t, what, r, exitInUse, "in use")
				default:
					t.Errorf("%s: exit %d, want 0 or %d\n%s", what, r.code, exitInUse, r.stderr)
				}
				t.Logf("%s: exit %d after %v", filepath.Base(what), r.code, r.took.Round(time.Millisecond))
			}
			if worked == 0 {
				t.Error("no process got the file")
			}
			checkFile(t, w.db, "after the race")
			if got := countSessions(t, w.db); got != want {
				t.Errorf("%d sessions stored, want %d (1 + 300 per import that worked)", got, want)
			}
		})
	}
}

// runTogether starts one servicecheck per command at the same moment, each
// with stdin as input, and waits for all of them.
func runTogether(w *world, commands [][]string, stdin string) []result {
	w.t.Helper()
	results := make([]result, len(commands))
	cmds := make([]*exec.Cmd, len(commands))
	outs := make([][2]*bytes.Buffer, len(commands))
	for i, c := range commands {
		cmds[i] = w.command(c...)
		cmds[i].Stdin = strings.NewReader(stdin)
		outs[i] = [2]*bytes.Buffer{{}, {}}
		cmds[i].Stdout, cmds[i].Stderr = outs[i][0], outs[i][1]
	}
	start := time.Now()
	for i, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			w.t.Fatalf("start %v: %v", commands[i], err)
		}
	}
	var wg sync.WaitGroup
	for i, cmd := range cmds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = w.wait(cmd, start, outs[i][0], outs[i][1], commands[i])
		}()
	}
	wg.Wait()
	return results
}

// hold makes a child process (this test binary, see TestMain) open the
// data file for writing and keep it until release is called.
func hold(t *testing.T, path string) (release func()) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "held\n" {
		_ = cmd.Process.Kill()
		t.Fatalf("holder: %q, %v", line, err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			_ = stdin.Close()
			if err := cmd.Wait(); err != nil {
				t.Errorf("holder: %v", err)
			}
		})
	}
	t.Cleanup(release)
	return release
}

// session is a completed session of the built-in pack.
func session(id, client string, at time.Time, shift int) *checklist.Session {
	p := content.Default()
	s := &checklist.Session{ID: id, Client: client, Assessor: "Jo", Status: checklist.Completed,
		CreatedAt: at, UpdatedAt: at, CompletedAt: at, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	for i, q := range p.Questions() {
		s.Answers[q.ID] = checklist.Answer{Value: plannedValue(q, i+shift), At: at}
	}
	return s
}

func sessions(prefix string, n int) []*checklist.Session {
	at := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	out := make([]*checklist.Session, n)
	for i := range out {
		out[i] = session(fmt.Sprintf("%s-%04d", prefix, i), "Client "+prefix, at.Add(time.Duration(i)*time.Minute), i)
	}
	return out
}

// seedSessions stores n sessions in the data file, creating it.
func seedSessions(t *testing.T, path, prefix string, n int) {
	t.Helper()
	err := store.Do(path, store.Options{}, func(s *store.Store) error {
		_, err := s.Import(sessions(prefix, n))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// writeDoc writes an import document of n sessions and returns its path.
func writeDoc(t *testing.T, dir, prefix string, n int) string {
	t.Helper()
	var b bytes.Buffer
	if err := store.ExportJSON(&b, sessions(prefix, n)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, prefix+".json")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func countSessions(t *testing.T, path string) int {
	t.Helper()
	return checkFile(t, path, "count").Sessions
}
