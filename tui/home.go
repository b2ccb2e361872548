package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// homeState is the home menu and the list of unfinished sessions.
type homeState struct {
	cursor       int
	resumeCursor int
	loading      bool
	clients      []string
	unfinished   []store.Summary
	assessors    map[string]string
}

type menuItem struct {
	key, label string // label: the message id of its words
}

var homeMenu = []menuItem{
	{"1", "tui.home.menu.new"},
	{"2", "tui.home.menu.resume"},
	{"3", "tui.home.menu.history"},
	{"4", "tui.home.menu.quit"},
}

// teamMenu is the home menu when the Repo keeps team audits (TeamRepo).
var teamMenu = []menuItem{
	{"1", "tui.home.menu.new"},
	{"2", "tui.home.menu.resume"},
	{"3", "tui.home.menu.history"},
	{"4", "teamtui.home.menu"},
	{"5", "tui.home.menu.quit"},
}

// menu is the home menu on show.
func (m Model) menu() []menuItem {
	if m.teamRepo() != nil {
		return teamMenu
	}
	return homeMenu
}

// loadHome reads the known clients and the unfinished sessions.
func (m Model) loadHome() tea.Cmd {
	r := m.opts.Repo
	return func() tea.Msg {
		clients, err := r.Clients()
		if err != nil {
			return homeLoadedMsg{err: fmt.Errorf("read clients: %w", err)}
		}
		list, err := r.List(store.Filter{Status: checklist.InProgress})
		if err != nil {
			return homeLoadedMsg{err: fmt.Errorf("read sessions: %w", err)}
		}
		all, err := r.List(store.Filter{})
		if err != nil {
			return homeLoadedMsg{err: fmt.Errorf("read sessions: %w", err)}
		}
		return homeLoadedMsg{clients: clients, unfinished: list, assessors: lastAssessors(all)}
	}
}

func (m *Model) homeLoaded(msg homeLoadedMsg) {
	m.home.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.home.clients, m.home.unfinished, m.home.assessors = msg.clients, msg.unfinished, msg.assessors
	m.home.resumeCursor = min(m.home.resumeCursor, max(0, len(msg.unfinished)-1))
	if m.setup.form != nil {
		m.setup.setClients(msg.clients)
		m.setup.assessors = msg.assessors
	}
}

// goHome shows the home menu with fresh counts.
func (m *Model) goHome() tea.Cmd {
	m.show(scrHome)
	return m.loadHome()
}

func (m *Model) homeKey(msg tea.KeyPressMsg) tea.Cmd {
	k, menu := m.keys, m.menu()
	switch {
	case key.Matches(msg, k.Up):
		m.home.cursor = (m.home.cursor + len(menu) - 1) % len(menu)
	case key.Matches(msg, k.Down):
		m.home.cursor = (m.home.cursor + 1) % len(menu)
	case key.Matches(msg, k.Select):
		return m.homeChoose(m.home.cursor)
	default:
		for i, it := range menu {
			if msg.String() == it.key {
				m.home.cursor = i
				return m.homeChoose(i)
			}
		}
	}
	return nil
}

func (m *Model) homeChoose(i int) tea.Cmd {
	switch i {
	case 0:
		m.show(scrSetup)
		m.setup = newSetup(m.ui, setupValues{Assessor: m.opts.Assessor, Date: checklist.AuditDateOf(m.now())}, m.home.clients)
		m.setup.assessors = m.home.assessors
		m.setup.form.WithWidth(min(m.width-2, 72))
		return m.setup.form.Init()
	case 1:
		m.show(scrResume)
		return m.loadHome()
	case 2:
		return m.openClients()
	}
	if m.menu()[i].label == "teamtui.home.menu" {
		return m.openTeams()
	}
	return m.quit()
}

func (m Model) homeView(w, h int) []string {
	l := m.ui
	lines := []string{
		m.st.title.Render(l.T("tui.home.title")),
		"",
	}
	// The pack new sessions are answered with says what it is for; a pack
	// without an intro gets the program's own words.
	about := l.T("tui.home.about")
	if intro := m.newIntro(); intro != "" {
		about = intro
	}
	for _, line := range wrap(about, w) {
		lines = append(lines, m.st.muted.Render(line))
	}
	lines = append(lines, "")
	menu := m.menu()
	labels := make([]string, len(menu))
	width := 0
	for i, it := range menu {
		labels[i] = it.key + "  " + l.T(it.label)
		width = max(width, lipgloss.Width(labels[i]))
	}
	for i := range menu {
		extra := ""
		switch i {
		case 1:
			if !m.home.loading {
				extra = l.N("tui.home.unfinished", len(m.home.unfinished))
			}
		case 2:
			if !m.home.loading {
				extra = l.N("tui.home.clients", len(m.home.clients))
			}
		}
		lines = append(lines, m.row(i == m.home.cursor, pad(labels[i], max(33, width+2)), extra))
	}
	return lines
}

