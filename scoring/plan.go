package scoring

import (
	"github.com/servicecheck/servicecheck/checklist"
)

// ProblemCount is how many problems a plan is built around: the top three,
// each with a measurable goal.
const ProblemCount = 3

// SuggestProblems suggests up to ProblemCount problems to set goals for,
// from r (the result of s against p), as sources, weakest first:
//
//  1. the weakest areas (r.Weakest: below the good band), in r's order,
//     each with its lowest-rated statement (the first of equals);
//  2. the checklist items answered No, then Partly, in pack order;
//  3. the statements rated 1 or 2 (findings) of the other areas, one per
//     area, lowest first — those at good or better last of all.
//
// So a good or excellent area is never suggested while a weaker finding
// is left out, and when every area is good and nothing was answered No,
// Partly, 1 or 2, nothing is suggested. They are data, worded when shown
// (plantext.Source).
func SuggestProblems(p *checklist.Pack, s *checklist.Session, r Result) []checklist.GoalSource {
	out := make([]checklist.GoalSource, 0, ProblemCount)
	add := func(g checklist.GoalSource) bool {
		if len(out) < ProblemCount {
			out = append(out, g)
		}
		return len(out) == ProblemCount
	}
	used := map[string]bool{}
	for _, w := range r.Weakest {
		a, ok := p.Area(w.ID)
		if !ok {
			continue
		}
		// A statement rated 5 leaves nothing to fix.
		low, lowID := lowest(a, s, MaxRating-1)
		if lowID == "" {
			continue
		}
		used[a.ID] = true
		if add(checklist.GoalSource{Kind: checklist.SourceArea, ID: a.ID, Statement: lowID, Rating: low}) {
			return out
		}
	}
	for _, v := range []checklist.Value{checklist.No, checklist.Partly} {
		for _, sec := range p.Sections {
			for _, it := range sec.Items {
				if s.Answers[it.ID].Value == v && add(checklist.GoalSource{Kind: checklist.SourceItem, ID: it.ID, Answer: v}) {
					return out
				}
			}
		}
	}
	// The remaining areas with a finding: below good first, then by their
	// lowest rating, then in pack order.
	type cand struct {
		src  checklist.GoalSource
		good bool
	}
	var rest []cand
	for i, a := range p.Areas {
		if used[a.ID] {
			continue
		}
		low, lowID := lowest(a, s, FindingRating)
		if lowID == "" {
			continue
		}
		good := i < len(r.Areas) && r.Areas[i].ID == a.ID && AtLeastGood(p.Bands, r.Areas[i].Band)
		rest = append(rest, cand{checklist.GoalSource{Kind: checklist.SourceArea, ID: a.ID, Statement: lowID, Rating: low}, good})
	}
	for _, good := range []bool{false, true} {
		for rating := MinRating; rating <= FindingRating; rating++ {
			for _, c := range rest {
				if c.good == good && c.src.Rating == rating && add(c.src) {
					return out
				}
			}
		}
	}
	return out
}

// lowest returns the lowest rating of a's statements in s, at most upTo,
// and the first statement with it; "" when none is rated that low.
func lowest(a checklist.Area, s *checklist.Session, upTo int) (int, string) {
	low, lowID := upTo, ""
	for _, st := range a.Statements {
		if n, ok := s.Answers[st.ID].Value.Rating(); ok && (n < low || (n == low && lowID == "")) {
			low, lowID = n, st.ID
		}
	}
	return low, lowID
}
