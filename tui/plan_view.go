package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/tui/internal/planform"
)

// planLabelWidth is the column of field names ("Problem", "By when"), with
// room to tell the name from the value.
const planLabelWidth = 8

// planLayout is one way to lay the plan screen out; planView takes the
// first that fits the height, from roomy to tight.
type planLayout struct {
	blanks      bool
	intro       bool
	hint        int // lines of the field's hint; 0 hides it
	suggestions bool
}

var planLayouts = []planLayout{
	{blanks: true, intro: true, hint: 3, suggestions: true},
	{blanks: true, intro: true, hint: 3},
	{intro: true, hint: 2},
	{hint: 2},
	{hint: 1},
	{},
}

func (m Model) planView(w, h int) []string {
	var lines []string
	for _, l := range planLayouts {
		lines = m.planLines(w, l)
		if len(lines) <= h {
			break
		}
	}
	return lines
}

func (m Model) planLines(w int, lay planLayout) []string {
	p := &m.plan
	f, ok := p.field()
	if p.loading || !ok {
		return []string{m.planTitle("", w), "", m.st.muted.Render(m.loc().T("tui.plan.loading"))}
	}
	l := m.loc()
	out := []string{m.planTitle(p.form.Where(l, f), w)}
	blank := func() {
		if lay.blanks {
			out = append(out, "")
		}
	}
	switch {
	case f.Kind == planform.ReviewStatus || f.Kind == planform.Note:
		out = append(out, m.reviewLines(f, w, lay)...)
	case f.Kind.VisionStep() || f.Kind == planform.Vision:
		if lay.intro {
			if f.Kind == planform.Vision {
				out = append(out, m.planGoalsSoFar(w)...)
			} else {
				out = append(out, styleLines(m.st.muted, wrap(l.T("actionplan.vision_intro"), w))...)
			}
		}
		blank()
		for _, k := range []planform.Kind{planform.Business, planform.Customers, planform.Steps, planform.Keywords, planform.Vision} {
			fl := planform.Field{Kind: k}
			if k.VisionStep() && !f.Kind.VisionStep() && p.form.Value(fl) == "" {
				continue // on the statement, the steps skipped are not listed
			}
			out = append(out, m.planRow(k.Label(l), p.form.Value(fl), fl == f, w))
		}
	default:
		if lay.intro {
			out = append(out, styleLines(m.st.muted, wrap(l.T("actionplan.intro"), w))...)
		}
		blank()
		for _, k := range planform.GoalKinds() {
			fl := planform.Field{Kind: k, Index: f.Index}
			if k == planform.Status {
				out = append(out, m.statusRow(k.Label(l), checklist.GoalStatus(p.form.Value(fl)), fl == f))
				continue
			}
			out = append(out, m.planRow(k.Label(l), m.goalValue(fl), fl == f, w))
		}
	}
	if lay.hint > 0 {
		blank()
		hint := wrap(f.Kind.Hint(l), w)
		if len(hint) > lay.hint {
			hint = hint[:lay.hint]
			hint[len(hint)-1] = ansi.Truncate(hint[len(hint)-1]+" …", w, "…")
		}
		out = append(out, styleLines(m.st.muted, hint)...)
	}
	if lay.suggestions && f.Kind == planform.Problem && len(p.suggestions) > 0 {
		out = append(out, "", m.st.heading.Render(l.T("tui.plan.suggested")))
		for i, s := range p.suggestions {
			out = append(out, m.st.muted.Render(ansi.Truncate(fmt.Sprintf("%d  %s", i+1, m.problem(checklist.Goal{Source: &s})), w, "…")))
		}
	}
	return out
}

// planTitle is the screen's title with where the field stands on the right.
func (m Model) planTitle(where string, w int) string {
	title := m.loc().T("tui.plan.title")
	if m.sess != nil {
		title = m.loc().T("tui.plan.title_for", "Client", m.sess.Client)
	}
	left := ansi.Truncate(title, max(1, w-lipgloss.Width(where)-2), "…")
	gap := max(1, w-lipgloss.Width(left)-lipgloss.Width(where))
	return m.st.title.Render(left) + strings.Repeat(" ", gap) + m.st.muted.Render(where)
}

