package e2e

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// TestTwoWizardsOnOneSession opens one session in two full-screen wizards.
// A answers question 3; B, still showing it unanswered, answers it too:
// B's answer must be refused and said on B's screen, A's answer stays,
// and B ends with a non-zero exit that says what was not saved. Both
// windows' other answers are kept.
func TestTwoWizardsOnOneSession(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(0, func(i int) int { return 3 })
	a := s.start(80, 24, "new", "--client", "Two Windows")
	a.waitForText(plan.qs[0].Text, wait)
	answerRange(t, a, plan, 0, 2)
	a.waitFor("✓ saved", wait)
	entries := waitList(t, s, "the session with 2 answers", func(es []listEntry) bool {
		return len(es) == 1 && es[0].Answered == 2
	})
	b := s.start(80, 24, "resume", entries[0].ID)
	b.waitForText(plan.qs[2].Text, wait)

	a.send("y") // question 3 is an item: A says yes
	a.waitFor("3 of", wait)
	// "✓ saved" may still be on A's screen from its last answer: wait for
	// the store itself, or B's answer could land first under load.
	waitList(t, s, "A's answer to question 3", func(es []listEntry) bool {
		return len(es) == 1 && es[0].Answered == 3
	})
	b.send("n") // B says no, on its stale copy
	b.waitFor("Not saved", wait)
	b.waitFor("changed elsewhere", wait)
	// B goes on: its next answer, to question 4, is its own and is kept.
	b.send("b") // back to question 3, which now shows A's yes
	b.waitForText(plan.qs[2].Text, wait)
	b.send("right")
	b.waitForText(plan.qs[3].Text, wait)
	b.send("p")
	b.waitFor("✓ saved", wait)

	a.send("q")
	if code := a.waitExit(wait); code != 0 {
		t.Errorf("A: exit code %d\n%s", code, a.dump())
	}
	b.send("q")
	if code := b.waitExit(wait); code == 0 {
		t.Errorf("B: exit code 0, though its answer to question 3 was not saved\n%s", b.output())
	}
	if out := b.output(); !strings.Contains(out, "not saved") || strings.Contains(out, "saved. resume with") {
		t.Errorf("B's last words do not say what was not saved:\n%s", out)
	}
	sess := onlySession(t, s.db)
	if v := sess.Answers[plan.qs[2].ID].Value; v != checklist.Yes {
		t.Errorf("question 3 holds %q, want A's yes", v)
	}
	if v := sess.Answers[plan.qs[3].ID].Value; v != checklist.Partly {
		t.Errorf("question 4 holds %q, want B's partly", v)
	}
	for i := range 2 {
		if sess.Answers[plan.qs[i].ID].Value != plan.values[i] {
			t.Errorf("question %d lost", i+1)
		}
	}
}

// TestFullScreenWizardKill9 kills the full-screen wizard (not only the
// plain prompts) with SIGKILL at random moments after answers it showed as
// saved ("✓ saved" with the count): every such answer must be in the
// file, which must pass the consistency check; the next round resumes.
func TestFullScreenWizardKill9(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(1, func(i int) int { return 2 + i%4 })
	rng := rand.New(rand.NewPCG(20261202, 7))
	confirmed := 0
	id := ""
	for round := 0; round < 6 && confirmed < len(plan.qs)-8; round++ {
		args := []string{"new", "--client", "Kill Co"}
		if id != "" {
			args = []string{"resume", id}
		}
		tm := s.start(80, 24, args...)
		tm.waitForText(plan.qs[confirmed].Text, wait)
		n := 1 + rng.IntN(6)
		answerRange(t, tm, plan, confirmed, confirmed+n)
		tm.waitFor(fmt.Sprintf("%d of %d answered", confirmed+n, len(plan.qs)), wait)
		tm.waitFor("✓ saved", wait)
		confirmed += n
		// One more answer, killed 0-5 ms after it is typed: it may or
		// may not land, but nothing confirmed may go.
		tm.send(plan.keysFor(confirmed, false)...)
		time.Sleep(time.Duration(rng.IntN(5)) * time.Millisecond)
		_ = tm.cmd.Process.Kill()
		tm.waitExit(wait)

		if h, err := store.Inspect(s.db, store.Options{}); err != nil || len(h.Problems) > 0 {
			t.Fatalf("round %d: file not sound after kill: %v %v", round, err, h.Problems)
		}
		sess := onlySession(t, s.db)
		id = sess.ID
		for i := range confirmed {
			if got := sess.Answers[plan.qs[i].ID].Value; got != plan.values[i] {
				t.Fatalf("round %d: confirmed answer %d lost: stored %q, want %q", round, i+1, got, plan.values[i])
			}
		}
		if sess.Answers[plan.qs[confirmed].ID].Value != "" {
			confirmed++ // the answer in flight landed
		}
	}
}
