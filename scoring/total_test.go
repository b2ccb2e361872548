package scoring

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// scoreAreas scores every area of p, as Session does.
func scoreAreas(p *checklist.Pack, ans answers) []Area {
	out := make([]Area, len(p.Areas))
	for i, a := range p.Areas {
		out[i] = ScoreArea(a, ans, p.Bands)
	}
	return out
}

func TestScoreTotal(t *testing.T) {
	eight := testPack(0, 0, 8, 3)
	seven := testPack(0, 0, 7, 3)
	tests := []struct {
		name             string
		pack             *checklist.Pack
		ans              answers
		want             Score
		min, max         float64
		percent          Score
		band             string
		complete         bool
		scored, areasLen int
		na, remaining    int
	}{
		{"eight areas all 3", eight, answers{}.rateAll(eight, "3"), Of(24), 8, 40, Of(50), "needs_work", true, 8, 8, 0, 0},
		{"eight areas all 5", eight, answers{}.rateAll(eight, "5"), Of(40), 8, 40, Of(100), "excellent", true, 8, 8, 0, 0},
		{"eight areas all 1", eight, answers{}.rateAll(eight, "1"), Of(8), 8, 40, Of(0), "critical", true, 8, 8, 0, 0},
		{"seven areas all 5", seven, answers{}.rateAll(seven, "5"), Of(35), 7, 35, Of(100), "excellent", true, 7, 7, 0, 0},
		{"seven areas all 1", seven, answers{}.rateAll(seven, "1"), Of(7), 7, 35, Of(0), "critical", true, 7, 7, 0, 0},
		{"seven areas all 4", seven, answers{}.rateAll(seven, "4"), Of(28), 7, 35, Of(75), "good", true, 7, 7, 0, 0},
		{"N/A counts as answered", eight, answers{}.rateAll(eight, "4").rate("a3", "na", "4", "na"), Of(32), 8, 40, Of(75), "good", true, 8, 8, 0, 0},
		// In progress: no total, no band, no percentage; the range is that
		// of the areas scored so far.
		{"one statement unanswered", eight, answers{}.rateAll(eight, "4").without("a8.3"),
			Score{}, 8, 40, Score{}, "", false, 8, 8, 0, 0},
		// An all-N/A area is not applicable: the session is complete and
		// the range is that of the seven areas scored, as in the source.
		{"one area all N/A", eight, answers{}.rateAll(eight, "4").rate("a2", "na", "na", "na"),
			Of(28), 7, 35, Of(75), "good", true, 7, 8, 1, 0},
		{"two areas all N/A", eight, answers{}.rateAll(eight, "5").rate("a2", "na", "na", "na").rate("a7", "na", "na", "na"),
			Of(30), 6, 30, Of(100), "excellent", true, 6, 8, 2, 0},
		{"one area unanswered", eight, answers{}.rateAll(eight, "2").without("a5.1", "a5.2", "a5.3"),
			Score{}, 7, 35, Score{}, "", false, 7, 8, 0, 1},
		{"one area all N/A, one unanswered", eight, answers{}.rateAll(eight, "2").rate("a2", "na", "na", "na").without("a5.1", "a5.2", "a5.3"),
			Score{}, 6, 30, Score{}, "", false, 6, 8, 1, 1},
		{"every area N/A", eight, answers{}.rateAll(eight, "na"), Score{}, 0, 0, Score{}, "", true, 0, 8, 8, 0},
		{"nothing answered", eight, answers{}, Score{}, 0, 0, Score{}, "", false, 0, 8, 0, 8},
		{"empty pack", testPack(0, 0, 0, 0), answers{}, Score{}, 0, 0, Score{}, "", true, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := totalOf(tt.pack, tt.ans)
			checkScore(t, "Score", got.Score, tt.want)
			checkScore(t, "Percent", got.Percent, tt.percent)
			if got.Min != tt.min || got.Max != tt.max {
				t.Errorf("range = %v–%v, want %v–%v", got.Min, got.Max, tt.min, tt.max)
			}
			if got.Band != tt.band {
				t.Errorf("Band = %q, want %q", got.Band, tt.band)
			}
			if got.Complete != tt.complete {
				t.Errorf("Complete = %v, want %v", got.Complete, tt.complete)
			}
			if got.Scored != tt.scored || got.Areas != tt.areasLen || got.NA != tt.na || got.Remaining != tt.remaining {
				t.Errorf("Scored, Areas, NA, Remaining = %d, %d, %d, %d; want %d, %d, %d, %d",
					got.Scored, got.Areas, got.NA, got.Remaining, tt.scored, tt.areasLen, tt.na, tt.remaining)
			}
		})
	}
}

// totalOf scores the total of p's areas as Session does.
func totalOf(p *checklist.Pack, ans answers) Total {
	return ScoreTotal(scoreAreas(p, ans), Answered(p, &checklist.Session{Answers: ans}), p.Bands)
}

// without removes answers, to leave statements unanswered.
func (m answers) without(ids ...string) answers {
	for _, id := range ids {
		delete(m, id)
	}
	return m
}

