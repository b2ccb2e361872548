package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// compareState is two sessions side by side.
type compareState struct {
	view    viewport.Model
	loading bool
	a, b    *checklist.Session
	ra, rb  scoring.Result
	packB   *checklist.Pack
	cmp     scoring.Comparison
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
	c.cmp = scoring.Compare(c.ra, c.rb)
	c.render(m)
	c.view.GotoTop()
}

func (m *Model) compareKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Leave):
		m.show(scrHistory)
	case key.Matches(msg, k.Up):
		m.cmp.view.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.cmp.view.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.cmp.view.PageUp()
	case key.Matches(msg, k.PageDown):
		m.cmp.view.PageDown()
	case key.Matches(msg, k.Top):
		m.cmp.view.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.cmp.view.GotoBottom()
	}
	return nil
}

func (m Model) compareView(w, h int) []string {
	if m.cmp.loading || m.cmp.a == nil {
		return []string{m.st.title.Render("Compare"), "", m.st.muted.Render("Loading…")}
	}
	dates := present.Dates(m.sessionDate(m.cmp.a), m.sessionDate(m.cmp.b))
	title := fmt.Sprintf("%s: %s and %s", m.hist.client, dates[0], dates[1])
	return append([]string{m.scrollTitle(title, m.cmp.view, w)}, strings.Split(m.cmp.view.View(), "\n")...)
}

// render lays out both sessions per area side by side with the change.
func (c *compareState) render(m *Model) {
	if c.a == nil {
		return
	}
	w := c.view.Width()
	title := 4
	for _, a := range c.rb.Areas {
		title = max(title, len([]rune(a.Title)))
	}
	title = min(title, max(14, w-34))
	col := 12
	bar := 0
	if w-title-3*col-6 >= 24 {
		bar = 8 // room for small bars next to each score
		col += bar + 1
	}
	cell := func(s scoring.Score, pctOf scoring.Score) string {
		v := padLeft(s.String(), 4)
		if bar > 0 {
			f := 0.0
			if pctOf.Valid {
				f = pctOf.Value / 100
			}
			v = m.bar(f, bar) + " " + v
		}
		return v
	}
	dates := present.Dates(m.sessionDate(c.a), m.sessionDate(c.b))
	dateA, dateB := dates[0], dates[1]
	col = max(col, len([]rune(dateA)), len([]rune(dateB)))
	var out []string
	out = append(out, m.st.muted.Render(pad("", title)+"  "+padLeft(dateA, col)+"  "+padLeft(dateB, col)+"  change"))
	tot := func(s scoring.Score, t scoring.Total) string {
		pct := scoring.Score{}
		if s.Valid && t.Max > t.Min {
			pct = scoring.Of((s.Value - t.Min) / (t.Max - t.Min) * 100)
		}
		return cell(s, pct)
	}
	out = append(out, m.st.heading.Render(pad("Total", title))+"  "+
		padLeft(tot(c.cmp.Total.A, c.ra.Total), col)+"  "+padLeft(tot(c.cmp.Total.B, c.rb.Total), col)+"  "+
		m.delta(c.cmp.Total.Delta, 1))
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
			change = m.delta(d.Delta, 1)
		}
		out = append(out, m.st.text.Render(pad(ansi.Truncate(b.Title, title, "…"), title))+"  "+
			padLeft(cell(a.Score, a.Percent), col)+"  "+padLeft(cell(b.Score, b.Percent), col)+"  "+change)
	}
	out = append(out, "", m.st.heading.Render("Checklist"))
	secA := map[string]scoring.Section{}
	for _, s := range c.ra.Sections {
		secA[s.ID] = s
	}
	for _, s := range c.rb.Sections {
		a := secA[s.ID]
		out = append(out, m.st.text.Render(pad(ansi.Truncate(s.Title, title, "…"), title))+"  "+
			padLeft(present.Percent(a.Percent), col)+"  "+padLeft(present.Percent(s.Percent), col)+"  "+
			m.delta(scoring.Sub(s.Percent, a.Percent), 0))
	}
	out = append(out, "")
	for _, l := range wrap("The total is compared over the areas scored in both sessions.", w) {
		out = append(out, m.st.muted.Render(l))
	}
	if c.cmp.Mismatch != "" {
		out = append(out, m.st.warn.Render(ansi.Truncate(c.cmp.Mismatch, w, "…")))
	}
	c.view.SetContent(strings.Join(out, "\n"))
}
