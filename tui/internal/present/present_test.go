package present

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/scoring"
)

func TestDeltaReadsWithoutColour(t *testing.T) {
	tests := []struct {
		d      scoring.Score
		prec   int
		text   string
		dir    int
		spoken string
	}{
		{scoring.Of(0.5), 1, "↑ +0.5", 1, "up 0.5"},
		{scoring.Of(-1), 1, "↓ −1.0", -1, "down 1.0"},
		{scoring.Of(0.04), 1, "= 0.0", 0, "no change"},
		{scoring.Of(-0.04), 1, "= 0.0", 0, "no change"},
		{scoring.Of(0.05), 1, "↑ +0.1", 1, "up 0.1"},
		{scoring.Of(33.3), 0, "↑ +33", 1, "up 33"},
		{scoring.Score{}, 1, "–", 0, "not compared"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.d), func(t *testing.T) {
			if got := Delta(tt.d, tt.prec); got != tt.text {
				t.Errorf("Delta = %q, want %q", got, tt.text)
			}
			if got := Direction(tt.d, tt.prec); got != tt.dir {
				t.Errorf("Direction = %d, want %d", got, tt.dir)
			}
			if got := Change(tt.d, tt.prec); got != tt.spoken {
				t.Errorf("Change = %q, want %q", got, tt.spoken)
			}
		})
	}
}

func TestSparklineAndBar(t *testing.T) {
	vals := []scoring.Score{scoring.Of(8), scoring.Of(24), {}, scoring.Of(40)}
	if got := Sparkline(vals, 8, 40); got != "▁▅·█" {
		t.Errorf("Sparkline = %q", got)
	}
	if got := Sparkline(vals[:1], 8, 8); got != "▁" {
		t.Errorf("Sparkline over an empty range = %q", got)
	}
	bars := []struct {
		f    float64
		w    int
		want string
	}{
		{0.5, 4, "██░░"},
		{0, 3, "░░░"},
		{1, 3, "███"},
		{1.7, 2, "██"},
		{-1, 2, "░░"},
		{math.NaN(), 2, "░░"},
		{0.5, 0, ""},
		{0.5, -3, ""},
	}
	for _, b := range bars {
		if got := Bar(b.f, b.w); got != b.want {
			t.Errorf("Bar(%v, %d) = %q, want %q", b.f, b.w, got, b.want)
		}
	}
}

func TestDates(t *testing.T) {
	a := time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC)
	if got := Dates(a, a.AddDate(0, 1, 0)); got[0] != "2 Mar 2026" || got[1] != "2 Apr 2026" {
		t.Errorf("Dates = %q", got)
	}
	if got := Dates(a, a.Add(time.Hour)); got[0] != "2 Mar 2026 09:05" || got[1] != "2 Mar 2026 10:05" {
		t.Errorf("Dates on one day = %q", got)
	}
	if got := Date(time.Time{}); got != "–" {
		t.Errorf("Date(zero) = %q", got)
	}
}

func TestTotalAndError(t *testing.T) {
	tot := scoring.Total{Score: scoring.Of(27.5), Min: 8, Max: 40}
	if got := Total(tot); got != "27.5 of 40 (range 8–40)" {
		t.Errorf("Total = %q", got)
	}
	if got := Total(scoring.Total{Min: 7, Max: 35}); got != "– of 35 (range 7–35)" {
		t.Errorf("Total = %q", got)
	}
}