// TestScoreTotalPercent checks that the total's percentage is its position
// on its own scale, (total − min) / (max − min), and that a session in
// progress has none.
func TestScoreTotalPercent(t *testing.T) {
	p := testPack(0, 0, 4, 2)
	ans := answers{}.rate("a1", "1", "1").rate("a2", "5", "5").rate("a3", "3", "4").rate("a4", "2", "na")
	got := totalOf(p, ans)
	// Areas 1, 5, 3.5, 2: total 11.5 in 4–20, so (11.5 − 4) / 16 = 46.875 %.
	checkScore(t, "Score", got.Score, Of(11.5))
	checkScore(t, "Percent", got.Percent, Of(46.875))
	checkScore(t, "Percent from range", got.Percent, Of((got.Score.Value-got.Min)/(got.Max-got.Min)*100))
	if !got.Complete || got.Band != "needs_work" {
		t.Errorf("Complete, Band = %v, %q; want true, needs_work", got.Complete, got.Band)
	}

	delete(ans, "a2.1")
	delete(ans, "a2.2")
	got = totalOf(p, ans)
	checkScore(t, "in progress Score", got.Score, Score{})
	checkScore(t, "in progress Percent", got.Percent, Score{})
	if got.Complete || got.Scored != 3 || got.Remaining != 1 || got.Max != 15 || got.Band != "" {
		t.Errorf("Complete, Scored, Remaining, Max, Band = %v, %d, %d, %v, %q; want false, 3, 1, 15, \"\"",
			got.Complete, got.Scored, got.Remaining, got.Max, got.Band)
	}
}

// TestScoreTotalItemsUnanswered: a session with a checklist item still
// unanswered is in progress, so its total is not shown yet.
func TestScoreTotalItemsUnanswered(t *testing.T) {
	p := testPack(1, 2, 2, 1)
	s := &checklist.Session{Answers: answers{}.rateAll(p, "4").tick("s1", "yes", "")}
	r := Session(p, s)
	if r.Total.Complete || r.Total.Score.Valid {
		t.Errorf("total with an item unanswered = %+v, want in progress and no score", r.Total)
	}
	s.Answers = answers(s.Answers).tick("s1", "yes", "na")
	if r := Session(p, s); !r.Total.Complete || r.Total.Score != Of(8) {
		t.Errorf("total once answered = %+v, want complete 8", r.Total)
	}
}

// TestScoreTotalBandTolerance: eight areas at 2.8 each give a total
// percentage one bit below 45, which must still reach the band from 45.
func TestScoreTotalBandTolerance(t *testing.T) {
	p := testPack(0, 0, 8, 5)
	p.Bands = []checklist.Band{{ID: "below", From: 0}, {ID: "at", From: 45}}
	ans := answers{}
	for _, a := range p.Areas {
		ans.rate(a.ID, "3", "3", "3", "3", "2")
	}
	got := totalOf(p, ans)
	if got.Percent.Value >= 45 {
		t.Fatalf("total percent %v is not below 45 in float64: the case no longer tests the tolerance", got.Percent.Value)
	}
	if got.Band != "at" {
		t.Errorf("total band at %v %% = %q, want at", got.Percent.Value, got.Band)
	}
	checkScore(t, "Score", got.Score, Of(22.4))
}

