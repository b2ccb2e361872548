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
	// Apply writes one change the user made; see store.Store.Apply.
	Apply(id string, c store.Change) (store.Applied, error)
	Get(id string) (*checklist.Session, error)
	// GetRev is Get with the session's revision, for a session the
	// wizard opens to change.
	GetRev(id string) (*checklist.Session, store.Rev, error)
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

// Apply writes one change to a session in one transaction.
func (r StoreRepo) Apply(id string, c store.Change) (store.Applied, error) {
	var out store.Applied
	err := store.Do(r.Path, r.Opts, func(st *store.Store) error {
		var err error
		out, err = st.Apply(id, c)
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		// The data file itself was removed: the session is gone.
		return out, fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	return out, err
}

// GetRev loads one session by id or unique id prefix with its revision.
func (r StoreRepo) GetRev(id string) (*checklist.Session, store.Rev, error) {
	var s *checklist.Session
	var rev store.Rev
	err := store.Do(r.Path, r.readOpts(), func(st *store.Store) error {
		var err error
		s, rev, err = st.GetRev(id)
		return err
	})
	if errors.Is(err, store.ErrNoFile) {
		return nil, 0, fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	return s, rev, err
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
