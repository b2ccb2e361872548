package scoring

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestSuggestProblems(t *testing.T) {
	// Four areas of three statements, one section of four items. The
	// statements of area aN read "statement aN.M".
	p := testPack(1, 4, 4, 3)
	tests := []struct {
		name string
		ans  answers
		want []checklist.GoalSource
	}{
		{"nothing answered", answers{}, []checklist.GoalSource{}},
		{"three weakest areas, lowest statement of each",
			answers{}.rate("a1", "4", "2", "3").rate("a2", "3", "1", "5").rate("a3", "5", "5", "4").rate("a4", "2", "2", "2").
				tick("s1", "no", "no"),
			// Weakest first: a4 (2.0), then a1 and a2 (3.0 each, pack order).
			[]checklist.GoalSource{
				areaSrc("a4", "a4.1", 2), // equal ratings: the first
				areaSrc("a1", "a1.2", 2),
				areaSrc("a2", "a2.2", 1),
			}},
		{"fewer scored areas than problems: checklist No answers follow, in pack order",
			answers{}.rate("a3", "na", "3", "").tick("s1", "yes", "no", "partly", "no"),
			[]checklist.GoalSource{areaSrc("a3", "a3.2", 3), itemNo("s1.i2"), itemNo("s1.i4")}},
		{"an area rated 5 throughout is no problem",
			answers{}.rateAll(p, "5").tick("s1", "no", "", "no", "no"),
			[]checklist.GoalSource{itemNo("s1.i1"), itemNo("s1.i3"), itemNo("s1.i4")}},
		{"only N/A and Partly: the Partly items",
			answers{}.rateAll(p, "na").tick("s1", "partly", "na", "yes", "partly"),
			[]checklist.GoalSource{itemSrc("s1.i1", checklist.Partly), itemSrc("s1.i4", checklist.Partly)}},
		{"every area good and no finding: nothing, not the 'weakest' good areas",
			answers{}.rateAll(p, "4").tick("s1", "yes", "yes", "na", "yes"),
			[]checklist.GoalSource{}},
		{"No and Partly items come before a low statement in a good area",
			// a1 is 5, 5, 2 = 4.0 (75 %, good) with a finding rated 2.
			answers{}.rateAll(p, "4").rate("a1", "5", "5", "2").tick("s1", "partly", "yes", "no", "yes"),
			[]checklist.GoalSource{itemNo("s1.i3"), itemSrc("s1.i1", checklist.Partly), areaSrc("a1", "a1.3", 2)}},
		{"below-good areas beyond the three weakest come before good ones",
			// a1..a4 at 2.0, 2.0, 2.0, 2.33: a4 is the fourth weak area; its
			// finding (2) comes before the good area's none.
			answers{}.rate("a1", "2", "2", "2").rate("a2", "2", "2", "2").rate("a3", "2", "2", "2").rate("a4", "2", "2", "3").
				tick("s1", "yes", "yes", "yes", "yes"),
			[]checklist.GoalSource{areaSrc("a1", "a1.1", 2), areaSrc("a2", "a2.1", 2), areaSrc("a3", "a3.1", 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &checklist.Session{Answers: tt.ans}
			got := SuggestProblems(p, s, Session(p, s))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SuggestProblems =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func areaSrc(id, statement string, rating int) checklist.GoalSource {
	return checklist.GoalSource{Kind: checklist.SourceArea, ID: id, Statement: statement, Rating: rating}
}

func itemNo(id string) checklist.GoalSource {
	return checklist.GoalSource{Kind: checklist.SourceItem, ID: id, Answer: checklist.No}
}

func itemSrc(id string, v checklist.Value) checklist.GoalSource {
	return checklist.GoalSource{Kind: checklist.SourceItem, ID: id, Answer: v}
}

// TestSuggestProblemsNeverGoodBeforeWeaker: over many random sessions, no
// suggestion comes from an area at good or better while a finding of a
// weaker kind (a below-good area, a No or Partly item) is left out.
func TestSuggestProblemsNeverGoodBeforeWeaker(t *testing.T) {
	p := testPack(2, 3, 5, 3)
	rng := rand.New(rand.NewPCG(7, 11))
	ratings := []string{"1", "2", "3", "4", "5", "na"}
	ticks := []string{"yes", "partly", "no", "na"}
	for n := 0; n < 2000; n++ {
		ans := answers{}
		for _, a := range p.Areas {
			for _, st := range a.Statements {
				ans[st.ID] = checklist.Answer{Value: checklist.Value(ratings[rng.IntN(len(ratings))])}
			}
		}
		for _, sec := range p.Sections {
			for _, it := range sec.Items {
				ans[it.ID] = checklist.Answer{Value: checklist.Value(ticks[rng.IntN(len(ticks))])}
			}
		}
		s := &checklist.Session{Answers: ans}
		r := Session(p, s)
		got := SuggestProblems(p, s, r)
		band := map[string]string{}
		for _, a := range r.Areas {
			band[a.ID] = a.Band
		}
		weaker := 0 // findings a good area must not push out
		for _, a := range r.Areas {
			if a.Score.Valid && !AtLeastGood(p.Bands, a.Band) {
				if _, id := lowest(p.Areas[indexOf(p, a.ID)], s, MaxRating-1); id != "" {
					weaker++
				}
			}
		}
		for _, v := range ans {
			if v.Value == checklist.No || v.Value == checklist.Partly {
				weaker++
			}
		}
		for i, g := range got {
			if g.Kind == checklist.SourceArea && AtLeastGood(p.Bands, band[g.ID]) && i < weaker {
				t.Fatalf("session %d: suggestion %d is good area %s while %d weaker findings exist: %+v", n, i, g.ID, weaker, got)
			}
		}
	}
}

func indexOf(p *checklist.Pack, id string) int {
	for i, a := range p.Areas {
		if a.ID == id {
			return i
		}
	}
	return -1
}
