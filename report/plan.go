package report

import (
	"fmt"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// The plan in every format: the goals set in this session and the review
// of the goals set last time.

func writeMarkdownPlan(e *errWriter, w results.Words, d Document) {
	e.printf("## %s\n\n", w.T("results.heading.plan"))
	label := func(id string) string { return w.T("results.goal." + id) }
	if d.Plan.Vision != "" {
		e.printf("%s:\n\n", label("vision"))
		writeMarkdownNoteBlock(e, d.Plan.Vision)
	}
	for i, g := range d.Plan.Goals {
		e.printf("%d. **%s**\n", i+1, mdInline(orDash(g.Problem)))
		e.printf("   - %s: %s\n", label("what"), mdInline(orDash(g.What)))
		e.printf("   - %s: %s\n", label("target"), mdInline(orDash(g.Target)))
		for _, f := range w.GoalDetails(g) {
			e.printf("   - %s: %s\n", f.Label, mdInline(f.Text))
		}
	}
	if len(d.Plan.Goals) > 0 {
		e.print("\n")
	}
	if len(d.Plan.Review) == 0 {
		return
	}
	e.printf("### %s\n\n", w.T("results.heading.review"))
	for i, r := range d.Plan.Review {
		e.printf("%d. **%s**: %s (%s)\n", i+1, mdInline(orDash(r.Goal.Problem)), w.GoalStatus(r.Status), mdInline(w.ReviewFrom(r)))
		for _, f := range w.GoalFields(r.Goal) {
			e.printf("   - %s: %s\n", f.Label, mdInline(f.Text))
		}
		if r.Note != "" {
			writeMarkdownNote(e, w, "   ", r.Note)
		}
	}
	e.print("\n")
}

func writeTermPlan(e *errWriter, w results.Words, st termStyles, d *Document, width int) {
	e.printf("\n%s\n", st.heading.Render(w.T("results.heading.plan")))
	if d.Plan.Vision != "" {
		e.print(indentWrap(w.T("report.term.field", "Label", w.T("results.goal.vision"), "Text", d.Plan.Vision), "  ", "  ", width))
	}
	for i, g := range d.Plan.Goals {
		e.print(indentWrap(fmt.Sprintf("%d. %s", i+1, orDash(g.Problem)), "  ", "     ", width))
		e.print(indentWrap(w.T("report.term.goal", "What", orDash(g.What), "Target", orDash(g.Target)), "     ", "     ", width))
		for _, f := range w.GoalDetails(g) {
			e.print(indentWrap(w.T("report.term.field", "Label", strings.ToLower(f.Label), "Text", f.Text), "     ", "     ", width))
		}
	}
	if len(d.Plan.Review) == 0 {
		return
	}
	e.printf("  %s\n", st.label.Render(w.T("results.heading.review")))
	for i, r := range d.Plan.Review {
		e.print(indentWrap(fmt.Sprintf("%d. %s: %s", i+1, orDash(r.Goal.Problem), st.bold.Render(w.GoalStatus(r.Status))), "  ", "     ", width))
		var parts []string
		for _, f := range w.GoalFields(r.Goal) {
			parts = append(parts, w.T("report.term.field", "Label", strings.ToLower(f.Label), "Text", f.Text))
		}
		parts = append(parts, w.ReviewFrom(r))
		e.print(renderLines(st.faint, indentWrap(strings.Join(parts, "; "), "     ", "     ", width)))
		if r.Note != "" {
			e.print(indentWrap(w.T("report.term.note", "Text", r.Note), "     ", "     ", width))
		}
	}
}

// planRows are the CSV rows of the plan: the vision, each goal (its
// problem as text, its note as note; what, target, owner, due date as ISO
// 8601 and status in columns of their own) and each goal reviewed from
// last time (where it stands as status, the review's note as note, the
// earlier session's id as the group).
func planRows(w results.Words, d Document) [][]string {
	if d.Plan == nil {
		return nil
	}
	date := isoDay(d.Date())
	row := func(kind, group, id, text, note string, g checklist.Goal, status string) []string {
		r := make([]string, len(csvColumns))
		r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[8] = d.ID, cell(d.Client), date, w.T("report.csv."+kind), group, id,
			cell(text), cell(note)
		due := g.DueDate.String()
		if due == "" {
			due = g.Due
		}
		r[10], r[11], r[12], r[13], r[14] = cell(g.What), cell(g.Target), cell(g.Owner), cell(due), status
		return r
	}
	var rows [][]string
	if d.Plan.Vision != "" {
		rows = append(rows, row("vision", "plan", "vision", d.Plan.Vision, "", checklist.Goal{}, ""))
	}
	for i, g := range d.Plan.Goals {
		rows = append(rows, row("goal", "plan", fmt.Sprintf("goal-%d", i+1), g.Problem, g.Note, g, goalStatus(w, g)))
	}
	for i, r := range d.Plan.Review {
		status := ""
		if r.Status != "" {
			status = w.GoalStatus(r.Status)
		}
		rows = append(rows, row("review", r.From, fmt.Sprintf("goal-%d", i+1), r.Goal.Problem, r.Note, r.Goal, status))
	}
	return rows
}

// goalStatus is where a goal stands: its status's word, or for a goal of
// an older file whether it was met; "" when neither is known.
func goalStatus(w results.Words, g checklist.Goal) string {
	if g.Status != "" {
		return w.GoalStatus(g.Status)
	}
	return w.Met(g.Met)
}
