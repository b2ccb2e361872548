package serve

import (
	"fmt"
	"slices"
	"sync"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
)

// repo is the wizard's Repo for one SSH respondent, over the server's one
// open store: every call is one transaction on the file the server holds,
// so each answer is committed as it is given, as in the local wizard. A
// respondent sees and changes only the sessions they created in this
// connection (or were given to resume): the home and history screens list
// nobody else's, and the client list holds only the audit's client.
type repo struct {
	st     *store.Store
	client string
	// created runs after a session is stored (to link it to a team
	// audit); changed after each change is committed.
	created func(*checklist.Session) error
	changed func(id string, c store.Change)

	mu  sync.Mutex
	own []string
}

var _ tui.Repo = (*repo)(nil)

func (r *repo) mine(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Contains(r.own, id)
}

func (r *repo) adopt(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Contains(r.own, id) {
		r.own = append(r.own, id)
	}
}

func notMine(id string) error {
	return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
}

// Create stores a new session for the served client.
func (r *repo) Create(s *checklist.Session) error {
	s.Client = r.client
	if err := r.st.Create(s); err != nil {
		return err
	}
	r.adopt(s.ID)
	if r.created != nil {
		return r.created(s)
	}
	return nil
}

// Apply commits one change to one of the respondent's sessions.
func (r *repo) Apply(id string, c store.Change) (store.Applied, error) {
	if !r.mine(id) {
		return store.Applied{}, notMine(id)
	}
	out, err := r.st.Apply(id, c)
	if err == nil && r.changed != nil {
		r.changed(id, c)
	}
	return out, err
}

// Get loads one of the respondent's sessions.
func (r *repo) Get(id string) (*checklist.Session, error) {
	s, _, err := r.GetRev(id)
	return s, err
}

// GetRev loads one of the respondent's sessions with its revision. Ids
// are matched exactly: a prefix could name someone else's session.
func (r *repo) GetRev(id string) (*checklist.Session, store.Rev, error) {
	if !r.mine(id) {
		return nil, 0, notMine(id)
	}
	return r.st.GetRev(id)
}

// List lists the respondent's own sessions.
func (r *repo) List(f store.Filter) ([]store.Summary, error) {
	limit := f.Limit
	f.Client, f.Limit = r.client, 0
	all, err := r.st.List(f)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, s := range all {
		if r.mine(s.ID) && (limit == 0 || len(out) < limit) {
			out = append(out, s)
		}
	}
	return out, nil
}

// Clients returns the served client alone.
func (r *repo) Clients() ([]string, error) { return []string{r.client}, nil }
