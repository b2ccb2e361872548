// Package plantext words the problems of a plan for display: a goal's own
// text as the user wrote it, or a suggested problem, kept as data
// (checklist.GoalSource), put into words in a language with a pack's
// texts. It is the one place a suggestion becomes a sentence: the wizard,
// the plain prompts and every report call it.
package plantext

import (
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/scoring"
)

// Problem is the problem of g as shown in l with pack p's texts: the
// user's own words when the goal has them, else its source worded by
// Source, else "".
func Problem(l *i18n.Locale, p *checklist.Pack, g checklist.Goal) string {
	if strings.TrimSpace(g.Problem) != "" || g.Source == nil {
		return g.Problem
	}
	return Source(l, p, *g.Source)
}

// Source words a suggested problem in l with p's texts: "Responsiveness:
// We answer the phone before the third ring (rated 2 of 5)", "Do you keep
// a complaint log? (answered No)". An id p does not have (a goal carried
// over from a session answered with another pack) is shown as the id, so
// the goal still reads.
func Source(l *i18n.Locale, p *checklist.Pack, s checklist.GoalSource) string {
	switch s.Kind {
	case checklist.SourceArea:
		title, text := s.ID, s.Statement
		if a, ok := p.Area(s.ID); ok {
			title = a.Title
			if st, ok := a.Statement(s.Statement); ok {
				text = st.Text
			}
		}
		return l.T("plan.source.area", "Area", oneLine(title),
			"Statement", strings.TrimRight(oneLine(text), "."),
			"Rating", l.Int(s.Rating), "Max", l.Int(scoring.MaxRating))
	default:
		text := s.ID
		if it, ok := p.Item(s.ID); ok {
			text = it.Text
		}
		return l.T("plan.source.item", "Item", oneLine(text), "Answer", l.T(s.Answer.MessageID()))
	}
}

// oneLine joins a text's lines and runs of spaces: a problem is shown and
// edited on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
