package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// render lays the results out for the viewport's width: the total, the
// count of findings, the areas and the checklist, the weakest areas, then
// the findings to browse (n, N) and the strengths.
func (r *resultsState) render(m *Model) {
	w, wd := r.view.Width(), m.words()
	var out []string
	out = append(out, r.totalLines(m)...)
	out = append(out, r.findingsSummary(m, w))
	out = append(out, "", m.st.heading.Render(wd.T("results.heading.areas")))
	out = append(out, r.areaLines(m, w)...)
	out = append(out, "", ansi.Truncate(m.st.heading.Render(wd.T("results.heading.checklist"))+
		m.st.muted.Render("  "+wd.T("results.screen.checklist_scale")), max(1, w), "…"))
	out = append(out, r.sectionLines(m, w)...)
	if len(r.doc.Weakest) > 0 {
		out = append(out, "", m.st.heading.Render(wd.T("results.heading.weakest")))
		out = append(out, r.weakestLines(m, w)...)
	}
	out = append(out, "")
	out = append(out, r.findingLines(m, w, len(out))...)
	out = append(out, "", m.st.heading.Render(wd.T("findings.strengths.heading")))
	for _, l := range wd.StrengthLines(r.doc.Strengths) {
		out = append(out, styleLines(m.st.text, wrap(l, max(10, w-1)))...)
	}
	out = append(out, "", m.st.muted.Render(wd.NA(r.doc.NACounts())))
	out = append(out, r.planLines(m, w)...)
	r.view.SetContent(strings.Join(out, "\n"))
}

// totalLines are the total with its band, its position on the scale and
// the areas it covers, and the change since last time; while the session
// is in progress, no total or band, only the areas scored so far.
func (r *resultsState) totalLines(m *Model) []string {
	t, p, wd := r.doc.Total, m.pack, m.words()
	head := wd.T("results.heading.total")
	indent := strings.Repeat(" ", lipgloss.Width(head)+2)
	first := m.st.heading.Render(head+"  ") + m.st.heading.Render(wd.Range(t.Total))
	if t.Score.Valid {
		first += m.st.text.Render(" · ") + m.st.band(p, t.Band).Render(wd.Band(p.Bands, t.Band))
	}
	second := wd.AreasLine(t.Total)
	if t.Percent.Valid {
		second = wd.TotalPosition(t.Total) + " · " + second
	}
	out := []string{first, m.st.muted.Render(indent + second)}
	if r.cmp != nil && r.prev != nil {
		out = append(out, indent+m.delta(r.cmp.Total.Delta, 1)+m.st.muted.Render("  "+wd.T("results.since",
			"Date", wd.Date(m.sessionDate(r.prev)), "From", wd.Score(r.cmp.Total.A), "To", wd.Score(r.cmp.Total.B))))
		if co := wd.ComparedOver(*r.cmp, t.Scored); co != "" {
			out = append(out, m.st.muted.Render(indent+co))
		}
		if mm := wd.Mismatch(*r.cmp); mm != "" {
			out = append(out, m.st.warn.Render(indent+mm))
		}
	}
	if !t.Complete {
		out = append(out, m.st.warn.Render(indent+wd.T("results.screen.incomplete", "Unanswered", wd.Unanswered(len(r.doc.Unanswered)))))
	}
	return out
}

// areaLines draw one bar per area, with the change when there is a
// previous session.
func (r *resultsState) areaLines(m *Model, w int) []string {
	p, wd := m.pack, m.words()
	deltas := map[string]scoring.Delta{}
	if r.cmp != nil {
		for _, d := range r.cmp.Areas {
			deltas[d.ID] = d
		}
	}
	cols := newResultCols(w, wd, r.doc, p, r.cmp != nil)
	out := make([]string, 0, len(r.doc.Areas))
	for _, a := range r.doc.Areas {
		extra := ""
		if a.NA > 0 {
			extra = wd.NACount(a.NA)
		}
		change := ""
		if r.cmp != nil {
			change = m.st.muted.Render("–")
			if d, ok := deltas[a.ID]; ok {
				change = m.delta(d.Delta, 1)
			}
		}
		out = append(out, cols.row(m, a.Title, a.Percent, wd.Score(a.Score),
			m.st.band(p, a.Band).Render(wd.AreaBand(p.Bands, a.Area)), change, extra))
	}
	return out
}

// sectionLines draw the checklist percentage per section.
func (r *resultsState) sectionLines(m *Model, w int) []string {
	wd := m.words()
	cols := newSectionCols(w, r.doc)
	out := make([]string, 0, len(r.doc.Sections))
	for _, s := range r.doc.Sections {
		extra := wd.SectionAnswered(s.Section)
		if s.NA > 0 {
			extra += " · " + wd.NACount(s.NA)
		}
		out = append(out, cols.sectionRow(m, s.Title, s.Percent, extra))
	}
	return out
}

