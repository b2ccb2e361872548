package report

import (
	"io"
	"strings"
)

// WriteMarkdown writes d as Markdown that also reads well as plain text:
// header facts, the total, a table of areas, the weakest areas with their
// actions, the change since the previous session, the checklist, every
// answer with its note, and the plan.
func WriteMarkdown(w io.Writer, d Document) error {
	e := &errWriter{w: w}
	writeMarkdownHeader(e, &d)
	writeMarkdownAreas(e, &d)
	if c := d.Comparison; c != nil {
		writeMarkdownComparison(e, c, "## Change since "+day(c.A.Date()))
	}
	writeMarkdownChecklist(e, &d)
	writeMarkdownAnswers(e, &d)
	if d.Plan != nil {
		writeMarkdownPlan(e, d)
	}
	return e.err
}

// writeMarkdownHeader writes who, when and what, and the total.
func writeMarkdownHeader(e *errWriter, d *Document) {
	e.printf("# %s: %s\n\n", mdInline(d.title()), mdInline(orDash(d.Client)))
	e.printf("- Client: %s\n", mdInline(orDash(d.Client)))
	e.printf("- Assessor: %s\n", mdInline(orDash(d.Assessor)))
	e.printf("- Date: %s (%s)\n", day(d.Date()), statusLabel(d.Status))
	e.printf("- Session: %s\n", mdInline(d.ID))
	e.printf("- Content: %s (%s %s, %s)\n\n", mdInline(orDash(d.Pack.Title)),
		mdInline(d.Pack.ID), mdInline(d.Pack.Version), mdInline(d.Pack.Lang))

	e.print("## Total\n\n")
	e.printf("%s\n\n", totalLine(d.Total))
	if s := incompleteLine(d); s != "" {
		e.printf("%s\n\n", s)
	}
}

// writeMarkdownAreas writes the table of areas and the weakest areas with
// their actions.
func writeMarkdownAreas(e *errWriter, d *Document) {
	e.print("## Areas\n\n")
	e.print("| Area | Score | Percent | Band | Rated | N/A |\n")
	e.print("| --- | ---: | ---: | --- | ---: | ---: |\n")
	for _, a := range d.Areas {
		e.printf("| %s | %s | %s | %s | %d of %d | %d |\n", mdInline(a.Title), a.Score.Format(1),
			pct(a.Percent), mdInline(orDash(a.BandLabel)), a.Answered, a.Total, a.NA)
	}
	e.print("\n")
	if len(d.Weakest) == 0 {
		return
	}
	e.print("## Weakest areas\n\n")
	for i, wk := range d.Weakest {
		e.printf("%d. **%s**: %s", i+1, mdInline(wk.Title), wk.Score.Format(1))
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
func writeMarkdownChecklist(e *errWriter, d *Document) {
	if len(d.Sections) == 0 {
		return
	}
	e.print("## Checklist\n\n")
	e.print("| Section | Score | Answered | Yes | Partly | No | N/A |\n")
	e.print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range d.Sections {
		e.printf("| %s | %s | %s | %d | %d | %d | %d |\n", mdInline(s.Title), pct(s.Percent),
			sectionAnswered(s), s.Yes, s.Partly, s.No, s.NA)
	}
	e.printf("\n%s\n\n", checklistScoreNote)
}

// writeMarkdownAnswers writes every statement and item with its answer
// and note, when the document carries them.
func writeMarkdownAnswers(e *errWriter, d *Document) {
	if hasStatements(d) {
		e.print("## Self-assessment answers\n\n")
		for _, a := range d.Areas {
			e.printf("### %s (%s)\n\n", mdInline(a.Title), a.Score.Format(1))
			writeMarkdownLines(e, a.Statements)
		}
	}
	if hasItems(d) {
		e.print("## Checklist answers\n\n")
		for _, s := range d.Sections {
			e.printf("### %s (%s)\n\n", mdInline(s.Title), pct(s.Percent))
			writeMarkdownLines(e, s.Items)
		}
	}
}

// WriteComparisonMarkdown writes a comparison on its own, as `compare`
// prints it.
func WriteComparisonMarkdown(w io.Writer, c Comparison) error {
	e := &errWriter{w: w}
	title := "# " + mdInline(orDash(c.B.Client)) + ": " + day(c.A.Date()) + " to " + day(c.B.Date())
	writeMarkdownComparison(e, &c, title)
	return e.err
}

func writeMarkdownComparison(e *errWriter, c *Comparison, heading string) {
	e.printf("%s\n\n", heading)
	e.printf("Earlier session %s (%s), later session %s (%s).\n\n",
		mdInline(c.A.ID), c.A.when(), mdInline(c.B.ID), c.B.when())
	if c.Mismatch != "" {
		e.printf("Note: %s.\n\n", mdInline(c.Mismatch))
	}
	if len(c.Areas) == 0 {
		e.print("No area is scored in both sessions.\n\n")
		return
	}
	e.print("| Area | Before | Now | Change |\n")
	e.print("| --- | ---: | ---: | ---: |\n")
	for _, a := range c.Areas {
		e.printf("| %s | %s | %s | %s |\n", mdInline(a.Title), a.A.Format(1), a.B.Format(1), signed(a.Delta))
	}
	e.printf("| **Total** | %s | %s | %s |\n\n", c.Total.A.Format(1), c.Total.B.Format(1), signed(c.Total.Delta))
	if len(c.Sections) > 0 {
		e.print("| Checklist section | Before | Now | Change |\n")
		e.print("| --- | ---: | ---: | ---: |\n")
		for _, s := range c.Sections {
			e.printf("| %s | %s | %s | %s |\n", mdInline(s.Title), pct(s.A), pct(s.B), signedPoints(s.Delta))
		}
		e.print("\n")
	}
}

func writeMarkdownLines(e *errWriter, lines []Line) {
	for _, l := range lines {
		e.printf("- **%s** %s\n", mdInline(l.Value().Label()), mdInline(l.Text))
		if l.Note != "" {
			writeMarkdownNote(e, "  ", l.Note)
		}
	}
	e.print("\n")
}

// writeMarkdownNote writes a note as a paragraph of the list item above,
// keeping the writer's line breaks.
func writeMarkdownNote(e *errWriter, indent, note string) {
	for i, ln := range strings.Split(strings.TrimRight(note, "\n"), "\n") {
		prefix := indent
		if i == 0 {
			prefix += "Note: "
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
