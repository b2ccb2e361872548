package scoring

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestPercent(t *testing.T) {
	tests := []struct {
		mean, want Score
	}{
		{Score{}, Score{}},
		{Of(1), Of(0)},
		{Of(3), Of(50)},
		{Of(5), Of(100)},
		{Of(2.2), Of(30)},
		{Of(4.6), Of(90)},
	}
	for _, tt := range tests {
		checkScore(t, "Percent("+tt.mean.String()+")", Percent(tt.mean), tt.want)
	}
	// The ends of the scale are exact, not merely close.
	if got := Percent(Of(1)); got != Of(0) {
		t.Errorf("Percent(1) = %#v, want exactly 0", got)
	}
	if got := Percent(Of(5)); got != Of(100) {
		t.Errorf("Percent(5) = %#v, want exactly 100", got)
	}
}

func TestScoreArea(t *testing.T) {
	p := testPack(0, 0, 1, 5)
	tests := []struct {
		name        string
		ans         answers
		want        Score
		wantPercent Score
		band        string
		answered    int
		na          int
	}{
		{"all answered", answers{}.rate("a1", "5", "4", "3", "2", "1"), Of(3), Of(50), "needs_work", 5, 0},
		{"all fives", answers{}.rate("a1", "5", "5", "5", "5", "5"), Of(5), Of(100), "excellent", 5, 0},
		{"all ones", answers{}.rate("a1", "1", "1", "1", "1", "1"), Of(1), Of(0), "critical", 5, 0},
		{"N/A left out of the mean", answers{}.rate("a1", "5", "na", "3", "na", "4"), Of(4), Of(75), "good", 3, 2},
		{"N/A is not a zero", answers{}.rate("a1", "2", "na", "na", "na", "na"), Of(2), Of(25), "critical", 1, 4},
		{"unanswered ignored", answers{}.rate("a1", "", "4", "", "2", ""), Of(3), Of(50), "needs_work", 2, 0},
		{"fraction", answers{}.rate("a1", "4", "4", "3", "3", "3"), Of(3.4), Of(60), "good", 5, 0},
		{"all N/A has no score", answers{}.rate("a1", "na", "na", "na", "na", "na"), Score{}, Score{}, "", 0, 5},
		{"nothing answered has no score", answers{}, Score{}, Score{}, "", 0, 0},
		{"nil answers", nil, Score{}, Score{}, "", 0, 0},
		{"note without value", answers{"a1.1": {Note: "ask the team"}}, Score{}, Score{}, "", 0, 0},
		{"values that are no rating", answers{}.rate("a1", "yes", "0", "6", "partly", "4"), Of(4), Of(75), "good", 1, 0},
		{"answers to other questions", answers{}.rate("a2", "1", "1").tick("s1", "yes"), Score{}, Score{}, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreArea(p.Areas[0], tt.ans, p.Bands)
			checkScore(t, "Score", got.Score, tt.want)
			checkScore(t, "Percent", got.Percent, tt.wantPercent)
			if got.Band != tt.band {
				t.Errorf("Band = %q, want %q", got.Band, tt.band)
			}
			if got.Answered != tt.answered || got.NA != tt.na || got.Total != 5 {
				t.Errorf("Answered, NA, Total = %d, %d, %d; want %d, %d, 5", got.Answered, got.NA, got.Total, tt.answered, tt.na)
			}
			if got.ID != "a1" || got.Title != "Area 1" {
				t.Errorf("ID, Title = %q, %q; want a1, Area 1", got.ID, got.Title)
			}
			if !tt.want.Valid && got.Score.String() != "–" {
				t.Errorf("missing score shows as %q, want –", got.Score.String())
			}
		})
	}
}

func TestScoreAreaWithoutStatements(t *testing.T) {
	got := ScoreArea(checklist.Area{ID: "empty"}, answers{}.rate("a1", "5"), testBands())
	if got.Score.Valid || got.Total != 0 || got.Band != "" {
		t.Errorf("ScoreArea(empty) = %+v, want no score, no band", got)
	}
}

func TestBand(t *testing.T) {
	bands := testBands()
	tests := []struct {
		name    string
		bands   []checklist.Band
		percent Score
		want    string
	}{
		{"bottom", bands, Of(0), "critical"},
		{"inside the first", bands, Of(20), "critical"},
		{"just below a threshold", bands, Of(39.99), "critical"},
		{"well within tolerance below is still below", bands, Of(40 - 1e-6), "critical"},
		{"exactly at a threshold", bands, Of(40), "needs_work"},
		{"rounding error below a threshold", bands, Of(40 - 1e-10), "needs_work"},
		{"the last bit below a threshold", bands, Of(59.99999999999999), "good"},
		{"just above a threshold", bands, Of(40.01), "needs_work"},
		{"at 60", bands, Of(60), "good"},
		{"below 80", bands, Of(79.999), "good"},
		{"at 80", bands, Of(80), "excellent"},
		{"top", bands, Of(100), "excellent"},
		{"missing percent has no band", bands, Score{}, ""},
		{"no bands", nil, Of(50), ""},
		{"empty bands", []checklist.Band{}, Of(100), ""},
		{"one band", []checklist.Band{{ID: "only", From: 0}}, Of(0), "only"},
		{"below the first band", []checklist.Band{{ID: "pass", From: 50}}, Of(49), ""},
		{"fractional threshold", []checklist.Band{{ID: "low", From: 0}, {ID: "high", From: 62.5}}, Of(62.5), "high"},
		{"below a fractional threshold", []checklist.Band{{ID: "low", From: 0}, {ID: "high", From: 62.5}}, Of(62.49), "low"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Band(tt.bands, tt.percent); got != tt.want {
				t.Errorf("Band(%v) = %q, want %q", tt.percent.Value, got, tt.want)
			}
		})
	}
}

