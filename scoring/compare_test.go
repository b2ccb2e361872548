package scoring

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// testRef is the pack reference of testPack.
func testRef() checklist.Ref { return checklist.Ref{ID: "test", Version: "1.0.0", Lang: "en"} }

// result builds a scored result from (area id, score) pairs, in order.
func result(ref checklist.Ref, pairs ...any) Result {
	r := Result{Pack: ref}
	for i := 0; i < len(pairs); i += 2 {
		r.Areas = append(r.Areas, area(pairs[i].(string), pairs[i+1].(Score)))
	}
	return r
}

type wantDelta struct {
	id       string
	a, b, by Score
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name  string
		a, b  Result
		areas []wantDelta
		total wantDelta
	}{
		{
			name: "rise, no change and drop",
			a:    result(testRef(), "a1", Of(2), "a2", Of(3), "a3", Of(4)),
			b:    result(testRef(), "a1", Of(3), "a2", Of(3), "a3", Of(2)),
			areas: []wantDelta{
				{"a1", Of(2), Of(3), Of(1)},
				{"a2", Of(3), Of(3), Of(0)},
				{"a3", Of(4), Of(2), Of(-2)},
			},
			total: wantDelta{"total", Of(9), Of(8), Of(-1)},
		},
		{
			name:  "fractions",
			a:     result(testRef(), "a1", Of(2.2), "a2", Of(3.4)),
			b:     result(testRef(), "a1", Of(2.6), "a2", Of(3.25)),
			areas: []wantDelta{{"a1", Of(2.2), Of(2.6), Of(0.4)}, {"a2", Of(3.4), Of(3.25), Of(-0.15)}},
			total: wantDelta{"total", Of(5.6), Of(5.85), Of(0.25)},
		},
		{
			name:  "area missing from the later session",
			a:     result(testRef(), "a1", Of(2), "a2", Of(5), "a3", Of(4)),
			b:     result(testRef(), "a1", Of(3), "a3", Of(4)),
			areas: []wantDelta{{"a1", Of(2), Of(3), Of(1)}, {"a3", Of(4), Of(4), Of(0)}},
			total: wantDelta{"total", Of(6), Of(7), Of(1)},
		},
		{
			name:  "area missing from the earlier session",
			a:     result(testRef(), "a1", Of(2)),
			b:     result(testRef(), "a1", Of(3), "a2", Of(1)),
			areas: []wantDelta{{"a1", Of(2), Of(3), Of(1)}},
			total: wantDelta{"total", Of(2), Of(3), Of(1)},
		},
		{
			// A rerun that skipped an area is not a 5-point drop.
			name:  "area unscored later",
			a:     result(testRef(), "a1", Of(2), "a2", Of(5)),
			b:     result(testRef(), "a1", Of(2.5), "a2", Score{}),
			areas: []wantDelta{{"a1", Of(2), Of(2.5), Of(0.5)}},
			total: wantDelta{"total", Of(2), Of(2.5), Of(0.5)},
		},
		{
			name:  "area unscored earlier",
			a:     result(testRef(), "a1", Score{}, "a2", Of(3)),
			b:     result(testRef(), "a1", Of(1), "a2", Of(3.5)),
			areas: []wantDelta{{"a2", Of(3), Of(3.5), Of(0.5)}},
			total: wantDelta{"total", Of(3), Of(3.5), Of(0.5)},
		},
		{
			name:  "nothing in common",
			a:     result(testRef(), "a1", Of(2), "a2", Score{}),
			b:     result(testRef(), "a2", Of(3), "a3", Of(4)),
			areas: nil,
			total: wantDelta{"total", Score{}, Score{}, Score{}},
		},
		{
			name:  "matched by id, in the later order",
			a:     result(testRef(), "a1", Of(1), "a2", Of(2), "a3", Of(3)),
			b:     result(testRef(), "a3", Of(5), "a1", Of(1.5), "a2", Of(2)),
			areas: []wantDelta{{"a3", Of(3), Of(5), Of(2)}, {"a1", Of(1), Of(1.5), Of(0.5)}, {"a2", Of(2), Of(2), Of(0)}},
			total: wantDelta{"total", Of(6), Of(8.5), Of(2.5)},
		},
		{
			// Same scores moved between areas: the totals are equal, although
			// 1 + 1.2 + 1.2 and 1.2 + 1.2 + 1 differ in the last bit.
			name:  "equal totals summed in another order",
			a:     result(testRef(), "a1", Of(1), "a2", Of(1.2), "a3", Of(1.2)),
			b:     result(testRef(), "a1", Of(1.2), "a2", Of(1.2), "a3", Of(1)),
			areas: []wantDelta{{"a1", Of(1), Of(1.2), Of(0.2)}, {"a2", Of(1.2), Of(1.2), Of(0)}, {"a3", Of(1.2), Of(1), Of(-0.2)}},
			total: wantDelta{"total", Of(3.4), Of(3.4), Of(0)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(tt.a, tt.b)
			if c.Mismatch != "" {
				t.Errorf("Mismatch = %q for the same pack", c.Mismatch)
			}
			if len(c.Areas) != len(tt.areas) {
				t.Fatalf("compared %d areas (%+v), want %d", len(c.Areas), c.Areas, len(tt.areas))
			}
			for i, w := range tt.areas {
				checkDelta(t, c.Areas[i], w)
				if c.Areas[i].Title != "Area "+w.id {
					t.Errorf("%s title = %q", w.id, c.Areas[i].Title)
				}
			}
			checkDelta(t, c.Total, tt.total)
			if c.Total.Title != "Total" {
				t.Errorf("total title = %q", c.Total.Title)
			}
			// A zero delta is exactly zero, never a hair below it.
			if c.Total.Delta.Valid && same(c.Total.Delta, Of(0)) && c.Total.Delta.Value != 0 {
				t.Errorf("total delta = %v, want exactly 0", c.Total.Delta.Value)
			}
			if got := c.Total.Delta.String(); strings.HasPrefix(got, "-0") && same(c.Total.Delta, Of(0)) {
				t.Errorf("total delta shows as %q", got)
			}
		})
	}
}

