package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
)

// The plan in every format: the goals set in this session and the review
// of the goals set last time.

// wordedPlan is a copy of plan whose suggested problems are worded, in the
// session's language with its pack (plantext), as every format shows
// them; their sources stay alongside for the JSON document.
func wordedPlan(p *checklist.Pack, plan checklist.Plan) checklist.Plan {
	l := i18n.For(p.Lang)
	plan.Goals = slices.Clone(plan.Goals)
	for i, g := range plan.Goals {
		plan.Goals[i].Problem = plantext.Problem(l, p, g)
	}
	plan.Review = slices.Clone(plan.Review)
	for i, r := range plan.Review {
		plan.Review[i].Goal.Problem = plantext.Problem(l, p, r.Goal)
	}
	return plan
}

// outcomeLabel says how far a reviewed goal was met, in the words of the
// reports.
func outcomeLabel(o checklist.Outcome) string {
	if o == "" {
		return "not reviewed"
	}
	return strings.ToLower(o.Label())
}

// reviewSource says where a reviewed goal came from: "set on 2025-01-10,
// session S1".
func reviewSource(r checklist.GoalReview) string {
	if r.FromDate.IsZero() {
		return "session " + r.From
	}
	return fmt.Sprintf("set on %s, session %s", day(r.FromDate), r.From)
}

// goalFields are a goal's what, target and by when as label and text, those
// that are set.
func goalFields(g checklist.Goal) [][2]string {
	var out [][2]string
	for _, f := range [][2]string{{"What", g.What}, {"Target", g.Target}, {"By", g.Due}} {
		if strings.TrimSpace(f[1]) != "" {
			out = append(out, f)
		}
	}
	return out
}

// goalNote is a goal's what, target and by when on separate lines, for the
// note column of the CSV.
func goalNote(g checklist.Goal) string {
	var lines []string
	for _, f := range goalFields(g) {
		lines = append(lines, f[0]+": "+f[1])
	}
	return strings.Join(lines, "\n")
}

func writeMarkdownPlan(e *errWriter, d Document) {
	e.print("## Plan\n\n")
	if d.Plan.Vision != "" {
		e.print("Vision:\n\n")
		writeMarkdownNoteBlock(e, d.Plan.Vision)
	}
	for i, g := range d.Plan.Goals {
		e.printf("%d. **%s**\n", i+1, mdInline(orDash(g.Problem)))
		e.printf("   - What: %s\n", mdInline(orDash(g.What)))
		e.printf("   - Target: %s\n", mdInline(orDash(g.Target)))
		if g.Due != "" {
			e.printf("   - By: %s\n", mdInline(g.Due))
		}
		if met := metLabel(g.Met); met != "" {
			e.printf("   - Met: %s\n", met)
		}
	}
	if len(d.Plan.Goals) > 0 {
		e.print("\n")
	}
	if len(d.Plan.Review) == 0 {
		return
	}
	e.print("### Last time's goals\n\n")
	for i, r := range d.Plan.Review {
		e.printf("%d. **%s**: %s (%s)\n", i+1, mdInline(orDash(r.Goal.Problem)), outcomeLabel(r.Outcome), mdInline(reviewSource(r)))
		for _, f := range goalFields(r.Goal) {
			e.printf("   - %s: %s\n", f[0], mdInline(f[1]))
		}
		if r.Note != "" {
			writeMarkdownNote(e, "   ", r.Note)
		}
	}
	e.print("\n")
}

func writeTermPlan(e *errWriter, st termStyles, d *Document, width int) {
	e.printf("\n%s\n", st.heading.Render("Plan"))
	if d.Plan.Vision != "" {
		e.print(indentWrap("Vision: "+d.Plan.Vision, "  ", "  ", width))
	}
	for i, g := range d.Plan.Goals {
		e.print(indentWrap(fmt.Sprintf("%d. %s", i+1, orDash(g.Problem)), "  ", "     ", width))
		e.print(indentWrap("what: "+orDash(g.What)+"; target: "+orDash(g.Target), "     ", "     ", width))
		if g.Due != "" {
			e.print(indentWrap("by: "+g.Due, "     ", "     ", width))
		}
		if met := metLabel(g.Met); met != "" {
			e.print(indentWrap("met: "+met, "     ", "     ", width))
		}
	}
	if len(d.Plan.Review) == 0 {
		return
	}
	e.printf("  %s\n", st.label.Render("Last time's goals"))
	for i, r := range d.Plan.Review {
		e.print(indentWrap(fmt.Sprintf("%d. %s: %s", i+1, orDash(r.Goal.Problem), st.bold.Render(outcomeLabel(r.Outcome))), "  ", "     ", width))
		var parts []string
		for _, f := range goalFields(r.Goal) {
			parts = append(parts, strings.ToLower(f[0])+": "+f[1])
		}
		parts = append(parts, reviewSource(r))
		e.print(renderLines(st.faint, indentWrap(strings.Join(parts, "; "), "     ", "     ", width)))
		if r.Note != "" {
			e.print(indentWrap("note: "+r.Note, "     ", "     ", width))
		}
	}
}

// planRows are the CSV rows of the plan: the vision, each goal (what,
// target and by when in the note column) and each goal reviewed from last
// time (the outcome in the answer column, the earlier session's id as the
// group).
func planRows(d Document) [][]string {
	if d.Plan == nil {
		return nil
	}
	date := day(d.Date())
	row := func(kind, group, id, text, answer, note string) []string {
		return []string{d.ID, cell(d.Client), date, kind, group, id, cell(text), answer, cell(note)}
	}
	var rows [][]string
	if d.Plan.Vision != "" {
		rows = append(rows, row("vision", "plan", "vision", d.Plan.Vision, "", ""))
	}
	for i, g := range d.Plan.Goals {
		rows = append(rows, row("goal", "plan", fmt.Sprintf("goal-%d", i+1), g.Problem, "", goalNote(g)))
	}
	for i, r := range d.Plan.Review {
		rows = append(rows, row("review", r.From, fmt.Sprintf("goal-%d", i+1), r.Goal.Problem, string(r.Outcome), r.Note))
	}
	return rows
}