// TestBandFloatThresholds scores real answers whose percentage lands one
// bit below a threshold: (2.8 − 1) / 4 × 100 is 44.99999999999999 in
// float64, and it must reach the band that starts at 45.
func TestBandFloatThresholds(t *testing.T) {
	tests := []struct {
		name    string
		ratings []string
		from    float64
	}{
		{"2.8 is 45 %", []string{"3", "3", "3", "3", "2"}, 45},
		{"4.6 is 90 %", []string{"5", "5", "5", "4", "4"}, 90},
		{"1.4 is 10 %", []string{"1", "1", "1", "2", "2"}, 10},
	}
	p := testPack(0, 0, 1, 5)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bands := []checklist.Band{{ID: "below", From: 0}, {ID: "at", From: tt.from}}
			got := ScoreArea(p.Areas[0], answers{}.rate("a1", tt.ratings...), bands)
			if got.Percent.Value >= tt.from {
				t.Fatalf("percent %v is not below %v in float64: the case no longer tests the tolerance", got.Percent.Value, tt.from)
			}
			if got.Band != "at" {
				t.Errorf("band of %v %% = %q, want the band from %v", got.Percent.Value, got.Band, tt.from)
			}
			if s := got.Percent.Format(0); s != Of(tt.from).Format(0) {
				t.Errorf("percent shows as %q, want %v", s, tt.from)
			}
		})
	}
}

func TestBandLabel(t *testing.T) {
	bands := testBands()
	tests := []struct{ id, want string }{
		{"critical", "Critical"},
		{"needs_work", "Needs work"},
		{"excellent", "Excellent"},
		{"unknown", "unknown"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := BandLabel(bands, tt.id); got != tt.want {
			t.Errorf("BandLabel(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	if got := BandLabel(nil, "good"); got != "good" {
		t.Errorf("BandLabel(nil, good) = %q, want the id", got)
	}
}

func TestScoreSection(t *testing.T) {
	p := testPack(1, 4, 0, 0)
	tests := []struct {
		name                          string
		ans                           answers
		want                          Score
		yes, partly, no, na, answered int
	}{
		{"all yes", answers{}.tick("s1", "yes", "yes", "yes", "yes"), Of(100), 4, 0, 0, 0, 4},
		{"all no", answers{}.tick("s1", "no", "no", "no", "no"), Of(0), 0, 0, 4, 0, 4},
		{"all partly", answers{}.tick("s1", "partly", "partly", "partly", "partly"), Of(50), 0, 4, 0, 0, 4},
		{"one of each", answers{}.tick("s1", "yes", "partly", "no", "na"), Of(50), 1, 1, 1, 1, 3},
		{"partly is half", answers{}.tick("s1", "partly", "no", "no", "no"), Of(12.5), 0, 1, 3, 0, 4},
		{"mix", answers{}.tick("s1", "yes", "yes", "partly", "no"), Of(62.5), 2, 1, 1, 0, 4},
		{"N/A left out", answers{}.tick("s1", "yes", "na", "na", "na"), Of(100), 1, 0, 0, 3, 1},
		{"thirds", answers{}.tick("s1", "yes", "no", "no", ""), Of(100.0 / 3), 1, 0, 2, 0, 3},
		{"unanswered ignored", answers{}.tick("s1", "", "partly", "", "yes"), Of(75), 1, 1, 0, 0, 2},
		{"all N/A has no percent", answers{}.tick("s1", "na", "na", "na", "na"), Score{}, 0, 0, 0, 4, 0},
		{"nothing answered", answers{}, Score{}, 0, 0, 0, 0, 0},
		{"ratings are no checklist answers", answers{}.tick("s1", "3", "5", "yes", ""), Of(100), 1, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreSection(p.Sections[0], tt.ans)
			checkScore(t, "Percent", got.Percent, tt.want)
			if got.Yes != tt.yes || got.Partly != tt.partly || got.No != tt.no || got.NA != tt.na || got.Answered != tt.answered {
				t.Errorf("yes/partly/no/na/answered = %d/%d/%d/%d/%d, want %d/%d/%d/%d/%d",
					got.Yes, got.Partly, got.No, got.NA, got.Answered, tt.yes, tt.partly, tt.no, tt.na, tt.answered)
			}
			if got.Total != 4 || got.ID != "s1" || got.Title != "Section 1" {
				t.Errorf("ID, Title, Total = %q, %q, %d; want s1, Section 1, 4", got.ID, got.Title, got.Total)
			}
		})
	}
}

func TestScoreSectionWithoutItems(t *testing.T) {
	got := ScoreSection(checklist.Section{ID: "empty"}, answers{}.tick("s1", "yes"))
	if got.Percent.Valid || got.Total != 0 || got.Answered != 0 {
		t.Errorf("ScoreSection(empty) = %+v, want no percent", got)
	}
}
