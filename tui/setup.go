package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
)

// setupState is the new-session form. The values live behind pointers so
// that the form, which keeps them, and the copies of Model agree.
type setupState struct {
	form     *huh.Form
	client   *string
	assessor *string
	// date, site, participants and notes are the session's details
	// (setup_details.go).
	date, site, participants, notes *string
	input, assessorInput            *huh.Input
	clients                         []string
	// assessors maps a client key to the assessor of its newest session,
	// to fill in an empty assessor.
	assessors map[string]string
	creating  bool
	// typedAhead holds keys pressed while the session was being created.
	typedAhead []tea.KeyPressMsg
}

// newSetup builds the form in l, the user's language: no session, and so no
// pack's language, exists yet.
func newSetup(l *i18n.Locale, v setupValues, clients []string) setupState {
	client, assessor := v.Client, v.Assessor
	s := setupState{client: &client, assessor: &assessor, clients: clients}
	s.input = huh.NewInput().Key("client").
		Title(l.T("tui.setup.client")).
		Description(l.T("tui.setup.client_help")).
		Placeholder(l.T("tui.setup.client_placeholder")).
		CharLimit(120).
		Suggestions(clients).
		Validate(func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New(l.T("tui.setup.client_empty"))
			}
			return nil
		}).
		Value(s.client)
	s.assessorInput = s.newAssessorInput(l)
	s.form = huh.NewForm(huh.NewGroup(
		s.input,
		s.assessorInput,
	), huh.NewGroup(s.detailFields(l, v)...)).WithShowHelp(false).WithTheme(huh.ThemeFunc(huh.ThemeCharm)).WithWidth(72)
	return s
}

func (s *setupState) newAssessorInput(l *i18n.Locale) *huh.Input {
	return huh.NewInput().Key("assessor").
		Title(l.T("tui.setup.assessor")).
		Description(l.T("tui.setup.assessor_help")).
		CharLimit(120).
		Value(s.assessor)
}

// setClients offers the known client names once they are loaded.
func (s *setupState) setClients(clients []string) {
	s.clients = clients
	s.input.Suggestions(clients)
}

// updateForm passes a message to the form and starts the session once the
// form is complete.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	if m.setup.form == nil {
		return nil
	}
	fm, cmd := m.setup.form.Update(msg)
	if f, ok := fm.(*huh.Form); ok {
		m.setup.form = f
	}
	return m.formState(cmd)
}

// formState starts the session once the form is complete, and goes home
// if it was aborted; cmd is what the form asked for last.
func (m *Model) formState(cmd tea.Cmd) tea.Cmd {
	switch m.setup.form.State {
	case huh.StateCompleted:
		if m.setup.creating {
			return cmd
		}
		m.setup.creating = true
		return tea.Batch(cmd, m.createSession(m.setup.values()))
	case huh.StateAborted:
		return m.goHome()
	}
	return cmd
}

func (m *Model) setupKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.setup.creating {
		// Typed ahead while the session is being created: kept for the
		// first question.
		if len(m.setup.typedAhead) < 64 {
			m.setup.typedAhead = append(m.setup.typedAhead, msg)
		}
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Home):
		m.setup = setupState{}
		return m.goHome()
	case key.Matches(msg, m.keys.FormNext, m.keys.FormTab):
		return m.formNext(msg)
	case key.Matches(msg, m.keys.FormPrev):
		return m.setup.form.PrevField()
	}
	return m.updateForm(msg)
}

// formNext moves to the next field, or submits, at once. Huh moves through
// a command, so keys typed quickly after enter would still land in the
// field being left; here the move happens before the next key is read.
func (m *Model) formNext(msg tea.KeyPressMsg) tea.Cmd {
	field := m.setup.form.GetFocusedField()
	// The key validates the field; the move it asks for is done below.
	fm, _ := m.setup.form.Update(msg)
	if f, ok := fm.(*huh.Form); ok {
		m.setup.form = f
	}
	if field.Error() != nil {
		return nil
	}
	if field.GetKey() == "client" {
		m.setup.fillAssessor()
	}
	// Enter on the assessor starts the session, the details left as they
	// are (today's date); tab goes on to the details' page.
	switch field.GetKey() {
	case "client":
		return m.setup.form.NextField()
	case "assessor":
		if key.Matches(msg, m.keys.FormTab) {
			return m.setup.form.NextGroup()
		}
		return m.startSession()
	case lastSetupField:
	default:
		return m.setup.form.NextField()
	}
	return m.formState(m.setup.form.NextGroup())
}

// startSession creates the session with what the form holds, once.
func (m *Model) startSession() tea.Cmd {
	if m.setup.creating {
		return nil
	}
	m.setup.creating = true
	return m.createSession(m.setup.values())
}

// createSession stores a new session for the client with the default pack.
func (m Model) createSession(v setupValues) tea.Cmd {
	return m.createSessionWith(v, m.newPack(), nil)
}

// createSessionWith stores a new session answered with p and, when then
// is not nil, runs then on it once stored (a respondent's session is
// linked to its team audit there); sessionLoaded then opens it at its
// first question, as any new session. When then fails the session is
// discarded, if the Repo can, so that no stray empty session is left.
func (m Model) createSessionWith(v setupValues, p *checklist.Pack, then func(*checklist.Session) error) tea.Cmd {
	r := m.opts.Repo
	return func() tea.Msg {
		// The store fills in the id, the times and the status.
		s := &checklist.Session{Client: v.Client, Assessor: v.Assessor, Pack: p.Ref(),
			Answers: map[string]checklist.Answer{}}
		v.apply(s)
		if err := r.Create(s); err != nil {
			return sessionMsg{err: fmt.Errorf("create session: %w", err)}
		}
		if then != nil {
			if err := then(s); err != nil {
				if d, ok := r.(Discarder); ok {
					_ = d.Discard(s.ID) // the error said is then's
				}
				return sessionMsg{err: err}
			}
		}
		return sessionMsg{sess: s, pack: p}
	}
}

func (m Model) setupView(w, h int) []string {
	l := m.ui
	lines := []string{m.st.title.Render(l.T("tui.setup.title")), ""}
	if m.setup.form == nil {
		return lines
	}
	if m.setup.creating {
		return append(lines, m.st.muted.Render(l.T("tui.setup.creating")))
	}
	lines = append(lines, strings.Split(strings.TrimRight(m.setup.form.View(), "\n"), "\n")...)
	if len(m.setup.clients) > 0 {
		lines = append(lines, "", m.st.muted.Render(l.T("tui.setup.known", "Names", strings.Join(m.setup.clients, ", "))))
	}
	return lines
}
