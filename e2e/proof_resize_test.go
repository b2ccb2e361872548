package e2e

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProofResizeStormFullRange drives a whole audit in the real binary in
// a pseudo-terminal while the window is resized every few answers, in
// bursts across the full range the reliability suite promises (20×5 to
// 300×100, seeded), each burst ending below the minimum and then at a
// random usable size: the too-small message shows, nothing panics, the
// progress survives every burst and the stored answers are exactly the
// ones typed.
func TestProofResizeStormFullRange(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(20, 300))
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(1, func(i int) int { return 1 + (i*3)%5 })
	n := len(plan.qs)
	tm := s.start(120, 40, "new", "--client", "Storm Ltd")
	tm.waitForText(plan.qs[0].Text, wait)
	for from := 0; from < n; from += 6 {
		for range 5 {
			tm.resize(20+rng.IntN(281), 5+rng.IntN(96))
		}
		tm.resize(20, 5)
		tm.waitFor("Too small: 20×5", wait)
		cols, rows := 60+rng.IntN(241), 15+rng.IntN(86)
		tm.resize(cols, rows)
		tm.waitFor(fmt.Sprintf("%d of %d answered", from, n), wait)
		answerRange(t, tm, plan, from, min(n, from+6))
	}
	tm.waitFor("Results for Storm Ltd", wait)
	tm.resize(300, 100)
	tm.waitFor("Results for Storm Ltd", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
	}
	if out := tm.output(); strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
		t.Fatalf("output shows a panic\n%s", out)
	}
	checkAnswers(t, onlySession(t, s.db), plan, 0, n)
}
