// Package present holds the words and small text figures that both front
// ends of the wizard (the full-screen app and the plain prompts) show, so
// that a screen-reader user reads the same things a sighted user sees.
package present

import (
	"math"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

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
