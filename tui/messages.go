package tui

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// Messages are plain types; each carries what one tea.Cmd found out.

// homeLoadedMsg brings the known clients and the unfinished sessions.
type homeLoadedMsg struct {
	clients    []string
	unfinished []store.Summary
	assessors  map[string]string
	err        error
}

// sessionMsg brings a session that was created or loaded, with its pack.
type sessionMsg struct {
	sess *checklist.Session
	pack *checklist.Pack
	err  error
}

// previousMsg brings the client's last completed session before the open
// one, or nil when there is none.
type previousMsg struct {
	forID string
	sess  *checklist.Session
	pack  *checklist.Pack
	err   error
}

// planLoadedMsg brings the client's earlier session whose plan has goals,
// or nil when there is none, for the plan of the session forID.
type planLoadedMsg struct {
	forID string
	prev  *checklist.Session
	err   error
}

// historyMsg brings a client's sessions, newest first.
type historyMsg struct {
	client string
	list   []store.Summary
	err    error
}

// compareMsg brings two sessions to compare, a the earlier one.
type compareMsg struct {
	a, b         *checklist.Session
	packA, packB *checklist.Pack
	err          error
}

// savedMsg says how many queued writes went through, and why the next did
// not.
type savedMsg struct {
	n   int
	err error
	// revs are the sessions' revisions after the writes.
	revs map[string]store.Rev
	// moved reports a write that found the session changed elsewhere;
	// fresh is the session as then stored (also after a conflict).
	moved bool
	fresh *checklist.Session
}

// retrySaveMsg says it is time to try a failed write again.
type retrySaveMsg struct{}

// savedAsNewMsg says whether the answers of a session deleted elsewhere
// (from) were saved as the new session sess.
type savedAsNewMsg struct {
	from string
	sess *checklist.Session
	pack *checklist.Pack
	err  error
}
