package trend

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

func doc(id string, day int, areas ...results.Area) results.Document {
	at := time.Date(2026, 3, day, 10, 0, 0, 0, time.UTC)
	return results.Document{ID: id, Status: checklist.Completed, CreatedAt: at, UpdatedAt: at, CompletedAt: &at, Areas: areas}
}

func area(id string, v float64) results.Area {
	return results.Area{Area: scoring.Area{ID: id, Title: id, Score: scoring.Score{Value: v, Valid: true}}}
}

// Of sorts the sessions oldest first and lines areas up by id, the newest
// session's areas giving the rows; an area a session lacks has no score.
func TestOf(t *testing.T) {
	tb := Of([]results.Document{doc("new", 9, area("b", 4), area("a", 3)), doc("old", 2, area("a", 1))})
	if tb.Docs[0].ID != "old" || tb.Docs[1].ID != "new" {
		t.Fatalf("order %s, %s; want old, new", tb.Docs[0].ID, tb.Docs[1].ID)
	}
	if len(tb.Rows) != 2 || tb.Rows[0].ID != "b" || tb.Rows[1].ID != "a" {
		t.Fatalf("rows %+v; want b, a", tb.Rows)
	}
	if tb.Rows[0].Scores[0].Valid || tb.Rows[0].Scores[1].Value != 4 {
		t.Errorf("b: %+v; want none, then 4", tb.Rows[0].Scores)
	}
	if tb.Rows[1].Scores[0].Value != 1 || tb.Rows[1].Scores[1].Value != 3 {
		t.Errorf("a: %+v; want 1, then 3", tb.Rows[1].Scores)
	}
	if got := RangeCell(results.In("it"), scoring.Total{Score: scoring.Score{Value: 20, Valid: true}, Min: 7, Max: 35}); got != "7–35" {
		t.Errorf("range %q", got)
	}
	if got := RangeCell(results.In("en"), scoring.Total{}); got != "–" {
		t.Errorf("no total's range %q", got)
	}
}
