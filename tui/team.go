package tui

import (
	"fmt"
	"maps"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/team"
)

// teamsState is the list of team audits and the form of a new one.
type teamsState struct {
	loading bool
	list    []*team.Audit
	cursor  int
	form    teamForm
}

// teamState is one team audit's combined results (the team screen): the
// audit, the pack its results are worded with, the respondents' sessions
// and their combination, and the consensus stored so far, if any.
type teamState struct {
	id        string
	loading   bool
	audit     *team.Audit
	pack      *checklist.Pack
	sessions  map[string]*checklist.Session
	res       team.Result
	consensus *checklist.Session
	view      viewport.Model
	// answer is the form of a respondent who answers here.
	answer respondentForm
	// read is the audit's decisions as the store had them when it was
	// read (the consensus step changes the audit's own map as it goes):
	// a decision is written only over what was read (decisionWrite).
	read map[string]team.Settled
}

// teamsMsg brings the list of team audits.
type teamsMsg struct {
	list []*team.Audit
	err  error
}

// teamMsg brings one team audit combined.
type teamMsg struct {
	id        string
	audit     *team.Audit
	pack      *checklist.Pack
	sessions  map[string]*checklist.Session
	res       team.Result
	consensus *checklist.Session
	err       error
}

// openTeams shows the list of team audits.
func (m *Model) openTeams() tea.Cmd {
	m.show(scrTeams)
	m.teams.loading = true
	r := m.teamRepo()
	return func() tea.Msg {
		list, err := r.Teams()
		if err != nil {
			return teamsMsg{err: fmt.Errorf("read team audits: %w", err)}
		}
		return teamsMsg{list: list}
	}
}

func (m *Model) teamsLoaded(msg teamsMsg) {
	m.teams.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.teams.list = msg.list
	m.teams.cursor = min(m.teams.cursor, max(0, len(msg.list)-1))
}

func (m *Model) teamsKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := m.keys, len(m.teams.list)
	switch {
	case key.Matches(msg, k.Leave):
		return m.goHome()
	case key.Matches(msg, k.NewTeam):
		return m.newTeamForm()
	case n == 0 || m.teams.loading:
	case key.Matches(msg, k.Up):
		m.teams.cursor = max(0, m.teams.cursor-1)
	case key.Matches(msg, k.Down):
		m.teams.cursor = min(n-1, m.teams.cursor+1)
	case key.Matches(msg, k.Select):
		return m.openTeam(m.teams.list[m.teams.cursor].ID)
	}
	return nil
}

func (m Model) teamsView(w, h int) []string {
	l := m.ui
	lines := []string{m.st.title.Render(l.T("teamtui.list.title")), ""}
	switch {
	case m.teams.loading:
		return append(lines, m.st.muted.Render(l.T("teamtui.list.loading")))
	case len(m.teams.list) == 0:
		return append(lines, styleLines(m.st.muted, wrap(l.T("teamtui.list.none"), w))...)
	}
	rows := make([]string, len(m.teams.list))
	for i, a := range m.teams.list {
		note := l.T("teamtui.list.row", "Date", l.Date(a.CreatedAt), "Respondents", l.N("teamtui.list.respondents", len(a.Respondents)))
		if a.Consensus != "" {
			note += " · " + l.T("teamtui.list.settled")
		}
		rows[i] = m.row(i == m.teams.cursor, a.Client, note)
	}
	return append(lines, window(rows, m.teams.cursor, h-len(lines))...)
}

// openTeam shows a team audit's combined results, loaded in the background.
func (m *Model) openTeam(id string) tea.Cmd {
	if m.team.id != id {
		m.team = teamState{view: m.team.view}
	}
	m.team.id, m.team.loading = id, true
	m.show(scrTeam)
	return m.loadTeam(id)
}

// loadTeam reads a team audit, its respondents' sessions and its consensus,
// and combines them with the pack the results are worded with.
func (m Model) loadTeam(id string) tea.Cmd {
	r, sessions, lookup := m.teamRepo(), m.opts.Repo, m.packFor
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return teamMsg{id: id, err: fmt.Errorf("open team audit %s: %w", id, err)} }
		a, err := r.Team(id)
		if err != nil {
			return fail(err)
		}
		ss, err := r.TeamSessions(a)
		if err != nil {
			return fail(err)
		}
		msg := teamMsg{id: id, audit: a, sessions: ss}
		if a.Consensus != "" {
			// A consensus deleted since is settled afresh.
			if c, err := sessions.Get(a.Consensus); err == nil {
				msg.consensus = c
			}
		}
		if len(ss) == 0 {
			return msg
		}
		if msg.pack, err = team.Pack(a, ss, lookup); err != nil {
			return fail(err)
		}
		if bad := team.PackMismatch(msg.pack, a, ss); bad != "" {
			return fail(fmt.Errorf("%s", i18n.For(a.Lang).T("team.cmd.pack_mismatch", "Session", bad, "ID", a.ID)))
		}
		msg.res = team.Combine(msg.pack, a, ss)
		return msg
	}
}

func (m *Model) teamLoaded(msg teamMsg) {
	if msg.id != m.team.id {
		return // the user has moved on
	}
	m.team.loading = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.team.audit, m.team.pack, m.team.sessions = msg.audit, msg.pack, msg.sessions
	m.team.read = maps.Clone(msg.audit.Settled)
	m.team.res, m.team.consensus = msg.res, msg.consensus
	if m.screen == scrTeam {
		m.team.render(m)
	}
}

func (m *Model) teamKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Leave):
		return m.openTeams()
	case m.team.loading || m.team.audit == nil:
	case scroll(&m.team.view, k, msg):
	case key.Matches(msg, k.Settle):
		return m.startSettle()
	case key.Matches(msg, k.AnswerHere):
		return m.openRespondentForm()
	case key.Matches(msg, k.ShowResults):
		if m.team.consensus == nil {
			m.notice = m.loc().T("teamtui.team.no_consensus")
			return nil
		}
		return m.loadSession(m.team.consensus.ID)
	}
	return nil
}

// teamLoc is the language of the team screens: the audit's, as `team
// show` words it, when servicecheck speaks it.
func (m Model) teamLoc() *i18n.Locale {
	if a := m.team.audit; a != nil && i18n.Supported(a.Lang) {
		return i18n.For(a.Lang)
	}
	if a := m.team.audit; a != nil && a.Lang == i18n.Pseudo {
		return i18n.For(a.Lang)
	}
	return m.ui
}
