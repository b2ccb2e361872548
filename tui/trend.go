package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/trend"
)

// trendState is the trend screen: every completed session of the history's
// client side by side, read through trend.Load as `compare --trend` does.
type trendState struct {
	loading bool
	table   trend.Table
}

// trendMsg brings the trend of a client.
type trendMsg struct {
	client string
	table  trend.Table
	err    error
}

// openTrend shows the trend of the history's client, its completed
// sessions loaded in the background; a team audit's consensus stands for
// its respondents' own sessions (store.Filter.Audits).
func (m *Model) openTrend() tea.Cmd {
	var ids []string
	for _, s := range m.hist.list {
		if s.Status == checklist.Completed && !s.Respondent {
			ids = append(ids, s.ID)
		}
	}
	m.trend = trendState{loading: true}
	m.show(scrTrend)
	client, r, lookup := m.hist.client, m.opts.Repo, m.packFor
	return func() tea.Msg {
		t, err := trend.Load(ids, r.Get, func(s *checklist.Session) (*checklist.Pack, error) { return lookup(s.Pack) }, time.Local)
		return trendMsg{client: client, table: t, err: err}
	}
}

func (m *Model) trendLoaded(msg trendMsg) {
	if msg.client != m.hist.client {
		return
	}
	m.trend.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.trend.table = msg.table
}

func (m *Model) trendKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Leave) {
		m.show(scrHistory)
	}
	return nil
}

// trendView draws the table: one row per area, then the total and its
// range, one column per session, oldest to newest. When the columns do not
// all fit, the newest are shown and a line says how many are left out.
func (m Model) trendView(w, h int) []string {
	t := m.trend.table
	if m.trend.loading || len(t.Points) == 0 {
		wd := m.userWords()
		msg := wd.T("trend.none")
		if m.trend.loading {
			msg = wd.T("results.history.loading")
		}
		return []string{m.st.title.Render(wd.T("trend.title")), "", m.st.muted.Render(msg)}
	}
	wd := t.Words() // the sessions' language, as `compare --trend`
	dates := t.Dates()
	totalID, rangeID := "session.trend.total", "trend.range"
	titles := make([]string, len(t.Rows))
	aw := max(lipgloss.Width(wd.T(totalID)), lipgloss.Width(wd.T(rangeID)), lipgloss.Width(wd.T("trend.area")))
	for i, r := range t.Rows {
		titles[i] = termtext.Line(r.Title)
		aw = max(aw, lipgloss.Width(titles[i]))
	}
	cw := 7 // "40–40" and a gap
	for _, d := range dates {
		cw = max(cw, lipgloss.Width(d)+2)
	}
	// The area column gives way to the sessions, down to a third of the
	// width; the sessions that still do not fit are the oldest.
	aw = min(aw, max(10, w/3, w-cw*len(t.Points)))
	shown := min(len(t.Points), max(1, (w-aw)/cw))
	from := len(t.Points) - shown

	line := func(label string, cells []string) string {
		s := pad(ansi.Truncate(label, aw, "…"), aw)
		for _, c := range cells[from:] {
			s += padLeft(c, cw)
		}
		return s
	}
	lines := []string{m.st.title.Render(wd.T("trend.title")), "",
		m.st.muted.Render(line(wd.T("trend.area"), dates))}
	cells := make([]string, len(t.Points))
	rows := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		for j, s := range r.Scores {
			cells[j] = wd.Score(s)
		}
		rows[i] = m.st.text.Render(line(titles[i], cells))
	}
	for j, p := range t.Points {
		cells[j] = wd.Score(p.Total)
	}
	total := m.st.selected.Render(line(wd.T(totalID), cells))
	for j, p := range t.Points {
		cells[j] = trend.RangeCell(wd, p)
	}
	rng := m.st.muted.Render(line(wd.T(rangeID), cells))
	var foot []string
	if from > 0 {
		foot = []string{m.st.muted.Render(ansi.Truncate(wd.N("trend.hidden", from), w, "…"))}
	}
	// Areas give way to the total when the screen is short.
	room := max(1, h-len(lines)-2-len(foot))
	if len(rows) > room {
		rows = append(rows[:max(0, room-1)], m.st.muted.Render("…"))
	}
	lines = append(lines, rows...)
	lines = append(lines, total, rng)
	return append(lines, foot...)
}
