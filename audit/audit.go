// Package audit is the one home of the rules about a client's sessions as
// a series of audits: the day a session stands for, the order of a
// client's sessions, which completed session came before another, and the
// catalogue id of a status. The wizard, the plain prompts, the reports and
// the commands all call it, so that `show`, the results screen and the
// history never disagree about which session is "the previous one".
//
// It works on Stamp, the few facts these rules read, so that it serves
// whole sessions (checklist.Session) and the store's summaries alike
// without depending on the store.
package audit

import (
	"cmp"
	"slices"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// Stamp is what the rules of this package read of a session.
type Stamp struct {
	ID          string
	Status      checklist.Status
	CreatedAt   time.Time
	UpdatedAt   time.Time
	CompletedAt time.Time
	// AuditDate is the day the audit took place (checklist.DayLayout),
	// empty when the session does not say.
	AuditDate string
}

// Of returns the stamp of s.
func Of(s *checklist.Session) Stamp {
	return Stamp{ID: s.ID, Status: s.Status, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, CompletedAt: s.CompletedAt,
		AuditDate: s.AuditDate}
}

// Completed reports whether the session is completed.
func (s Stamp) Completed() bool {
	return s.Status == checklist.Completed && !s.CompletedAt.IsZero()
}

// Date is the day a session stands for: its audit date when it has one
// (a paper form typed in a week later stands for the day of the audit),
// else when it was completed, else when it was last changed (an
// unfinished session is as recent as its last answer). It is the date
// every screen, report and list shows, and the one sessions are ordered
// by.
//
// An audit date is a civil day: it is placed at the clock time of the
// session's own date, in that date's zone (the zone the caller reads days
// in, e.g. results.Document.In), so that two audits of one day keep the
// order they were run in; at local noon when there is no such date.
func Date(s Stamp) time.Time {
	loc := time.Local
	if t := recorded(s); !t.IsZero() {
		loc = t.Location()
	}
	return DateIn(s, loc)
}

// DateIn is Date read in loc: the session's own date in loc, or its audit
// day placed in loc, so that a reader in loc sees the audit day itself.
func DateIn(s Stamp, loc *time.Location) time.Time {
	t := recorded(s)
	if !t.IsZero() {
		t = t.In(loc)
	}
	if s.AuditDate == "" {
		return t
	}
	day, err := checklist.ParseStoredDay(s.AuditDate)
	if err != nil {
		return t // the store refuses such a date; never invent one
	}
	d := day.Time()
	if t.IsZero() {
		return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, loc)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// recorded is the date of a session from its own times alone.
func recorded(s Stamp) time.Time {
	if s.Completed() {
		return s.CompletedAt
	}
	if !s.UpdatedAt.IsZero() {
		return s.UpdatedAt
	}
	return s.CreatedAt
}

// Compare orders two sessions of a client, earlier first: by Date, then by
// when they were created, then by id, so that the order is total and the
// same everywhere. A session imported with an old completion date sorts by
// that date, not by when it was created.
func Compare(a, b Stamp) int {
	if c := Date(a).Compare(Date(b)); c != 0 {
		return c
	}
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// Sort orders xs oldest first by Compare; stamp reads each element.
func Sort[T any](xs []T, stamp func(T) Stamp) {
	slices.SortStableFunc(xs, func(a, b T) int { return Compare(stamp(a), stamp(b)) })
}

// SortNewest orders xs newest first, as lists and the history show them.
func SortNewest[T any](xs []T, stamp func(T) Stamp) {
	slices.SortStableFunc(xs, func(a, b T) int { return Compare(stamp(b), stamp(a)) })
}

// Before returns the completed sessions of xs that come before s in the
// order of Compare, newest first; s itself (by id) is never among them. A
// session's "previous" is thus always one completed before it stands: the
// results of a session never compare with one finished later.
func Before[T any](s Stamp, xs []T, stamp func(T) Stamp) []T {
	var out []T
	for _, x := range xs {
		st := stamp(x)
		if st.ID == s.ID || !st.Completed() || Compare(st, s) >= 0 {
			continue
		}
		out = append(out, x)
	}
	SortNewest(out, stamp)
	return out
}

// Previous returns the client's newest completed session before s among
// xs (which should be the client's sessions), and whether there is one.
func Previous[T any](s Stamp, xs []T, stamp func(T) Stamp) (T, bool) {
	var best T
	found := false
	for _, x := range xs {
		st := stamp(x)
		if st.ID == s.ID || !st.Completed() || Compare(st, s) >= 0 {
			continue
		}
		if !found || Compare(st, stamp(best)) > 0 {
			best, found = x, true
		}
	}
	return best, found
}

// StatusID is the catalogue id of the word for status st
// ("status.completed"); the words themselves are the i18n catalogue's.
func StatusID(st checklist.Status) string {
	switch st {
	case checklist.Completed:
		return "status.completed"
	default:
		return "status.in_progress"
	}
}
