package scoring

import (
	"reflect"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestSuggestProblems(t *testing.T) {
	// Four areas of three statements, one section of four items. The
	// statements of area aN read "statement aN.M".
	p := testPack(1, 4, 4, 3)
	for i := range p.Areas {
		for j := range p.Areas[i].Statements {
			p.Areas[i].Statements[j].Text = "statement " + p.Areas[i].Statements[j].ID + "."
		}
	}
	for j := range p.Sections[0].Items {
		p.Sections[0].Items[j].Text = "Do you do " + p.Sections[0].Items[j].ID + "?"
	}
	p.Areas[1].Title = "Area\n  two" // a folded title reads as one line
	tests := []struct {
		name string
		ans  answers
		want []string
	}{
		{"nothing answered", answers{}, []string{}},
		{"three weakest areas, lowest statement of each",
			answers{}.rate("a1", "4", "2", "3").rate("a2", "3", "1", "5").rate("a3", "5", "5", "4").rate("a4", "2", "2", "2").
				tick("s1", "no", "no"),
			// Weakest first: a4 (2.0), then a1 and a2 (3.0 each, pack order).
			[]string{
				"Area 4: statement a4.1 (rated 2 of 5)", // equal ratings: the first
				"Area 1: statement a1.2 (rated 2 of 5)",
				"Area two: statement a2.2 (rated 1 of 5)",
			}},
		{"fewer scored areas than problems: checklist No answers follow, in pack order",
			answers{}.rate("a3", "na", "3", "").tick("s1", "yes", "no", "partly", "no"),
			[]string{
				"Area 3: statement a3.2 (rated 3 of 5)",
				"Do you do s1.i2? (answered No)",
				"Do you do s1.i4? (answered No)",
			}},
		{"an area rated 5 throughout is no problem",
			answers{}.rateAll(p, "5").tick("s1", "no", "", "no", "no"),
			[]string{
				"Do you do s1.i1? (answered No)",
				"Do you do s1.i3? (answered No)",
				"Do you do s1.i4? (answered No)",
			}},
		{"only N/A and Partly: nothing to suggest",
			answers{}.rateAll(p, "na").tick("s1", "partly", "na", "yes", "partly"),
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &checklist.Session{Answers: tt.ans}
			got := SuggestProblems(p, s, Session(p, s))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SuggestProblems =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
