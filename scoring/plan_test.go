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
		{"only N/A and Partly: nothing to suggest",
			answers{}.rateAll(p, "na").tick("s1", "partly", "na", "yes", "partly"),
			[]checklist.GoalSource{}},
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
