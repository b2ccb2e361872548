package scoring

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// fullSession answers every question of p: items cycle through the four
// checklist answers, statements through 1..5 with an occasional N/A.
func fullSession(p *checklist.Pack, shift int) *checklist.Session {
	choices := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	ans := make(map[string]checklist.Answer)
	for i, q := range p.Questions() {
		var v checklist.Value
		if q.Kind == checklist.KindItem {
			v = choices[(i+shift)%len(choices)]
		} else if (i+shift)%7 == 0 {
			v = checklist.NA
		} else {
			v = checklist.Rating((i+shift)%5 + 1)
		}
		ans[q.ID] = checklist.Answer{Value: v}
	}
	return &checklist.Session{ID: "bench", Pack: p.Ref(), Answers: ans}
}

// BenchmarkSession scores a full session: 4 sections × 8 items and
// 8 areas × 5 statements, all answered. Target: under 20 µs.
func BenchmarkSession(b *testing.B) {
	p := testPack(4, 8, 8, 5)
	s := fullSession(p, 0)
	if len(s.Unanswered(p)) != 0 {
		b.Fatal("benchmark session is not fully answered")
	}
	var r Result
	for b.Loop() {
		r = Session(p, s)
	}
	if r.Total.Scored != 8 || !r.Total.Complete {
		b.Fatalf("benchmark scored %+v, want all eight areas", r.Total)
	}
}

// BenchmarkCompare compares two scored full sessions.
func BenchmarkCompare(b *testing.B) {
	p := testPack(4, 8, 8, 5)
	before, after := Session(p, fullSession(p, 0)), Session(p, fullSession(p, 3))
	var c Comparison
	for b.Loop() {
		c = Compare(before, after)
	}
	if len(c.Areas) != 8 {
		b.Fatalf("compared %d areas, want 8", len(c.Areas))
	}
}
