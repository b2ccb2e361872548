package tui

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// historyState is the list of clients and one client's sessions, with up
// to two marked for comparison.
type historyState struct {
	clientCursor int
	client       string
	from         screenID // where esc goes back to
	loading      bool
	list         []store.Summary // newest first
	cursor       int
	marked       []string // ids, in the order they were marked
}

// openClients shows the list of clients.
func (m *Model) openClients() tea.Cmd {
	m.show(scrClients)
	m.home.loading = true
	return m.loadHome()
}

func (m *Model) clientsKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := m.keys, len(m.home.clients)
	switch {
	case key.Matches(msg, k.Leave):
		return m.goHome()
	case n == 0:
	case key.Matches(msg, k.Up):
		m.hist.clientCursor = max(0, m.hist.clientCursor-1)
	case key.Matches(msg, k.Down):
		m.hist.clientCursor = min(n-1, m.hist.clientCursor+1)
	case key.Matches(msg, k.Select):
		return m.openHistory(m.home.clients[min(m.hist.clientCursor, n-1)], scrClients)
	}
	return nil
}

func (m Model) clientsView(w, h int) []string {
	wd := m.userWords()
	lines := []string{m.st.title.Render(wd.T("results.history.clients")), ""}
	switch {
	case m.home.loading:
		return append(lines, m.st.muted.Render(wd.T("results.history.loading")))
	case len(m.home.clients) == 0:
		return append(lines, m.st.muted.Render(wd.T("results.history.no_clients")))
	}
	rows := make([]string, len(m.home.clients))
	for i, c := range m.home.clients {
		rows[i] = m.row(i == m.hist.clientCursor, c, "")
	}
	return append(lines, window(rows, m.hist.clientCursor, h-len(lines))...)
}

// openHistory shows a client's sessions; esc goes back to from.
func (m *Model) openHistory(client string, from screenID) tea.Cmd {
	if m.hist.client != client {
		m.hist.cursor, m.hist.marked = 0, nil
	}
	m.hist.client, m.hist.from, m.hist.loading = client, from, true
	m.show(scrHistory)
	r := m.opts.Repo
	return func() tea.Msg {
		list, err := r.List(store.Filter{Client: client})
		if err != nil {
			return historyMsg{client: client, err: fmt.Errorf("read sessions of %s: %w", client, err)}
		}
		return historyMsg{client: client, list: list}
	}
}

func (m *Model) historyLoaded(msg historyMsg) {
	if msg.client != m.hist.client {
		return
	}
	m.hist.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.hist.list = msg.list
	audit.SortNewest(m.hist.list, store.Summary.Stamp)
	m.hist.cursor = min(m.hist.cursor, max(0, len(msg.list)-1))
	if m.sess != nil && m.hist.from == scrResults {
		for i, s := range msg.list {
			if s.ID == m.sess.ID {
				m.hist.cursor = i
			}
		}
	}
}

func (m *Model) historyKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := m.keys, len(m.hist.list)
	switch {
	case key.Matches(msg, k.Leave):
		if m.hist.from == scrResults && m.sess != nil {
			m.show(scrResults)
			return nil
		}
		return m.openClients()
	case n == 0:
	case key.Matches(msg, k.Up):
		m.hist.cursor = max(0, m.hist.cursor-1)
	case key.Matches(msg, k.Down):
		m.hist.cursor = min(n-1, m.hist.cursor+1)
	case key.Matches(msg, k.Mark):
		id := m.hist.list[m.hist.cursor].ID
		if i := slices.Index(m.hist.marked, id); i >= 0 {
			m.hist.marked = slices.Delete(m.hist.marked, i, i+1)
		} else {
			m.hist.marked = append(m.hist.marked, id)
			if len(m.hist.marked) > 2 {
				m.hist.marked = m.hist.marked[1:]
			}
		}
	case key.Matches(msg, k.Select):
		return m.loadSession(m.hist.list[m.hist.cursor].ID)
	case key.Matches(msg, k.Compare):
		return m.compareMarked()
	case key.Matches(msg, k.Trend):
		return m.openTrend()
	}
	return nil
}

