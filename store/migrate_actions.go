package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Before schema 6 a plan's goal said "by when" in free text (Goal.Due),
// had no owner or status, and a review said whether a goal was met
// (GoalReview.Outcome: met, partly, not met). Schema 6 makes the plan an
// action plan: a goal's due date is a date (Goal.DueDate), and a review
// sets the goal's status (open, in progress, done, dropped).
//
// The upgrade is checklist.UpgradePlan, which decodeRecord applies to
// every plan it reads: a free-text due that is a date (2026-03-31,
// 31/03/2026) becomes the due date; any other ("end of March") is kept at
// the start of the goal's note, so no word is lost; met becomes done,
// partly met in progress and not met open; a goal's own met flag becomes
// its status. This migration writes each record whose plan changed, so
// that the file holds today's form and nothing needs upgrading on read.

// migrateActionPlans is the migration to schema 6.
func (s *Store) migrateActionPlans(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSessions)
	if b == nil {
		return nil
	}
	changed := map[string][]byte{}
	err := b.ForEach(func(k, v []byte) error {
		payload, err := s.unsealV(bucketSessions, k, v)
		if err != nil {
			return damaged(s.path, codedError(nil, "damage.session", fmt.Sprintf("session %s: %v", k, err), err, "ID", string(k), "Detail", err), err)
		}
		sess, err := decodeRecord(string(k), payload)
		if err != nil {
			return damaged(s.path, codedError(nil, "damage.session_decode", fmt.Sprintf("session %s does not decode: %v", k, err), err, "ID", string(k), "Detail", err), err)
		}
		if sess.Plan.IsZero() {
			return nil
		}
		rec, err := encodeRecord(sess)
		if err != nil {
			return fmt.Errorf("session %s: %w", k, err)
		}
		if !bytes.Equal(rec, payload) {
			changed[string(k)] = s.sealV(bucketSessions, k, rec)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Written after the walk: bbolt does not allow changing a bucket while
	// iterating over it.
	for k, rec := range changed {
		if err := b.Put([]byte(k), rec); err != nil {
			return err
		}
	}
	return nil
}
