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
	switch f.Kind {
	case planform.Outcome, planform.Note:
		out = append(out, m.reviewLines(f, w, lay)...)
	case planform.Vision:
		if lay.intro {
			out = append(out, m.planGoalsSoFar(w)...)
		}
		blank()
		out = append(out, m.planRow(planform.Vision.Label(l), p.form.Vision, true, w))
	default:
		if lay.intro {
			out = append(out, styleLines(m.st.muted, wrap(l.T("tui.plan.intro"), w))...)
		}
		blank()
		for _, k := range []planform.Kind{planform.Problem, planform.What, planform.Target, planform.Due} {
			fl := planform.Field{Kind: k, Index: f.Index}
			out = append(out, m.planRow(k.Label(l), p.form.Value(fl), fl == f, w))
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

// reviewLines show one of last time's goals and ask whether it was met.
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
		from := l.T("tui.plan.set_earlier")
		if !r.FromDate.IsZero() {
			from = l.T("tui.plan.set_on", "Date", l.Date(r.FromDate))
		}
		out = append(out, m.st.muted.Render(ansi.Truncate(from, w, "…")))
	}
	blank()
	g := r.Goal
	for _, row := range []struct {
		k planform.Kind
		v string
	}{{planform.Problem, m.problem(g)}, {planform.What, g.What}, {planform.Target, g.Target}, {planform.Due, g.Due}} {
		out = append(out, m.planRow(row.k.Label(l), row.v, false, w))
	}
	blank()
	out = append(out, m.outcomeRow(r.Outcome, f.Kind == planform.Outcome))
	out = append(out, m.planRow(planform.Note.Label(l), r.Note, f.Kind == planform.Note, w))
	return out
}

// outcomeRow offers met, partly met and not met on one line.
func (m Model) outcomeRow(given checklist.Outcome, focused bool) string {
	l := m.loc()
	var b strings.Builder
	b.WriteString(m.planLabel(planform.Outcome.Label(l), focused))
	for i, o := range checklist.Outcomes() {
		mark := "( )"
		if o == given {
			mark = m.st.chosen.Render("(•)")
		}
		label := planform.OutcomeLabel(l, o)
		if focused && i == m.plan.choice {
			b.WriteString(" " + m.st.cursor.Render("›") + mark + " " + m.st.selected.Render(label))
		} else {
			b.WriteString("  " + mark + " " + m.st.text.Render(label))
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
