package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc64"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Rev identifies one stored state of a session: it is a checksum of the
// session's record, so any write to the session (by a wizard, an import,
// `servicecheck answer`) gives it a new revision, and it needs no field of
// its own in the file. The zero Rev means "not known".
type Rev uint64

var revTable = crc64.MakeTable(crc64.ECMA)

func revOf(record []byte) Rev {
	r := Rev(crc64.Checksum(record, revTable))
	if r == 0 {
		r = 1 // 0 is "not known"
	}
	return r
}

// Change is one edit a user made to a session, as an editor (the wizard)
// saw it: each part carries the value it replaces, so that the store writes
// only what the user changed and refuses, rather than overwrites, a part
// that someone else changed in the meantime.
type Change struct {
	// Base is the revision the editor last read or wrote; 0 skips the
	// check. A different stored revision is reported in Applied.Moved.
	Base Rev
	// QID names the question whose value or note changes.
	QID string
	// SetValue replaces the answer's value OldValue with Value.
	SetValue        bool
	OldValue, Value checklist.Value
	// SetNote replaces the answer's note OldNote with Note.
	SetNote       bool
	OldNote, Note string
	// At is the time of the answer when it is given or first noted; zero
	// means now.
	At time.Time
	// Cursor, when not empty, is the question to resume at.
	Cursor string
	// SetPlan replaces the plan OldPlan with Plan.
	SetPlan       bool
	OldPlan, Plan checklist.Plan
	// Complete marks the session completed, in the same transaction as
	// the rest: the last answer and the completion are saved together.
	Complete bool
	// Reopen records that the user reopened the completed session to
	// edit it (Session.ReopenedAt). Every change to an answer of a
	// completed session, reopened or not, goes into its edit log.
	Reopen bool
}

// Applied is what Apply did.
type Applied struct {
	// Rev is the session's revision after the change.
	Rev Rev
	// Moved reports that the session had been changed by someone else
	// since Base; the change was still made, as it touched nothing they
	// changed.
	Moved bool
}

// ApplyTo makes the change to sess, the session as stored, at time now.
// It fails with ErrConflict, changing nothing, when a part the change
// replaces no longer holds the value the editor saw. It is the one rule of
// what a change may overwrite; test doubles of the store call it too.
func (c Change) ApplyTo(sess *checklist.Session, now time.Time) error {
	if c.SetValue || c.SetNote {
		a, had := sess.Answers[c.QID]
		// A part already holding the new value is no conflict: the same
		// change written twice (a write retried after its answer was
		// lost) lands once.
		if c.SetValue && a.Value != c.OldValue && a.Value != c.Value {
			return newError(ErrConflict, fmt.Sprintf("session %s: the answer to %s was changed elsewhere (now %q)",
				sess.ID, clip(c.QID), clip(string(a.Value))), nil)
		}
		if c.SetNote && a.Note != c.OldNote && a.Note != c.Note {
			return newError(ErrConflict, fmt.Sprintf("session %s: the note on %s was changed elsewhere",
				sess.ID, clip(c.QID)), nil)
		}
		before := a
		at := c.At
		if at.IsZero() {
			at = now
		}
		if c.SetValue {
			a.Value, a.At = c.Value, at
		}
		if c.SetNote {
			a.Note = c.Note
			if !had || a.At.IsZero() {
				a.At = at
			}
		}
		a.At = truncMS(a.At)
		if sess.Answers == nil {
			sess.Answers = map[string]checklist.Answer{}
		}
		if a.Value == "" && a.Note == "" {
			delete(sess.Answers, c.QID)
		} else {
			if err := validateAnswer(c.QID, a, now); err != nil {
				return newError(ErrInvalid, fmt.Sprintf("session %s: %v", sess.ID, err), err)
			}
			if !had && len(sess.Answers) >= MaxAnswers {
				return newError(ErrInvalid, fmt.Sprintf("session %s: more than %d answers", sess.ID, MaxAnswers), nil)
			}
			sess.Answers[c.QID] = a
		}
		if err := logEdit(sess, c.QID, before, a, now); err != nil {
			return err
		}
	}
	if c.Reopen && sess.Status == checklist.Completed {
		sess.ReopenedAt = truncMS(now)
	}
	if c.SetPlan {
		if !samePlan(sess.Plan, c.OldPlan) && !samePlan(sess.Plan, c.Plan) {
			return newError(ErrConflict, fmt.Sprintf("session %s: the plan was changed elsewhere", sess.ID), nil)
		}
		if err := validatePlan(c.Plan, now); err != nil {
			return newError(ErrInvalid, fmt.Sprintf("session %s: %v", sess.ID, err), err)
		}
		sess.Plan = c.Plan
	}
	if c.Cursor != "" {
		if err := checkText("cursor", c.Cursor, maxRef, false); err != nil {
			return newError(ErrInvalid, fmt.Sprintf("session %s: %v", sess.ID, err), err)
		}
		sess.Cursor = c.Cursor
	}
	if c.Complete && sess.Status != checklist.Completed {
		sess.Status = checklist.Completed
		sess.CompletedAt = truncMS(now)
	}
	return nil
}

