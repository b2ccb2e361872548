package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// compareState is two sessions side by side.
type compareState struct {
	view    viewport.Model
	loading bool
	a, b    *checklist.Session
	ra, rb  scoring.Result
	packB   *checklist.Pack
	cmp     results.Comparison
}

// words speaks the language of the later session's pack, as the reports'
// comparisons do.
func (c *compareState) words() results.Words { return c.cmp.Words() }

// delta draws a change in the comparison's language.
func (c *compareState) delta(m *Model, d scoring.Score, prec int) string {
	return m.deltaIn(c.words(), d, prec)
}

func (c *compareState) resize(w, h int) {
	c.view.SetWidth(max(1, w))
	c.view.SetHeight(max(1, h))
}

func (m *Model) compareLoaded(msg compareMsg) {
	m.cmp.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	c := &m.cmp
	c.a, c.b, c.packB = msg.a, msg.b, msg.packB
	c.ra, c.rb = scoring.Session(msg.packA, msg.a), scoring.Session(msg.packB, msg.b)
	c.cmp = results.Compare(msg.packA, msg.a, msg.packB, msg.b)
	c.render(m)
	c.view.GotoTop()
}

func (m *Model) compareKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Leave):
		m.show(scrHistory)
	default:
		scroll(&m.cmp.view, k, msg)
	}
	return nil
}

func (m Model) compareView(w, h int) []string {
	if m.cmp.loading || m.cmp.a == nil {
		wd := m.userWords()
		return []string{m.st.title.Render(wd.T("results.compare.title")), "", m.st.muted.Render(wd.T("results.history.loading"))}
	}
	wd := m.cmp.words()
	dates := wd.Dates(m.sessionDate(m.cmp.a), m.sessionDate(m.cmp.b))
	title := wd.T("results.compare.heading", "Client", m.hist.client, "A", dates[0], "B", dates[1])
	return append([]string{m.scrollTitle(title, m.cmp.view, w)}, strings.Split(m.cmp.view.View(), "\n")...)
}

// render lays out both sessions per area side by side with the change.
func (c *compareState) render(m *Model) {
	if c.a == nil {
		return
	}
	w, wd := c.view.Width(), c.words()
	dates := wd.Dates(m.sessionDate(c.a), m.sessionDate(c.b))
	l := newCompareLayout(c, w, dates)
	out := []string{m.st.muted.Render(pad("", l.title) + "  " + padLeft(dates[0], l.col) + "  " +
		padLeft(dates[1], l.col) + "  " + wd.T("results.compare.change"))}
	totalPct := func(s scoring.Score, t scoring.Total) scoring.Score {
		if !s.Valid || t.Max <= t.Min {
			return scoring.Score{}
		}
		return scoring.Of((s.Value - t.Min) / (t.Max - t.Min) * 100)
	}
	out = append(out, l.row(m, m.st.heading, wd.T("results.heading.total"),
		l.cell(wd, m, c.cmp.Total.A, totalPct(c.cmp.Total.A, c.ra.Total)),
		l.cell(wd, m, c.cmp.Total.B, totalPct(c.cmp.Total.B, c.rb.Total)), c.delta(m, c.cmp.Total.Delta, 1)))
	byID := map[string]scoring.Delta{}
	for _, d := range c.cmp.Areas {
		byID[d.ID] = d
	}
	areaA := map[string]scoring.Area{}
	for _, a := range c.ra.Areas {
		areaA[a.ID] = a
	}
	for _, b := range c.rb.Areas {
		a := areaA[b.ID]
		change := m.st.muted.Render("–")
		if d, ok := byID[b.ID]; ok {
			change = c.delta(m, d.Delta, 1)
		}
		out = append(out, l.row(m, m.st.text, b.Title, l.cell(wd, m, a.Score, a.Percent), l.cell(wd, m, b.Score, b.Percent), change))
	}
	out = append(out, "", m.st.heading.Render(wd.T("results.heading.checklist")))
	secDelta := map[string]scoring.Delta{}
	for _, d := range c.cmp.Sections {
		secDelta[d.ID] = d
	}
	secA := map[string]scoring.Section{}
	for _, s := range c.ra.Sections {
		secA[s.ID] = s
	}
	for _, s := range c.rb.Sections {
		change := m.st.muted.Render("–")
		if d, ok := secDelta[s.ID]; ok {
			change = c.delta(m, d.Delta, 0)
		}
		out = append(out, l.row(m, m.st.text, s.Title, wd.Percent(secA[s.ID].Percent), wd.Percent(s.Percent), change))
	}
	out = append(out, "")
	out = append(out, styleLines(m.st.muted, wrap(wd.T("results.compared_over"), w))...)
	if mm := wd.Mismatch(c.cmp); mm != "" {
		out = append(out, m.st.warn.Render(ansi.Truncate(mm, w, "…")))
	}
	out = append(out, c.changeLines(m, w)...)
	c.view.SetContent(strings.Join(out, "\n"))
}

// compareLayout is the columns of the compare screen: title, one column
// per session (with a small bar when there is room), the change.
type compareLayout struct {
	title, col, bar int
}

func newCompareLayout(c *compareState, w int, dates []string) compareLayout {
	const change = 7 // "↑ +12.5"
	l := compareLayout{col: max(5, len([]rune(dates[0])), len([]rune(dates[1]))), title: 4}
	for _, a := range c.rb.Areas {
		l.title = max(l.title, len([]rune(a.Title)))
	}
	for _, s := range c.rb.Sections {
		l.title = max(l.title, len([]rune(s.Title)))
	}
	l.title = min(l.title, max(10, w-2*l.col-change-6))
	if spare := w - l.title - 2*l.col - change - 6; spare >= 2*9 {
		l.bar = min(12, spare/2-1)
		l.col += l.bar + 1
	}
	return l
}

// cell is one session's score, after a small bar of pct when there is room.
func (l compareLayout) cell(wd results.Words, m *Model, s, pct scoring.Score) string {
	v := padLeft(wd.Score(s), 4)
	if l.bar > 0 {
		f := 0.0
		if pct.Valid {
			f = pct.Value / 100
		}
		v = m.bar(f, l.bar) + " " + v
	}
	return v
}

func (l compareLayout) row(m *Model, st lipgloss.Style, title, a, b, change string) string {
	return st.Render(pad(ansi.Truncate(title, l.title, "…"), l.title)) + "  " +
		padLeft(a, l.col) + "  " + padLeft(b, l.col) + "  " + change
}
