package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// listEntry is the part of `servicecheck list --json` these tests read.
type listEntry struct {
	ID       string           `json:"id"`
	Client   string           `json:"client"`
	Status   checklist.Status `json:"status"`
	Answered int              `json:"answered"`
}

// waitList runs `servicecheck list --json` in another process until its
// entries satisfy ok, and fails if they do not within the usual wait.
func waitList(t *testing.T, s *sandbox, what string, ok func([]listEntry) bool) []listEntry {
	t.Helper()
	deadline := time.Now().Add(wait)
	var last result
	for {
		last = s.run("", "list", "--json", "--db", s.db)
		if last.code == 0 {
			var entries []listEntry
			if err := json.Unmarshal([]byte(last.stdout), &entries); err != nil {
				t.Fatalf("list --json: %v\n%s", err, last.stdout)
			}
			if ok(entries) {
				return entries
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("list --json never showed %s; last run: exit %d\nstdout:\n%s\nstderr:\n%s",
				what, last.code, last.stdout, last.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestListWhileWizardOpen reads the data file from another servicecheck
// while the wizard has it open: the wizard holds the file only for each
// write, so list and show work at once, see every answer saved so far, and
// the wizard goes on saving afterwards.
func TestListWhileWizardOpen(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(0, func(i int) int { return 4 })
	tm := s.start(80, 24, "new", "--client", "Shared Ltd")
	tm.waitForText(plan.qs[0].Text, wait)

	for _, n := range []int{6, 12} {
		answerRange(t, tm, plan, n-6, n)
		entries := waitList(t, s, fmt.Sprintf("Shared Ltd with %d answers", n), func(es []listEntry) bool {
			return len(es) == 1 && es[0].Answered == n
		})
		if e := entries[0]; e.Client != "Shared Ltd" || e.Status != checklist.InProgress {
			t.Errorf("list while the wizard is open: %+v", e)
		}
		r := s.run("", "show", entries[0].ID, "--json", "--db", s.db)
		if r.code != 0 || !strings.Contains(r.stdout, `"status": "in_progress"`) {
			t.Errorf("show while the wizard is open: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		// The wizard still answers and saves after the other process.
		tm.waitForText(plan.qs[n].Text, wait)
	}
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, tm.dump())
	}
	checkAnswers(t, onlySession(t, s.db), plan, 0, 12)
}

// holdDataFile opens the data file for writing in this test process, as a
// second servicecheck in the middle of a long write would, until release
// is called (or the test ends).
func holdDataFile(t *testing.T, db string) (release func()) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatalf("hold data file: %v", err)
	}
	released := false
	release = func() {
		if !released {
			released = true
			if err := st.Close(); err != nil {
				t.Errorf("release data file: %v", err)
			}
		}
	}
	t.Cleanup(release)
	return release
}

// TestSecondWriterGetsInUse holds the data file for writing and runs
// servicecheck commands against it: each gives up after about a second
// with "in use" and exit code 4 instead of waiting for ever.
func TestSecondWriterGetsInUse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"new session", "yes\nq\n", []string{"new", "--client", "Second"}},
		{"list", "", []string{"list"}},
		{"delete", "", []string{"delete", "--client", "First", "--yes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			seed := s.run("yes\nq\n", "new", "--client", "First")
			if seed.code != 0 {
				t.Fatalf("seed session: exit %d\n%s", seed.code, seed.stderr)
			}
			release := holdDataFile(t, s.db)
			start := time.Now()
			r := s.run(tt.stdin, append(tt.args, "--db", s.db)...)
			took := time.Since(start)
			t.Logf("%s gave up after %v", tt.name, took.Round(10*time.Millisecond))
			if r.code != 4 || !strings.Contains(r.stderr, "in use") {
				t.Errorf("exit %d, stderr %q; want 4 and \"in use\"", r.code, r.stderr)
			}
			// The lock wait is one second; allow for a slow machine,
			// but not for a wait without end.
			if took > 6*time.Second {
				t.Errorf("took %v to report the file in use, want about a second", took)
			}
			release()
			if n := len(sessions(t, s.db)); n != 1 {
				t.Errorf("data file holds %d sessions after the refused write, want 1", n)
			}
		})
	}
}

// TestWizardWaitsOutBusyFile answers in the wizard while another process
// holds the data file: the wizard says the answer is not saved yet and
// retries, nothing is lost, and once the file is free every answer is
// stored.
func TestWizardWaitsOutBusyFile(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(1, func(i int) int { return 2 })
	tm := s.start(80, 24, "new", "--client", "Busy Ltd")
	tm.waitForText(plan.qs[0].Text, wait)
	answerRange(t, tm, plan, 0, 3)
	tm.waitFor("✓ saved", wait)

	release := holdDataFile(t, s.db)
	answerRange(t, tm, plan, 3, 8)
	tm.waitFor("in use by another servicecheck", wait)
	tm.waitFor("! not saved", wait)
	release()
	tm.waitFor("✓ saved", wait)
	tm.waitGone("not saved", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, tm.dump())
	}
	checkAnswers(t, onlySession(t, s.db), plan, 0, 8)
}

// TestTwoWizardsAtOnce runs two wizards on the same data file, answering
// in turns: since each holds the file only while it writes, both save
// every answer.
func TestTwoWizardsAtOnce(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plans := []answerPlan{
		planAnswers(0, func(i int) int { return 1 + i%5 }),
		planAnswers(2, func(i int) int { return 5 - i%5 }),
	}
	clients := []string{"Alpha", "Beta"}
	tms := make([]*term, 2)
	for i := range tms {
		tms[i] = s.start(80, 24, "new", "--client", clients[i])
		tms[i].waitForText(plans[i].qs[0].Text, wait)
	}
	const n = 20
	for from := 0; from < n; from += 5 {
		for i, tm := range tms {
			answerRange(t, tm, plans[i], from, from+5)
		}
	}
	for _, tm := range tms {
		tm.waitFor("✓ saved", wait)
		tm.send("q")
		if code := tm.waitExit(wait); code != 0 {
			t.Fatalf("exit code %d\n%s", code, tm.dump())
		}
	}
	all := sessions(t, s.db)
	if len(all) != 2 {
		t.Fatalf("data file holds %d sessions, want 2", len(all))
	}
	for _, sess := range all {
		i := 0
		if sess.Client == clients[1] {
			i = 1
		}
		checkAnswers(t, sess, plans[i], 0, n)
	}
}
