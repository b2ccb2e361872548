// Package scoring turns a session answered against a pack into scores: area
// means, the total and its range, bands, checklist percentages, the weakest
// areas and the comparison of two sessions. Every function is pure.
package scoring

import (
	"encoding/json"
	"strconv"
)

// Score is a number that may be missing: an area with no rated statement has
// no score, which is shown as "–" and encoded as JSON null, never as 0.
type Score struct {
	Value float64
	Valid bool
}

// Of returns a valid Score holding v.
func Of(v float64) Score { return Score{Value: v, Valid: true} }

// String formats the score with one decimal, or "–" when missing.
func (s Score) String() string {
	if !s.Valid {
		return "–"
	}
	return strconv.FormatFloat(s.Value, 'f', 1, 64)
}

// Format formats the score with prec decimals, or "–" when missing.
func (s Score) Format(prec int) string {
	if !s.Valid {
		return "–"
	}
	return strconv.FormatFloat(s.Value, 'f', prec, 64)
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

// Sub returns b − a, missing when either is.
func Sub(b, a Score) Score {
	if !a.Valid || !b.Valid {
		return Score{}
	}
	return Of(b.Value - a.Value)
}

func round(v float64, places int) float64 {
	p := 1.0
	for range places {
		p *= 10
	}
	if v < 0 {
		return -float64(int64(-v*p+0.5)) / p
	}
	return float64(int64(v*p+0.5)) / p
}
