package e2e

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// plainAnswer is how a person types the planned answer to question i at a
// plain prompt: words for the checklist in varied spellings, digits for
// ratings.
func (p answerPlan) plainAnswer(i int) string {
	switch v := p.values[i]; v {
	case checklist.NA:
		return []string{"n/a", "N/A", "na"}[i%3]
	case checklist.Yes, checklist.Partly, checklist.No:
		if i%2 == 0 {
			return strings.ToUpper(string(v)[:1]) + string(v)[1:]
		}
		return string(v)
	default:
		return string(v)
	}
}

// plainScript is the whole input of an audit in plain prompts from the
// home menu: choose a new session, client, assessor, then every answer,
// with a note after the answers to questions in notes (the note prompt
// comes after "n" on the next question's prompt, so it lands on that
// question).
func plainScript(p answerPlan, client, assessor string, notes map[int]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "1\n%s\n%s\n", client, assessor)
	for i := range p.qs {
		if note, ok := notes[i]; ok {
			fmt.Fprintf(&b, "n\n%s\n", note)
		}
		fmt.Fprintf(&b, "%s\n", p.plainAnswer(i))
	}
	return b.String()
}

// TestAccessiblePromptsInTerminal drives --accessible through a real
// terminal, typing the whole audit ahead of the prompts as a fast typist
// or a screen-reader user pasting answers would: every answer and note must
// be stored, none lost between prompts.
func TestAccessiblePromptsInTerminal(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(1, func(i int) int { return 1 + (i*3)%5 })
	notes := map[int]string{0: "asked the owner", 40: "ratings from the staff meeting"}
	tm := s.start(80, 24, "--accessible")
	tm.waitFor("Choose 1, 2 or 3:", wait)
	tm.send("1", "enter")
	tm.waitFor("Client name:", wait)
	tm.send("Kafe Shkodër", "enter")
	tm.waitFor("Assessor (optional", wait)
	tm.send("Ana", "enter")
	tm.waitFor("Session ", wait)
	tm.waitFor(plan.qs[0].Text, wait)

	// Everything after the assessor, typed ahead in one go.
	script := plainScript(plan, "", "", notes)
	script = strings.TrimPrefix(script, "1\n\n\n")
	tm.write(strings.ReplaceAll(script, "\n", "\r"))

	tm.waitOutput("Results for Kafe Shkodër", wait)
	// The plan is offered after the results; not now.
	tm.waitOutput("Set a plan now? (y/n):", wait)
	tm.send("n", "enter")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
	}
	sess := onlySession(t, s.db)
	tm.waitOutput(fmt.Sprintf("saved. session %s is complete", sess.ID), wait)
	if sess.Client != "Kafe Shkodër" || sess.Assessor != "Ana" || sess.Status != checklist.Completed {
		t.Errorf("stored client %q assessor %q status %s", sess.Client, sess.Assessor, sess.Status)
	}
	checkAnswers(t, sess, plan, 0, len(plan.qs))
	checkNotes(t, sess, plan, notes)
}

