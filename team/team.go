// Package team is the model of a team audit — one audit of a client
// answered by several respondents, each in a session of their own — and the
// combined results of their answers: per question and per area the mean,
// the range, the spread and the count, with the questions they disagree on
// listed first. Every function is pure; storing audits is the store's job
// and wording them the presentation's.
package team

import (
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// Role is what a respondent does in the client's business. It decides
// whether they are shown by name by default (see Respondent.Shown).
type Role string

// The roles a respondent may have.
const (
	Owner   Role = "owner"
	Manager Role = "manager"
	Staff   Role = "staff"
)

// Roles lists the roles in the order they are offered.
func Roles() []Role { return []Role{Owner, Manager, Staff} }

// ParseRole reads a role as a user types it ("Staff", " owner "); ok is
// false for anything that is not a role.
func ParseRole(s string) (Role, bool) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Roles() {
		if r == known {
			return r, true
		}
	}
	return "", false
}

// Naming says how respondents appear in the combined results.
type Naming string

// The ways of naming respondents.
const (
	// NamingDefault shows owners and managers by name and staff
	// anonymously: staff answer more frankly when their employer cannot
	// tell who said what.
	NamingDefault Naming = ""
	// NamingAll shows everyone by name.
	NamingAll Naming = "names"
	// NamingNone shows nobody by name.
	NamingNone Naming = "anonymous"
)

// Audit is one team audit: a client, the respondents and how to show them.
type Audit struct {
	ID        string    `json:"id"`
	Client    string    `json:"client"`
	CreatedAt time.Time `json:"created_at"`
	// Lang is the language the audit's combined results are shown in.
	Lang        string       `json:"lang"`
	Naming      Naming       `json:"naming,omitempty"`
	Respondents []Respondent `json:"respondents"`
	// Consensus is the id of the session holding the audit's result, the
	// answers the team settled on (see Consensus); empty until settled.
	// It is a session like any other: scored, compared and reported.
	Consensus string `json:"consensus,omitempty"`
	// Settled holds the consultant's decisions so far, by question id,
	// each stored as it is made (store.Store.SetSettled), so that a
	// decision outlives the program that took it. They are kept once the
	// consensus is stored: settling again starts from them. A decision
	// with a note but no value is a note waiting for its answer: the
	// question stays open (see Open).
	Settled map[string]Settled `json:"settled,omitempty"`
}

// Respondent is one person answering for the client, in a session of their
// own. SessionID is empty until they have one.
type Respondent struct {
	Name      string `json:"name"`
	Role      Role   `json:"role"`
	SessionID string `json:"session_id,omitempty"`
}

// Shown reports whether r appears by name under naming n.
func (r Respondent) Shown(n Naming) bool {
	switch n {
	case NamingAll:
		return true
	case NamingNone:
		return false
	}
	return r.Role != Staff
}

// Sessions lists the ids of the respondents' sessions, in order, leaving
// out respondents with none.
func (a *Audit) Sessions() []string {
	var ids []string
	for _, r := range a.Respondents {
		if r.SessionID != "" {
			ids = append(ids, r.SessionID)
		}
	}
	return ids
}

// Pack returns the content pack a's combined results are worded with:
// the pack of the first of its respondents' sessions found in sessions,
// in the audit's language when that pack (same id and version) exists in
// it, else as that session was answered. lookup finds a pack by
// reference; with no session found, it is asked for the zero reference.
func Pack(a *Audit, sessions map[string]*checklist.Session, lookup func(checklist.Ref) (*checklist.Pack, error)) (*checklist.Pack, error) {
	var ref checklist.Ref
	for _, id := range a.Sessions() {
		if s, ok := sessions[id]; ok {
			ref = s.Pack
			break
		}
	}
	in := ref
	in.Lang = a.Lang
	if p, err := lookup(in); err == nil && p.ID == ref.ID && p.Version == ref.Version && p.Lang == a.Lang {
		return p, nil
	}
	return lookup(ref)
}
