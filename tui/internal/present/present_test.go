package present

import (
	"math"
	"testing"

	"github.com/servicecheck/servicecheck/scoring"
)

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
