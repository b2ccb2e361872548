package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// TestGoldenResultsInLanguages keeps the results and history screens of a
// session answered with the Italian, Albanian and Afrikaans packs at
// 80×24: every word is the session's language, numbers have a decimal
// comma and dates the language's month names.
func TestGoldenResultsInLanguages(t *testing.T) {
	for _, lang := range []string{"it", "sq", "af"} {
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range []struct {
			name string
			keys []string
		}{{"results", nil}, {"history", []string{"h"}}, {"findings", []string{"n"}}, {"trend", []string{"h", "t"}}} {
			name := fmt.Sprintf("%s_%s_80x24", sc.name, lang)
			t.Run(name, func(t *testing.T) {
				f := newFixtureOf(t, p, func(s string) string { return s })
				o := f.opts()
				o.Start.Session = f.newer
				d := newDriver(t, o, 80, 24)
				d.press(sc.keys...)
				got := d.screen()
				checkFits(t, got, 80, 24)
				golden(t, name, got)
			})
		}
	}
}

// TestPseudoLocaleResults renders the results, history and compare screens
// of a pack in the pseudo-locale, with user data marked too, and finds no
// text that did not come through the catalogue. Only the screens' own
// lines are checked: the key bar and the frame are other screens' work.
func TestPseudoLocaleResults(t *testing.T) {
	p := resultstest.WithAdvice(resultstest.Pseudo(testpack.Pack()))
	f := newFixtureOf(t, p, resultstest.Wrap)
	// The newer session has a plan and reviewed the older one's goals, so
	// that the plan's lines are checked too.
	plan := checklist.Plan{Vision: resultstest.Wrap("Calls answered"), Goals: []checklist.Goal{
		{Problem: resultstest.Wrap("Slow"), What: resultstest.Wrap("Faster"), Target: resultstest.Wrap("Fast"), Owner: resultstest.Wrap("Ann"),
			DueDate: func() checklist.Day { d, _ := checklist.NewDay(2026, 5, 31); return d }(), Status: checklist.StatusInProgress,
			Note: resultstest.Wrap("May")}}}
	for i, g := range f.older.Plan.Goals {
		plan.Review = append(plan.Review, checklist.GoalReview{From: f.older.ID, FromDate: f.older.CompletedAt, Goal: g,
			Status: checklist.GoalStatuses()[i], Note: resultstest.Wrap("kept")})
	}
	f.newer.Plan = plan
	if err := f.repo.SetPlan(f.newer.ID, plan); err != nil {
		t.Fatal(err)
	}
	o := f.opts()
	o.Start.Session = f.newer
	d := newDriver(t, o, 200, 80)
	check := func(name string, lines []string) {
		t.Helper()
		text := strings.Join(lines, "\n")
		for _, leak := range resultstest.Leaks(text) {
			t.Errorf("%s: %q is not from the catalogue: %q", name, leak, resultstest.Context(text, leak))
		}
	}
	if d.m.screen != scrResults {
		t.Fatalf("screen %v, want results", d.m.screen)
	}
	// The whole content of the viewport, not only what fits: the findings
	// with their advice and the strengths included.
	content := d.m.res.view.GetContent()
	for _, want := range []string{"⟦Findings (", "⟦What to do: ⟦Do ", "⟦Strengths⟧", "⟦n and N go through them⟧"} {
		if !strings.Contains(content, want) {
			t.Errorf("results lack %q", want)
		}
	}
	check("results", append(d.m.resultsView(200, 80)[:1], strings.Split(content, "\n")...))
	// Browsing the findings keeps every word in the catalogue.
	d.press("n", "n", "N")
	check("findings browsed", strings.Split(d.m.res.view.GetContent(), "\n"))
	d.press("h")
	check("history", d.m.historyView(200, 80))
	d.press("t")
	if d.m.screen != scrTrend {
		t.Fatalf("screen %v, want trend", d.m.screen)
	}
	check("trend", d.m.trendView(200, 80))
	check("trend narrow", d.m.trendView(30, 80))
	d.press("esc", "c")
	if d.m.screen != scrCompare {
		t.Fatalf("screen %v, want compare", d.m.screen)
	}
	check("compare", append(d.m.compareView(200, 80)[:1], strings.Split(d.m.cmp.view.GetContent(), "\n")...))
	d.press("esc", "esc")
	check("clients", d.m.clientsView(200, 80))
	// A results screen that scrolls shows its position in the catalogue's
	// words too.
	d = newDriver(t, o, 80, 24)
	check("results title", d.m.resultsView(80, 24)[:1])
}

// TestResultsPreviousFollowsCompletion is the imported-sessions case on
// the results screen: A was created first but completed last, so A is
// compared with B, and B, completed before A, with nothing later.
func TestResultsPreviousFollowsCompletion(t *testing.T) {
	f := newFixture(t)
	jan := epoch.AddDate(0, -2, 0)
	val := func(i int, q checklist.Question) checklist.Value {
		if q.Kind == checklist.KindItem {
			return checklist.Yes
		}
		return checklist.Rating(3)
	}
	a := f.session(t, "Import Co", "", jan, val, true)
	b := f.session(t, "Import Co", "", jan.AddDate(0, 1, 0), val, true)
	a.CompletedAt, a.UpdatedAt = jan.AddDate(0, 2, 0), jan.AddDate(0, 2, 0)
	b.CompletedAt, b.UpdatedAt = jan.AddDate(0, 1, 1), jan.AddDate(0, 1, 1)
	f.repo.Add(a)
	f.repo.Add(b)
	o := f.opts()
	o.Start.Session = a
	d := newDriver(t, o, 100, 30)
	if d.m.res.prev == nil || d.m.res.prev.ID != b.ID {
		t.Errorf("A compared with %v, want B", d.m.res.prev)
	}
	o.Start.Session = b
	d = newDriver(t, o, 100, 30)
	if d.m.res.prev != nil {
		t.Errorf("B compared with %s, completed after it", d.m.res.prev.ID)
	}
	// The history lists them in that order, newest first.
	d.press("h")
	if len(d.m.hist.list) != 2 || d.m.hist.list[0].ID != a.ID {
		t.Errorf("history order %v, want A first", d.m.hist.list)
	}
}
