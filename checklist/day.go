package checklist

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Day is a calendar day with no time of day and no zone, such as a goal's
// due date. The zero Day is no day. It is written as "2006-01-02" in JSON
// and answers files, and shown through the locale (i18n.Locale.Date of
// Time), so that a due date reads "31 mar 2026" in Italian.
type Day struct {
	t time.Time // midnight UTC; zero for no day
}

// The days a due date may fall on: generously around any real plan, so
// that a typing slip ("0226") is caught rather than kept.
const (
	minDayYear = 2000
	maxDayYear = 2199
)

// NewDay returns the day y-m-d; ok is false when there is no such day or
// it lies outside the years 2000 to 2199.
func NewDay(y int, m time.Month, d int) (Day, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d || y < minDayYear || y > maxDayYear {
		return Day{}, false
	}
	return Day{t: t}, true
}

// DayOf returns the day t falls on in its own zone.
func DayOf(t time.Time) Day {
	if t.IsZero() {
		return Day{}
	}
	d, _ := NewDay(t.Year(), t.Month(), t.Day())
	return d
}

// errDay is the one way a typed day is wrong; the caller says it in words.
var errDay = errors.New("not a date: write it as YYYY-MM-DD or day/month/year")

// ParseDay reads a typed day: ISO "2026-03-31", or day, month and year
// as servicecheck's four languages write them, "31/3/2026", "31.03.2026"
// or "31-03-2026" (English is written day first here too, as the dates
// it shows are). Spaces around it are ignored; "" is the zero Day.
func ParseDay(s string) (Day, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Day{}, nil
	}
	var parts []string
	for _, sep := range []string{"-", "/", "."} {
		if p := strings.Split(s, sep); len(p) == 3 {
			parts = p
			break
		}
	}
	if parts == nil {
		return Day{}, errDay
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 0 || strings.HasPrefix(strings.TrimSpace(p), "+") {
			return Day{}, errDay
		}
		n[i] = v
	}
	y, m, d := n[2], n[1], n[0]
	if len(strings.TrimSpace(parts[0])) == 4 { // ISO: year first
		if parts[0] != strings.TrimSpace(parts[0]) || strings.Contains(s, "/") || strings.Contains(s, ".") {
			return Day{}, errDay
		}
		y, d = n[0], n[2]
	} else if len(strings.TrimSpace(parts[2])) != 4 {
		return Day{}, errDay // a year is written in full: 31/3/26 is ambiguous
	}
	day, ok := NewDay(y, time.Month(m), d)
	if !ok {
		return Day{}, errDay
	}
	return day, nil
}

// IsZero reports whether d is no day; JSON's omitzero leaves it out.
func (d Day) IsZero() bool { return d.t.IsZero() }

// Time is the day at midnight UTC, for formatting (l.Date) and ordering;
// the zero time for no day.
func (d Day) Time() time.Time { return d.t }

// String is the day as "2006-01-02"; "" for no day.
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.t.Before(e.t) }

// Compare orders two days, no day first.
func (d Day) Compare(e Day) int { return d.t.Compare(e.t) }

// MarshalJSON writes the day as "2006-01-02".
func (d Day) MarshalJSON() ([]byte, error) {
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "2006-01-02" (or "" for no day); nothing else is a
// stored day.
func (d *Day) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New("a date must be a string \"YYYY-MM-DD\"")
	}
	if s == "" {
		*d = Day{}
		return nil
	}
	day, err := ParseStoredDay(s)
	if err != nil {
		return err
	}
	*d = day
	return nil
}

// ParseStoredDay reads a day as servicecheck writes it, "2006-01-02", and
// nothing else: the form kept in JSON, the store and a session's audit
// date. Typed days go through ParseDay, which also accepts day/month/year.
func ParseStoredDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Day{}, errors.New("a date must be written \"YYYY-MM-DD\"")
	}
	day, ok := NewDay(t.Year(), t.Month(), t.Day())
	if !ok {
		return Day{}, errors.New("a date must lie in the years 2000 to 2199")
	}
	return day, nil
}
