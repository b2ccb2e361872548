package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
)

// planHint points from the weakest areas to the plan: where it is when it
// has goals, else an invitation to review the goals of the previous
// session when it set some, or to set a plan once the session is complete.
func (r *resultsState) planHint(m *Model) string {
	plan := m.sess.Plan
	prev := r.prev
	switch {
	case len(plan.Goals) > 0:
		return m.st.muted.Render(" · your plan is below, p changes it")
	case len(plan.Review) == 0 && prev != nil && len(prev.Plan.Goals) > 0:
		return m.st.muted.Render(" · ") + m.st.selected.Render("press p to review last time's goals")
	case m.sess.Status == checklist.Completed:
		return m.st.muted.Render(" · ") + m.st.selected.Render("press p to set your plan")
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
	out := []string{"", m.st.heading.Render("Plan")}
	if plan.Vision != "" {
		out = append(out, styleLines(m.st.text, wrap("Vision: "+plan.Vision, w))...)
	}
	for i, g := range plan.Goals {
		out = append(out, m.st.text.Render(ansi.Truncate(fmt.Sprintf("%d  %s", i+1, m.problem(g)), w, "…")))
		for _, l := range goalDetails(g) {
			out = append(out, m.st.muted.Render(ansi.Truncate("   "+l, w, "…")))
		}
	}
	if len(plan.Review) > 0 {
		out = append(out, "", m.st.heading.Render("Last time's goals"))
		for _, rv := range plan.Review {
			out = append(out, m.st.text.Render(ansi.Truncate(pad(rv.Outcome.Label(), 11)+m.problem(rv.Goal), w, "…")))
			if rv.Note != "" {
				out = append(out, m.st.muted.Render(ansi.Truncate("           "+strings.Join(strings.Fields(rv.Note), " "), w, "…")))
			}
		}
	}
	return out
}

// goalDetails are a goal's what, target and by when, those that are set.
func goalDetails(g checklist.Goal) []string {
	var out []string
	for _, f := range []struct{ label, v string }{{"what: ", g.What}, {"target: ", g.Target}, {"by: ", g.Due}} {
		if f.v != "" {
			out = append(out, f.label+strings.Join(strings.Fields(f.v), " "))
		}
	}
	return out
}
