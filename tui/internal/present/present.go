// Package present holds the words and small text figures that both front
// ends of the wizard (the full-screen app and the plain prompts) show, so
// that a screen-reader user reads the same things a sighted user sees.
package present

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// Choice is one possible answer to a question, with its shortcut key.
type Choice struct {
	Key   string
	Value checklist.Value
	Label string
}

var itemChoices = []Choice{
	{"y", checklist.Yes, "Yes"},
	{"p", checklist.Partly, "Partly"},
	{"n", checklist.No, "No"},
	{"a", checklist.NA, "N/A"},
}

var ratingChoices = []Choice{
	{"1", checklist.Rating(1), "1 never"},
	{"2", checklist.Rating(2), "2 rarely"},
	{"3", checklist.Rating(3), "3 sometimes"},
	{"4", checklist.Rating(4), "4 often"},
	{"5", checklist.Rating(5), "5 always"},
	{"a", checklist.NA, "N/A"},
}

// Choices lists the answers a question of kind k accepts, in display order.
// The slice is shared: do not modify it.
func Choices(k checklist.Kind) []Choice {
	if k == checklist.KindStatement {
		return ratingChoices
	}
	return itemChoices
}

// ChoiceIndex returns the position of v in the choices for k, or -1.
func ChoiceIndex(k checklist.Kind, v checklist.Value) int {
	for i, c := range Choices(k) {
		if c.Value == v {
			return i
		}
	}
	return -1
}

// AnswerLabel is how a given answer reads: "Yes", "4 often", "N/A", "–".
func AnswerLabel(k checklist.Kind, v checklist.Value) string {
	if i := ChoiceIndex(k, v); i >= 0 {
		return Choices(k)[i].Label
	}
	return v.Label()
}

// Where says where q stands: "Culture · 3 of 7 · section 1 of 4" for a
// checklist item, "Responsiveness · 2 of 5 · area 1 of 8" for a statement.
func Where(p *checklist.Pack, q checklist.Question) string {
	title, counts := WhereParts(p, q)
	return title + counts
}

// WhereParts splits Where into the part's title and the counts after it
// (" · 3 of 7 · section 1 of 4"), so that a narrow screen can shorten the
// title and keep the numbers.
func WhereParts(p *checklist.Pack, q checklist.Question) (title, counts string) {
	if q.Kind == checklist.KindStatement && q.Area >= 0 && q.Area < len(p.Areas) {
		return p.Areas[q.Area].Title, fmt.Sprintf(" · %d of %d · area %d of %d",
			q.Index+1, q.Of, q.Area+1, len(p.Areas))
	}
	if q.Section >= 0 && q.Section < len(p.Sections) {
		return p.Sections[q.Section].Title, fmt.Sprintf(" · %d of %d · section %d of %d",
			q.Index+1, q.Of, q.Section+1, len(p.Sections))
	}
	return q.ID, ""
}

// Part names the part of the session q belongs to.
func Part(q checklist.Question) string {
	if q.Kind == checklist.KindStatement {
		return "Self-assessment"
	}
	return "Checklist"
}

// Intro is the text shown at the top of q's section or area: the section's
// purpose or the area's explanation.
func Intro(p *checklist.Pack, q checklist.Question) string {
	if q.Kind == checklist.KindStatement && q.Area >= 0 && q.Area < len(p.Areas) {
		return p.Areas[q.Area].Explanation
	}
	if q.Section >= 0 && q.Section < len(p.Sections) {
		return p.Sections[q.Section].Purpose
	}
	return ""
}

// Answered counts the questions of qs that have a value in s.
func Answered(s *checklist.Session, qs []checklist.Question) int {
	n := 0
	for _, q := range qs {
		if s.Answered(q.ID) {
			n++
		}
	}
	return n
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws one character per value, scaled from lo to hi; a
// missing value is drawn as "·".
func Sparkline(vals []scoring.Score, lo, hi float64) string {
	var b strings.Builder
	for _, v := range vals {
		if !v.Valid {
			b.WriteRune('·')
			continue
		}
		f := 0.0
		if hi > lo {
			f = (v.Value - lo) / (hi - lo)
		}
		i := int(math.Round(f * float64(len(sparks)-1)))
		b.WriteRune(sparks[max(0, min(len(sparks)-1, i))])
	}
	return b.String()
}

// Bar draws a bar of width cells filled to fraction f (0..1) with full
// and light blocks, readable without colour.
func Bar(f float64, width int) string {
	if width <= 0 {
		return ""
	}
	if math.IsNaN(f) {
		f = 0
	}
	f = max(0, min(1, f))
	full := int(math.Round(f * float64(width)))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// Error says in a few words why a write or a read failed; "" for nil.
func Error(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, store.ErrInUse):
		return "data file in use by another servicecheck"
	case errors.Is(err, store.ErrDamaged):
		return "data file damaged"
	case errors.Is(err, store.ErrNotFound):
		return "session not found"
	case errors.Is(err, store.ErrConflict):
		return "changed elsewhere meanwhile"
	}
	return termtext.Line(err.Error())
}