// samePlan reports whether two plans hold the same text, outcomes and
// times (compared as instants, whatever their zone).
func samePlan(a, b checklist.Plan) bool {
	if a.Vision != b.Vision || !sameJSON(a.VisionSteps, b.VisionSteps) || len(a.Goals) != len(b.Goals) || len(a.Review) != len(b.Review) {
		return false
	}
	for i := range a.Goals {
		if !sameGoal(a.Goals[i], b.Goals[i]) {
			return false
		}
	}
	for i, r := range a.Review {
		o := b.Review[i]
		if r.From != o.From || !r.FromDate.Equal(o.FromDate) || !sameGoal(r.Goal, o.Goal) || r.Status != o.Status || r.Outcome != o.Outcome || r.Note != o.Note {
			return false
		}
	}
	return true
}

// GetRev returns the session with the given id or unique id prefix and its
// revision, for an editor that will Apply changes to it.
func (s *Store) GetRev(id string) (*checklist.Session, Rev, error) {
	var sess *checklist.Session
	var rev Rev
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if sess, err = s.load(tx, id); err != nil {
			return err
		}
		rev = revOf(tx.Bucket(bucketSessions).Get([]byte(sess.ID)))
		return nil
	})
	return sess, rev, err
}

// Apply makes one change to the session with exactly this id, in one
// transaction: the parts the change replaces are checked against what is
// stored, the change is written with the session's time of update, and
// the new revision is returned. A session that is gone is ErrNotFound; a
// part changed elsewhere is ErrConflict, and nothing is written.
func (s *Store) Apply(id string, c Change) (Applied, error) {
	var out Applied
	err := s.updateShared(func(tx *bolt.Tx) error {
		out = Applied{}
		b := bucketsOf(tx)
		v := b.sessions.Get([]byte(id))
		if v == nil {
			return newError(ErrNotFound, fmt.Sprintf("no session %q: it was deleted", clip(id)), nil)
		}
		out.Moved = c.Base != 0 && revOf(v) != c.Base
		sess, err := s.decode(id, v)
		if err != nil {
			return err
		}
		old := *sess
		now := s.now()
		if err := c.ApplyTo(sess, now); err != nil {
			return err
		}
		sess.UpdatedAt = later(now, sess.CreatedAt)
		if err := s.putSession(tx, &old, sess); err != nil {
			return err
		}
		out.Rev = revOf(b.sessions.Get([]byte(id)))
		return nil
	})
	if err != nil {
		return Applied{}, err
	}
	return out, nil
}

// sameGoal compares two goals by what they hold, as stored: through
// their JSON, so that pointers (Met, Source) and an empty list against a
// missing one do not count as a difference.
func sameGoal(a, b checklist.Goal) bool { return sameJSON(a, b) }

// sameJSON reports whether a and b encode alike.
func sameJSON(a, b any) bool {
	ja, erra := json.Marshal(a)
	jb, errb := json.Marshal(b)
	return erra == nil && errb == nil && bytes.Equal(ja, jb)
}
