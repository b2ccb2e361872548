package tui

import "github.com/servicecheck/servicecheck/results"

// words speaks the open session's language (its pack's), or the wizard's
// when no session is open: a session renders in the language it was
// answered in.
func (m Model) words() results.Words {
	if m.pack != nil {
		return results.In(m.pack.Lang)
	}
	return m.userWords()
}

// userWords speaks the language of what belongs to no session (home, the
// list of clients, a client's history): the language the wizard was
// started with, which is its pack's.
func (m Model) userWords() results.Words {
	if m.opts.Pack != nil {
		return results.In(m.opts.Pack.Lang)
	}
	return results.In(m.opts.PackLang)
}
