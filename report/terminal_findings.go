package report

import "strconv"

// findings writes the findings right after the summary: each checklist
// item answered No or Partly and each statement rated 1 or 2, with its
// answer and section or area, its note and what to do; then the strengths,
// briefly. The words are results.Words' (findings.*.yaml).
func (t *termWriter) findings() {
	d, e, st, w := t.d, t.e, t.st, t.w
	e.printf("\n%s\n", st.heading.Render(w.FindingsHeading(len(d.Findings))))
	if len(d.Findings) == 0 {
		e.print(renderLines(st.faint, indentWrap(w.T("findings.none"), "  ", "  ", t.width)))
	}
	for i, f := range d.Findings {
		num := "  " + strconv.Itoa(i+1) + ". "
		e.print(indentWrap(f.Text, num, "     ", t.width))
		e.print(renderLines(st.faint, indentWrap(w.FindingWhere(f), "     ", "     ", t.width)))
		if s := w.FindingNote(f); s != "" {
			e.print(renderLines(st.faint, indentWrap(s, "     ", "     ", t.width)))
		}
		if s := w.FindingAdvice(f); s != "" {
			e.print(indentWrap(s, "     ", "     ", t.width))
		}
	}
	e.printf("\n%s\n", st.heading.Render(w.T("findings.strengths.heading")))
	for _, s := range w.StrengthLines(d.Strengths) {
		e.print(indentWrap(s, "  ", "  ", t.width))
	}
}
