// Package trend is a client's completed sessions side by side, oldest
// first: each session's total with its range and each area's score. It
// is the one data path behind `servicecheck compare --trend` and the
// wizard's trend screen, so that both show the same sessions, in the same
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

// Table is the trend of a client: its completed sessions' documents,
// oldest first, and one row per area.
type Table struct {
	// Docs are the sessions, oldest first (audit.Sort).
	Docs []results.Document
	// Rows are the areas of the newest session, in its order; a session
	// answered with another version of the pack lines up by area id.
	Rows []Row
}

// Row is one area across the sessions.
type Row struct {
	ID, Title string
	// Scores has one score per session of Docs; an invalid score means
	// the area was not scored (or did not exist) in that session.
	Scores []scoring.Score
}

// Load reads the sessions ids with get, builds each one's document with
// the pack pack finds for it, placed in loc, and returns their trend.
// Sessions that are not completed are left out: a trend compares results.
func Load(ids []string, get func(id string) (*checklist.Session, error),
	pack func(*checklist.Session) (*checklist.Pack, error), loc *time.Location) (Table, error) {
	var docs []results.Document
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
		docs = append(docs, results.Build(p, s, nil, nil).In(loc))
	}
	return Of(docs), nil
}

// Of is the trend of docs, which it sorts oldest first.
func Of(docs []results.Document) Table {
	audit.Sort(docs, results.Document.Stamp)
	t := Table{Docs: docs}
	if len(docs) == 0 {
		return t
	}
	for _, area := range docs[len(docs)-1].Areas {
		r := Row{ID: area.ID, Title: area.Title, Scores: make([]scoring.Score, len(docs))}
		for i, d := range docs {
			for _, a := range d.Areas {
				if a.ID == area.ID {
					r.Scores[i] = a.Score
				}
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// Words are the newest session's words: a trend speaks its language.
func (t Table) Words() results.Words { return t.Docs[len(t.Docs)-1].Words() }

// Dates are the sessions' dates in the trend's language, as short as
// they can be while telling sessions apart (results.Words.Dates).
func (t Table) Dates() []string {
	times := make([]time.Time, len(t.Docs))
	for i, d := range t.Docs {
		times[i] = d.Date()
	}
	return t.Words().Dates(times...)
}

// RangeCell is a total's range, "8–40", or "–" when it has no score.
func RangeCell(wd results.Words, t scoring.Total) string {
	if !t.Score.Valid {
		return "–"
	}
	return wd.Num(t.Min) + "–" + wd.Num(t.Max)
}
