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
