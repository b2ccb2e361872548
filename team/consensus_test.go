package team

import (
	"strconv"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// question combines the given values as Combine does, without a pack.
func question(k checklist.Kind, vals ...checklist.Value) Question {
	q := Question{ID: "q", Kind: k}
	var nums []float64
	for i, v := range vals {
		q.Given = append(q.Given, Given{Respondent: i, Value: v})
		if n, ok := countValue(k, v); ok {
			nums = append(nums, n)
		} else if v == checklist.NA {
			q.NA++
		}
	}
	q.Stats = StatsOf(nums)
	q.Disagree = Disagree(vals)
	return q
}

func TestProposed(t *testing.T) {
	const (
		y, p, n, na = checklist.Yes, checklist.Partly, checklist.No, checklist.NA
	)
	r := func(i int) checklist.Value { return checklist.Value(strconv.Itoa(i)) }
	tests := []struct {
		name string
		kind checklist.Kind
		vals []checklist.Value
		want checklist.Value
	}{
		{"nobody answered", checklist.KindItem, nil, ""},
		{"only N/A", checklist.KindItem, []checklist.Value{na, na}, na},
		{"all yes", checklist.KindItem, []checklist.Value{y, y, na}, y},
		{"yes and no meet at partly", checklist.KindItem, []checklist.Value{y, n}, p},
		{"yes and partly tie to partly", checklist.KindItem, []checklist.Value{y, p}, p},
		{"partly and no tie to no", checklist.KindItem, []checklist.Value{p, n}, n},
		{"two yes one no is nearer partly", checklist.KindItem, []checklist.Value{y, y, n}, p},
		{"three yes one no", checklist.KindItem, []checklist.Value{y, y, y, n}, p},
		{"four yes one no", checklist.KindItem, []checklist.Value{y, y, y, y, n}, y},
		{"two yes one partly", checklist.KindItem, []checklist.Value{y, y, p}, y},
		{"yes partly no", checklist.KindItem, []checklist.Value{y, p, n}, p},
		{"one no two partly", checklist.KindItem, []checklist.Value{n, p, p}, p},
		{"one rating", checklist.KindStatement, []checklist.Value{r(4)}, r(4)},
		{"3 and 4 tie to 3", checklist.KindStatement, []checklist.Value{r(3), r(4)}, r(3)},
		{"1 and 5", checklist.KindStatement, []checklist.Value{r(1), r(5)}, r(3)},
		{"mean 4.33", checklist.KindStatement, []checklist.Value{r(4), r(4), r(5)}, r(4)},
		{"mean 4.67", checklist.KindStatement, []checklist.Value{r(4), r(5), r(5)}, r(5)},
		{"ratings and N/A", checklist.KindStatement, []checklist.Value{r(2), na, r(2)}, r(2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Proposed(question(tt.kind, tt.vals...))
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Proposed(%v) = %q, %v; want %q", tt.vals, got, ok, tt.want)
			}
		})
	}
}

func TestOpenAndConsensus(t *testing.T) {
	disputed := question(checklist.KindItem, checklist.Yes, checklist.No)
	disputed.ID = "c1"
	disputed.Given[1].Note = "the phone rings out at lunch"
	agreed := question(checklist.KindItem, checklist.Yes, checklist.Partly)
	agreed.ID = "c2"
	statement := question(checklist.KindStatement, "1", "5")
	statement.ID = "s1"
	silent := question(checklist.KindItem)
	silent.ID = "c3"
	res := Result{Questions: []Question{disputed, statement, agreed, silent}}
	label := func(i int) string { return "R" + strconv.Itoa(i+1) }

	if got := Open(res, nil); len(got) != 1 || got[0] != "c1" {
		t.Fatalf("Open with nothing settled = %v, want [c1] (disputed statements take their mean)", got)
	}
	bad := map[string]Settled{"c1": {Value: "3"}}
	if got := Open(res, bad); len(got) != 1 {
		t.Errorf("a rating does not settle a checklist item: Open = %v", got)
	}
	settled := map[string]Settled{"c1": {Value: checklist.Partly}}
	if got := Open(res, settled); len(got) != 0 {
		t.Errorf("Open after settling = %v, want none", got)
	}

	ans := Consensus(res, settled, label)
	want := map[string]checklist.Answer{
		"c1": {Value: checklist.Partly, Note: "R2: the phone rings out at lunch"},
		"c2": {Value: checklist.Partly},
		"s1": {Value: "3"},
	}
	if len(ans) != len(want) {
		t.Errorf("Consensus has %d answers, want %d: %v", len(ans), len(want), ans)
	}
	for id, w := range want {
		if got := ans[id]; got.Value != w.Value || got.Note != w.Note {
			t.Errorf("%s = %+v, want %+v", id, got, w)
		}
	}
	settled["c1"] = Settled{Value: checklist.No, Note: "agreed after talking it over"}
	if got := Consensus(res, settled, label)["c1"]; got.Value != checklist.No || got.Note != "agreed after talking it over" {
		t.Errorf("a settled note replaces the respondents' notes: %+v", got)
	}
	// A note without a value keeps the proposal with the consultant's
	// note, and settles nothing.
	noted := map[string]Settled{"c1": {Note: "ask the owner"}, "c2": {Note: "checked the rota"}}
	if got := Open(res, noted); len(got) != 1 || got[0] != "c1" {
		t.Errorf("a note alone settled an item: Open = %v", got)
	}
	ans = Consensus(res, noted, label)
	if got := ans["c2"]; got.Value != checklist.Partly || got.Note != "checked the rota" {
		t.Errorf("a note on a proposal: %+v, want the proposal with the consultant's note", got)
	}
	if got := ans["c1"]; got.Value != checklist.Partly || got.Note != "ask the owner" {
		t.Errorf("a note on an open item: %+v, want the proposal with the consultant's note", got)
	}
}
