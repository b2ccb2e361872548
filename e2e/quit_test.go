package e2e

import (
	"strings"
	"testing"
)

// TestQuitAnywhere presses q or Ctrl+C on every kind of screen: the program
// always exits 0, leaves the terminal as it found it, and when a session is
// open says how to resume it (or that it is complete).
func TestQuitAnywhere(t *testing.T) {
	t.Parallel()
	plan := planAnswers(0, func(i int) int { return 3 })
	tests := []struct {
		name  string
		args  []string
		reach func(t *testing.T, tm *term)
		key   string
		want  string // in the output after exit; "" means no session message
	}{
		{"home q", nil, func(t *testing.T, tm *term) { tm.waitFor("1  Start a new session", wait) }, "q", ""},
		{"home ctrl+c", nil, func(t *testing.T, tm *term) { tm.waitFor("1  Start a new session", wait) }, "ctrl+c", ""},
		{"new-session form ctrl+c", nil, func(t *testing.T, tm *term) {
			tm.waitFor("1  Start a new session", wait)
			tm.send("1")
			tm.waitFor("┃ Client", wait)
			tm.send("Half typed")
			tm.waitFor("> Half typed", wait)
		}, "ctrl+c", ""},
		{"resume list q", nil, func(t *testing.T, tm *term) {
			tm.waitFor("1  Start a new session", wait)
			tm.send("2")
			tm.waitFor("No unfinished sessions", wait)
		}, "q", ""},
		{"history q", nil, func(t *testing.T, tm *term) {
			tm.waitFor("1  Start a new session", wait)
			tm.send("3")
			tm.waitFor("servicecheck · History", wait)
		}, "q", ""},
		{"question q", []string{"new", "--client", "Quit Co"}, func(t *testing.T, tm *term) {
			tm.waitForText(plan.qs[0].Text, wait)
			answerRange(t, tm, plan, 0, 3)
		}, "q", "resume with: servicecheck resume "},
		{"question ctrl+c", []string{"new", "--client", "Quit Co"}, func(t *testing.T, tm *term) {
			tm.waitForText(plan.qs[0].Text, wait)
			answerRange(t, tm, plan, 0, 3)
		}, "ctrl+c", "resume with: servicecheck resume "},
		{"note being written ctrl+c", []string{"new", "--client", "Quit Co"}, func(t *testing.T, tm *term) {
			tm.waitForText(plan.qs[0].Text, wait)
			tm.send("tab")
			tm.waitFor("enter saves it, esc cancels", wait)
			tm.send("unfinished thought")
			tm.waitFor("unfinished thought", wait)
		}, "ctrl+c", "resume with: servicecheck resume "},
		{"results ctrl+c", []string{"new", "--client", "Quit Co"}, func(t *testing.T, tm *term) {
			tm.waitForText(plan.qs[0].Text, wait)
			answerRange(t, tm, plan, 0, len(plan.qs))
			tm.waitFor("Results for Quit Co", wait)
		}, "ctrl+c", "is complete"},
		{"too small q", []string{"new", "--client", "Quit Co"}, func(t *testing.T, tm *term) {
			tm.waitForText(plan.qs[0].Text, wait)
			tm.resize(30, 8)
			tm.waitFor("Too small: 30×8", wait)
		}, "q", "resume with: servicecheck resume "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			tm := s.start(80, 24, tt.args...)
			tt.reach(t, tm)
			tm.send(tt.key)
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			out := tm.output()
			if tt.want != "" && !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q\n%s", tt.want, tm.dump())
			}
			if tt.want == "" && strings.Contains(out, "saved.") {
				t.Errorf("output speaks of a saved session though none was open\n%s", tm.dump())
			}
			for _, bad := range []string{"panic", "goroutine ", "servicecheck: "} {
				if strings.Contains(out, bad) {
					t.Errorf("output contains %q\n%s", bad, out)
				}
			}
			if tm.altScreen() || tm.cursorHidden() {
				t.Errorf("terminal left with alternate screen %v, cursor hidden %v", tm.altScreen(), tm.cursorHidden())
			}
		})
	}
}
