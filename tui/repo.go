package tui

import (
	"errors"
	"fmt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// Repo is what the wizard needs from storage. Every call stands alone, so an
// implementation may open and close its file around each one.
type Repo interface {
	Create(*checklist.Session) error
	Record(id, qid string, a checklist.Answer, cursor string) error
	SetCursor(id, cursor string) error
	SetPlan(id string, plan checklist.Plan) error
	Complete(id string) error
	Get(id string) (*checklist.Session, error)
	List(store.Filter) ([]store.Summary, error)
	Clients() ([]string, error)
}

// StoreRepo is the Repo over a bbolt data file. Each method is one store.Do
// call, so the file is held only for that call: `servicecheck list` works in
// another terminal while the wizard waits for the next answer.
type StoreRepo struct {
	Path string
	Opts store.Options
}

var _ Repo = StoreRepo{}

// Create stores a new session and fills in its id and times.
func (r StoreRepo) Create(s *checklist.Session) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.Create(s) })
}

// Record stores one answer and the question the user is now on.
func (r StoreRepo) Record(id, qid string, a checklist.Answer, cursor string) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.Record(id, qid, a, cursor) })
}

// SetCursor stores the question the user is on.
func (r StoreRepo) SetCursor(id, cursor string) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.SetCursor(id, cursor) })
}

// SetPlan stores a session's plan, replacing the one before.
func (r StoreRepo) SetPlan(id string, plan checklist.Plan) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.SetPlan(id, plan) })
}

// Complete marks a session completed.
func (r StoreRepo) Complete(id string) error {
	return store.Do(r.Path, r.Opts, func(st *store.Store) error { return st.Complete(id) })
}

// Get loads one session by id or unique id prefix.
func (r StoreRepo) Get(id string) (*checklist.Session, error) {
	var s *checklist.Session
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		s, err = st.Get(id)
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		// No data file yet means no session either.
		return nil, fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	return s, err
}

// List returns session summaries, newest first.
func (r StoreRepo) List(f store.Filter) ([]store.Summary, error) {
	var out []store.Summary
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		out, err = st.List(f)
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		return nil, nil // nothing saved yet
	}
	return out, err
}

// Clients returns the distinct client names, sorted.
func (r StoreRepo) Clients() ([]string, error) {
	var out []string
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		out, err = st.Clients()
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		return nil, nil // nothing saved yet
	}
	return out, err
}

// readOpts are the options for reads: a shared lock, so that reading never
// blocks another servicecheck that only reads either.
func (r StoreRepo) readOpts() store.Options {
	o := r.Opts
	o.ReadOnly = true
	return o
}
