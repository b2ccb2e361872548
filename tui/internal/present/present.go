// Package present holds the words and small text figures that both front
// ends of the wizard (the full-screen app and the plain prompts) show, so
// that a screen-reader user reads the same things a sighted user sees.
package present

import (
	"fmt"
	"math"
	"strings"
	"time"

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

// Delta formats a change so that it reads without colour: "↑ +0.5",
// "↓ −1.0", "= 0.0", or "–" when either side has no score.
func Delta(d scoring.Score, prec int) string {
	if !d.Valid {
		return "–"
	}
	v := d.Value
	eps := 0.5 * math.Pow(10, -float64(prec))
	switch {
	case v >= eps:
		return "↑ +" + scoring.Of(v).Format(prec)
	case v <= -eps:
		return "↓ −" + scoring.Of(-v).Format(prec)
	}
	return "= " + scoring.Of(0).Format(prec)
}

// Direction is +1 for a rise, -1 for a fall and 0 for no (visible) change.
func Direction(d scoring.Score, prec int) int {
	if !d.Valid {
		return 0
	}
	eps := 0.5 * math.Pow(10, -float64(prec))
	switch {
	case d.Value >= eps:
		return 1
	case d.Value <= -eps:
		return -1
	}
	return 0
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

// Date formats a day the way the screens show it: "2 Mar 2026".
func Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format("2 Jan 2006")
}

// Dates formats days like Date, adding the time of day to all of them when
// two fall on the same day, so that sessions in a list stay apart.
func Dates(ts ...time.Time) []string {
	out := make([]string, len(ts))
	seen := map[string]bool{}
	clash := false
	for i, t := range ts {
		out[i] = Date(t)
		if seen[out[i]] && !t.IsZero() {
			clash = true
		}
		seen[out[i]] = true
	}
	if clash {
		for i, t := range ts {
			if !t.IsZero() {
				out[i] = t.Format("2 Jan 2006 15:04")
			}
		}
	}
	return out
}

// Total formats a total as "27.5 of 40 (range 8–40)".
func Total(t scoring.Total) string {
	return fmt.Sprintf("%s of %s (range %s–%s)", t.Score.String(),
		trim(t.Max), trim(t.Min), trim(t.Max))
}

// Percent formats a percentage without decimals: "61%", or "–".
func Percent(p scoring.Score) string {
	if !p.Valid {
		return "–"
	}
	return p.Format(0) + "%"
}

// BandLabel returns the label of band id, or "not scored" when id is empty.
func BandLabel(p *checklist.Pack, id string) string {
	if id == "" {
		return "not scored"
	}
	return scoring.BandLabel(p.Bands, id)
}

func trim(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

// Change says a change in words, for a screen reader: "up 2.5",
// "down 1.0", "no change", or "not compared".
func Change(d scoring.Score, prec int) string {
	switch Direction(d, prec) {
	case 1:
		return "up " + d.Format(prec)
	case -1:
		return "down " + scoring.Of(-d.Value).Format(prec)
	}
	if !d.Valid {
		return "not compared"
	}
	return "no change"
}
