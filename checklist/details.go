package checklist

import "time"

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

// AuditDateOf writes t's civil date in t's zone as an audit date, the
// Day's stored form.
func AuditDateOf(t time.Time) string { return DayOf(t).String() }

// ParseAuditDate reads a typed audit date by the one rule for typed days
// (ParseDay: ISO or day/month/year, years 2000 to 2199) and returns it in
// its stored form, YYYY-MM-DD; "" stays "".
func ParseAuditDate(s string) (string, error) {
	d, err := ParseDay(s)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// AuditDay is the session's audit date as a Day, read by the stored
// days' rule (ParseStoredDay); the zero Day when it has none.
func (s *Session) AuditDay() Day {
	d, err := ParseStoredDay(s.AuditDate)
	if err != nil {
		return Day{}
	}
	return d
}

// EditedAfterCompletion reports whether the session was changed after it
// was completed, and when last.
func (s *Session) EditedAfterCompletion() (time.Time, bool) {
	if len(s.Edits) == 0 {
		return time.Time{}, false
	}
	return s.Edits[len(s.Edits)-1].At, true
}
