package report

import (
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/servicecheck/servicecheck/results"
)

// teamGrid is a team audit's respondents side by side, for `compare
// AUDIT`: one row per area (or checklist section) with every answered
// respondent's figure, then the mean, range and spread over them and the
// number of disputed questions, a row with some marked "!".
type teamGrid struct {
	Head []string
	Rows [][]string
}

func teamGridOf(w results.Words, t *results.Team, first string, rows []results.TeamRow, percent bool) teamGrid {
	cols := t.Columns()
	g := teamGrid{Head: []string{first}}
	for _, i := range cols {
		g.Head = append(g.Head, t.Respondents[i].Label)
	}
	g.Head = append(g.Head, w.T("team.report.col.mean"), w.T("team.report.col.range"), w.T("team.report.col.spread"),
		w.T("team.report.col.disputed"))
	for _, r := range rows {
		title := r.Title
		if r.Disputed > 0 {
			title = "! " + title
		}
		cells := []string{title}
		for _, i := range cols {
			cells = append(cells, w.TeamFigure(r.Scores[i], percent))
		}
		cells = append(cells, w.TeamFigure(r.Stats.Mean, percent), w.TeamRange(r.Stats, percent), w.TeamSpread(r.Stats, percent),
			w.Int(r.Disputed))
		g.Rows = append(g.Rows, cells)
	}
	return g
}

// WriteTeamComparisonMarkdown writes the respondents of a team audit side
// by side as Markdown tables, in w's language: the areas, then the
// checklist sections.
func WriteTeamComparisonMarkdown(out io.Writer, t results.Team, w results.Words) error {
	e := &errWriter{w: out}
	e.printf("# %s\n\n%s\n\n", mdInline(w.T("team.compare.title", "Client", orDash(t.Client))), w.T("team.compare.subtitle", "ID", t.AuditID))
	for _, g := range teamGrids(w, &t) {
		head := make([]string, len(g.Head))
		rule := make([]string, len(g.Head))
		for i, h := range g.Head {
			head[i], rule[i] = mdInline(h), "---:"
		}
		rule[0] = "---"
		mdRow(e, head...)
		mdRow(e, rule...)
		for _, r := range g.Rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = mdInline(c)
			}
			mdRow(e, cells...)
		}
		e.print("\n")
	}
	return e.err
}

// WriteTeamComparisonTerminal writes the same tables as styled text for a
// terminal, in aligned columns.
func WriteTeamComparisonTerminal(out io.Writer, t results.Team, w results.Words, opt TermOptions) error {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	st := newTermStyles()
	e := &errWriter{w: out}
	e.printf("%s\n%s\n", st.title.Render(oneLine(w.T("team.compare.title", "Client", orDash(t.Client)))),
		st.faint.Render(w.T("team.compare.subtitle", "ID", t.AuditID)))
	for _, g := range teamGrids(w, &t) {
		titles := make([]string, 0, len(g.Rows)+1)
		titles = append(titles, g.Head[0])
		for _, r := range g.Rows {
			titles = append(titles, r[0])
		}
		titleW := columnWidth(width, titles)
		widths := make([]int, len(g.Head))
		for i := 1; i < len(g.Head); i++ {
			widths[i] = lipgloss.Width(oneLine(g.Head[i]))
			for _, r := range g.Rows {
				widths[i] = max(widths[i], lipgloss.Width(r[i]))
			}
			widths[i] = min(widths[i], 14)
		}
		line := func(cells []string, style lipgloss.Style) {
			var b strings.Builder
			b.WriteString("  " + pad(oneLine(cells[0]), titleW))
			for i := 1; i < len(cells); i++ {
				c := pad(oneLine(cells[i]), widths[i])
				b.WriteString(" " + strings.Repeat(" ", widths[i]-lipgloss.Width(strings.TrimRight(c, " "))) + strings.TrimRight(c, " "))
			}
			e.printf("%s\n", style.Render(b.String()))
		}
		e.print("\n")
		line(g.Head, st.label)
		for _, r := range g.Rows {
			line(r, lipgloss.NewStyle())
		}
	}
	return e.err
}

// WriteTeamJSON writes the team view t as indented JSON: what `compare
// AUDIT --json` and `show AUDIT --json` print.
func WriteTeamJSON(out io.Writer, t results.Team) error { return encode(out, t) }

func teamGrids(w results.Words, t *results.Team) []teamGrid {
	gs := []teamGrid{teamGridOf(w, t, w.T("report.col.area"), t.Areas, false)}
	if len(t.Sections) > 0 {
		gs = append(gs, teamGridOf(w, t, w.T("report.col.checklist_section"), t.Sections, true))
	}
	return gs
}
