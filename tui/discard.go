package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/store"
)

// Discarder is a Repo that can discard a session holding nothing
// (store.Store.Discard). The wizard offers d on an empty unfinished
// session only when its Repo is one.
type Discarder interface {
	Discard(id string) error
}

// Discard removes a session that holds nothing.
func (r StoreRepo) Discard(id string) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.Discard(id) })
}

// Discard passes on to the wrapped Repo, when it can.
func (r cleanRepo) Discard(id string) error {
	d, ok := r.Repo.(Discarder)
	if !ok {
		return fmt.Errorf("discard session %s: %w", id, store.ErrInvalid)
	}
	return d.Discard(id)
}

// discardMsg reports a discarded session.
type discardMsg struct{ err error }

// askDiscard offers to discard the unfinished session under the cursor of
// the resume list when it has no answer; the store checks again, so a
// session answered elsewhere meanwhile is kept.
func (m *Model) askDiscard(sum store.Summary) tea.Cmd {
	d, ok := m.opts.Repo.(Discarder)
	if !ok {
		return nil
	}
	l := m.ui
	if sum.Answered > 0 {
		m.notice = l.T("session.discard.has_answers")
		return nil
	}
	id := sum.ID
	m.ask = &askState{question: l.T("session.discard.ask"), keys: l.T("session.discard.keys"),
		yes: func(m *Model) tea.Cmd {
			return func() tea.Msg { return discardMsg{err: d.Discard(id)} }
		}}
	return nil
}

func (m *Model) discarded(msg discardMsg) tea.Cmd {
	if msg.err != nil {
		m.err = fmt.Errorf("discard session: %w", msg.err)
	}
	return m.loadHome()
}
