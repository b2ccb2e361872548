package tui

import (
	"errors"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
)

// TeamRepo is what the team screens need from storage besides Repo. A Repo
// without it shows no team audits: the SSH server's respondents must not
// see each other's answers, so its Repo leaves it out.
type TeamRepo interface {
	// Teams lists every team audit, newest first.
	Teams() ([]*team.Audit, error)
	Team(id string) (*team.Audit, error)
	// TeamSessions returns the respondents' stored sessions by id.
	TeamSessions(*team.Audit) (map[string]*checklist.Session, error)
	CreateTeam(*team.Audit) error
	// AddRespondent links a stored session to an audit as r's answers;
	// see store.Store.AddRespondent.
	AddRespondent(auditID string, r team.Respondent) (added bool, err error)
	// SaveConsensus stores the answers the team settled on as the audit's
	// result; see store.Store.SaveConsensus.
	SaveConsensus(auditID string, base *checklist.Session, answers map[string]checklist.Answer) (*checklist.Session, error)
	// SetSettledFrom stores the consultant's decision on one question of
	// an audit, nil removing it, unless the stored one is no longer from
	// (ErrConflict); see store.Store.SetSettledFrom.
	SetSettledFrom(auditID, qid string, from, d *team.Settled) error
}

var _ TeamRepo = StoreRepo{}

// Teams lists the data file's team audits, newest first.
func (r StoreRepo) Teams() ([]*team.Audit, error) {
	var out []*team.Audit
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		out, err = st.Teams()
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		return nil, nil // nothing saved yet
	}
	return out, err
}

// Team loads one team audit by id or unique id prefix.
func (r StoreRepo) Team(id string) (*team.Audit, error) {
	var a *team.Audit
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		a, err = st.Team(id)
		return err
	})
	return a, err
}

// TeamSessions loads the sessions of a's respondents.
func (r StoreRepo) TeamSessions(a *team.Audit) (map[string]*checklist.Session, error) {
	var out map[string]*checklist.Session
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		out, err = st.TeamSessions(a)
		return err
	})
	return out, err
}

// CreateTeam stores a new team audit and fills in its id.
func (r StoreRepo) CreateTeam(a *team.Audit) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.CreateTeam(a) })
}

// AddRespondent links the session r.SessionID to audit auditID in one
// transaction.
func (r StoreRepo) AddRespondent(auditID string, resp team.Respondent) (bool, error) {
	var added bool
	err := store.Do(r.Path, r.Opts, func(st *store.Store) error {
		var err error
		added, err = st.AddRespondent(auditID, resp)
		return err
	})
	return added, err
}

// SaveConsensus stores the consensus of audit auditID in one transaction.
func (r StoreRepo) SaveConsensus(auditID string, base *checklist.Session, answers map[string]checklist.Answer) (*checklist.Session, error) {
	var out *checklist.Session
	err := store.Do(r.Path, r.Opts, func(st *store.Store) error {
		var err error
		out, err = st.SaveConsensus(auditID, base, answers)
		return err
	})
	return out, err
}

// SetSettledFrom stores one decision of the consensus step in one
// transaction.
func (r StoreRepo) SetSettledFrom(auditID, qid string, from, d *team.Settled) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.SetSettledFrom(auditID, qid, from, d) })
}

// teamRepo returns the team side of the wizard's Repo, cleaned for the
// terminal as cleanRepo cleans sessions, or nil when the Repo has none.
func (m Model) teamRepo() TeamRepo {
	r := m.opts.Repo
	if c, ok := r.(cleanRepo); ok {
		r = c.Repo
	}
	if tr, ok := r.(TeamRepo); ok {
		return cleanTeams{tr}
	}
	return nil
}

// cleanTeams hands the team screens only text fit for a terminal.
type cleanTeams struct{ TeamRepo }

func (r cleanTeams) Teams() ([]*team.Audit, error) {
	list, err := r.TeamRepo.Teams()
	for _, a := range list {
		cleanAudit(a)
	}
	return list, err
}

func (r cleanTeams) Team(id string) (*team.Audit, error) {
	a, err := r.TeamRepo.Team(id)
	if a != nil {
		cleanAudit(a)
	}
	return a, err
}

func (r cleanTeams) TeamSessions(a *team.Audit) (map[string]*checklist.Session, error) {
	out, err := r.TeamRepo.TeamSessions(a)
	for _, s := range out {
		cleanSession(s)
	}
	return out, err
}

func (r cleanTeams) SaveConsensus(auditID string, base *checklist.Session, answers map[string]checklist.Answer) (*checklist.Session, error) {
	s, err := r.TeamRepo.SaveConsensus(auditID, base, answers)
	if s != nil {
		cleanSession(s)
	}
	return s, err
}

// cleanAudit removes control characters from the texts of a, in place.
func cleanAudit(a *team.Audit) {
	a.Client = termtext.Line(a.Client)
	for i := range a.Respondents {
		a.Respondents[i].Name = termtext.Line(a.Respondents[i].Name)
	}
	for id, d := range a.Settled {
		d.Note = termtext.Clean(d.Note)
		a.Settled[id] = d
	}
}