// compareMarked compares the two marked sessions, or, with fewer marked,
// the one under the cursor with the one before it.
func (m *Model) compareMarked() tea.Cmd {
	ids := m.hist.marked
	if len(ids) < 2 {
		cur := m.hist.list[m.hist.cursor].ID
		if len(ids) == 1 && ids[0] != cur {
			ids = []string{ids[0], cur}
		} else if m.hist.cursor+1 < len(m.hist.list) {
			ids = []string{m.hist.list[m.hist.cursor+1].ID, cur}
		} else {
			m.notice = m.userWords().T("results.history.mark_two")
			return nil
		}
	}
	m.show(scrCompare)
	m.cmp = compareState{view: m.cmp.view, loading: true}
	r, lookup := m.opts.Repo, m.packFor
	return func() tea.Msg {
		var ss [2]*checklist.Session
		var ps [2]*checklist.Pack
		for i, id := range ids[:2] {
			s, err := r.Get(id)
			if err != nil {
				return compareMsg{err: fmt.Errorf("read session %s: %w", id, err)}
			}
			p, err := lookup(s.Pack)
			if err != nil {
				return compareMsg{err: fmt.Errorf("session %s: %w", id, err)}
			}
			ss[i], ps[i] = s, p
		}
		// Earlier on the left.
		if audit.Compare(audit.Of(ss[1]), audit.Of(ss[0])) < 0 {
			ss[0], ss[1], ps[0], ps[1] = ss[1], ss[0], ps[1], ps[0]
		}
		return compareMsg{a: ss[0], b: ss[1], packA: ps[0], packB: ps[1]}
	}
}

func (m Model) historyView(w, h int) []string {
	wd := m.userWords()
	lines := []string{m.st.title.Render(wd.T("results.history.title", "Client", m.hist.client))}
	if m.hist.loading {
		return append(lines, "", m.st.muted.Render(wd.T("results.history.loading")))
	}
	if len(m.hist.list) == 0 {
		return append(lines, "", m.st.muted.Render(wd.T("results.history.empty")))
	}
	// Trend of the total, oldest to newest, over completed sessions.
	var totals []scoring.Score
	lo, hi := 0.0, 0.0
	for i := len(m.hist.list) - 1; i >= 0; i-- {
		s := m.hist.list[i]
		if s.Status != checklist.Completed || s.Respondent {
			// A team respondent's total is one person's view: the
			// team's agreed result stands for it (store.Filter.Audits).
			continue
		}
		totals = append(totals, s.Total.Score)
		lo, hi = s.Total.Min, s.Total.Max
	}
	if len(totals) > 0 {
		lines = append(lines, m.st.muted.Render(wd.T("results.history.trend"))+
			m.st.barFull.Render(present.Sparkline(totals, lo, hi)))
	}
	lines = append(lines, "")
	times := make([]time.Time, len(m.hist.list))
	for i, s := range m.hist.list {
		times[i] = audit.Date(s.Stamp())
	}
	dates := wd.Dates(times...)
	dw := max(12, lipgloss.Width(wd.T("results.history.date")))
	for _, d := range dates {
		dw = max(dw, lipgloss.Width(d))
	}
	sw := max(lipgloss.Width(wd.Status(checklist.Completed)), lipgloss.Width(wd.Status(checklist.InProgress)),
		lipgloss.Width(wd.T("results.history.status")))
	head := "      " + pad(wd.T("results.history.date"), dw) + "  " + pad(wd.T("results.history.status"), sw) +
		"  " + padLeft(wd.T("results.history.total"), 5) + "  " + wd.T("results.history.band")
	lines = append(lines, m.st.muted.Render(head))
	rows := make([]string, len(m.hist.list))
	bandWords := make([]string, len(m.hist.list))
	bw := 0
	for i, s := range m.hist.list {
		if s.Total.Band != "" {
			bands := m.newPack().Bands
			if p, err := m.packFor(s.Pack); err == nil {
				bands = p.Bands
			}
			bandWords[i] = wd.Band(bands, s.Total.Band)
			bw = max(bw, lipgloss.Width(bandWords[i]))
		}
	}
	for i, s := range m.hist.list {
		mark := "[ ]"
		if slices.Contains(m.hist.marked, s.ID) {
			mark = "[x]"
		}
		note := ""
		switch {
		case s.Respondent:
			note = wd.T("results.history.team_respondent", "Name", termtext.Line(s.Assessor))
		case s.Team != "":
			note = wd.T("results.history.team_result")
		}
		band := bandWords[i]
		if note != "" {
			band = pad(band, bw) // the notes line up
		}
		text := mark + " " + pad(dates[i], dw) + "  " + pad(wd.Status(s.Status), sw) + "  " +
			padLeft(wd.Score(s.Total.Score), 5) + "  " + band
		rows[i] = m.row(i == m.hist.cursor, text, note)
	}
	return append(lines, window(rows, m.hist.cursor, h-len(lines))...)
}
