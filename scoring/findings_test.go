package scoring

import (
	"math/rand/v2"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestFindings(t *testing.T) {
	p := testPack(2, 3, 2, 3)
	p.Sections[0].Items[1].Advice = "fix item two"
	tests := []struct {
		name string
		ans  answers
		want []string // kind:id:answer:advice
	}{
		{"nothing answered", answers{}, nil},
		{"Yes, N/A and high ratings are no findings",
			answers{}.tick("s1", "yes", "na", "yes").rateAll(p, "3"), nil},
		{"No and Partly items with their advice, in pack order",
			answers{}.tick("s2", "no").tick("s1", "yes", "partly", "no"),
			[]string{"item:s1.i2:partly:fix item two", "item:s1.i3:no:", "item:s2.i1:no:"}},
		{"statements rated 1 or 2 with their area's first action, after the items",
			answers{}.rate("a2", "2", "3", "1").rate("a1", "na", "5", "").tick("s2", "", "partly"),
			[]string{"item:s2.i2:partly:", "statement:a2.1:2:first step for a2", "statement:a2.3:1:first step for a2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Findings(p, &checklist.Session{Answers: tt.ans})
			if got == nil {
				t.Fatal("Findings = nil, want a list")
			}
			var ids []string
			for _, f := range got {
				ids = append(ids, f.Kind+":"+f.ID+":"+string(f.Answer)+":"+f.Advice)
			}
			if len(ids) != len(tt.want) {
				t.Fatalf("Findings = %q, want %q", ids, tt.want)
			}
			for i := range ids {
				if ids[i] != tt.want[i] {
					t.Errorf("finding %d = %q, want %q", i, ids[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindingCarriesNoteAndGroup(t *testing.T) {
	p := testPack(1, 1, 1, 1)
	ans := answers{"s1.i1": {Value: checklist.No, Note: "no log kept"}, "a1.1": {Value: "1", Note: "slow replies"}}
	got := Findings(p, &checklist.Session{Answers: ans})
	want := []Finding{
		{Kind: KindItem, ID: "s1.i1", Text: "item", Group: "s1", GroupTitle: "Section 1", Answer: checklist.No, Note: "no log kept"},
		{Kind: KindStatement, ID: "a1.1", Text: "statement", Group: "a1", GroupTitle: "Area 1", Answer: "1", Note: "slow replies", Advice: "first step for a1"},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Findings =\n%+v\nwant\n%+v", got, want)
	}
}

func TestStrengths(t *testing.T) {
	p := testPack(1, 3, 3, 2)
	// a1 5.0 (excellent), a2 4.0 (good), a3 all N/A.
	s := &checklist.Session{Answers: answers{}.rate("a1", "5", "5").rate("a2", "4", "4").rate("a3", "na", "na").
		tick("s1", "yes", "no", "yes")}
	got := Strengths(p, s, Session(p, s).Areas)
	var ids []string
	for _, st := range got {
		ids = append(ids, st.Kind+":"+st.ID)
	}
	want := []string{"area:a1", "item:s1.i1", "item:s1.i3"}
	if len(ids) != len(want) || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
		t.Errorf("Strengths = %q, want %q", ids, want)
	}
	if got[0].Band != "excellent" || got[0].Score != Of(5) {
		t.Errorf("area strength = %+v", got[0])
	}
	if got := Strengths(&checklist.Pack{}, &checklist.Session{}, nil); got == nil {
		t.Error("Strengths = nil, want a list")
	}
}

func TestGoodBand(t *testing.T) {
	bands := testBands()
	for _, tt := range []struct {
		band string
		want bool
	}{{"critical", false}, {"needs_work", false}, {"good", true}, {"excellent", true}, {"", false}, {"unknown", false}} {
		if got := AtLeastGood(bands, tt.band); got != tt.want {
			t.Errorf("AtLeastGood(%q) = %v, want %v", tt.band, got, tt.want)
		}
	}
	// A pack without a "good" band: only its top band is good.
	two := []checklist.Band{{ID: "low", From: 0}, {ID: "high", From: 70}}
	if AtLeastGood(two, "low") || !AtLeastGood(two, "high") {
		t.Error("two bands: want only the top band good")
	}
}

// TestTotalInsideItsRange is a property test: whatever the answers, a
// total that is shown lies inside the range it states, the range follows
// the areas scored, and the areas scored, not applicable and remaining add
// up to the areas of the pack.
func TestTotalInsideItsRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	values := []string{"1", "2", "3", "4", "5", "na", ""}
	for n := 0; n < 5000; n++ {
		p := testPack(1, 2, 1+rng.IntN(9), 1+rng.IntN(6))
		ans := answers{}.tick("s1", "yes", "no")
		for _, a := range p.Areas {
			// Some areas lean to N/A or unanswered, so whole areas are
			// often not applicable or remaining.
			bias := rng.IntN(4)
			for _, st := range a.Statements {
				v := values[rng.IntN(len(values))]
				if bias == 0 {
					v = "na"
				}
				if v != "" {
					ans[st.ID] = checklist.Answer{Value: checklist.Value(v)}
				}
			}
		}
		tot := Session(p, &checklist.Session{Answers: ans}).Total
		lo, hi := Range(tot.Scored)
		if tot.Min != lo || tot.Max != hi {
			t.Fatalf("case %d: range %v–%v with %d areas scored, want %v–%v", n, tot.Min, tot.Max, tot.Scored, lo, hi)
		}
		if tot.Scored+tot.NA+tot.Remaining != tot.Areas {
			t.Fatalf("case %d: %d scored + %d N/A + %d remaining ≠ %d areas", n, tot.Scored, tot.NA, tot.Remaining, tot.Areas)
		}
		if tot.Score.Valid {
			if !tot.Complete {
				t.Fatalf("case %d: a total while in progress: %+v", n, tot)
			}
			if v := tot.Score.Value; v < tot.Min-eps || v > tot.Max+eps {
				t.Fatalf("case %d: total %v outside its range %v–%v", n, v, tot.Min, tot.Max)
			}
			want := (tot.Score.Value - tot.Min) / (tot.Max - tot.Min) * 100
			if tot.Max == tot.Min {
				want = tot.Percent.Value // one area rated 1 throughout: 0 of 0
			}
			if !same(tot.Percent, Of(want)) && tot.Max > tot.Min {
				t.Fatalf("case %d: percent %v, want position on the scale %v", n, tot.Percent, want)
			}
		} else if tot.Band != "" || tot.Percent.Valid {
			t.Fatalf("case %d: no total but a band or percentage: %+v", n, tot)
		}
	}
}