// TestAccessiblePromptsThroughPipe pipes a whole audit, then half of one
// followed by a resume, into the plain prompts without a terminal: every
// answer of a multi-answer pipe must be stored (huh's accessible mode
// loses all but the first).
func TestAccessiblePromptsThroughPipe(t *testing.T) {
	t.Parallel()
	plan := planAnswers(2, func(i int) int { return 5 - (i*2)%5 })
	notes := map[int]string{3: "only the shop floor", 77: "last one — with a dash"}

	t.Run("whole audit", func(t *testing.T) {
		t.Parallel()
		s := newSandbox(t, servicecheckBin)
		r := s.run(plainScript(plan, "Pipe & Co", "", notes), "--accessible")
		if r.code != 0 {
			t.Fatalf("exit code %d, want 0\nstderr:\n%s", r.code, r.stderr)
		}
		sess := onlySession(t, s.db)
		if !strings.Contains(r.stdout, fmt.Sprintf("saved. session %s is complete", sess.ID)) {
			t.Errorf("stdout lacks the completion message\n%s", tail(r.stdout, 20))
		}
		if sess.Client != "Pipe & Co" || sess.Assessor != "" || sess.Status != checklist.Completed {
			t.Errorf("stored client %q assessor %q status %s", sess.Client, sess.Assessor, sess.Status)
		}
		checkAnswers(t, sess, plan, 0, len(plan.qs))
		checkNotes(t, sess, plan, notes)
	})

	t.Run("half then resume", func(t *testing.T) {
		t.Parallel()
		s := newSandbox(t, servicecheckBin)
		const half = 30
		var first strings.Builder
		for i := range half {
			fmt.Fprintf(&first, "%s\n", plan.plainAnswer(i))
		}
		first.WriteString("q\n")
		// No --accessible: a pipe on stdin is enough to get plain prompts.
		r := s.run(first.String(), "new", "--client", "Pipe & Co")
		if r.code != 0 {
			t.Fatalf("first half: exit code %d\nstderr:\n%s", r.code, r.stderr)
		}
		sess := onlySession(t, s.db)
		if !strings.Contains(r.stdout, "resume with: servicecheck resume "+sess.ID) {
			t.Errorf("first half: stdout lacks how to resume\n%s", tail(r.stdout, 10))
		}
		checkAnswers(t, sess, plan, 0, half)

		var rest strings.Builder
		for i := half; i < len(plan.qs); i++ {
			fmt.Fprintf(&rest, "%s\n", plan.plainAnswer(i))
		}
		r = s.run(rest.String(), "resume", sess.ID)
		if r.code != 0 {
			t.Fatalf("resume: exit code %d\nstderr:\n%s", r.code, r.stderr)
		}
		sess = onlySession(t, s.db)
		if sess.Status != checklist.Completed {
			t.Errorf("status %s after the rest of the answers, want completed", sess.Status)
		}
		checkAnswers(t, sess, plan, 0, len(plan.qs))
	})
}

// TestNoTerminalEmptyInput runs the wizard with stdin neither a terminal
// nor holding any answer: a clear message on stderr, a non-zero exit, no
// hang and no session left behind.
func TestNoTerminalEmptyInput(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		nil,
		{"--accessible"},
		{"new", "--client", "Nobody"},
		{"new"},
	} {
		t.Run(strings.Join(append([]string{"servicecheck"}, args...), " "), func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			start := time.Now()
			r := s.run("", args...)
			if r.code == 0 {
				t.Fatalf("exit code 0 with no input; stdout:\n%s", r.stdout)
			}
			if !strings.HasPrefix(r.stderr, "servicecheck: no input") {
				t.Errorf("stderr %q, want it to start with \"servicecheck: no input\"", r.stderr)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") > 1 {
				t.Errorf("stderr is more than a short message:\n%s", r.stderr)
			}
			t.Logf("exit %d after %v", r.code, time.Since(start).Round(time.Millisecond))
			if _, err := os.Stat(s.db); err == nil {
				if n := len(sessions(t, s.db)); n != 0 {
					t.Errorf("data file holds %d sessions after a run without input", n)
				}
			} else if !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
		})
	}
}

// TestAccessibleCtrlC presses Ctrl+C at a plain prompt in a terminal: like
// q it must end the program with exit 0 and say how to resume, and the
// answers given so far must be stored.
func TestAccessibleCtrlC(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(0, func(i int) int { return 2 })
	tm := s.start(80, 24, "new", "--client", "Interrupted", "--accessible")
	tm.waitFor("Answer (b goes back", wait)
	for i := range 3 {
		tm.send(plan.plainAnswer(i), "enter")
		tm.waitFor(fmt.Sprintf("Question %d of %d.", i+2, len(plan.qs)), wait)
	}
	tm.send("ctrl+c")
	code := tm.waitExit(wait)
	checkAnswers(t, onlySession(t, s.db), plan, 0, 3)
	if code != 0 || !strings.Contains(tm.output(), "resume with: servicecheck resume ") {
		t.Errorf("ctrl+c at a plain prompt: exit code %d, want 0 and how to resume\n%s", code, tm.dump())
	}
}

// checkNotes fails unless sess holds exactly the planned notes.
func checkNotes(t *testing.T, sess *checklist.Session, p answerPlan, notes map[int]string) {
	t.Helper()
	for i, q := range p.qs {
		if got, want := sess.Answers[q.ID].Note, notes[i]; got != want {
			t.Errorf("question %d (%s): stored note %q, want %q", i+1, q.ID, got, want)
		}
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
