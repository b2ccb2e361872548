package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The findings on the results screen: their count near the top, with the
// keys that browse them and the way to the plan, and the list itself after
// the weakest areas. n and N move a cursor through the list and scroll the
// chosen finding into view.

// findingsSummary is the line under the total: how many findings there
// are, how to browse them, and the hint towards the plan.
func (r *resultsState) findingsSummary(m *Model, w int) string {
	wd := m.words()
	n := len(r.doc.Findings)
	line := m.st.heading.Render(wd.FindingsCount(n))
	if n > 0 {
		line += m.st.muted.Render(" · " + wd.T("findings.browse"))
	}
	line += r.planHint(m)
	return ansi.Truncate(line, max(1, w), "…")
}

// findingLines list every finding: its number, answer and section or
// area, its text, note and advice. from is the line the list starts at in
// the content, so that the cursor can scroll a finding into view.
func (r *resultsState) findingLines(m *Model, w, from int) []string {
	wd := m.words()
	fs := r.doc.Findings
	out := []string{m.st.heading.Render(wd.FindingsHeading(len(fs)))}
	r.findingAt = r.findingAt[:0]
	if len(fs) == 0 {
		return append(out, styleLines(m.st.muted, wrap(wd.T("findings.none"), max(10, w-1)))...)
	}
	out = append(out, styleLines(m.st.muted, wrap(wd.T("findings.what"), max(10, w-1)))...)
	width := len(strconv.Itoa(len(fs)))
	indent := strings.Repeat(" ", width+3)
	tw := max(10, w-len(indent)-1)
	for i, f := range fs {
		r.findingAt = append(r.findingAt, from+len(out))
		mark, st := " ", m.st.text
		if i == r.finding {
			mark, st = "▸", m.st.selected
		}
		num := mark + padLeft(strconv.Itoa(i+1), width) + "  "
		out = append(out, st.Render(ansi.Truncate(num+wd.FindingWhere(f), max(1, w), "…")))
		for _, l := range wrap(f.Text, tw) {
			out = append(out, st.Render(indent+l))
		}
		for _, extra := range []string{wd.FindingNote(f), wd.FindingAdvice(f)} {
			if extra == "" {
				continue
			}
			for _, l := range wrap(extra, tw) {
				out = append(out, m.st.muted.Render(indent+l))
			}
		}
	}
	return out
}

// moveFinding moves the cursor by step through the findings, wrapping at
// either end, and scrolls the chosen one to the top of the view.
func (r *resultsState) moveFinding(m *Model, step int) {
	n := len(r.doc.Findings)
	if n == 0 {
		return
	}
	switch {
	case r.finding < 0 && step < 0:
		r.finding = n - 1
	case r.finding < 0:
		r.finding = 0
	default:
		r.finding = ((r.finding+step)%n + n) % n
	}
	r.render(m)
	if r.finding < len(r.findingAt) {
		r.view.SetYOffset(r.findingAt[r.finding])
	}
}