// goalValue is field fl of a goal as it reads when not being edited: a
// suggested problem worded, a due date in the session's language.
func (m Model) goalValue(fl planform.Field) string {
	f := m.plan.form
	g := f.Goals[fl.Index]
	switch fl.Kind {
	case planform.Problem:
		if g.HasProblem() {
			return m.problem(g)
		}
	case planform.Due:
		if !g.DueDate.IsZero() {
			return m.loc().Date(g.DueDate.Time())
		}
		return ""
	}
	return f.Value(fl)
}

// reviewLines show one of last time's goals and ask where it stands now.
func (m Model) reviewLines(f planform.Field, w int, lay planLayout) []string {
	l := m.loc()
	r := m.plan.form.Review[f.Index]
	var out []string
	blank := func() {
		if lay.blanks {
			out = append(out, "")
		}
	}
	if lay.intro {
		from := l.T("actionplan.review_earlier")
		if !r.FromDate.IsZero() {
			from = l.T("actionplan.review_on", "Date", l.Date(r.FromDate))
		}
		out = append(out, m.st.muted.Render(ansi.Truncate(from, w, "…")))
	}
	blank()
	g := r.Goal
	due := ""
	if !g.DueDate.IsZero() {
		due = l.Date(g.DueDate.Time())
	}
	for _, row := range []struct {
		k planform.Kind
		v string
	}{{planform.Problem, m.problem(g)}, {planform.What, g.What}, {planform.Target, g.Target},
		{planform.Owner, g.Owner}, {planform.Due, due}} {
		if row.v == "" && (row.k == planform.Owner || row.k == planform.Due) && !lay.blanks {
			continue
		}
		out = append(out, m.planRow(row.k.Label(l), row.v, false, w))
	}
	blank()
	out = append(out, m.statusRow(planform.ReviewStatus.Label(l), r.Status, f.Kind == planform.ReviewStatus))
	out = append(out, m.planRow(planform.Note.Label(l), r.Note, f.Kind == planform.Note, w))
	return out
}

// statusRow offers open, in progress, done and dropped on one line, each
// with the digit that gives it.
func (m Model) statusRow(label string, given checklist.GoalStatus, focused bool) string {
	l := m.loc()
	var b strings.Builder
	b.WriteString(m.planLabel(label, focused))
	for i, s := range checklist.GoalStatuses() {
		mark := "( )"
		if s == given {
			mark = m.st.chosen.Render("(•)")
		}
		word := fmt.Sprintf("%d %s", i+1, planform.StatusLabel(l, s))
		if focused && i == m.plan.choice {
			b.WriteString(" " + m.st.cursor.Render("›") + mark + " " + m.st.selected.Render(word))
		} else {
			b.WriteString("  " + mark + " " + m.st.text.Render(word))
		}
	}
	return b.String()
}

// planRow is one field: its name, then the text input when it is the one
// on show, else its value cut to the width.
func (m Model) planRow(label, value string, focused bool, w int) string {
	lead := m.planLabel(label, focused) + " "
	if focused {
		return lead + m.plan.input.View()
	}
	room := max(1, w-lipgloss.Width(lead))
	flat := strings.Join(strings.Fields(value), " ")
	if flat == "" {
		return lead + m.st.muted.Render("–")
	}
	return lead + m.st.text.Render(ansi.Truncate(flat, room, "…"))
}

func (m Model) planLabel(label string, focused bool) string {
	if focused {
		return m.st.cursor.Render("› ") + m.st.selected.Render(pad(label, planLabelWidth))
	}
	return "  " + m.st.muted.Render(pad(label, planLabelWidth))
}

// planGoalsSoFar lists the goals set, above the vision.
func (m Model) planGoalsSoFar(w int) []string {
	plan := m.plan.form.Plan()
	if len(plan.Goals) == 0 {
		return []string{m.st.muted.Render(m.loc().T("tui.plan.no_goals"))}
	}
	out := []string{m.st.muted.Render(m.loc().T("tui.plan.your_goals"))}
	for i, g := range plan.Goals {
		out = append(out, m.st.text.Render(ansi.Truncate(fmt.Sprintf("%d  %s", i+1, m.problem(g)), w, "…")))
	}
	return out
}
