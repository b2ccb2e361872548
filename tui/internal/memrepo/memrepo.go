// Package memrepo is an in-memory stand-in for the store, for the wizard's
// tests: it keeps sessions in a map, behaves like the store contract (ids,
// times, newest first, case-insensitive clients) and can be told to fail.
package memrepo

import (
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// Repo is a concurrency-safe in-memory repository.
type Repo struct {
	mu       sync.Mutex
	sessions map[string]*checklist.Session
	seq      int
	now      func() time.Time
	// Summarize fills Summary.Total; nil leaves it empty.
	Summarize func(*checklist.Session) scoring.Total

	// revs counts each session's writes: its revision.
	revs map[string]store.Rev

	// failWrites makes the next n writes fail with failErr.
	failWrites int
	failErr    error
	// Calls counts write calls, failed ones included.
	Calls int
}

// New returns an empty Repo whose clock starts at now and moves one minute
// per write, so that ordering by time is deterministic.
func New(now time.Time) *Repo {
	t := now
	return &Repo{sessions: map[string]*checklist.Session{}, now: func() time.Time {
		t = t.Add(time.Minute)
		return t
	}}
}

// FailWrites makes the next n writes fail with err.
func (r *Repo) FailWrites(n int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failWrites, r.failErr = n, err
}

func (r *Repo) write() error {
	r.Calls++
	if r.failWrites > 0 {
		r.failWrites--
		return r.failErr
	}
	return nil
}

// Add stores a session as it is, for setting up a test.
func (r *Repo) Add(s *checklist.Session) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sessions[s.ID] = clone(s)
}

// Create stores a new session, assigning an id and times.
func (r *Repo) Create(s *checklist.Session) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return err
	}
	r.seq++
	if s.ID == "" {
		s.ID = fmt.Sprintf("s%04d", r.seq)
	}
	now := r.now()
	if s.CreatedAt.IsZero() {
		s.CreatedAt = now
	}
	s.UpdatedAt = now
	if s.Status == "" {
		s.Status = checklist.InProgress
	}
	if s.Answers == nil {
		s.Answers = map[string]checklist.Answer{}
	}
	r.sessions[s.ID] = clone(s)
	r.bump(s.ID)
	return nil
}

// Record stores one answer and the cursor.
func (r *Repo) Record(id, qid string, a checklist.Answer, cursor string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return err
	}
	s, ok := r.sessions[id]
	if !ok {
		return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	s.Answers[qid] = a
	r.bump(id)
	s.Cursor = cursor
	s.UpdatedAt = r.now()
	return nil
}

// SetCursor stores the cursor.
func (r *Repo) SetCursor(id, cursor string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return err
	}
	s, ok := r.sessions[id]
	if !ok {
		return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	s.Cursor = cursor
	r.bump(id)
	return nil
}

// SetPlan stores a session's plan.
func (r *Repo) SetPlan(id string, plan checklist.Plan) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return err
	}
	s, ok := r.sessions[id]
	if !ok {
		return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	s.Plan = clonePlan(plan)
	r.bump(id)
	s.UpdatedAt = r.now()
	return nil
}

// Complete marks a session completed.
func (r *Repo) Complete(id string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return err
	}
	s, ok := r.sessions[id]
	if !ok {
		return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	s.Status = checklist.Completed
	s.CompletedAt = r.now()
	s.UpdatedAt = s.CompletedAt
	r.bump(id)
	return nil
}

// Apply makes one change as the store does (store.Change.ApplyTo).
func (r *Repo) Apply(id string, c store.Change) (store.Applied, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.write(); err != nil {
		return store.Applied{}, err
	}
	s, ok := r.sessions[id]
	if !ok {
		return store.Applied{}, fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	moved := c.Base != 0 && c.Base != r.rev(id)
	next := clone(s)
	now := r.now()
	if c.At.After(now) {
		now = c.At // the test's clock for answers runs ahead of this one
	}
	// The store checks times against the clock; the tests' clocks may
	// lag the times in their fixtures, so the check uses the latest.
	check := now
	if real := time.Now(); real.After(check) {
		check = real
	}
	if err := c.ApplyTo(next, check); err != nil {
		return store.Applied{}, err
	}
	if c.Complete && s.Status != checklist.Completed {
		next.CompletedAt = now
	}
	next.UpdatedAt = now
	r.sessions[id] = next
	r.bump(id)
	return store.Applied{Rev: r.rev(id), Moved: moved}, nil
}

// GetRev returns a copy of a session with its revision.
func (r *Repo) GetRev(id string) (*checklist.Session, store.Rev, error) {
	s, err := r.Get(id)
	if err != nil {
		return nil, 0, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return s, r.rev(s.ID), nil
}

// Delete removes a session, as another servicecheck would.
func (r *Repo) Delete(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.sessions, id)
}

func (r *Repo) rev(id string) store.Rev { return r.revs[id] + 1 }

func (r *Repo) bump(id string) {
	if r.revs == nil {
		r.revs = map[string]store.Rev{}
	}
	r.revs[id]++
}

// Get returns a copy of a session by id or unique prefix.
func (r *Repo) Get(id string) (*checklist.Session, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.sessions[id]; ok {
		return clone(s), nil
	}
	var found *checklist.Session
	for k, s := range r.sessions {
		if id != "" && strings.HasPrefix(k, id) {
			if found != nil {
				return nil, fmt.Errorf("session %s: ambiguous id", id)
			}
			found = s
		}
	}
	if found == nil {
		return nil, fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	return clone(found), nil
}

// List returns summaries, newest first.
func (r *Repo) List(f store.Filter) ([]store.Summary, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []store.Summary
	for _, s := range r.sessions {
		if f.Client != "" && !sameClient(f.Client, s.Client) {
			continue
		}
		if f.Status != "" && f.Status != s.Status {
			continue
		}
		sum := store.Summary{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
			CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, CompletedAt: s.CompletedAt, Pack: s.Pack, AuditDate: s.AuditDate}
		for _, a := range s.Answers {
			if a.Value != "" {
				sum.Answered++
			}
		}
		if r.Summarize != nil {
			sum.Total = r.Summarize(s)
		}
		out = append(out, sum)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].ID > out[j].ID
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// Clients returns the distinct client names, sorted.
func (r *Repo) Clients() ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := map[string]string{}
	for _, s := range r.sessions {
		k := strings.ToLower(strings.TrimSpace(s.Client))
		if _, ok := seen[k]; !ok {
			seen[k] = strings.TrimSpace(s.Client)
		}
	}
	out := make([]string, 0, len(seen))
	for _, v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out, nil
}

func sameClient(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func clone(s *checklist.Session) *checklist.Session {
	c := *s
	c.Answers = maps.Clone(s.Answers)
	if c.Answers == nil {
		c.Answers = map[string]checklist.Answer{}
	}
	c.Plan = clonePlan(s.Plan)
	return &c
}

func clonePlan(p checklist.Plan) checklist.Plan {
	p.Goals = append([]checklist.Goal(nil), p.Goals...)
	p.Review = append([]checklist.GoalReview(nil), p.Review...)
	return p
}

// Discard removes a session that holds nothing (store.Store.Discard).
func (r *Repo) Discard(id string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.sessions[id]
	if !ok {
		return fmt.Errorf("session %s: %w", id, store.ErrNotFound)
	}
	if !store.Empty(s) {
		return fmt.Errorf("session %s has answers: %w", id, store.ErrConflict)
	}
	delete(r.sessions, id)
	return nil
}
