package scoring

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// TestSession scores a whole session and checks every part of the result
// against numbers worked out by hand.
func TestSession(t *testing.T) {
	p := testPack(2, 4, 8, 5)
	ans := answers{}.
		tick("s1", "yes", "partly", "no", "na").
		tick("s2", "yes", "yes", "", "").
		rate("a1", "5", "5", "5", "5", "5"). // 5.0, 100 %
		rate("a2", "4", "4", "4", "4", "4"). // 4.0, 75 %
		rate("a3", "1", "2", "1", "2", "1"). // 1.4, 10 %
		rate("a4", "3", "3", "3", "3", "3"). // 3.0, 50 %
		rate("a5", "na", "na", "na", "na", "na").
		rate("a6", "2", "2", "na", "2", "2"). // 2.0, 25 %
		rate("a7", "1", "2", "1", "2", "1").  // 1.4, ties with a3
		rate("a8", "5", "4", "5", "4", "")    // 4.5, one unanswered
	s := &checklist.Session{ID: "s", Pack: p.Ref(), Answers: ans}
	r := Session(p, s)

	if r.Pack != (checklist.Ref{ID: "test", Version: "1.0.0", Lang: "en"}) {
		t.Errorf("Pack = %+v", r.Pack)
	}
	wantAreas := []Score{Of(5), Of(4), Of(1.4), Of(3), {}, Of(2), Of(1.4), Of(4.5)}
	if len(r.Areas) != len(wantAreas) {
		t.Fatalf("%d areas, want %d", len(r.Areas), len(wantAreas))
	}
	for i, w := range wantAreas {
		if r.Areas[i].ID != p.Areas[i].ID {
			t.Errorf("area %d is %s, want pack order", i, r.Areas[i].ID)
		}
		checkScore(t, r.Areas[i].ID, r.Areas[i].Score, w)
	}
	if got := r.Areas[4].Score.String(); got != "–" {
		t.Errorf("all-N/A area shows %q, want –", got)
	}

	wantSections := []Score{Of(50), Of(100)}
	for i, w := range wantSections {
		checkScore(t, r.Sections[i].ID, r.Sections[i].Percent, w)
	}
	if len(r.Sections) != 2 {
		t.Errorf("%d sections, want 2", len(r.Sections))
	}

	// In progress (a8.5 and two items unanswered): no total, no band; the
	// seven areas scored so far, a5 not applicable, none remaining.
	if r.Total.Score.Valid || r.Total.Percent.Valid || r.Total.Band != "" || r.Total.Complete ||
		r.Total.Scored != 7 || r.Total.NA != 1 || r.Total.Remaining != 0 || r.Total.Areas != 8 {
		t.Errorf("Total = %+v, want in progress with 7 of 8 scored, 1 N/A, none remaining", r.Total)
	}

	s.Answers = answers(s.Answers).tick("s2", "yes", "yes", "no", "na").rate("a8", "", "", "", "", "4")
	r = Session(p, s)
	// 5 + 4 + 1.4 + 3 + 2 + 1.4 + 4.4 = 21.2 over seven scored areas, in 7–35.
	checkScore(t, "Total", r.Total.Score, Of(21.2))
	if r.Total.Min != 7 || r.Total.Max != 35 || !r.Total.Complete || r.Total.Scored != 7 || r.Total.Areas != 8 {
		t.Errorf("Total = %+v, want 7–35, complete, 7 of 8 scored", r.Total)
	}
	// (100 + 75 + 10 + 50 + 25 + 10 + 85) / 7
	checkScore(t, "Total percent", r.Total.Percent, Of(355.0/7))
	if r.Total.Band != "needs_work" {
		t.Errorf("Total band = %q, want needs_work", r.Total.Band)
	}

	var weak []string
	for _, w := range r.Weakest {
		weak = append(weak, w.ID)
	}
	if want := []string{"a3", "a7", "a6"}; !slices.Equal(weak, want) {
		t.Errorf("Weakest = %v, want %v", weak, want)
	}
	if len(r.Weakest) == 3 && !slices.Equal(r.Weakest[0].Actions, p.Areas[2].Actions) {
		t.Errorf("weakest actions = %q, want a3's", r.Weakest[0].Actions)
	}
}

func TestSessionNoAnswers(t *testing.T) {
	p := testPack(4, 8, 8, 5)
	r := Session(p, &checklist.Session{})
	if r.Total.Score.Valid || r.Total.Complete || r.Total.Scored != 0 {
		t.Errorf("Total = %+v, want no score, incomplete", r.Total)
	}
	if len(r.Areas) != 8 || len(r.Sections) != 4 {
		t.Errorf("%d areas, %d sections; want 8, 4", len(r.Areas), len(r.Sections))
	}
	for _, a := range r.Areas {
		if a.Score.Valid {
			t.Errorf("%s scored %v with no answers", a.ID, a.Score)
		}
	}
	for _, s := range r.Sections {
		if s.Percent.Valid {
			t.Errorf("%s at %v with no answers", s.ID, s.Percent)
		}
	}
	if r.Weakest == nil || len(r.Weakest) != 0 {
		t.Errorf("Weakest = %#v, want an empty list", r.Weakest)
	}
}

func TestSessionSevenAreas(t *testing.T) {
	p := testPack(1, 1, 7, 2)
	r := Session(p, &checklist.Session{Answers: answers{}.rateAll(p, "3").tick("s1", "yes")})
	if r.Total.Min != 7 || r.Total.Max != 35 || !r.Total.Complete {
		t.Errorf("Total = %+v, want 7–35, complete", r.Total)
	}
	checkScore(t, "Total", r.Total.Score, Of(21))
}

// TestSessionJSON pins the JSON shape other tools read: a missing score is
// null, lists are lists.
func TestSessionJSON(t *testing.T) {
	p := testPack(1, 1, 1, 1)
	r := Session(p, &checklist.Session{Answers: answers{}.rate("a1", "na").tick("s1", "na")})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"pack":{"id":"test","version":"1.0.0","lang":"en"},` +
		`"total":{"score":null,"min":0,"max":0,"percent":null,"band":"","complete":true,"scored":0,"areas":1,"na_areas":1,"remaining":0},` +
		`"areas":[{"id":"a1","title":"Area 1","score":null,"percent":null,"band":"","answered":0,"na":1,"total":1}],` +
		`"sections":[{"id":"s1","title":"Section 1","percent":null,"answered":0,"yes":0,"partly":0,"no":0,"na":1,"total":1}],` +
		`"weakest":[],"findings":[],"strengths":[]}`
	if string(data) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", data, want)
	}
}
