package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// resultsState is the results of the open session, compared with the
// client's previous completed session when there is one.
type resultsState struct {
	view   viewport.Model
	result scoring.Result
	prev   *checklist.Session
	cmp    *scoring.Comparison
}

func newViewport() viewport.Model {
	v := viewport.New()
	v.KeyMap = viewport.KeyMap{} // keys are handled by the screens
	v.SoftWrap = false
	return v
}

func (r *resultsState) resize(w, h int) {
	r.view.SetWidth(max(1, w))
	r.view.SetHeight(max(1, h))
}

// showResults scores the open session and shows it.
func (m *Model) showResults() tea.Cmd {
	m.q.editing = false
	m.res.result = scoring.Session(m.pack, m.sess)
	m.show(scrResults)
	m.res.render(m)
	m.res.view.GotoTop()
	return m.loadPrevious()
}

// loadPrevious finds the client's newest completed session before the open
// one, to compare with.
func (m Model) loadPrevious() tea.Cmd {
	if m.sess == nil {
		return nil
	}
	r, lookup := m.opts.Repo, m.packFor
	cur := *m.sess
	return func() tea.Msg {
		prev, p, err := Previous(r, &cur, lookup)
		return previousMsg{forID: cur.ID, sess: prev, pack: p, err: err}
	}
}

// Previous returns the client's newest completed session started before s,
// with its pack, or nil when there is none.
func Previous(r Repo, s *checklist.Session, lookup func(checklist.Ref) (*checklist.Pack, error)) (*checklist.Session, *checklist.Pack, error) {
	list, err := r.List(store.Filter{Client: s.Client, Status: checklist.Completed})
	if err != nil {
		return nil, nil, fmt.Errorf("read earlier sessions: %w", err)
	}
	for _, sum := range list {
		if sum.ID == s.ID || !sum.CreatedAt.Before(s.CreatedAt) {
			continue
		}
		prev, err := r.Get(sum.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("read session %s: %w", sum.ID, err)
		}
		p, err := lookup(prev.Pack)
		if err != nil {
			return nil, nil, fmt.Errorf("session %s: %w", sum.ID, err)
		}
		return prev, p, nil
	}
	return nil, nil, nil
}

func (m *Model) previousLoaded(msg previousMsg) {
	if m.sess == nil || msg.forID != m.sess.ID {
		return // the user has moved on to another session
	}
	if msg.err != nil {
		m.err = msg.err
		return
	}
	if msg.sess == nil {
		return
	}
	c := scoring.Compare(scoring.Session(msg.pack, msg.sess), m.res.result)
	m.res.prev, m.res.cmp = msg.sess, &c
	if m.screen == scrResults {
		m.res.render(m)
	}
}

func (m *Model) resultsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Home):
		return m.goHome()
	case key.Matches(msg, k.Up):
		m.res.view.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.res.view.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.res.view.PageUp()
	case key.Matches(msg, k.PageDown):
		m.res.view.PageDown()
	case key.Matches(msg, k.Top):
		m.res.view.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.res.view.GotoBottom()
	case key.Matches(msg, k.History):
		return m.openHistory(m.sess.Client, scrResults)
	case key.Matches(msg, k.Edit):
		m.goTo(0)
		m.show(scrQuestion)
	}
	return nil
}

func (m Model) resultsView(w, h int) []string {
	title := fmt.Sprintf("Results for %s", m.sess.Client)
	if m.sess.Assessor != "" {
		title += ", assessed by " + m.sess.Assessor
	}
	title += ", " + present.Date(m.sessionDate(m.sess))
	return append([]string{m.scrollTitle(title, m.res.view, w)}, strings.Split(m.res.view.View(), "\n")...)
}

// scrollTitle is a screen title with the scroll position on the right when
// the content does not fit.
func (m Model) scrollTitle(title string, v viewport.Model, w int) string {
	right := ""
	if v.TotalLineCount() > v.Height() {
		last := min(v.TotalLineCount(), v.YOffset()+v.Height())
		right = fmt.Sprintf("%d–%d of %d ↕", v.YOffset()+1, last, v.TotalLineCount())
	}
	left := ansi.Truncate(title, max(1, w-lipgloss.Width(right)-2), "…")
	gap := max(1, w-lipgloss.Width(left)-lipgloss.Width(right))
	return m.st.title.Render(left) + strings.Repeat(" ", gap) + m.st.muted.Render(right)
}

