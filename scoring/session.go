package scoring

import (
	"sort"

	"github.com/servicecheck/servicecheck/checklist"
)

// Rating bounds of a statement.
const (
	MinRating = 1
	MaxRating = 5
)

// WeakestCount is how many weakest areas a result lists.
const WeakestCount = 3

// Area is the score of one rated area.
type Area struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Score is the mean of the rated statements, 1.0–5.0.
	Score Score `json:"score"`
	// Percent is the position of Score on the 1–5 scale, (Score − 1) / 4
	// × 100, which the bands are read from; not Score / 5.
	Percent  Score  `json:"percent"`
	Band     string `json:"band"`
	Answered int    `json:"answered"` // statements rated 1..5
	NA       int    `json:"na"`       // statements answered N/A
	Total    int    `json:"total"`    // statements in the area
}

// Total is the sum of the scored areas, with the range those areas give.
//
// A reader can check every figure: Score is the sum of the scores of the
// Scored areas and lies in Min..Max, which are Scored×1 and Scored×5
// (seven areas scored: 7–35). An area whose every statement is N/A is not
// applicable (NA) and counts neither in the total nor in its range. The
// total exists only once the session is Complete: while questions are
// unanswered Score, Percent and Band are missing, and Scored and Remaining
// say how far the areas have got.
type Total struct {
	Score Score   `json:"score"`
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
	// Percent is the position of Score on its scale, (Score − Min) /
	// (Max − Min) × 100: the same as the mean area's position on 1–5. It
	// is not Score / Max, and is labelled so wherever it is shown
	// (results.Words.Position).
	Percent Score  `json:"percent"`
	Band    string `json:"band"`
	// Complete is true when every question of the session is answered
	// (N/A counts), N/A areas included.
	Complete bool `json:"complete"`
	Scored   int  `json:"scored"` // areas with a score
	Areas    int  `json:"areas"`  // areas in the pack
	// NA counts the areas not applicable: every statement answered N/A.
	NA int `json:"na_areas"`
	// Remaining counts the areas neither scored nor not applicable yet.
	Remaining int `json:"remaining"`
}

// Range returns the bounds of a total over n scored areas: n to 5n.
func Range(n int) (lo, hi float64) {
	return float64(n * MinRating), float64(n * MaxRating)
}

// Section is the checklist result of one section: Yes = 1, Partly = 0.5,
// No = 0, N/A left out.
type Section struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Percent  Score  `json:"percent"`
	Answered int    `json:"answered"` // items answered yes, partly or no
	Yes      int    `json:"yes"`
	Partly   int    `json:"partly"`
	No       int    `json:"no"`
	NA       int    `json:"na"`
	Total    int    `json:"total"` // items in the section
}

// Weak is one of the weakest areas, with what to do about it.
type Weak struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Score   Score    `json:"score"`
	Band    string   `json:"band"`
	Actions []string `json:"actions"`
}

// Result is everything scored about one session.
type Result struct {
	Pack     checklist.Ref `json:"pack"`
	Total    Total         `json:"total"`
	Areas    []Area        `json:"areas"`
	Sections []Section     `json:"sections"`
	Weakest  []Weak        `json:"weakest"`
	// Findings are the answers that call for action (Findings).
	Findings []Finding `json:"findings"`
	// Strengths are the top-band areas and the items answered Yes.
	Strengths []Strength `json:"strengths"`
}

// Percent converts a mean rating (1–5) to a percentage (0–100).
func Percent(mean Score) Score {
	if !mean.Valid {
		return Score{}
	}
	return Of((mean.Value - MinRating) / (MaxRating - MinRating) * 100)
}

// Band returns the id of the band that percent falls in, or "" when the
// percentage is missing or the pack has no bands.
func Band(bands []checklist.Band, percent Score) string {
	if !percent.Valid {
		return ""
	}
	id := ""
	for _, b := range bands {
		if percent.Value+eps >= b.From {
			id = b.ID
		}
	}
	return id
}

// BandLabel returns the label of the band with the given id, or the id itself.
func BandLabel(bands []checklist.Band, id string) string {
	for _, b := range bands {
		if b.ID == id {
			return b.Label
		}
	}
	return id
}

