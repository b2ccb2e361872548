package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// dateLayout is how every report writes a day: ISO 8601, unambiguous in
// every language the packs come in.
const dateLayout = "2006-01-02"

// day formats the day of t in t's own location: Build keeps times in
// UTC, and In moves a document to the reader's time zone.
func day(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format(dateLayout)
}

// pct formats a percentage score with no decimals, or "–" when missing.
func pct(s scoring.Score) string {
	if !s.Valid {
		return "–"
	}
	return s.Format(0) + "%"
}

// signed formats a delta with its sign, so that "+0.5" and "-0.5" read
// alike in a table.
func signed(s scoring.Score) string {
	if !s.Valid {
		return "–"
	}
	if s.Value > -0.05 && s.Value < 0.05 {
		return "0.0"
	}
	if s.Value > 0 {
		return "+" + s.Format(1)
	}
	return s.Format(1)
}

// signedPoints formats the change of a percentage in whole points with its
// sign: "+25", "-13", "0".
func signedPoints(s scoring.Score) string {
	if !s.Valid {
		return "–"
	}
	v := s.Format(0)
	switch {
	case v == "0" || v == "-0":
		return "0"
	case s.Value > 0:
		return "+" + v
	}
	return v
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func statusLabel(s checklist.Status) string {
	switch s {
	case checklist.Completed:
		return "completed"
	case checklist.InProgress:
		return "in progress"
	}
	return string(s)
}

// totalLine says the total in one sentence, and that it is incomplete
// when it is.
func totalLine(t Total) string {
	if !t.Score.Valid {
		return "No area has been rated yet."
	}
	s := fmt.Sprintf("%s on a scale of %s to %s (%s)", t.Score.Format(1),
		trimFloat(t.Min), trimFloat(t.Max), pct(t.Percent))
	if t.BandLabel != "" {
		s += ", " + t.BandLabel
	}
	return s + "."
}

// incompleteLine explains an incomplete total; "" when complete.
func incompleteLine(d *Document) string {
	if d.Total.Complete {
		return ""
	}
	return fmt.Sprintf("Incomplete: %d of %d areas scored, %d answers missing.",
		d.Total.Scored, d.Total.Areas, len(d.Unanswered))
}

// defaultTitle heads a report whose pack has no title.
const defaultTitle = "Customer service check"

// title heads the report: the pack's title, so that a pack in another
// language or one of the user's own is named as it names itself.
func (d *Document) title() string {
	if t := strings.TrimSpace(d.Pack.Title); t != "" {
		return t
	}
	return defaultTitle
}

// Title is the report's heading, for templates: the pack's title.
func (d Document) Title() string { return d.title() }

// checklistScoreNote says what a section's percentage is, so that 100%
// is not read as "all done" when two of eight items are answered.
const checklistScoreNote = "Score: Yes counts 1, Partly ½ and No 0, over the items answered other than N/A."

// sectionAnswered says how many of a section's items have an answer,
// N/A included: "2 of 8".
func sectionAnswered(s Section) string {
	return fmt.Sprintf("%d of %d", s.Answered+s.NA, s.Total)
}

// when is the day a side of a comparison stands for, and that it is still
// in progress when it is: a comparison with an unfinished session reads
// differently.
func (r SessionRef) when() string {
	if r.Status == checklist.InProgress {
		return day(r.Date()) + ", in progress"
	}
	return day(r.Date())
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}

// errWriter remembers the first write error so that renderers can write
// line by line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}

func (e *errWriter) print(s string) {
	if e.err != nil {
		return
	}
	_, e.err = io.WriteString(e.w, s)
}
