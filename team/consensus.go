package team

import (
	"math"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
)

// Proposed is the answer a consensus starts from for one question: the
// answer nearest the respondents' mean (Yes 1, Partly ½, No 0; ratings as
// they are), a tie going to the weaker answer so that a doubt shows up as
// a finding rather than being averaged away. A question only answered
// N/A is N/A; one nobody answered has no proposal (ok false).
func Proposed(q Question) (v checklist.Value, ok bool) {
	if q.Stats.Count == 0 {
		if q.NA > 0 {
			return checklist.NA, true
		}
		return "", false
	}
	m := q.Stats.Mean.Value
	if q.Kind == checklist.KindItem {
		// Twice the mean is 0 (No), 1 (Partly) or 2 (Yes) away from a tie.
		switch roundDown(2 * m) {
		case 0:
			return checklist.No, true
		case 1:
			return checklist.Partly, true
		default:
			return checklist.Yes, true
		}
	}
	return checklist.Rating(min(5, max(1, roundDown(m)))), true
}

// roundDown rounds x to the nearest whole number, halves down: 2.5 is 2.
// The small tolerance absorbs the float error of a mean such as 3.5.
func roundDown(x float64) int { return int(math.Ceil(x - 0.5 - 1e-9)) }

// Settled is the consultant's decision on one question: the value the
// team agrees on and, optionally, a note saying why. A decision without a
// value (a note written before the answer is chosen) settles nothing.
type Settled struct {
	Value checklist.Value `json:"value"`
	Note  string          `json:"note,omitempty"`
}

// Open lists the ids of the checklist items in dispute that settled does
// not decide yet, in the order of r (disputes come first). Disputed
// statements are not listed: their rounded mean stands unless settled.
func Open(r Result, settled map[string]Settled) []string {
	var out []string
	for _, q := range r.Questions {
		if !q.Disagree || q.Kind != checklist.KindItem {
			continue
		}
		if s, ok := settled[q.ID]; !ok || !s.Value.ValidFor(q.Kind) {
			out = append(out, q.ID)
		}
	}
	return out
}

// Consensus is the audit's result as answers: for each question the value
// settled by the consultant, else the proposed one (Proposed). The
// consultant's note, when there is one, is the answer's note (also on a
// proposal: a reason given without a value); every other answer gathers
// the respondents' notes, one line each, labelled by label(respondent
// index) so that the naming of the audit decides who is shown. Questions
// nobody answered are left out. The caller checks Open first: an
// unsettled dispute here simply takes its proposal.
func Consensus(r Result, settled map[string]Settled, label func(respondent int) string) map[string]checklist.Answer {
	out := make(map[string]checklist.Answer, len(r.Questions))
	for _, q := range r.Questions {
		s := settled[q.ID]
		v, ok := s.Value, s.Value.ValidFor(q.Kind)
		if !ok {
			v, ok = Proposed(q)
		}
		if !ok {
			continue
		}
		note := s.Note
		if note == "" {
			note = notesOf(q, label)
		}
		out[q.ID] = checklist.Answer{Value: v, Note: note}
	}
	return out
}

// notesOf joins the respondents' notes on q, one line each.
func notesOf(q Question, label func(int) string) string {
	var lines []string
	for _, g := range q.Given {
		if n := strings.TrimSpace(g.Note); n != "" {
			lines = append(lines, label(g.Respondent)+": "+n)
		}
	}
	return strings.Join(lines, "\n")
}