func checkDelta(t *testing.T, got Delta, want wantDelta) {
	t.Helper()
	if got.ID != want.id {
		t.Errorf("delta id = %q, want %q", got.ID, want.id)
	}
	checkScore(t, want.id+" A", got.A, want.a)
	checkScore(t, want.id+" B", got.B, want.b)
	checkScore(t, want.id+" Delta", got.Delta, want.by)
}

func TestCompareMismatch(t *testing.T) {
	v2 := checklist.Ref{ID: "test", Version: "2.0.0", Lang: "en"}
	other := checklist.Ref{ID: "other", Version: "1.0.0", Lang: "en"}
	german := checklist.Ref{ID: "test", Version: "1.0.0", Lang: "de"}
	tests := []struct {
		name     string
		a, b     checklist.Ref
		mismatch []string // fragments the message must hold; none means no mismatch
	}{
		{"same pack", testRef(), testRef(), nil},
		{"translation of the same pack", testRef(), german, nil},
		{"newer version", testRef(), v2, []string{"test 1.0.0", "test 2.0.0"}},
		{"older version", v2, testRef(), []string{"test 2.0.0", "test 1.0.0"}},
		{"other pack", testRef(), other, []string{"test 1.0.0", "other 1.0.0"}},
		{"other pack and version", other, v2, []string{"other 1.0.0", "test 2.0.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(result(tt.a, "a1", Of(2), "a2", Of(3)), result(tt.b, "a1", Of(4), "a3", Of(5)))
			if len(tt.mismatch) == 0 {
				if c.Mismatch != "" {
					t.Errorf("Mismatch = %q, want none", c.Mismatch)
				}
			} else {
				if c.Mismatch == "" {
					t.Fatal("Mismatch is empty: different content compared silently")
				}
				for _, frag := range tt.mismatch {
					if !strings.Contains(c.Mismatch, frag) {
						t.Errorf("Mismatch %q lacks %q", c.Mismatch, frag)
					}
				}
				if strings.Index(c.Mismatch, tt.mismatch[0]) > strings.LastIndex(c.Mismatch, tt.mismatch[1]) {
					t.Errorf("Mismatch %q names the later pack first", c.Mismatch)
				}
			}
			// Areas are still matched by id, never by position.
			if len(c.Areas) != 1 || c.Areas[0].ID != "a1" || !same(c.Areas[0].Delta, Of(2)) {
				t.Errorf("Areas = %+v, want a1 +2 only", c.Areas)
			}
		})
	}
}