// ScoreArea scores one area from the answers: the mean of its statements
// rated 1..5, with N/A and unanswered statements left out.
func ScoreArea(a checklist.Area, answers map[string]checklist.Answer, bands []checklist.Band) Area {
	r := Area{ID: a.ID, Title: a.Title, Total: len(a.Statements)}
	sum := 0
	for _, st := range a.Statements {
		v := answers[st.ID].Value
		if n, ok := v.Rating(); ok {
			sum += n
			r.Answered++
		} else if v == checklist.NA {
			r.NA++
		}
	}
	if r.Answered > 0 {
		r.Score = Of(float64(sum) / float64(r.Answered))
	}
	r.Percent = Percent(r.Score)
	r.Band = Band(bands, r.Percent)
	return r
}

// ScoreSection scores one checklist section from the answers.
func ScoreSection(s checklist.Section, answers map[string]checklist.Answer) Section {
	r := Section{ID: s.ID, Title: s.Title, Total: len(s.Items)}
	for _, it := range s.Items {
		switch answers[it.ID].Value {
		case checklist.Yes:
			r.Yes++
		case checklist.Partly:
			r.Partly++
		case checklist.No:
			r.No++
		case checklist.NA:
			r.NA++
		}
	}
	r.Answered = r.Yes + r.Partly + r.No
	if r.Answered > 0 {
		yes, _ := ItemValue(checklist.Yes)
		partly, _ := ItemValue(checklist.Partly)
		r.Percent = Of((yes*float64(r.Yes) + partly*float64(r.Partly)) / float64(r.Answered) * 100)
	}
	return r
}

// ScoreTotal adds up the scored areas. The range follows the areas scored
// (Range). complete says whether every question of the session is
// answered; until it is, the total has no score, percentage or band — a
// total of the areas rated so far would fall below its own range and a
// band would speak for areas not yet rated.
func ScoreTotal(areas []Area, complete bool, bands []checklist.Band) Total {
	t := Total{Areas: len(areas)}
	sum, pct := 0.0, 0.0
	for _, a := range areas {
		switch {
		case a.Score.Valid:
			t.Scored++
			sum += a.Score.Value
			pct += a.Percent.Value
		case a.NA == a.Total: // an area with no statement has none to answer
			t.NA++
		default:
			t.Remaining++
		}
	}
	t.Min, t.Max = Range(t.Scored)
	t.Complete = complete && t.Remaining == 0
	if t.Complete && t.Scored > 0 {
		t.Score = Of(sum)
		// The mean of the areas' positions on 1–5 is the total's position
		// on Min–Max.
		t.Percent = Of(pct / float64(t.Scored))
	}
	t.Band = Band(bands, t.Percent)
	return t
}

// Answered reports whether every question of s in p has an answer, N/A
// included.
func Answered(p *checklist.Pack, s *checklist.Session) bool {
	for _, q := range p.Questions() {
		if s.Answers[q.ID].Value == "" {
			return false
		}
	}
	return true
}

// Weakest returns the n lowest-scoring areas below the good band
// (GoodBand), ties broken by pack order, each with a copy of the pack's
// actions for it: an area at good or better is a strength, not a problem.
// Areas with no score are left out; n below zero means none.
func Weakest(p *checklist.Pack, areas []Area, n int) []Weak {
	n = max(n, 0)
	idx := make([]int, 0, len(areas))
	for i, a := range areas {
		if a.Score.Valid && !AtLeastGood(p.Bands, a.Band) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return areas[idx[i]].Score.Value < areas[idx[j]].Score.Value
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	out := make([]Weak, 0, len(idx))
	for _, i := range idx {
		a := areas[i]
		// Actions is never nil, so JSON readers always get a list.
		w := Weak{ID: a.ID, Title: a.Title, Score: a.Score, Band: a.Band, Actions: []string{}}
		if pa, ok := p.Area(a.ID); ok {
			w.Actions = append(w.Actions, pa.Actions...)
		}
		out = append(out, w)
	}
	return out
}

// Session scores everything about s against p.
func Session(p *checklist.Pack, s *checklist.Session) Result {
	r := Result{
		Pack:     p.Ref(),
		Areas:    make([]Area, len(p.Areas)),
		Sections: make([]Section, len(p.Sections)),
	}
	for i, a := range p.Areas {
		r.Areas[i] = ScoreArea(a, s.Answers, p.Bands)
	}
	for i, sec := range p.Sections {
		r.Sections[i] = ScoreSection(sec, s.Answers)
	}
	r.Total = ScoreTotal(r.Areas, Answered(p, s), p.Bands)
	r.Weakest = Weakest(p, r.Areas, WeakestCount)
	r.Findings = Findings(p, s)
	r.Strengths = Strengths(p, s, r.Areas)
	return r
}