// row draws one row of a menu or list: the cursor mark, the text and a
// muted note after it.
func (m Model) row(on bool, text, note string) string {
	mark := "  "
	if on {
		mark = m.st.cursor.Render("› ")
		text = m.st.selected.Render(text)
	} else {
		text = m.st.text.Render(text)
	}
	if note != "" {
		text += m.st.muted.Render("   " + note)
	}
	return mark + text
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (m *Model) resumeKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := m.keys, len(m.home.unfinished)
	switch {
	case key.Matches(msg, k.Leave):
		return m.goHome()
	case n == 0:
	case key.Matches(msg, k.Up):
		m.home.resumeCursor = max(0, m.home.resumeCursor-1)
	case key.Matches(msg, k.Down):
		m.home.resumeCursor = min(n-1, m.home.resumeCursor+1)
	case key.Matches(msg, k.Select):
		return m.loadSession(m.home.unfinished[m.home.resumeCursor].ID)
	case key.Matches(msg, k.Discard):
		return m.askDiscard(m.home.unfinished[m.home.resumeCursor])
	}
	return nil
}

func (m Model) resumeView(w, h int) []string {
	l := m.ui
	lines := []string{m.st.title.Render(l.T("tui.resume.title")), ""}
	switch {
	case m.home.loading:
		return append(lines, m.st.muted.Render(l.T("tui.resume.loading")))
	case len(m.home.unfinished) == 0:
		return append(lines, m.st.muted.Render(l.T("tui.resume.none")))
	}
	rows := make([]string, len(m.home.unfinished))
	for i, s := range m.home.unfinished {
		p := m.newPack()
		if sp, err := m.packFor(s.Pack); err == nil {
			p = sp
		}
		total := len(p.Questions())
		note := l.N("tui.resume.row", total, "Date", l.Date(s.CreatedAt), "Done", s.Answered)
		if lipgloss.Width(s.Client)+lipgloss.Width(note)+5 > w {
			note = fmt.Sprintf("%s · %d/%d", l.Date(s.CreatedAt), s.Answered, total)
		}
		rows[i] = m.row(i == m.home.resumeCursor, s.Client, note)
	}
	return append(lines, window(rows, m.home.resumeCursor, h-len(lines))...)
}

// window returns the rows of a list that fit in h lines, keeping the
// cursor in view.
func window(rows []string, cursor, h int) []string {
	if h <= 0 {
		return nil
	}
	if len(rows) <= h {
		return rows
	}
	start := max(0, min(cursor-h/2, len(rows)-h))
	return rows[start : start+h]
}

// loadSession reads a session and its pack, then opens it.
func (m Model) loadSession(id string) tea.Cmd {
	r, lookup := m.opts.Repo, m.packFor
	return func() tea.Msg {
		s, err := r.Get(id)
		if err != nil {
			return sessionMsg{err: fmt.Errorf("open session %s: %w", id, err)}
		}
		p, err := lookup(s.Pack)
		if err != nil {
			return sessionMsg{err: fmt.Errorf("open session %s: %w", id, err)}
		}
		return sessionMsg{sess: s, pack: p}
	}
}

func (m *Model) sessionLoaded(msg sessionMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		if m.screen == scrSetup && m.setup.form != nil {
			// Give the form back with what was typed, to try again.
			as := m.setup.assessors
			m.setup = newSetup(m.ui, m.setup.values(), m.setup.clients)
			m.setup.assessors = as
			m.setup.form.WithWidth(min(m.width-2, 72))
			return m.setup.form.Init()
		}
		// The respondent's form, on show, takes keys again.
		m.team.answer.creating = false
		return nil
	}
	ahead := m.setup.typedAhead
	m.setup = setupState{}
	m.open(msg.sess, msg.pack)
	cmds := []tea.Cmd{m.flush()} // a completion owed by open
	// Last time's session: compared on the results, its answers shown
	// under each question (question_last.go).
	cmds = append(cmds, m.loadPrevious())
	// Keys typed while the session was being created go to it now.
	mm := *m
	for _, k := range ahead {
		tm, cmd := mm.key(k)
		mm = tm.(Model)
		cmds = append(cmds, cmd)
	}
	*m = mm
	return tea.Batch(cmds...)
}
