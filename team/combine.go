package team

import (
	"math"
	"slices"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// Stats summarise the values several respondents gave to one question or
// one area. Spread is the population standard deviation (σ, how far the
// values lie from their mean); Range is Max − Min. With no value every
// score is missing and Count is 0.
type Stats struct {
	Count  int           `json:"count"`
	Mean   scoring.Score `json:"mean"`
	Min    scoring.Score `json:"min"`
	Max    scoring.Score `json:"max"`
	Range  scoring.Score `json:"range"`
	Spread scoring.Score `json:"spread"`
}

// StatsOf summarises vs.
func StatsOf(vs []float64) Stats {
	st := Stats{Count: len(vs)}
	if len(vs) == 0 {
		return st
	}
	lo, hi, sum := vs[0], vs[0], 0.0
	for _, v := range vs {
		lo, hi, sum = min(lo, v), max(hi, v), sum+v
	}
	mean := sum / float64(len(vs))
	dev := 0.0
	for _, v := range vs {
		dev += (v - mean) * (v - mean)
	}
	st.Mean, st.Min, st.Max = scoring.Of(mean), scoring.Of(lo), scoring.Of(hi)
	st.Range = scoring.Sub(st.Max, st.Min)
	st.Spread = scoring.Of(math.Sqrt(dev / float64(len(vs))))
	return st
}

// Given is one respondent's answer to one question. Respondent indexes
// Audit.Respondents.
type Given struct {
	Respondent int             `json:"respondent"`
	Value      checklist.Value `json:"value"`
	Note       string          `json:"note,omitempty"`
}

// Question is the combined answers to one checklist item or statement.
// Stats cover the answers that count (ratings 1–5; Yes 1, Partly 0.5,
// No 0); N/A answers are counted apart.
type Question struct {
	ID    string         `json:"id"`
	Kind  checklist.Kind `json:"-"`
	Given []Given        `json:"answers"`
	Stats Stats          `json:"stats"`
	NA    int            `json:"na"`
	// Disagree flags answers that are too far apart to average away:
	// see Disagree.
	Disagree bool `json:"disagree"`
}

// Area is the combined scores of one area: the statistics of each
// respondent's area score, and how many of its statements are disputed.
type Area struct {
	ID            string `json:"id"`
	Stats         Stats  `json:"stats"`
	Disagreements int    `json:"disagreements"`
}

// Section is the combined checklist percentages of one section.
type Section struct {
	ID            string `json:"id"`
	Stats         Stats  `json:"stats"`
	Disagreements int    `json:"disagreements"`
}

// Result is the combined results of a team audit.
type Result struct {
	Pack checklist.Ref `json:"pack"`
	// Answered counts the respondents whose session was found.
	Answered  int        `json:"answered"`
	Questions []Question `json:"questions"` // disagreements first, then pack order
	Sections  []Section  `json:"sections"`
	Areas     []Area     `json:"areas"`
}

// Disagreements counts the questions flagged as disputed.
func (r Result) Disagreements() int {
	n := 0
	for _, q := range r.Questions {
		if q.Disagree {
			n++
		}
	}
	return n
}

// DisagreeGap is how far apart two ratings must be to count as a
// disagreement: 2 on the 1–5 scale ("sometimes" against "always").
const DisagreeGap = 2

// Disagree reports whether the values given to one question disagree:
// ratings DisagreeGap or more apart, or Yes against No. Partly sits
// between the two and disagrees with neither; N/A is no opinion.
func Disagree(vs []checklist.Value) bool {
	yes, no := false, false
	lo, hi := 0, 0
	for _, v := range vs {
		switch v {
		case checklist.Yes:
			yes = true
		case checklist.No:
			no = true
		}
		if n, ok := v.Rating(); ok {
			if lo == 0 || n < lo {
				lo = n
			}
			hi = max(hi, n)
		}
	}
	return (yes && no) || (lo > 0 && hi-lo >= DisagreeGap)
}

// Combine combines the sessions of a's respondents, answered with p.
// sessions maps a session id to the session; a respondent whose session is
// missing from it is left out. A session answered with another pack or
// version is the caller's to refuse (PackMismatch finds it): answers to
// ids p does not have are ignored here.
func Combine(p *checklist.Pack, a *Audit, sessions map[string]*checklist.Session) Result {
	res := Result{Pack: p.Ref()}
	var who []int // indexes into a.Respondents of the sessions found
	for i, r := range a.Respondents {
		if s := sessions[r.SessionID]; r.SessionID != "" && s != nil {
			who = append(who, i)
		}
	}
	res.Answered = len(who)
	answers := func(i int) map[string]checklist.Answer { return sessions[a.Respondents[i].SessionID].Answers }

	var disputed, agreed []Question
	add := func(q Question) {
		if q.Disagree {
			disputed = append(disputed, q)
		} else {
			agreed = append(agreed, q)
		}
	}
	for _, q := range p.Questions() {
		cq := Question{ID: q.ID, Kind: q.Kind}
		var vals []float64
		var given []checklist.Value
		for _, i := range who {
			ans, ok := answers(i)[q.ID]
			if !ok || ans.Value == "" {
				continue
			}
			cq.Given = append(cq.Given, Given{Respondent: i, Value: ans.Value, Note: ans.Note})
			given = append(given, ans.Value)
			if v, ok := countValue(q.Kind, ans.Value); ok {
				vals = append(vals, v)
			} else if ans.Value == checklist.NA {
				cq.NA++
			}
		}
		cq.Stats = StatsOf(vals)
		cq.Disagree = Disagree(given)
		add(cq)
	}
	res.Questions = append(disputed, agreed...)

	flagged := func(ids []string) int {
		n := 0
		for _, q := range disputed {
			if slices.Contains(ids, q.ID) {
				n++
			}
		}
		return n
	}
	for _, sec := range p.Sections {
		var vals []float64
		ids := make([]string, 0, len(sec.Items))
		for _, it := range sec.Items {
			ids = append(ids, it.ID)
		}
		for _, i := range who {
			if pc := scoring.ScoreSection(sec, answers(i)).Percent; pc.Valid {
				vals = append(vals, pc.Value)
			}
		}
		res.Sections = append(res.Sections, Section{ID: sec.ID, Stats: StatsOf(vals), Disagreements: flagged(ids)})
	}
	for _, ar := range p.Areas {
		var vals []float64
		ids := make([]string, 0, len(ar.Statements))
		for _, st := range ar.Statements {
			ids = append(ids, st.ID)
		}
		for _, i := range who {
			if sc := scoring.ScoreArea(ar, answers(i), p.Bands).Score; sc.Valid {
				vals = append(vals, sc.Value)
			}
		}
		res.Areas = append(res.Areas, Area{ID: ar.ID, Stats: StatsOf(vals), Disagreements: flagged(ids)})
	}
	return res
}

// countValue is the number an answer counts for in the statistics.
func countValue(k checklist.Kind, v checklist.Value) (float64, bool) {
	if k == checklist.KindItem {
		return scoring.ItemValue(v)
	}
	n, ok := v.Rating()
	return float64(n), ok
}

// PackMismatch returns the id of the first of a's sessions answered with
// a different content pack or version than p (the language may differ:
// every language of a pack has the same ids), or "" when all match.
func PackMismatch(p *checklist.Pack, a *Audit, sessions map[string]*checklist.Session) string {
	for _, id := range a.Sessions() {
		if s := sessions[id]; s != nil && (s.Pack.ID != p.ID || s.Pack.Version != p.Version) {
			return id
		}
	}
	return ""
}
