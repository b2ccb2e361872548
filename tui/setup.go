package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/servicecheck/servicecheck/checklist"
)

// setupState is the new-session form. The values live behind pointers so
// that the form, which keeps them, and the copies of Model agree.
type setupState struct {
	form     *huh.Form
	client   *string
	assessor *string
	input    *huh.Input
	clients  []string
	creating bool
}

func newSetup(client, assessor string, clients []string) setupState {
	s := setupState{client: &client, assessor: &assessor, clients: clients}
	s.input = huh.NewInput().Key("client").
		Title("Client").
		Description("Who is this audit for?").
		Placeholder("company or team name").
		CharLimit(120).
		Suggestions(clients).
		Validate(func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("enter the client's name")
			}
			return nil
		}).
		Value(s.client)
	s.form = huh.NewForm(huh.NewGroup(
		s.input,
		huh.NewInput().Key("assessor").
			Title("Assessor").
			Description("Who runs the audit? (optional)").
			CharLimit(120).
			Value(s.assessor),
	)).WithShowHelp(false).WithTheme(huh.ThemeFunc(huh.ThemeCharm)).WithWidth(72)
	return s
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
	switch m.setup.form.State {
	case huh.StateCompleted:
		if m.setup.creating {
			return cmd
		}
		m.setup.creating = true
		return tea.Batch(cmd, m.createSession(strings.TrimSpace(*m.setup.client), strings.TrimSpace(*m.setup.assessor)))
	case huh.StateAborted:
		return m.goHome()
	}
	return cmd
}

func (m *Model) setupKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Home) {
		m.setup = setupState{}
		return m.goHome()
	}
	return m.updateForm(msg)
}

// createSession stores a new session for the client with the default pack.
func (m Model) createSession(client, assessor string) tea.Cmd {
	r, p := m.opts.Repo, m.opts.Pack
	return func() tea.Msg {
		// The store fills in the id, the times and the status.
		s := &checklist.Session{Client: client, Assessor: assessor, Pack: p.Ref(),
			Answers: map[string]checklist.Answer{}}
		if err := r.Create(s); err != nil {
			return sessionMsg{err: fmt.Errorf("create session: %w", err)}
		}
		return sessionMsg{sess: s, pack: p}
	}
}

func (m Model) setupView(w, h int) []string {
	lines := []string{m.st.title.Render("Start a new session"), ""}
	if m.setup.form == nil {
		return lines
	}
	if m.setup.creating {
		return append(lines, m.st.muted.Render("Creating the session…"))
	}
	lines = append(lines, strings.Split(strings.TrimRight(m.setup.form.View(), "\n"), "\n")...)
	if len(m.setup.clients) > 0 {
		lines = append(lines, "", m.st.muted.Render("Known clients: "+strings.Join(m.setup.clients, ", ")))
	}
	return lines
}
