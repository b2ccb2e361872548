package scoring

import (
	"fmt"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
)

// ProblemCount is how many problems a plan is built around: the top three,
// each with a measurable goal.
const ProblemCount = 3

// SuggestProblems suggests up to ProblemCount problems to set goals for, in
// the pack's words, from r (the result of s against p): first each of the
// weakest areas, in r's order, with its lowest-rated statement (the first
// of equals), then the checklist items answered No, in pack order. An area
// whose statements are all rated 5 leaves nothing to fix and is skipped.
func SuggestProblems(p *checklist.Pack, s *checklist.Session, r Result) []string {
	out := make([]string, 0, ProblemCount)
	for _, w := range r.Weakest {
		if len(out) == ProblemCount {
			return out
		}
		a, ok := p.Area(w.ID)
		if !ok {
			continue
		}
		low, lowText := MaxRating, ""
		for _, st := range a.Statements {
			if n, ok := s.Answers[st.ID].Value.Rating(); ok && n < low {
				low, lowText = n, st.Text
			}
		}
		if lowText == "" {
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s (rated %d of %d)", oneLine(a.Title),
			strings.TrimRight(oneLine(lowText), "."), low, MaxRating))
	}
	for _, sec := range p.Sections {
		for _, it := range sec.Items {
			if len(out) == ProblemCount {
				return out
			}
			if s.Answers[it.ID].Value == checklist.No {
				out = append(out, oneLine(it.Text)+" (answered No)")
			}
		}
	}
	return out
}

// oneLine joins a text's lines and runs of spaces: a suggestion is edited
// in a one-line field.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
