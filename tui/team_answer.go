package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// respondentForm is the form of a respondent who answers a team audit in
// this wizard (a on the team screen): their name and role. On confirm a
// session of their own is stored, linked to the audit, and opened at its
// first question, as a new session opens: the consultant hands the
// keyboard over.
type respondentForm struct {
	name     textinput.Model
	role     int  // index into team.Roles()
	onRole   bool // the role, not the name, has the focus
	creating bool
}

// typing reports whether keys go to the respondent's name.
func (f *respondentForm) typing() bool { return !f.onRole && !f.creating }

// openRespondentForm shows the form for the audit on show. The role
// offered first is owner until the audit has one, then staff: the owner
// usually answers first, the staff after.
func (m *Model) openRespondentForm() tea.Cmd {
	l := m.teamLoc()
	f := respondentForm{name: m.formInput(l.T("teamtui.answer.name_placeholder"))}
	f.role = roleIndex(team.Owner)
	for _, r := range m.team.audit.Respondents {
		if r.Role == team.Owner {
			f.role = roleIndex(team.Staff)
		}
	}
	m.team.answer = f
	m.show(scrTeamAnswer)
	return m.team.answer.name.Focus()
}

func roleIndex(r team.Role) int {
	for i, known := range team.Roles() {
		if known == r {
			return i
		}
	}
	return 0
}

func (m *Model) respondentKey(msg tea.KeyPressMsg) tea.Cmd {
	f, k, n := &m.team.answer, m.keys, len(team.Roles())
	if f.creating {
		return nil
	}
	switch {
	case key.Matches(msg, k.Leave):
		m.show(scrTeam)
		return nil
	case key.Matches(msg, k.FormNext):
		if strings.TrimSpace(f.name.Value()) == "" {
			f.onRole = false
			m.notice = m.teamLoc().T("teamtui.answer.name_empty")
			return f.name.Focus()
		}
		if !f.onRole {
			f.onRole = true
			f.name.Blur()
			return nil
		}
		return m.answerHere()
	case key.Matches(msg, k.FormTab, k.FormPrev):
		f.onRole = !f.onRole
		if f.onRole {
			f.name.Blur()
			return nil
		}
		return f.name.Focus()
	case f.onRole && (key.Matches(msg, k.Up) || msg.String() == "left"):
		f.role = (f.role + n - 1) % n
		return nil
	case f.onRole && (key.Matches(msg, k.Down) || msg.String() == "right"):
		f.role = (f.role + 1) % n
		return nil
	case f.onRole:
		return nil
	}
	var cmd tea.Cmd
	f.name, cmd = f.name.Update(msg)
	return cmd
}

// updateRespondentInput passes a message other than a key (a paste) to
// the respondent's name.
func (m *Model) updateRespondentInput(msg tea.Msg) tea.Cmd {
	if !m.team.answer.typing() {
		return nil
	}
	if paste, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: strings.Join(strings.Fields(paste.Content), " ")}
	}
	var cmd tea.Cmd
	m.team.answer.name, cmd = m.team.answer.name.Update(msg)
	return cmd
}

// answerHere stores the respondent's session for the audit's client, with
// the respondent as its assessor, links it to the audit and opens it:
// createSessionWith, as the new-session form does, so that the session
// opens and saves as every other.
func (m *Model) answerHere() tea.Cmd {
	f, a, tr := &m.team.answer, m.team.audit, m.teamRepo()
	f.creating = true
	who := team.Respondent{Name: strings.TrimSpace(f.name.Value()), Role: team.Roles()[f.role]}
	v := setupValues{Client: a.Client, Assessor: who.Name, Date: checklist.AuditDateOf(m.now())}
	id := a.ID
	return m.createSessionWith(v, m.respondentPack(), func(s *checklist.Session) error {
		who.SessionID = s.ID
		if _, err := tr.AddRespondent(id, who); err != nil {
			return fmt.Errorf("add respondent to team audit %s: %w", id, err)
		}
		return nil
	})
}

// respondentPack is the pack a respondent of the audit on show answers
// with: the one its answers are combined with (teamPack: already in the
// audit's language when the pack exists in it), else the wizard's, in the
// audit's language when the built-in pack speaks it, as serve --team
// chooses. The same pack and version keep the answers combinable.
func (m Model) respondentPack() *checklist.Pack {
	if m.team.pack != nil {
		return m.team.pack
	}
	p := m.newPack()
	if p.Lang == m.team.audit.Lang {
		return p
	}
	if in, err := content.ForLang(m.team.audit.Lang); err == nil && in.ID == p.ID && in.Version == p.Version {
		return in
	}
	return p
}

func (m Model) respondentView(w, h int) []string {
	l, f, a := m.teamLoc(), m.team.answer, m.team.audit
	lines := []string{m.st.title.Render(l.T("teamtui.answer.title")), ""}
	if a == nil {
		return lines
	}
	fields := []string{m.st.heading.Render(l.T("teamtui.answer.name")), f.name.View(),
		"", m.st.heading.Render(l.T("teamtui.answer.role"))}
	labels := make([]string, len(team.Roles()))
	for i, r := range team.Roles() {
		labels[i] = teamtext.RoleWord(l, r)
	}
	fields = append(fields, m.radioLines(labels, f.role, f.onRole)...)
	if f.creating {
		fields = append(fields, "", m.st.muted.Render(l.T("teamtui.answer.creating")))
	}
	for _, n := range namings {
		if n.n == a.Naming {
			fields = append(fields, "")
			fields = append(fields, styleLines(m.st.muted, wrap(l.T("teamtui.answer.shown", "Naming", l.T(n.id)), w))...)
		}
	}
	// What happens next is said when there is room; the fields come first.
	about := styleLines(m.st.muted, wrap(l.T("teamtui.answer.about", "Client", a.Client), w))
	if len(lines)+len(about)+1+len(fields) <= h {
		lines = append(append(lines, about...), "")
	}
	return append(lines, fields...)
}
