package report

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// TestAreaTrendKeepsTheNewest: with more sessions than fit, the areas'
// trend shows the newest six, this session's scores in bold, an area a
// session did not score as "–", and says how many older ones it left out.
func TestAreaTrendKeepsTheNewest(t *testing.T) {
	d := &Document{}
	d.ID, d.Pack.Lang = "s7", "en"
	d.Areas = []results.Area{{Area: scoring.Area{ID: "a", Title: "Alpha"}}, {Area: scoring.Area{ID: "b", Title: "Beta"}}}
	for i := range 8 {
		pt := results.TrendPoint{ID: "s" + string(rune('0'+i)), Date: time.Date(2025, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC),
			Areas: []results.TrendArea{{ID: "a", Score: scoring.Of(float64(i%5) + 1)}}}
		d.Trend = append(d.Trend, pt)
	}
	blocks := areaTrend(d.Words(), d)
	if len(blocks) != 2 {
		t.Fatalf("%d blocks, want the table and the hidden line", len(blocks))
	}
	tb := blocks[0]
	if len(tb.Head) != 1+trendColumns || tb.Head[1] != "1 Mar 2025" || tb.Head[6] != "1 Aug 2025" {
		t.Errorf("head = %q", tb.Head)
	}
	if got := tb.Rows[0][6]; got.Text != "3.0" || !got.Bold {
		t.Errorf("this session's Alpha = %+v, want bold 3.0", got)
	}
	if got := tb.Rows[1][1].Text; got != "–" {
		t.Errorf("an unscored area = %q, want –", got)
	}
	if got := blocks[1].Text; got != "2 earlier sessions are not shown." {
		t.Errorf("hidden line = %q", got)
	}
}
