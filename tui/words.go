package tui

import (
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// words speaks the open session's language (its pack's), or the user's
// when no session is open: a session renders in the language it was
// answered in. It agrees with loc, the catalogue of the wizard's own
// words.
func (m Model) words() results.Words {
	if m.pack != nil {
		return results.In(present.Locale(m.pack, m.ui).Lang())
	}
	return m.userWords()
}

// userWords speaks the language of what belongs to no session (home, the
// list of clients, a client's history): the user's (Options.Lang).
func (m Model) userWords() results.Words {
	return results.In(m.ui.Lang())
}
