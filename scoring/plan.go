package scoring

import (
	"github.com/servicecheck/servicecheck/checklist"
)

// ProblemCount is how many problems a plan is built around: the top three,
// each with a measurable goal.
const ProblemCount = 3

// SuggestProblems suggests up to ProblemCount problems to set goals for,
// from r (the result of s against p), as sources: first each of the
// weakest areas, in r's order, with its lowest-rated statement (the first
// of equals), then the checklist items answered No, in pack order. An area
// whose statements are all rated 5 leaves nothing to fix and is skipped.
// They are data, worded when shown (plantext.Source).
func SuggestProblems(p *checklist.Pack, s *checklist.Session, r Result) []checklist.GoalSource {
	out := make([]checklist.GoalSource, 0, ProblemCount)
	for _, w := range r.Weakest {
		if len(out) == ProblemCount {
			return out
		}
		a, ok := p.Area(w.ID)
		if !ok {
			continue
		}
		low, lowID := MaxRating, ""
		for _, st := range a.Statements {
			if n, ok := s.Answers[st.ID].Value.Rating(); ok && n < low {
				low, lowID = n, st.ID
			}
		}
		if lowID == "" {
			continue
		}
		out = append(out, checklist.GoalSource{Kind: checklist.SourceArea, ID: a.ID, Statement: lowID, Rating: low})
	}
	for _, sec := range p.Sections {
		for _, it := range sec.Items {
			if len(out) == ProblemCount {
				return out
			}
			if s.Answers[it.ID].Value == checklist.No {
				out = append(out, checklist.GoalSource{Kind: checklist.SourceItem, ID: it.ID, Answer: checklist.No})
			}
		}
	}
	return out
}
