package results

import (
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestInterimFindings(t *testing.T) {
	v := func(x checklist.Value) *checklist.Value { return &x }
	d := Document{
		Sections: []Section{{Items: []Line{
			{ID: "a", Answer: v(checklist.Yes)}, {ID: "b", Answer: v(checklist.No), Note: "n"},
			{ID: "c", Answer: v(checklist.Partly)}, {ID: "d", Answer: v(checklist.NA)}, {ID: "e"},
		}}},
		Areas: []Area{{Statements: []Line{
			{ID: "r1", Answer: v("1")}, {ID: "r2", Answer: v("2")}, {ID: "r3", Answer: v("3")}, {ID: "r5", Answer: v("5")},
		}}},
	}
	var got []string
	for _, f := range d.InterimFindings() {
		got = append(got, f.ID)
	}
	if want := "b c r1 r2"; strings.Join(got, " ") != want {
		t.Errorf("findings %q, want %q", strings.Join(got, " "), want)
	}
}
