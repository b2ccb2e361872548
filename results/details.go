package results

import (
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// Details are what a session records beside its answers: the audit date
// (the day it stands for, audit.Date), where and with whom it took place,
// its own notes, and every change made after it was completed.
type Details struct {
	// AuditDate is the day of the audit, YYYY-MM-DD; empty for sessions
	// made before it was kept.
	AuditDate    string   `json:"audit_date,omitempty"`
	Site         string   `json:"site,omitempty"`
	Participants []string `json:"participants,omitempty"`
	Notes        string   `json:"notes,omitempty"`
	// ReopenedAt is when the completed session was last reopened; nil
	// when it never was.
	ReopenedAt *time.Time `json:"reopened_at,omitempty"`
	// Edits is the edit log: each change to an answer after completion,
	// oldest first, with the question's text.
	Edits []Edit `json:"edits,omitempty"`
}

// Edit is one change to an answer of a completed session.
type Edit struct {
	ID   string    `json:"id"`
	Text string    `json:"text"`
	At   time.Time `json:"at"`
	// OldAnswer and Answer are the values before and after; nil for none.
	OldAnswer *checklist.Value `json:"old_answer"`
	Answer    *checklist.Value `json:"answer"`
	OldNote   string           `json:"old_note,omitempty"`
	Note      string           `json:"note,omitempty"`
}

// EditedAt is when the session was last changed after completion, and
// whether it was.
func (d Details) EditedAt() (time.Time, bool) {
	if len(d.Edits) == 0 {
		return time.Time{}, false
	}
	return d.Edits[len(d.Edits)-1].At, true
}

// AnswerChange is a question answered differently in two sessions.
type AnswerChange struct {
	ID   string           `json:"id"`
	Text string           `json:"text"`
	A    *checklist.Value `json:"a"`
	B    *checklist.Value `json:"b"`
}

func details(p *checklist.Pack, s *checklist.Session) Details {
	d := Details{AuditDate: s.AuditDate, Site: s.Site, Notes: s.Notes,
		Participants: append([]string(nil), s.Participants...), ReopenedAt: timePtr(s.ReopenedAt)}
	texts := questionTexts(p)
	for _, e := range s.Edits {
		d.Edits = append(d.Edits, Edit{ID: e.QID, Text: texts[e.QID], At: e.At.UTC(), OldAnswer: valuePtr(e.OldValue),
			Answer: valuePtr(e.Value), OldNote: e.OldNote, Note: e.Note})
	}
	return d
}

func (d Details) in(loc *time.Location) Details {
	d.ReopenedAt = timeIn(d.ReopenedAt, loc)
	if len(d.Edits) > 0 {
		d.Edits = append([]Edit(nil), d.Edits...)
		for i := range d.Edits {
			d.Edits[i].At = d.Edits[i].At.In(loc)
		}
	}
	return d
}

// Changes lists the questions of p whose answer value differs between
// the earlier session a and the later b, in p's order. A question only
// one of them answered counts as changed; notes alone do not.
func Changes(p *checklist.Pack, a, b *checklist.Session) []AnswerChange {
	var out []AnswerChange
	for _, q := range p.Questions() {
		va, vb := a.Answers[q.ID].Value, b.Answers[q.ID].Value
		if va == vb {
			continue
		}
		out = append(out, AnswerChange{ID: q.ID, Text: q.Text, A: valuePtr(va), B: valuePtr(vb)})
	}
	return out
}

func questionTexts(p *checklist.Pack) map[string]string {
	m := map[string]string{}
	for _, q := range p.Questions() {
		m[q.ID] = q.Text
	}
	return m
}

func valuePtr(v checklist.Value) *checklist.Value {
	if v == "" {
		return nil
	}
	return &v
}

// AuditDay is the audit date of d in the words' language ("2 mar 2026"),
// "" when d has none.
func (w Words) AuditDay(d Details) string {
	day, err := checklist.ParseStoredDay(d.AuditDate)
	if err != nil {
		return ""
	}
	return w.Date(day.Time())
}

// Participants is the list of participants joined for one line.
func (w Words) Participants(names []string) string { return strings.Join(names, ", ") }

// EditedAfter is "edited after completion on 5 mar 2026", "" when the
// session was not.
func (w Words) EditedAfter(d Details) string {
	at, ok := d.EditedAt()
	if !ok {
		return ""
	}
	return w.T("session.edited_after", "Date", w.Date(at))
}

// EditChange is one edit's change of answer, "Partly → Yes".
func (w Words) EditChange(e Edit) string {
	return w.T("session.edit.change", "Old", w.answerOrNone(e.OldAnswer), "New", w.answerOrNone(e.Answer))
}

// AnswerChange is a comparison's change of answer, "Partly → Yes".
func (w Words) AnswerChange(c AnswerChange) string {
	return w.T("session.edit.change", "Old", w.answerOrNone(c.A), "New", w.answerOrNone(c.B))
}

func (w Words) answerOrNone(v *checklist.Value) string {
	if v == nil {
		return w.T("answer.none")
	}
	return w.Answer(*v)
}
