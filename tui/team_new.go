package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/team"
)

// teamForm is the form of a new team audit: the client's name and how the
// respondents are shown (its choice indexes namings). The audit's
// language is the user's.
type teamForm struct{ nameForm }

// namings are the ways of naming respondents, in the order offered, each
// with the message id of its words.
var namings = []struct {
	n  team.Naming
	id string
}{
	{team.NamingDefault, "teamtui.new.naming_default"},
	{team.NamingAll, "teamtui.new.naming_names"},
	{team.NamingNone, "teamtui.new.naming_anonymous"},
}

// teamCreatedMsg brings a team audit just stored.
type teamCreatedMsg struct {
	audit *team.Audit
	err   error
}

func (m *Model) newTeamForm() tea.Cmd {
	m.teams.form = teamForm{nameForm{name: m.formInput(m.ui.T("tui.setup.client_placeholder"))}}
	m.show(scrTeamNew)
	return m.teams.form.name.Focus()
}

// formInput is the one-line text field of the team forms.
func (m *Model) formInput(placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = "│ "
	ti.CharLimit = 120
	ti.Placeholder = placeholder
	ti.SetStyles(planInputStyles(m.st.isDark))
	ti.SetWidth(max(10, min(m.width-6, 60)))
	return ti
}

// radioLines draws the choices of a team form, one a line, the chosen one
// marked, and highlighted when the choices have the focus.
func (m Model) radioLines(labels []string, chosen int, focused bool) []string {
	lines := make([]string, len(labels))
	for i, label := range labels {
		mark := "( )"
		if i == chosen {
			mark = m.st.chosen.Render("(•)")
		}
		if focused && i == chosen {
			lines[i] = m.st.cursor.Render("› ") + mark + " " + m.st.selected.Render(label)
		} else {
			lines[i] = "  " + mark + " " + m.st.text.Render(label)
		}
	}
	return lines
}

func (m *Model) teamNewKey(msg tea.KeyPressMsg) tea.Cmd {
	act, cmd := m.teams.form.key(msg, m.keys, len(namings))
	switch act {
	case formLeave:
		m.show(scrTeams)
	case formNoName:
		m.notice = m.ui.T("tui.setup.client_empty")
	case formSubmit:
		return m.createTeam()
	}
	return cmd
}

// updateTeamInput passes a message other than a key (a paste) to the
// client's name.
func (m *Model) updateTeamInput(msg tea.Msg) tea.Cmd { return m.teams.form.input(msg) }

// createTeam stores the new audit in the user's language.
func (m *Model) createTeam() tea.Cmd {
	f := &m.teams.form
	f.creating = true
	a := &team.Audit{Client: f.value(), Lang: m.ui.Lang(), Naming: namings[f.choice].n}
	r := m.teamRepo()
	return func() tea.Msg {
		if err := r.CreateTeam(a); err != nil {
			return teamCreatedMsg{err: fmt.Errorf("create team audit: %w", err)}
		}
		return teamCreatedMsg{audit: a}
	}
}

func (m *Model) teamCreated(msg teamCreatedMsg) tea.Cmd {
	m.teams.form.creating = false
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	m.notice = m.ui.T("teamtui.new.created", "ID", msg.audit.ID)
	return m.openTeam(msg.audit.ID)
}

func (m Model) teamNewView(w, h int) []string {
	l, f := m.ui, m.teams.form
	lines := []string{m.st.title.Render(l.T("teamtui.new.title")), ""}
	for _, s := range wrap(l.T("teamtui.new.about"), w) {
		lines = append(lines, m.st.muted.Render(s))
	}
	lines = append(lines, "", m.st.heading.Render(l.T("tui.setup.client")), f.name.View())
	if len(m.home.clients) > 0 {
		lines = append(lines, m.st.muted.Render(ansi.Truncate(l.T("tui.setup.known", "Names", strings.Join(m.home.clients, ", ")), w, "…")))
	}
	lines = append(lines, "", m.st.heading.Render(l.T("teamtui.new.naming")))
	labels := make([]string, len(namings))
	for i, n := range namings {
		labels[i] = l.T(n.id)
	}
	lines = append(lines, m.radioLines(labels, f.choice, f.onChoice)...)
	if f.creating {
		lines = append(lines, "", m.st.muted.Render(l.T("teamtui.new.creating")))
	}
	return lines
}