// TestCompareSessions compares two real sessions scored end to end: the
// deltas are the later minus the earlier.
func TestCompareSessions(t *testing.T) {
	p := testPack(1, 2, 3, 2)
	before := Session(p, &checklist.Session{Answers: answers{}.rate("a1", "2", "2").rate("a2", "4", "5").rate("a3", "na", "na")})
	after := Session(p, &checklist.Session{Answers: answers{}.rate("a1", "4", "3").rate("a2", "4", "4").rate("a3", "1", "1")})
	c := Compare(before, after)
	want := []wantDelta{{"a1", Of(2), Of(3.5), Of(1.5)}, {"a2", Of(4.5), Of(4), Of(-0.5)}}
	if len(c.Areas) != len(want) {
		t.Fatalf("Areas = %+v, want a1 and a2", c.Areas)
	}
	for i, w := range want {
		checkDelta(t, c.Areas[i], w)
	}
	checkDelta(t, c.Total, wantDelta{"total", Of(6.5), Of(7.5), Of(1)})
	if got := c.Areas[1].Delta.String(); got != "-0.5" {
		t.Errorf("drop shows as %q, want -0.5", got)
	}
}

func TestCompareJSON(t *testing.T) {
	c := Compare(result(testRef(), "a1", Score{}), result(testRef(), "a1", Of(3)))
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"areas":[],"total":{"id":"total","title":"Total","a":null,"b":null,"delta":null},"sections":[]}`
	if string(data) != want {
		t.Errorf("JSON = %s, want %s", data, want)
	}

	c = Compare(result(testRef(), "a1", Of(2)), result(checklist.Ref{ID: "test", Version: "2.0.0"}, "a1", Of(3.5)))
	data, err = json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{`{"id":"a1","title":"Area a1","a":2,"b":3.5,"delta":1.5}`, `"mismatch":"`} {
		if !strings.Contains(string(data), frag) {
			t.Errorf("JSON %s lacks %s", data, frag)
		}
	}
}

// TestCompareSections: checklist sections are paired by id; a section with
// no percentage on either side (nothing answered, or all N/A) is left out.
func TestCompareSections(t *testing.T) {
	sec := func(id string, pct Score) Section { return Section{ID: id, Title: "Section " + id, Percent: pct} }
	a := Result{Pack: testRef(), Sections: []Section{sec("s1", Of(50)), sec("s2", Of(80)), sec("s3", Score{}), sec("gone", Of(10))}}
	b := Result{Pack: testRef(), Sections: []Section{sec("s1", Of(75)), sec("s2", Of(62.5)), sec("s3", Of(40)), sec("new", Of(90))}}
	c := Compare(a, b)
	want := []wantDelta{{"s1", Of(50), Of(75), Of(25)}, {"s2", Of(80), Of(62.5), Of(-17.5)}}
	if len(c.Sections) != len(want) {
		t.Fatalf("sections %+v, want %d", c.Sections, len(want))
	}
	for i, w := range want {
		checkDelta(t, c.Sections[i], w)
	}
	if c.Sections[0].Title != "Section s1" {
		t.Errorf("title %q", c.Sections[0].Title)
	}
}

// TestCompareCompleteSessionsDifferentAreas: two complete sessions, the
// earlier with an all-N/A area. Each total covers its own areas (2 and 3),
// but the comparison covers only the two scored in both, so a rerun that
// rates one more area is not read as a rise of that area's score.
func TestCompareCompleteSessionsDifferentAreas(t *testing.T) {
	p := testPack(1, 1, 3, 2)
	before := Session(p, &checklist.Session{Answers: answers{}.tick("s1", "yes").rate("a1", "2", "2").rate("a2", "4", "4").rate("a3", "na", "na")})
	after := Session(p, &checklist.Session{Answers: answers{}.tick("s1", "yes").rate("a1", "3", "3").rate("a2", "4", "4").rate("a3", "5", "5")})
	if !before.Total.Complete || before.Total.Score != Of(6) || before.Total.Max != 10 || after.Total.Score != Of(12) || after.Total.Max != 15 {
		t.Fatalf("totals %+v and %+v, want 6 of 2–10 and 12 of 3–15", before.Total, after.Total)
	}
	c := Compare(before, after)
	if len(c.Areas) != 2 {
		t.Fatalf("compared %d areas, want the 2 scored in both", len(c.Areas))
	}
	checkDelta(t, c.Total, wantDelta{"total", Of(6), Of(7), Of(1)})
}
