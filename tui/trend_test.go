package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
)

// A client with more sessions than columns: the trend shows the newest,
// newest last, and says how many older ones it left out; every session
// fits at a width that has room.
func TestTrendNarrowShowsNewest(t *testing.T) {
	f := newFixture(t)
	for i := range 6 {
		f.session(t, "ACME Ltd", "Jo Doe", epoch.AddDate(0, -20+i, 0), func(j int, q checklist.Question) checklist.Value {
			if q.Kind == checklist.KindItem {
				return checklist.Yes
			}
			return checklist.Rating(1 + (i+j)%5)
		}, true)
	}
	d := newDriver(t, f.opts(), 60, 15)
	d.press("3", "enter", "t")
	if d.m.screen != scrTrend {
		t.Fatalf("screen %v, want trend", d.m.screen)
	}
	if n := len(d.m.trend.table.Points); n != 8 {
		t.Fatalf("%d sessions in the trend, want the 8 completed", n)
	}
	got := d.screen()
	checkFits(t, got, 60, 15)
	golden(t, "trend_many_60x15", got)
	if !strings.Contains(got, "older sessions not shown") {
		t.Errorf("no word of the hidden sessions:\n%s", got)
	}
	wide := strings.Join(d.m.trendView(200, 40), "\n")
	if strings.Contains(wide, "not shown") {
		t.Errorf("at 200 columns every session fits:\n%s", wide)
	}
	// Newest last: the last date column is the newest session's.
	dates := d.m.trend.table.Dates()
	head := d.m.trendView(60, 15)[2]
	if !strings.HasSuffix(strings.TrimRight(ansi.Strip(head), " "), dates[len(dates)-1]) {
		t.Errorf("header %q does not end with the newest date %q", head, dates[len(dates)-1])
	}
	d.press("esc")
	if d.m.screen != scrHistory {
		t.Errorf("esc from the trend went to %v, want history", d.m.screen)
	}
}
