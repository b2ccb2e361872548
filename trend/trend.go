// Package trend is a client's completed sessions side by side, oldest
// first: each session's total with its range and each area's score. It
// is the one data path behind `servicecheck compare --trend` and the
// wizard's trend screen, built on the reports' trend points
// (results.Point), so that all three show the same sessions, in the same
// order, with the same values.
package trend

import (
	"fmt"
	"time"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// Table is the trend of a client: its completed sessions, oldest first,
// and one row per area.
type Table struct {
	// Client is the client's name as the newest session writes it; Lang
	// the newest session's pack language, which the trend speaks.
	Client, Lang string
	// Points are the sessions, oldest first (audit.Compare).
	Points []results.TrendPoint
	// Times are the sessions' dates (audit.DateIn) in the reader's zone.
	Times []time.Time
	// Rows are the areas of the newest session, in its order, then any
	// area only older sessions scored; areas line up by id, so sessions
	// answered with other versions of a pack share rows.
	Rows []Row
}

// Row is one area across the sessions.
type Row struct {
	ID, Title string
	// Scores has one score per session of Points; an invalid score means
	// the area was not scored in that session.
	Scores []scoring.Score
}

// Load reads the sessions ids with get, scores each one against the pack
// pack finds for it, and returns their trend with dates read in loc.
// Sessions that are not completed are left out: a trend compares results.
func Load(ids []string, get func(id string) (*checklist.Session, error),
	pack func(*checklist.Session) (*checklist.Pack, error), loc *time.Location) (Table, error) {
	type one struct {
		pt    results.TrendPoint
		stamp audit.Stamp
		s     *checklist.Session
		lang  string
	}
	var xs []one
	for _, id := range ids {
		s, err := get(id)
		if err != nil {
			return Table{}, fmt.Errorf("read session %s: %w", id, err)
		}
		if s.Status != checklist.Completed {
			continue
		}
		p, err := pack(s)
		if err != nil {
			return Table{}, fmt.Errorf("session %s: %w", id, err)
		}
		xs = append(xs, one{pt: results.Point(p, s), stamp: audit.Of(s), s: s, lang: p.Lang})
	}
	audit.Sort(xs, func(x one) audit.Stamp { return x.stamp })
	t := Table{}
	for _, x := range xs {
		t.Points = append(t.Points, x.pt)
		t.Times = append(t.Times, audit.DateIn(x.stamp, loc))
		t.Client, t.Lang = x.s.Client, x.lang
	}
	t.Rows = rows(t.Points)
	return t, nil
}

// rows lines the points' areas up by id: the newest point's first.
func rows(points []results.TrendPoint) []Row {
	var out []Row
	seen := map[string]int{}
	for i := len(points) - 1; i >= 0; i-- {
		for _, a := range points[i].Areas {
			k, ok := seen[a.ID]
			if !ok {
				k = len(out)
				seen[a.ID] = k
				out = append(out, Row{ID: a.ID, Title: a.Title, Scores: make([]scoring.Score, len(points))})
			}
			out[k].Scores[i] = a.Score
		}
	}
	return out
}

// Words are the newest session's words: a trend speaks its language.
func (t Table) Words() results.Words { return results.In(t.Lang) }

// Dates are the sessions' dates in the trend's language, as short as
// they can be while telling sessions apart (results.Words.Dates).
func (t Table) Dates() []string { return t.Words().Dates(t.Times...) }

// RangeCell is a session's range, "8–40", or "–" when it has no total.
func RangeCell(wd results.Words, p results.TrendPoint) string {
	if !p.Total.Valid {
		return "–"
	}
	return wd.Num(p.Min) + "–" + wd.Num(p.Max)
}