func TestScoreTotalJSON(t *testing.T) {
	p := testPack(0, 0, 8, 1)
	data, err := json.Marshal(totalOf(p, answers{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"score":null,"min":0,"max":0,"percent":null,"band":"","complete":false,"scored":0,"areas":8,"na_areas":0,"remaining":8}`
	if string(data) != want {
		t.Errorf("JSON = %s, want %s", data, want)
	}
}

func TestWeakest(t *testing.T) {
	p := testPack(0, 0, 6, 1)
	tests := []struct {
		name   string
		scores []Score // per area a1..a6
		n      int
		want   []string
	}{
		{"three lowest, lowest first", []Score{Of(3), Of(1.5), Of(4), Of(2), Of(5), Of(2.5)}, 3, []string{"a2", "a4", "a6"}},
		{"ties broken by pack order", []Score{Of(3), Of(2), Of(2), Of(4), Of(2), Of(1)}, 3, []string{"a6", "a2", "a3"}},
		{"all tied", []Score{Of(3), Of(3), Of(3), Of(3), Of(3), Of(3)}, 3, []string{"a1", "a2", "a3"}},
		{"tie with the lowest", []Score{Of(5), Of(1), Of(4), Of(1), Of(1), Of(1)}, 3, []string{"a2", "a4", "a5"}},
		{"unscored areas left out", []Score{{}, Of(4), {}, Of(2), {}, {}}, 3, []string{"a4", "a2"}},
		{"none scored", []Score{{}, {}, {}, {}, {}, {}}, 3, []string{}},
		{"fewer asked", []Score{Of(3), Of(1), Of(4), Of(2), Of(5), Of(2.5)}, 1, []string{"a2"}},
		{"more asked than areas", []Score{Of(3), Of(1), Of(4), Of(2), Of(5), Of(2.5)}, 10, []string{"a2", "a4", "a6", "a1", "a3", "a5"}},
		{"none asked", []Score{Of(3), Of(1), Of(4), Of(2), Of(5), Of(2.5)}, 0, []string{}},
		{"negative count", []Score{Of(3), Of(1), Of(4), Of(2), Of(5), Of(2.5)}, -1, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			areas := make([]Area, len(tt.scores))
			for i, s := range tt.scores {
				areas[i] = area(p.Areas[i].ID, s)
			}
			got := Weakest(p, areas, tt.n)
			if got == nil {
				t.Fatal("Weakest = nil, want a list")
			}
			ids := make([]string, len(got))
			for i, w := range got {
				ids[i] = w.ID
				if ar, _ := p.Area(w.ID); !slices.Equal(w.Actions, ar.Actions) {
					t.Errorf("%s actions = %q, want %q", w.ID, w.Actions, ar.Actions)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("Weakest = %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestWeakestCarriesArea(t *testing.T) {
	p := testPack(0, 0, 2, 2)
	areas := scoreAreas(p, answers{}.rate("a1", "4", "5").rate("a2", "2", "1"))
	got := Weakest(p, areas, 1)
	want := Weak{ID: "a2", Title: "Area 2", Score: Of(1.5), Band: "critical"}
	if len(got) != 1 || got[0].ID != want.ID || got[0].Title != want.Title || got[0].Score != want.Score || got[0].Band != want.Band {
		t.Fatalf("Weakest = %+v, want %+v", got, want)
	}
	if !slices.Equal(got[0].Actions, []string{"first step for a2", "second step for a2"}) {
		t.Errorf("actions = %q", got[0].Actions)
	}
}

// TestWeakestActionsAreCopies: a caller editing the advice it got (say, a
// plan screen) must not rewrite the pack shared by every session.
func TestWeakestActionsAreCopies(t *testing.T) {
	p := testPack(0, 0, 2, 1)
	areas := scoreAreas(p, answers{}.rate("a1", "1").rate("a2", "5"))
	got := Weakest(p, areas, 1)
	got[0].Actions[0] = "changed"
	got[0].Actions = append(got[0].Actions, "added")
	if want := []string{"first step for a1", "second step for a1"}; !slices.Equal(p.Areas[0].Actions, want) {
		t.Errorf("pack actions after editing the result = %q, want %q", p.Areas[0].Actions, want)
	}
	// Growing the pack's slice must not show through an earlier result either.
	again := Weakest(p, areas, 1)
	p.Areas[0].Actions[1] = "edited pack"
	if again[0].Actions[1] != "second step for a1" {
		t.Errorf("result changed with the pack: %q", again[0].Actions)
	}
}

func TestWeakestActionsNeverNull(t *testing.T) {
	p := testPack(0, 0, 2, 1)
	p.Areas[0].Actions = nil
	// a9 is not in the pack: scored against another pack, it has no advice.
	areas := []Area{area("a1", Of(1)), area("a9", Of(2))}
	got := Weakest(p, areas, 3)
	if len(got) != 2 {
		t.Fatalf("Weakest = %+v, want a1 and a9", got)
	}
	for _, w := range got {
		if w.Actions == nil || len(w.Actions) != 0 {
			t.Errorf("%s actions = %#v, want an empty list", w.ID, w.Actions)
		}
	}
	data, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "null") || !strings.Contains(string(data), `"actions":[]`) {
		t.Errorf("JSON = %s, want empty action lists", data)
	}
}

// TestWeakestManyTies uses more areas than a small sort handles by
// insertion, where an unstable sort would start to reorder ties.
func TestWeakestManyTies(t *testing.T) {
	const n = 40
	p := testPack(0, 0, n, 1)
	areas := make([]Area, n)
	for i := range areas {
		areas[i] = area(p.Areas[i].ID, Of(float64((i*7)%5+1)))
	}
	got := Weakest(p, areas, n)
	if len(got) != n {
		t.Fatalf("Weakest gave %d areas, want %d", len(got), n)
	}
	pos := func(id string) int {
		for i, a := range p.Areas {
			if a.ID == id {
				return i
			}
		}
		t.Fatalf("unknown area %s", id)
		return -1
	}
	for i := 1; i < n; i++ {
		prev, cur := got[i-1], got[i]
		if cur.Score.Value < prev.Score.Value {
			t.Fatalf("%s (%v) after %s (%v): not lowest first", cur.ID, cur.Score, prev.ID, prev.Score)
		}
		if cur.Score == prev.Score && pos(cur.ID) < pos(prev.ID) {
			t.Fatalf("%s before %s at the same score: ties not in pack order", prev.ID, cur.ID)
		}
	}
	if top := []string{got[0].ID, got[1].ID, got[2].ID}; !slices.Equal(top, []string{"a1", "a6", "a11"}) {
		t.Errorf("three weakest = %v, want a1 a6 a11", top)
	}
}