// sessionDate is the day a session is dated by: when it was completed, or
// when it was started.
func (m Model) sessionDate(s *checklist.Session) time.Time {
	if !s.CompletedAt.IsZero() {
		return s.CompletedAt
	}
	return s.CreatedAt
}

// render lays the results out for the viewport's width.
func (r *resultsState) render(m *Model) {
	w := r.view.Width()
	res, p := r.result, m.pack
	var out []string
	t := res.Total

	// Total, band, percentage and the change since last time.
	total := m.st.heading.Render("Total  ") + m.st.heading.Render(present.Total(t)) +
		m.st.text.Render(" · ") + m.st.band(p, t.Band).Render(present.BandLabel(p, t.Band)) +
		m.st.text.Render(" · "+present.Percent(t.Percent))
	out = append(out, total)
	if r.cmp != nil && r.prev != nil {
		d := r.cmp.Total.Delta
		line := "       " + m.delta(d, 1) + m.st.muted.Render(fmt.Sprintf("  since %s (%s → %s)",
			present.Date(m.sessionDate(r.prev)), r.cmp.Total.A, r.cmp.Total.B))
		out = append(out, line)
		if r.cmp.Mismatch != "" {
			out = append(out, m.st.warn.Render("       "+r.cmp.Mismatch))
		}
	}
	if !t.Complete {
		open := len(m.sess.Unanswered(p))
		out = append(out, m.st.warn.Render(fmt.Sprintf("       incomplete: %s not answered yet",
			plural(open, "question", "questions"))))
	}

	// One bar per area.
	out = append(out, "", m.st.heading.Render("Areas"))
	deltas := map[string]scoring.Delta{}
	if r.cmp != nil {
		for _, d := range r.cmp.Areas {
			deltas[d.ID] = d
		}
	}
	cols := newResultCols(w, res, p, r.cmp != nil)
	for _, a := range res.Areas {
		extra := ""
		if a.NA > 0 {
			extra = fmt.Sprintf("%d N/A", a.NA)
		}
		change := ""
		if r.cmp != nil {
			if d, ok := deltas[a.ID]; ok {
				change = m.delta(d.Delta, 1)
			} else {
				change = m.st.muted.Render("–")
			}
		}
		out = append(out, cols.row(m, a.Title, a.Percent, a.Score.String(),
			m.st.band(p, a.Band).Render(present.BandLabel(p, a.Band)), change, extra))
	}

	// Checklist percent per section.
	out = append(out, "", m.st.heading.Render("Checklist"))
	naItems := 0
	scols := newSectionCols(w, res)
	for _, s := range res.Sections {
		naItems += s.NA
		extra := fmt.Sprintf("%d of %d", s.Answered+s.NA, s.Total)
		if s.NA > 0 {
			extra += fmt.Sprintf(" · %d N/A", s.NA)
		}
		out = append(out, scols.sectionRow(m, s.Title, s.Percent, extra))
	}

	// The three weakest areas and what to do.
	if len(res.Weakest) > 0 {
		out = append(out, "", m.st.heading.Render("Weakest areas and what to do"))
		for i, wk := range res.Weakest {
			head := fmt.Sprintf("%d  %s · %s · ", i+1, wk.Title, wk.Score)
			out = append(out, m.st.text.Render(head)+m.st.band(p, wk.Band).Render(present.BandLabel(p, wk.Band)))
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
	}

	naStatements := 0
	for _, a := range res.Areas {
		naStatements += a.NA
	}
	out = append(out, "", m.st.muted.Render(fmt.Sprintf("N/A answers: %s, %s",
		plural(naItems, "checklist item", "checklist items"), plural(naStatements, "statement", "statements"))))
	r.view.SetContent(strings.Join(out, "\n"))
}

// resultCols lays out the rows of areas and sections in columns:
// title, bar, score, band, change, extra.
type resultCols struct {
	title, bar, score, band, change int
}

func newResultCols(w int, res scoring.Result, p *checklist.Pack, withChange bool) resultCols {
	c := resultCols{score: 4, band: len("not scored")}
	for _, b := range p.Bands {
		c.band = max(c.band, lipgloss.Width(b.Label))
	}
	for _, a := range res.Areas {
		c.title = max(c.title, lipgloss.Width(a.Title))
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
func newSectionCols(w int, res scoring.Result) resultCols {
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
	return c.lead(m, title, pct, present.Percent(pct)) + "  " + m.st.muted.Render(extra)
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
func (m Model) delta(d scoring.Score, prec int) string {
	s := present.Delta(d, prec)
	switch present.Direction(d, prec) {
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
