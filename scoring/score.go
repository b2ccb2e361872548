// Package scoring turns a session answered against a pack into scores: area
// means, the total and its range, bands, checklist percentages, the weakest
// areas and the comparison of two sessions. Every function is pure.
package scoring

import (
	"encoding/json"
	"math"
	"strconv"
)

// eps absorbs binary floating-point error. Scores are means of small whole
// numbers, so two scores that differ by less than this are the same score:
// 2.8 as a percentage is 44.99999999999999, and it must reach a band that
// starts at 45.
const eps = 1e-9

// Score is a number that may be missing: an area with no rated statement has
// no score, which is shown as "–" and encoded as JSON null, never as 0.
type Score struct {
	Value float64
	Valid bool
}

// Of returns a valid Score holding v.
func Of(v float64) Score { return Score{Value: v, Valid: true} }

// String formats the score with one decimal, or "–" when missing.
func (s Score) String() string { return s.Format(1) }

// Format formats the score with prec decimals, or "–" when missing. Halves
// round away from zero, as people round by hand: a checklist section at
// 62.5 % shows as 63, and 2.25 as 2.3 (strconv alone would round half to
// even and give 62 and 2.2). A value that rounds to zero never shows as
// "-0.0". A negative prec means as many decimals as needed.
func (s Score) Format(prec int) string {
	if !s.Valid {
		return "–"
	}
	v := s.Value
	if prec >= 0 {
		v = round(v, prec)
	} else if v == 0 {
		v = 0 // drop the sign of −0
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// MarshalJSON encodes a missing score as null.
func (s Score) MarshalJSON() ([]byte, error) {
	if !s.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(round(s.Value, 4))
}

// UnmarshalJSON reads a number or null.
func (s *Score) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = Score{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Of(v)
	return nil
}

// Sub returns b − a, missing when either is. A difference within rounding
// error is exactly 0, so two equal totals summed in a different order never
// read as a drop.
func Sub(b, a Score) Score {
	if !a.Valid || !b.Valid {
		return Score{}
	}
	d := b.Value - a.Value
	if math.Abs(d) < eps {
		d = 0
	}
	return Of(d)
}

// round rounds v to places decimals, halves away from zero, and never
// returns −0.
func round(v float64, places int) float64 {
	r := v
	// Past float64's precision there is nothing left to round.
	if p := math.Pow10(places); !math.IsInf(v*p, 0) && !math.IsInf(p, 0) {
		r = math.Round(v*p) / p
	}
	if r == 0 {
		return 0
	}
	return r
}
