package tui

import (
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// TestResultsNAAreaAndFindings is the wizard's side of issue 10's case: a
// session whose one area is all N/A is complete, its total covers the
// seven areas scored (28.0 of 35), and the checklist's No answers are
// findings, each with its text, note and advice, reached with n.
func TestResultsNAAreaAndFindings(t *testing.T) {
	p := content.Default()
	f := newFixtureOf(t, p, func(s string) string { return s })
	naArea := p.Areas[5].ID
	var noItems []checklist.Item
	s := f.session(t, "Kafe", "Ana", epoch.AddDate(0, 0, -1), func(i int, q checklist.Question) checklist.Value {
		switch {
		case q.Kind == checklist.KindItem && (i == 0 || i == 9):
			noItems = append(noItems, p.Sections[q.Section].Items[q.Index])
			return checklist.No
		case q.Kind == checklist.KindItem:
			return checklist.Yes
		case p.Areas[q.Area].ID == naArea:
			return checklist.NA
		}
		return checklist.Rating(4)
	}, true)
	o := f.opts()
	o.Start.Session = s
	d := newDriver(t, o, 80, 24)
	scr := d.screen()
	for _, want := range []string{"Total  28.0 of 35 (range 7–35) · Good", "75% of the way from 7 to 35 · 7 of 8 areas scored, 1 not applicable",
		"2 findings · n and N go through them"} {
		if !contains(scr, want) {
			t.Errorf("results lack %q:\n%s", want, scr)
		}
	}
	if contains(scr, "incomplete") {
		t.Errorf("a complete session with an N/A area reads as incomplete:\n%s", scr)
	}
	// Each No item is a finding with its text, note (the fixture notes the
	// first question) and advice.
	for i, it := range noItems {
		d.press("n")
		scr = d.screen()
		flat := strings.Join(strings.Fields(scr), " ")
		for _, want := range []string{"No · ", firstWords(it.Text, 6), firstWords("What to do: "+it.Advice, 6)} {
			if !strings.Contains(flat, want) {
				t.Errorf("finding %d lacks %q:\n%s", i+1, want, scr)
			}
		}
		if i == 0 && !strings.Contains(flat, "Note: Trained once a year, at the kick-off.") {
			t.Errorf("finding 1 lacks its note:\n%s", scr)
		}
	}
}

// TestResultsInProgress: while a session is in progress the results show
// no total and no band, only the areas scored so far and how many remain.
func TestResultsInProgress(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	d.press("r")
	scr := d.screen()
	if !contains(scr, "Total  No total while the session is in progress") || !contains(scr, "0 of 8 areas scored so far, 8 to go") {
		t.Errorf("results in progress:\n%s", scr)
	}
	if contains(scr, " of 40") || contains(scr, "% of the way") {
		t.Errorf("a total or a position shown in progress:\n%s", scr)
	}
}

// firstWords is the first n words of s, to find wrapped text on a screen.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}
