package e2e

import (
	"syscall"
	"testing"
)

// TestNoteDraftSurvivesSignals types a note in the full-screen wizard and,
// without confirming it, ends the program with SIGTERM or SIGHUP (a closed
// terminal window), or presses Ctrl+C: the note is stored, with the answers
// confirmed before it.
func TestNoteDraftSurvivesSignals(t *testing.T) {
	t.Parallel()
	plan := planAnswers(0, func(i int) int { return 3 })
	for _, tt := range []struct {
		name string
		end  func(tm *term)
	}{
		{"SIGTERM", func(tm *term) { _ = tm.cmd.Process.Signal(syscall.SIGTERM) }},
		{"SIGHUP", func(tm *term) { _ = tm.cmd.Process.Signal(syscall.SIGHUP) }},
		{"ctrl+c", func(tm *term) { tm.send("ctrl+c") }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			tm := s.start(80, 24, "new", "--client", "Draft Co")
			tm.waitForText(plan.qs[0].Text, wait)
			answerRange(t, tm, plan, 0, 2)
			tm.waitForText(plan.qs[2].Text, wait)
			tm.send("tab")
			tm.waitFor("enter saves it, esc cancels", wait)
			tm.send("words typed but not confirmed")
			tm.waitFor("not confirmed", wait)
			tt.end(tm)
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			sess := onlySession(t, s.db)
			if got := sess.Answers[plan.qs[2].ID].Note; got != "words typed but not confirmed" {
				t.Errorf("note after %s: %q, want the draft\n%s", tt.name, got, tm.output())
			}
			for i := range 2 {
				if sess.Answers[plan.qs[i].ID].Value != plan.values[i] {
					t.Errorf("confirmed answer %d lost", i+1)
				}
			}
		})
	}
}

// TestPlanDraftSurvivesSignals types a goal's problem in the plan and,
// without confirming the field, ends the program with SIGTERM or SIGHUP:
// the text is stored in the plan.
func TestPlanDraftSurvivesSignals(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			const client = "Plan Draft Co"
			plan := planAnswers(0, func(i int) int { return 1 + i%5 })
			left := answerAllButLast(t, s, plan, client)
			tm := finishInWizard(t, s, plan, client, left)
			tm.waitFor("press p to set your plan", wait)
			tm.send("p")
			tm.waitFor("goal 1 of 3", wait)
			tm.send(ctrlU, "Phones ring out at lunch")
			tm.waitFor("Phones ring out at lunch", wait)
			_ = tm.cmd.Process.Signal(sig)
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			sess := onlySession(t, s.db)
			if len(sess.Plan.Goals) == 0 || sess.Plan.Goals[0].Problem != "Phones ring out at lunch" {
				t.Errorf("plan after %v: %+v, want the typed problem", sig, sess.Plan)
			}
		})
	}
}
