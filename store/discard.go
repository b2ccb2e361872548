package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Discard removes a session that holds nothing: in progress, with no
// answer, no note, no plan and no session notes. It is how an accidental
// empty session goes away from the wizard. A session that holds anything,
// perhaps written by another servicecheck since the user looked, is
// ErrConflict and is kept: only Delete removes work.
func (s *Store) Discard(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		v := bucketsOf(tx).sessions.Get([]byte(id))
		if v == nil {
			return newError(ErrNotFound, fmt.Sprintf("no session %q", clip(id)), nil)
		}
		sess, err := s.decode(id, v)
		if err != nil {
			return err
		}
		if !Empty(sess) {
			return codedError(ErrConflict, "store.not_empty", fmt.Sprintf("session %s has answers: it was not discarded", id),
				nil, "ID", id)
		}
		return s.deleteSession(tx, sess)
	})
	if err != nil {
		return err
	}
	return s.erase()
}

// Empty reports whether a session holds nothing a user wrote: the rule of
// Discard, which the wizard asks before it offers to discard.
func Empty(s *checklist.Session) bool {
	if s.Status == checklist.Completed || !s.Plan.IsZero() || s.Notes != "" {
		return false
	}
	for _, a := range s.Answers {
		if a.Value != "" || a.Note != "" {
			return false
		}
	}
	return true
}
