package checklist

import (
	"reflect"
	"testing"
)

func TestMismatches(t *testing.T) {
	p := &Pack{Sections: []Section{{Items: []Item{{ID: "i1"}}}}, Areas: []Area{{Statements: []Statement{{ID: "s1"}}}}}
	got := p.Mismatches(map[string]Answer{
		"i1": {Value: "5"}, "s1": {Value: Yes}, "nope": {Note: "a note"}, "s0": {Value: "3"},
	})
	want := []AnswerMismatch{{ID: "i1", Value: "5", Kind: KindItem}, {ID: "nope", Kind: KindUnknown},
		{ID: "s0", Value: "3", Kind: KindUnknown}, {ID: "s1", Value: Yes, Kind: KindStatement}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if m := p.Mismatches(map[string]Answer{"i1": {Value: Partly}, "s1": {Value: "4"}, "s1x": {}}); len(m) != 1 {
		t.Errorf("fitting answers: %+v", m)
	}
}
