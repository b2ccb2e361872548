package present

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
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

func TestWhere(t *testing.T) {
	p := testpack.Pack()
	qs := p.Questions()
	tests := []struct {
		i    int
		want string
	}{
		{0, "Culture · 1 of 3 · section 1 of 4"},
		{4, "Identify your customers · 2 of 2 · section 2 of 4"},
		{10, "Responsiveness · 1 of 3 · area 1 of 8"},
		{len(qs) - 1, "Continuous improvement · 2 of 2 · area 8 of 8"},
	}
	for _, tt := range tests {
		if got := Where(p, qs[tt.i]); got != tt.want {
			t.Errorf("Where(%d) = %q, want %q", tt.i, got, tt.want)
		}
	}
	if got := Intro(p, qs[10]); got != p.Areas[0].Explanation {
		t.Errorf("Intro of a statement = %q", got)
	}
}

func TestChoicesAndLabels(t *testing.T) {
	if got := AnswerLabel(checklist.KindStatement, "4"); got != "4 often" {
		t.Errorf("AnswerLabel = %q", got)
	}
	if got := AnswerLabel(checklist.KindItem, checklist.NA); got != "N/A" {
		t.Errorf("AnswerLabel = %q", got)
	}
	for _, k := range []checklist.Kind{checklist.KindItem, checklist.KindStatement} {
		for i, c := range Choices(k) {
			if !c.Value.ValidFor(k) {
				t.Errorf("%v choice %q is not a valid answer", k, c.Value)
			}
			if ChoiceIndex(k, c.Value) != i {
				t.Errorf("ChoiceIndex(%v, %q) != %d", k, c.Value, i)
			}
		}
	}
	if ChoiceIndex(checklist.KindItem, "") != -1 {
		t.Error("no answer has a choice")
	}
}

func TestError(t *testing.T) {
	if got := Error(fmt.Errorf("record: %w", store.ErrInUse)); got != "data file in use by another servicecheck" {
		t.Errorf("Error = %q", got)
	}
	if got := Error(nil); got != "" {
		t.Errorf("Error(nil) = %q, want \"\"", got)
	}
	if got := Error(errors.New("disk full")); got != "disk full" {
		t.Errorf("Error = %q", got)
	}
}
