package results_test

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results"
)

// answered is a session of p with every statement rated r and every item
// answered Yes, completed at done (in progress when done is zero).
func answered(p *checklist.Pack, id string, r int, done time.Time) *checklist.Session {
	at := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	s := &checklist.Session{ID: id, Client: "Rossi", Status: checklist.InProgress, CreatedAt: at, UpdatedAt: at,
		Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	for _, q := range p.Questions() {
		v := checklist.Yes
		if q.Kind != checklist.KindItem {
			v = checklist.Rating(r)
		}
		s.Answers[q.ID] = checklist.Answer{Value: v}
	}
	if !done.IsZero() {
		s.Status, s.CompletedAt, s.UpdatedAt = checklist.Completed, done, done
	}
	return s
}

func TestTrend(t *testing.T) {
	p := content.Default()
	day := func(m time.Month) time.Time { return time.Date(2025, m, 10, 12, 0, 0, 0, time.UTC) }
	jan, mar, may := answered(p, "jan", 2, day(1)), answered(p, "mar", 3, day(3)), answered(p, "may", 4, day(5))
	draft := answered(p, "draft", 5, time.Time{})
	draft.UpdatedAt = day(6) // a draft stands for its last change
	// Given out of order, with a later session and one in progress among
	// them: the trend of mar is jan, mar, oldest first.
	pts := []results.TrendPoint{results.Point(p, may), results.Point(p, draft), results.Point(p, jan)}
	d := results.Build(p, mar, nil, nil)
	d.SetTrend(p, mar, pts)
	if len(d.Trend) != 2 || d.Trend[0].ID != "jan" || d.Trend[1].ID != "mar" {
		t.Fatalf("trend of mar = %+v, want jan, mar", d.Trend)
	}
	n := float64(len(p.Areas))
	if got := d.Trend[1]; got.Total.Value != 3*n || got.Min != n || got.Max != 5*n || len(got.Areas) != len(p.Areas) {
		t.Errorf("mar's point = %+v, want total %v of %v–%v over every area", got, 3*n, n, 5*n)
	}
	if !d.Trend[0].Date.Equal(day(1)) {
		t.Errorf("jan's date = %v, want its completion %v", d.Trend[0].Date, day(1))
	}
	// A session in progress shows the completed ones before it, not itself.
	dd := results.Build(p, draft, nil, nil)
	dd.SetTrend(p, draft, []results.TrendPoint{results.Point(p, jan), results.Point(p, mar), results.Point(p, may)})
	if len(dd.Trend) != 3 || dd.Trend[2].ID != "may" {
		t.Errorf("trend of a draft = %+v, want jan, mar, may", dd.Trend)
	}
	// One session alone is no trend.
	dj := results.Build(p, jan, nil, nil)
	dj.SetTrend(p, jan, []results.TrendPoint{results.Point(p, mar)})
	if dj.Trend == nil || len(dj.Trend) != 0 {
		t.Errorf("trend of the first session = %+v, want empty", dj.Trend)
	}
	// The readable reports date it where the reader is.
	loc := time.FixedZone("UTC-14", -14*3600)
	if got := d.In(loc).Trend[0].Date; got.Day() != 9 {
		t.Errorf("jan's date in UTC-14 = %v, want the 9th", got)
	}
}
