package tui

import (
	"fmt"

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
// Its choice indexes team.Roles().
type respondentForm struct{ nameForm }

// openRespondentForm shows the form for the audit on show. The role
// offered first is owner until the audit has one, then staff: the owner
// usually answers first, the staff after.
func (m *Model) openRespondentForm() tea.Cmd {
	l := m.teamLoc()
	f := respondentForm{nameForm{name: m.formInput(l.T("teamtui.answer.name_placeholder"))}}
	f.choice = roleIndex(team.Owner)
	for _, r := range m.team.audit.Respondents {
		if r.Role == team.Owner {
			f.choice = roleIndex(team.Staff)
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
	act, cmd := m.team.answer.key(msg, m.keys, len(team.Roles()))
	switch act {
	case formLeave:
		m.show(scrTeam)
	case formNoName:
		m.notice = m.teamLoc().T("teamtui.answer.name_empty")
	case formSubmit:
		return m.answerHere()
	}
	return cmd
}

// updateRespondentInput passes a message other than a key (a paste) to
// the respondent's name.
func (m *Model) updateRespondentInput(msg tea.Msg) tea.Cmd { return m.team.answer.input(msg) }

// answerHere stores the respondent's session for the audit's client, with
// the respondent as its assessor, links it to the audit and opens it:
// createSessionWith, as the new-session form does, so that the session
// opens and saves as every other.
func (m *Model) answerHere() tea.Cmd {
	f, a, tr := &m.team.answer, m.team.audit, m.teamRepo()
	f.creating = true
	who := team.Respondent{Name: f.value(), Role: team.Roles()[f.choice]}
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
	fields = append(fields, m.radioLines(labels, f.choice, f.onChoice)...)
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
