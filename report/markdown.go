package report

import (
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/results"
)

// WriteMarkdown writes d as Markdown that also reads well as plain text, in
// the session's language: header facts, the pack's introduction, the total,
// a table of areas, the weakest areas with their actions, the change since
// the previous session, the checklist, every answer with its note, and the
// plan.
func WriteMarkdown(w io.Writer, d Document) error {
	e := &errWriter{w: w}
	wd := d.Words()
	writeMarkdownHeader(e, wd, &d)
	writeMarkdownAreas(e, wd, &d)
	if c := d.Comparison; c != nil {
		writeMarkdownComparison(e, wd, c, "## "+changeSince(wd, c), "report.sessions_this")
	}
	writeMarkdownChecklist(e, wd, &d)
	writeMarkdownAnswers(e, wd, &d)
	if d.Plan != nil {
		writeMarkdownPlan(e, wd, d)
	}
	return e.err
}

// writeMarkdownHeader writes who, when and what, the pack's introduction
// and the total.
func writeMarkdownHeader(e *errWriter, w results.Words, d *Document) {
	e.printf("# %s: %s\n\n", mdInline(w.Title(*d)), mdInline(orDash(d.Client)))
	fact := func(id, v string) { e.printf("- %s: %s\n", w.T("report.fact."+id), v) }
	fact("client", mdInline(orDash(d.Client)))
	fact("assessor", mdInline(orDash(d.Assessor)))
	fact("date", w.T("report.date_status", "Date", w.Date(d.Date()), "Status", w.Status(d.Status)))
	fact("session", mdInline(d.ID))
	fact("content", w.T("report.content_line", "Title", mdInline(orDash(d.Pack.Title)),
		"ID", mdInline(d.Pack.ID), "Version", mdInline(d.Pack.Version), "Lang", mdInline(d.Pack.Lang)))
	e.print("\n")
	if intro := strings.TrimSpace(d.Pack.Intro); intro != "" {
		writeMarkdownNoteBlock(e, intro)
	}
	e.printf("## %s\n\n", w.T("results.heading.total"))
	e.printf("%s\n\n", w.TotalLine(d.Total))
	if s := incompleteLine(w, d); s != "" {
		e.printf("%s\n\n", s)
	}
}

// mdRow writes one table row of cells.
func mdRow(e *errWriter, cells ...string) {
	e.print("| " + strings.Join(cells, " | ") + " |\n")
}

// mdHead writes a table's header row and its alignment row; align holds
// "l" or "r" per column.
func mdHead(e *errWriter, w results.Words, align string, ids ...string) {
	cells := make([]string, len(ids))
	rule := make([]string, len(ids))
	for i, id := range ids {
		cells[i] = w.T(id)
		rule[i] = "---"
		if align[i] == 'r' {
			rule[i] = "---:"
		}
	}
	mdRow(e, cells...)
	mdRow(e, rule...)
}

// writeMarkdownAreas writes the table of areas and the weakest areas with
// their actions.
func writeMarkdownAreas(e *errWriter, w results.Words, d *Document) {
	e.printf("## %s\n\n", w.T("results.heading.areas"))
	// No percentage beside the score: an area's is its position on 1–5,
	// not score / 5, and a reader would divide (issue 10).
	mdHead(e, w, "lrlrr", "report.col.area", "report.col.score", "report.col.band",
		"report.col.rated", "report.col.na")
	for _, a := range d.Areas {
		mdRow(e, mdInline(a.Title), w.Score(a.Score), mdInline(orDash(a.BandLabel)),
			w.Of(a.Answered, a.Total), w.Int(a.NA))
	}
	e.print("\n")
	if len(d.Weakest) == 0 {
		return
	}
	e.printf("## %s\n\n", w.T("report.heading.weakest"))
	for i, wk := range d.Weakest {
		e.printf("%d. **%s**: %s", i+1, mdInline(wk.Title), w.Score(wk.Score))
		if wk.BandLabel != "" {
			e.printf(", %s", mdInline(wk.BandLabel))
		}
		e.print("\n")
		for _, act := range wk.Actions {
			e.printf("   - %s\n", mdInline(act))
		}
	}
	e.print("\n")
}

// writeMarkdownChecklist writes the table of checklist sections.
func writeMarkdownChecklist(e *errWriter, w results.Words, d *Document) {
	if len(d.Sections) == 0 {
		return
	}
	e.printf("## %s\n\n", w.T("results.heading.checklist"))
	mdHead(e, w, "lrrrrrr", "report.col.section", "report.col.score", "report.col.answered", "report.col.yes",
		"report.col.partly", "report.col.no", "report.col.na")
	for _, s := range d.Sections {
		mdRow(e, mdInline(s.Title), w.Percent(s.Percent), w.SectionAnswered(s.Section), w.Int(s.Yes), w.Int(s.Partly),
			w.Int(s.No), w.Int(s.NA))
	}
	e.printf("\n%s\n\n", w.T("results.checklist_note"))
}

