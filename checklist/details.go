package checklist

import (
	"fmt"
	"time"
)

// DayLayout is how an audit date is written: a civil date, YYYY-MM-DD.
const DayLayout = "2006-01-02"

// Edit is one change made to an answer of a completed session: which
// question, its value and note before and after, and when.
type Edit struct {
	QID      string    `json:"question"`
	At       time.Time `json:"at"`
	OldValue Value     `json:"old_value,omitempty"`
	Value    Value     `json:"value,omitempty"`
	OldNote  string    `json:"old_note,omitempty"`
	Note     string    `json:"note,omitempty"`
}

// ParseAuditDate reads an audit date written YYYY-MM-DD. The day is
// returned at noon in loc, so that showing it in loc never moves it to
// another day.
func ParseAuditDate(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation(DayLayout, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
	}
	return t.Add(12 * time.Hour), nil
}

// AuditDateOf writes t's civil date in t's zone as an audit date.
func AuditDateOf(t time.Time) string { return t.Format(DayLayout) }

// EditedAfterCompletion reports whether the session was changed after it
// was completed, and when last.
func (s *Session) EditedAfterCompletion() (time.Time, bool) {
	if len(s.Edits) == 0 {
		return time.Time{}, false
	}
	return s.Edits[len(s.Edits)-1].At, true
}
