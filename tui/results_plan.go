package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"charm.land/lipgloss/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// planHint points from the weakest areas to the plan: where it is when it
// has goals, else an invitation to review the goals of the previous
// session when it set some, or to set a plan once the session is complete.
func (r *resultsState) planHint(m *Model) string {
	plan, wd := m.sess.Plan, m.words()
	prev := r.prev
	switch {
	case len(plan.Goals) > 0:
		return m.st.muted.Render(" · " + wd.T("results.screen.plan_below"))
	case len(plan.Review) == 0 && prev != nil && len(prev.Plan.Goals) > 0:
		return m.st.muted.Render(" · ") + m.st.selected.Render(wd.T("results.screen.plan_review"))
	case m.sess.Status == checklist.Completed:
		return m.st.muted.Render(" · ") + m.st.selected.Render(wd.T("results.screen.plan_set"))
	}
	return ""
}

// planLines list the plan at the end of the results: the goals and what
// became of last time's.
func (r *resultsState) planLines(m *Model, w int) []string {
	plan := m.sess.Plan
	if plan.IsZero() {
		return nil
	}
	wd := m.words()
	out := []string{"", m.st.heading.Render(wd.T("results.heading.plan"))}
	if plan.Vision != "" {
		out = append(out, styleLines(m.st.text, wrap(wd.T("results.screen.vision", "Text", plan.Vision), w))...)
	}
	for i, g := range plan.Goals {
		out = append(out, m.st.text.Render(ansi.Truncate(fmt.Sprintf("%d  %s", i+1, m.problem(g)), w, "…")))
		for _, l := range goalDetails(wd, g) {
			out = append(out, m.st.muted.Render(ansi.Truncate("   "+l, w, "…")))
		}
	}
	if len(plan.Review) > 0 {
		out = append(out, "", m.st.heading.Render(wd.T("results.heading.review")))
		col := 0 // the widest status and a space, so that problems line up
		for _, st := range append(checklist.GoalStatuses(), "") {
			col = max(col, lipgloss.Width(outcome(wd, st))+1)
		}
		for _, rv := range plan.Review {
			out = append(out, m.st.text.Render(ansi.Truncate(pad(outcome(wd, rv.Status), col)+m.problem(rv.Goal), w, "…")))
			if rv.Note != "" {
				out = append(out, m.st.muted.Render(ansi.Truncate(strings.Repeat(" ", col)+strings.Join(strings.Fields(rv.Note), " "), w, "…")))
			}
		}
	}
	return out
}

// goalDetails are a goal's action, target, owner, due date, status and
// note, those that are set (results.Words.GoalFields).
func goalDetails(wd results.Words, g checklist.Goal) []string {
	var out []string
	for _, f := range wd.GoalFields(g) {
		out = append(out, f.Label+": "+strings.Join(strings.Fields(f.Text), " "))
	}
	return out
}

// outcome is where a reviewed goal stands, capitalised as it starts a
// line.
func outcome(wd results.Words, st checklist.GoalStatus) string {
	s := wd.GoalStatus(st)
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
