package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestTinyTerminal starts the wizard in windows below its minimum size: it
// says the window is too small instead of drawing a broken screen or
// panicking, and once the window grows it works as usual.
func TestTinyTerminal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cols, rows int
		want       string // "" when the window is too small for any word
	}{
		{40, 10, "Window too small: 40×10."},
		{59, 24, "Window too small: 59×24."},
		{80, 14, "Window too small: 80×14."},
		{20, 5, "Too small: 20×5"},
		{1, 1, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.cols, tt.rows), func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			tm := s.start(tt.cols, tt.rows)
			if tt.want != "" {
				tm.waitFor(tt.want, wait)
			} else {
				tm.waitFor("T", wait)
			}
			tm.resize(80, 24)
			tm.waitFor("1  Start a new session", wait)
			tm.send("q")
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			if out := tm.output(); strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
				t.Fatalf("output shows a panic\n%s", out)
			}
		})
	}
}

// TestResizeDuringAudit resizes the window in the middle of an audit, to
// larger, to the minimum, below it and back, and in a quick burst as a
// window manager does while dragging: the question on screen and every
// answer survive, and the audit completes with exactly what was typed.
func TestResizeDuringAudit(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(3, func(i int) int { return 1 + (i*7)%5 })
	tm := s.start(80, 24, "new", "--client", "Resize Ltd")
	tm.waitForText(plan.qs[0].Text, wait)
	answerRange(t, tm, plan, 0, 5)
	onScreen := func(cols, rows int) {
		t.Helper()
		tm.waitForText(plan.qs[5].Text, wait)
		tm.waitFor(fmt.Sprintf("5 of %d answered", len(plan.qs)), wait)
		tm.waitScreen(fmt.Sprintf("the key help on the last of %d rows", rows), wait, func(scr string) bool {
			lines := strings.Split(scr, "\n")
			return len(lines) == rows && strings.Contains(lines[rows-1], "enter pick")
		})
	}

	tm.resize(120, 40)
	// The header spans the new width: the save mark sits at its right end.
	tm.waitScreen("the header across 120 columns", wait, func(scr string) bool {
		first, _, _ := strings.Cut(scr, "\n")
		return strings.HasPrefix(first, " servicecheck · Resize Ltd") && len([]rune(first)) > 100
	})
	onScreen(120, 40)

	tm.resize(60, 15)
	onScreen(60, 15)

	tm.resize(50, 12)
	tm.waitFor("Window too small: 50×12.", wait)
	tm.waitFor("your answers are kept", wait)

	for i := range 10 {
		tm.resize(60+i*7, 15+i*2)
	}
	tm.resize(80, 24)
	onScreen(80, 24)

	answerRange(t, tm, plan, 5, len(plan.qs))
	tm.waitFor("Results for Resize Ltd", wait)
	tm.resize(70, 20)
	tm.waitFor("Results for Resize Ltd", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
	}
	checkAnswers(t, onlySession(t, s.db), plan, 0, len(plan.qs))
}

// TestNoColor checks that NO_COLOR takes every colour off the wizard's
// screen, while the same screen is coloured without it.
func TestNoColor(t *testing.T) {
	t.Parallel()
	for _, noColor := range []bool{false, true} {
		t.Run(fmt.Sprintf("NO_COLOR=%v", noColor), func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			if noColor {
				s.setenv("NO_COLOR", "1")
			}
			tm := s.start(80, 24)
			tm.waitFor("5  Quit", wait)
			tm.waitFor("q quit", wait)
			if n := tm.colours(); noColor && n != 0 {
				t.Errorf("%d coloured cells with NO_COLOR set\n%s", n, tm.dump())
			} else if !noColor && n == 0 {
				t.Errorf("no coloured cell without NO_COLOR: the check cannot see colour\n%s", tm.dump())
			}
			tm.send("q")
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d\n%s", code, tm.dump())
			}
		})
	}
}