// weakestLines list the weakest areas, each with what to do about it.
func (r *resultsState) weakestLines(m *Model, w int) []string {
	var out []string
	wd := m.words()
	for i, wk := range r.doc.Weakest {
		head := fmt.Sprintf("%d  %s · %s · ", i+1, wk.Title, wd.Score(wk.Score))
		out = append(out, m.st.text.Render(head)+m.st.band(m.pack, wk.Band).Render(wd.Band(m.pack.Bands, wk.Band)))
		for _, act := range wk.Actions {
			for j, l := range wrap(act, max(10, w-5)) {
				lead := "   • "
				if j > 0 {
					lead = "     "
				}
				out = append(out, m.st.muted.Render(lead+l))
			}
		}
	}
	return out
}

// resultCols lays out the rows of areas and sections in columns:
// title, bar, score, band, change, extra.
type resultCols struct {
	title, bar, score, band, change int
}

func newResultCols(w int, wd results.Words, res results.Document, p *checklist.Pack, withChange bool) resultCols {
	c := resultCols{score: 4, band: lipgloss.Width(wd.Band(nil, ""))}
	for _, b := range p.Bands {
		c.band = max(c.band, lipgloss.Width(b.Label))
	}
	for _, a := range res.Areas {
		c.title = max(c.title, lipgloss.Width(a.Title))
		c.band = max(c.band, lipgloss.Width(wd.AreaBand(p.Bands, a.Area)))
	}
	c.title = min(c.title, max(14, w*2/5))
	if withChange {
		c.change = 6
	}
	rest := w - c.title - c.score - c.band - c.change - 8 - 8 // gaps, room for "n N/A"
	c.bar = max(0, min(30, rest))
	if c.bar < 5 {
		c.bar = 0
	}
	return c
}

// row draws an area's row: title, bar, score, band, change and a note.
// newSectionCols lays out the checklist rows, which have no band or
// change: the room goes to the (often long) section titles.
func newSectionCols(w int, res results.Document) resultCols {
	c := resultCols{score: 4}
	for _, s := range res.Sections {
		c.title = max(c.title, lipgloss.Width(s.Title))
	}
	const extra = 16 // "10 of 10 · 2 N/A"
	c.title = min(c.title, max(14, w-c.score-extra-6-10))
	c.bar = max(0, min(30, w-c.title-c.score-extra-6))
	if c.bar < 5 {
		c.bar = 0
	}
	return c
}

func (c resultCols) row(m *Model, title string, pct scoring.Score, score, band, change, extra string) string {
	b := c.lead(m, title, pct, score)
	b += "  " + pad(band, c.band)
	if c.change > 0 {
		b += "  " + pad(change, c.change)
	}
	if extra != "" {
		b += "  " + m.st.muted.Render(extra)
	}
	return strings.TrimRight(b, " ")
}

// sectionRow draws a checklist section's row: title, bar, percent, note.
func (c resultCols) sectionRow(m *Model, title string, pct scoring.Score, extra string) string {
	return c.lead(m, title, pct, m.words().Percent(pct)) + "  " + m.st.muted.Render(extra)
}

func (c resultCols) lead(m *Model, title string, pct scoring.Score, score string) string {
	var b strings.Builder
	b.WriteString(m.st.text.Render(pad(ansi.Truncate(title, c.title, "…"), c.title)))
	b.WriteString("  ")
	if c.bar > 0 {
		if pct.Valid {
			b.WriteString(m.bar(pct.Value/100, c.bar))
		} else {
			b.WriteString(m.st.barEmpty.Render(strings.Repeat("·", c.bar)))
		}
		b.WriteString("  ")
	}
	b.WriteString(m.st.heading.Render(padLeft(score, c.score)))
	return b.String()
}

// delta draws a change with arrow, sign and colour: the arrow and the sign
// carry the meaning, the colour only helps.
func (m Model) delta(d scoring.Score, prec int) string { return m.deltaIn(m.words(), d, prec) }

// deltaIn is delta in the language of wd.
func (m Model) deltaIn(wd results.Words, d scoring.Score, prec int) string {
	s := wd.Delta(d, prec)
	switch results.Direction(d, prec) {
	case 1:
		return m.st.up.Render(s)
	case -1:
		return m.st.down.Render(s)
	}
	return m.st.muted.Render(s)
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-lipgloss.Width(s))) + s
}
