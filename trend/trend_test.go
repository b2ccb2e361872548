package trend

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// session is a session of p with every statement rated r (0: area one
// left out) and every item Yes, completed on day of March 2026 unless
// done is false.
func session(p *checklist.Pack, id string, r, day int, done bool) *checklist.Session {
	at := time.Date(2026, 3, day, 10, 0, 0, 0, time.UTC)
	s := &checklist.Session{ID: id, Client: "Acme " + id, Pack: p.Ref(), Status: checklist.InProgress,
		CreatedAt: at, UpdatedAt: at, Answers: map[string]checklist.Answer{}}
	for _, q := range p.Questions() {
		v := checklist.Yes
		if q.Kind == checklist.KindStatement {
			v = checklist.Rating(r)
			if q.Area == 0 && id == "old" {
				v = checklist.NA
			}
		}
		s.Answers[q.ID] = checklist.Answer{Value: v, At: at}
	}
	if done {
		s.Status, s.CompletedAt = checklist.Completed, at
	}
	return s
}

// Load keeps the completed sessions only, oldest first, speaks the newest
// one's language and lines areas up by id: an area a session did not
// score has no value there.
func TestLoad(t *testing.T) {
	p := content.Default()
	byID := map[string]*checklist.Session{
		"new": session(p, "new", 4, 9, true), "old": session(p, "old", 2, 2, true), "draft": session(p, "draft", 5, 20, false)}
	tb, err := Load([]string{"new", "draft", "old"}, func(id string) (*checklist.Session, error) { return byID[id], nil },
		func(*checklist.Session) (*checklist.Pack, error) { return p, nil }, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Points) != 2 || tb.Points[0].ID != "old" || tb.Points[1].ID != "new" || tb.Client != "Acme new" {
		t.Fatalf("points %+v, client %q; want old, new of Acme new", tb.Points, tb.Client)
	}
	if len(tb.Rows) != len(p.Areas) || tb.Rows[0].ID != p.Areas[0].ID {
		t.Fatalf("%d rows, first %q; want every area in the pack's order", len(tb.Rows), tb.Rows[0].ID)
	}
	if r := tb.Rows[0]; r.Scores[0].Valid || !r.Scores[1].Valid {
		t.Errorf("area %s: %+v; want none for old (all N/A), a score for new", r.ID, r.Scores)
	}
	if d := tb.Dates(); len(d) != 2 || d[0] == d[1] {
		t.Errorf("dates %q", d)
	}
	if got, want := RangeCell(results.In("it"), tb.Points[1]), results.In("it").Num(tb.Points[1].Min)+"–"+results.In("it").Num(tb.Points[1].Max); got != want || tb.Points[1].Max != 5*tb.Points[1].Min {
		t.Errorf("range %q", got)
	}
	if got := RangeCell(results.In("en"), results.TrendPoint{Total: scoring.Score{}}); got != "–" {
		t.Errorf("no total's range %q", got)
	}
}
