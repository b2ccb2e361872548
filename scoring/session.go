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
	// Percent is (Score − 1) / 4 × 100.
	Percent  Score  `json:"percent"`
	Band     string `json:"band"`
	Answered int    `json:"answered"` // statements rated 1..5
	NA       int    `json:"na"`       // statements answered N/A
	Total    int    `json:"total"`    // statements in the area
}

// Total is the sum of the area scores with the range computed from the pack.
type Total struct {
	Score Score   `json:"score"`
	Min   float64 `json:"min"`
	Max   float64 `json:"max"`
	// Percent is the mean of the scored areas' percentages, so an
	// incomplete assessment is not dragged down by areas not yet rated.
	Percent Score  `json:"percent"`
	Band    string `json:"band"`
	// Complete is true when every statement is answered (N/A counts) and
	// every area has a score.
	Complete bool `json:"complete"`
	Scored   int  `json:"scored"` // areas with a score
	Areas    int  `json:"areas"`  // areas in the pack
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

// ScoreTotal adds up the area scores. Min and Max come from the number of
// areas in the pack (eight areas: 8–40; seven: 7–35).
func ScoreTotal(areas []Area, bands []checklist.Band) Total {
	t := Total{
		Areas: len(areas),
		Min:   float64(len(areas) * MinRating),
		Max:   float64(len(areas) * MaxRating),
	}
	sum, pct := 0.0, 0.0
	t.Complete = len(areas) > 0
	for _, a := range areas {
		if a.Answered+a.NA < a.Total || !a.Score.Valid {
			t.Complete = false
		}
		if !a.Score.Valid {
			continue
		}
		t.Scored++
		sum += a.Score.Value
		pct += a.Percent.Value
	}
	if t.Scored > 0 {
		t.Score = Of(sum)
		t.Percent = Of(pct / float64(t.Scored))
	}
	t.Band = Band(bands, t.Percent)
	return t
}

// Weakest returns the n lowest-scoring areas, ties broken by pack order,
// each with a copy of the pack's actions for it. Areas with no score are
// left out; n below zero means none.
func Weakest(p *checklist.Pack, areas []Area, n int) []Weak {
	n = max(n, 0)
	idx := make([]int, 0, len(areas))
	for i, a := range areas {
		if a.Score.Valid {
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
	r.Total = ScoreTotal(r.Areas, p.Bands)
	r.Weakest = Weakest(p, r.Areas, WeakestCount)
	return r
}