// writeMarkdownAnswers writes every statement and item with its answer
// and note, when the document carries them.
func writeMarkdownAnswers(e *errWriter, w results.Words, d *Document) {
	if hasStatements(d) {
		e.printf("## %s\n\n", w.T("report.heading.statements"))
		for _, a := range d.Areas {
			e.printf("### %s (%s)\n\n", mdInline(a.Title), w.Score(a.Score))
			writeMarkdownLines(e, w, a.Statements)
		}
	}
	if hasItems(d) {
		e.printf("## %s\n\n", w.T("report.heading.items"))
		for _, s := range d.Sections {
			e.printf("### %s (%s)\n\n", mdInline(s.Title), w.Percent(s.Percent))
			writeMarkdownLines(e, w, s.Items)
		}
	}
}

// WriteComparisonMarkdown writes a comparison on its own, as `compare`
// prints it, in the language of the later session's pack.
func WriteComparisonMarkdown(w io.Writer, c Comparison) error {
	e := &errWriter{w: w}
	wd := c.Words()
	writeMarkdownComparison(e, wd, &c, "# "+compareTitle(wd, &c, mdInline(orDash(c.B.Client))), "report.sessions")
	return e.err
}

func writeMarkdownComparison(e *errWriter, w results.Words, c *Comparison, heading, sessionsID string) {
	e.printf("%s\n\n", heading)
	e.printf("%s\n\n", w.T(sessionsID, "A", mdInline(c.A.ID), "AWhen", w.When(c.A), "B", mdInline(c.B.ID), "BWhen", w.When(c.B)))
	if m := w.Mismatch(*c); m != "" {
		e.printf("%s\n\n", w.T("report.note", "Text", mdInline(m)))
	}
	if len(c.Areas) == 0 {
		e.printf("%s\n\n", w.T("report.no_common_area"))
		return
	}
	mdHead(e, w, "lrrr", "report.col.area", "report.col.before", "report.col.now", "report.col.change")
	for _, a := range c.Areas {
		mdRow(e, mdInline(a.Title), w.Score(a.A), w.Score(a.B), w.Signed(a.Delta, 1))
	}
	mdRow(e, "**"+w.T("results.heading.total")+"**", w.Score(c.Total.A), w.Score(c.Total.B), w.Signed(c.Total.Delta, 1))
	e.print("\n")
	if len(c.Sections) > 0 {
		mdHead(e, w, "lrrr", "report.col.checklist_section", "report.col.before", "report.col.now", "report.col.change")
		for _, s := range c.Sections {
			mdRow(e, mdInline(s.Title), w.Percent(s.A), w.Percent(s.B), w.Signed(s.Delta, 0))
		}
		e.print("\n")
	}
}

func writeMarkdownLines(e *errWriter, w results.Words, lines []Line) {
	for _, l := range lines {
		e.printf("- **%s** %s\n", mdInline(w.Answer(l.Value())), mdInline(l.Text))
		if l.Note != "" {
			writeMarkdownNote(e, w, "  ", l.Note)
		}
	}
	e.print("\n")
}

// writeMarkdownNote writes a note as a paragraph of the list item above,
// keeping the writer's line breaks.
func writeMarkdownNote(e *errWriter, w results.Words, indent, note string) {
	for i, ln := range strings.Split(strings.TrimRight(note, "\n"), "\n") {
		prefix := indent
		if i == 0 {
			prefix += w.T("results.goal.note") + ": "
		}
		e.printf("%s%s  \n", prefix, mdInline(ln))
	}
}

func writeMarkdownNoteBlock(e *errWriter, text string) {
	for _, ln := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		e.printf("> %s\n", mdInline(ln))
	}
	e.print("\n")
}

func hasStatements(d *Document) bool {
	for _, a := range d.Areas {
		if len(a.Statements) > 0 {
			return true
		}
	}
	return false
}

func hasItems(d *Document) bool {
	for _, s := range d.Sections {
		if len(s.Items) > 0 {
			return true
		}
	}
	return false
}

// mdEscaper backslash-escapes the characters that would turn user text into
// Markdown structure or raw HTML when the file is rendered. CommonMark
// allows a backslash before any ASCII punctuation, so the text still reads.
var mdEscaper = strings.NewReplacer(
	"\r\n", " ", "\n", " ", "\r", " ",
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`,
)

// mdInline escapes one line of user text; line breaks become spaces.
func mdInline(s string) string {
	s = mdEscaper.Replace(s)
	// A line starting with a block marker would become a heading or a list.
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("#-+=", rune(t[0])) {
		s = `\` + t
	}
	return s
}
