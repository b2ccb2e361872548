package e2e

import (
	"strings"
	"testing"
	"time"
)

// wait is the default patience for anything to appear on screen: generous,
// because a loaded two-core CI machine can be slow to schedule a redraw.
const wait = 10 * time.Second

// TestHarnessDrivesBubbleTea proves the harness against a known Bubble Tea
// program: terminal queries are answered, keys arrive as the program
// expects them, resizes reach it, and Ctrl+C ends it with its exit code.
func TestHarnessDrivesBubbleTea(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, counterBin)
	tm := s.start(80, 24)

	// The program only learns the background colour from the terminal's
	// reply to its OSC 11 query; the virtual terminal's default is black.
	tm.waitFor("background: dark", wait)
	tm.waitFor("size: 80x24", wait)

	tm.send("up", "up", "+")
	tm.waitFor("count: 3", wait)
	tm.send("down")
	tm.waitFor("count: 2", wait)

	tm.send("ab", "space", "tab", "enter", "left", "right", "c", "backspace")
	tm.waitFor("typed: [ab_<tab>⏎<left><right>]", wait)
	tm.send("esc")
	tm.waitFor("<right><esc>]", wait)
	tm.send("x")
	tm.waitFor("<esc>x]", wait)

	tm.resize(50, 12)
	tm.waitFor("size: 50x12", wait)
	tm.resize(100, 30)
	tm.waitFor("size: 100x30", wait)

	tm.send("ctrl+c")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code after ctrl+c = %d, want 0\n%s", code, tm.dump())
	}
	// Leaving the alternate screen brings back the main one, where the
	// message printed on exit is.
	if got := tm.screen(); !strings.Contains(got, "interrupted at 2") {
		t.Fatalf("screen after exit lacks the exit message\n%s", tm.dump())
	}
}

// TestHarnessExitCode checks that a non-zero exit code comes through.
func TestHarnessExitCode(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, counterBin)
	tm := s.start(40, 10)
	tm.waitFor("count: 0", wait)
	tm.send("+")
	tm.waitFor("count: 1", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 3 {
		t.Fatalf("exit code = %d, want 3\n%s", code, tm.dump())
	}
	tm.waitOutput("quit at 1", wait)
}

// TestHarnessNoTerminal checks that a program run without a terminal (and
// without a controlling terminal to fall back to) ends and reports why,
// rather than hanging the suite.
func TestHarnessNoTerminal(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, counterBin)
	r := s.run("")
	if r.code != 1 || !strings.Contains(r.stderr, "counter:") {
		t.Fatalf("counter without a terminal: code %d, stderr %q; want 1 and an error", r.code, r.stderr)
	}
}

// TestServicecheckInfoFlags runs the real binary's --help and --version in
// a terminal, where they are styled.
func TestServicecheckInfoFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"Run it with no arguments to open the wizard", "--db", "content"}},
		{[]string{"--version"}, []string{"dev"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			tm := s.start(100, 40, tt.args...)
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			for _, w := range tt.want {
				if !strings.Contains(tm.output(), w) {
					t.Errorf("output lacks %q\n%s", w, tm.output())
				}
			}
		})
	}
}
