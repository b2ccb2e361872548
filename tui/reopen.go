package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// askState is a yes-or-no question on the status line (reopen a completed
// session, discard an empty one): y or enter answers yes, any other key
// no. While it is open no other key acts.
type askState struct {
	question, keys string
	yes            func(*Model) tea.Cmd
}

var askYes = key.NewBinding(key.WithKeys("y", "Y", "enter"))

// askKey answers the open question with msg.
func (m *Model) askKey(msg tea.KeyPressMsg) tea.Cmd {
	a := m.ask
	m.ask = nil
	if key.Matches(msg, askYes) {
		return a.yes(m)
	}
	return nil
}

// editSession goes over the session's answers from the results: an
// unfinished one where it was left, a completed one from the start, once
// the user has agreed to reopen it. Completed means closed: every change
// after that is kept in the session's edit log (store.Change.ApplyTo).
func (m *Model) editSession() tea.Cmd {
	if m.sess.Status != checklist.Completed {
		m.goTo(m.q.idx)
		m.show(scrQuestion)
		return nil
	}
	l := m.loc()
	m.ask = &askState{question: l.T("session.reopen.ask"), keys: l.T("session.reopen.keys"),
		yes: func(m *Model) tea.Cmd {
			m.sess.ReopenedAt = m.now()
			m.queue(store.Change{Reopen: true})
			m.goTo(0)
			m.show(scrQuestion)
			return m.flush()
		}}
	return nil
}

// editedLine is "edited after completion on 5 mar 2026" for the session on
// show, in its language.
func (m Model) editedLine() string {
	at, _ := m.sess.EditedAfterCompletion()
	return m.loc().T("session.edited_after", "Date", m.loc().Date(at))
}

// logLocal mirrors in the session on show the edit-log entry the store
// writes for change c, so that the results say "edited after completion"
// without reading the session again.
func (m *Model) logLocal(c store.Change) {
	if m.sess == nil || m.sess.Status != checklist.Completed || !(c.SetValue || c.SetNote) {
		return
	}
	e := checklist.Edit{QID: c.QID, At: m.now()}
	a := m.sess.Answers[c.QID]
	e.OldValue, e.Value, e.OldNote, e.Note = a.Value, a.Value, a.Note, a.Note
	if c.SetValue {
		e.OldValue, e.Value = c.OldValue, c.Value
	}
	if c.SetNote {
		e.OldNote, e.Note = c.OldNote, c.Note
	}
	if e.OldValue == e.Value && e.OldNote == e.Note {
		return
	}
	m.sess.Edits = append(m.sess.Edits, e)
}
