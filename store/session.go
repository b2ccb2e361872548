package store

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Create stores a new session. It assigns an ID, CreatedAt, UpdatedAt and
// Status (in progress) where they are empty, trims the client and assessor
// names, and writes them back into sess. A client already in the file keeps
// the name as it was last written ("acme ltd" becomes "Acme Ltd"), so that
// one client's history reads the same. A session with the same id is a
// conflict.
func (s *Store) Create(sess *checklist.Session) error {
	now := s.now()
	sess.Client = trimSpace(sess.Client)
	sess.Assessor = trimSpace(sess.Assessor)
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = now
	}
	if sess.UpdatedAt.IsZero() {
		sess.UpdatedAt = sess.CreatedAt
	}
	if sess.Status == "" {
		sess.Status = checklist.InProgress
	}
	normalizeTimes(sess)
	return s.updateShared(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		if sess.ID == "" {
			for {
				sess.ID = newID(sess.CreatedAt)
				if b.sessions.Get([]byte(sess.ID)) == nil {
					break
				}
			}
		} else if b.sessions.Get([]byte(sess.ID)) != nil {
			return codedError(ErrConflict, "store.session_exists", fmt.Sprintf("session %s already exists", sess.ID), nil, "ID", sess.ID)
		}
		name, err := storedSpelling(b, sess.Client)
		if err != nil {
			return damaged(s.path, err, err)
		}
		if name != "" {
			sess.Client = name
		}
		if err := s.validate(sess, now); err != nil {
			return err
		}
		return s.putSession(tx, nil, sess)
	})
}

// Put writes a whole session, creating it or replacing the stored one with
// the same id, and sets UpdatedAt to now. CreatedAt and Status are filled as
// in Create when empty.
func (s *Store) Put(sess *checklist.Session) error {
	if sess.ID == "" {
		return newError(ErrInvalid, "put a session: it has no id", nil)
	}
	now := s.now()
	if sess.CreatedAt.IsZero() {
		sess.CreatedAt = now
	}
	if sess.Status == "" {
		sess.Status = checklist.InProgress
	}
	sess.UpdatedAt = later(now, sess.CreatedAt)
	normalizeTimes(sess)
	if err := s.validate(sess, now); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		old, err := s.load(tx, sess.ID)
		if err != nil && !isNotFound(err) {
			return err
		}
		return s.putSession(tx, old, sess)
	})
}

// Record stores one answer (or note) to question qid and the position to
// resume at, in one transaction: once it returns nil the answer survives a
// crash. An answer with neither value nor note removes the answer. A zero
// ans.At is set to now.
func (s *Store) Record(id, qid string, ans checklist.Answer, cursor string) error {
	now := s.now()
	if ans.At.IsZero() {
		ans.At = now
	}
	ans.At = truncMS(ans.At)
	if ans.Value != "" || ans.Note != "" {
		if err := validateAnswer(qid, ans, now); err != nil {
			return newError(ErrInvalid, fmt.Sprintf("session %s: %v", id, err), err)
		}
	} else if qid == "" {
		return newError(ErrInvalid, fmt.Sprintf("session %s: answers: an answer has an empty question id", id), nil)
	}
	if err := checkText("cursor", cursor, maxRef, false); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("session %s: %v", id, err), err)
	}
	return s.modify(id, func(sess *checklist.Session) error {
		if sess.Answers == nil {
			sess.Answers = make(map[string]checklist.Answer)
		}
		if ans.Value == "" && ans.Note == "" {
			delete(sess.Answers, qid)
		} else {
			if _, ok := sess.Answers[qid]; !ok && len(sess.Answers) >= MaxAnswers {
				return newError(ErrInvalid, fmt.Sprintf("session %s: more than %d answers", id, MaxAnswers), nil)
			}
			sess.Answers[qid] = ans
		}
		sess.Cursor = cursor
		return nil
	})
}

// SetCursor stores the position to resume the session at.
func (s *Store) SetCursor(id, cursor string) error {
	if err := checkText("cursor", cursor, maxRef, false); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("session %s: %v", id, err), err)
	}
	return s.modify(id, func(sess *checklist.Session) error {
		sess.Cursor = cursor
		return nil
	})
}

// SetPlan stores the session's plan, replacing the previous one.
func (s *Store) SetPlan(id string, plan checklist.Plan) error {
	if err := validatePlan(plan, s.now()); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("session %s: %v", id, err), err)
	}
	return s.modify(id, func(sess *checklist.Session) error {
		sess.Plan = plan
		return nil
	})
}

// Complete marks the session completed now. Completing a completed session
// keeps its first completion time.
func (s *Store) Complete(id string) error {
	return s.modify(id, func(sess *checklist.Session) error {
		if sess.Status != checklist.Completed {
			sess.Status = checklist.Completed
			sess.CompletedAt = s.now()
		}
		return nil
	})
}

// Get returns the session with the given id or unique id prefix.
func (s *Store) Get(id string) (*checklist.Session, error) {
	var sess *checklist.Session
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		sess, err = s.load(tx, id)
		return err
	})
	return sess, err
}

// Delete removes a session (id or unique prefix) with its index entries,
// and erases it from the file (see erase).
func (s *Store) Delete(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		sess, err := s.load(tx, id)
		if err != nil {
			return err
		}
		return s.deleteSession(tx, sess)
	})
	if err != nil {
		return err
	}
	return s.erase()
}

// DeleteClient removes every session of a client (matched as ClientKey
// does), erases them from the file (see erase) and returns how many there
// were; none is ErrNotFound.
func (s *Store) DeleteClient(client string) (int, error) {
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		p := clientPrefix(client)
		var ids []string
		c := b.clients.Cursor()
		for k, _ := c.Seek(p); hasPrefix(k, p); k, _ = c.Next() {
			ids = append(ids, string(k[len(p)+8:]))
		}
		if len(ids) == 0 {
			return codedError(ErrNotFound, "store.no_client", fmt.Sprintf("no sessions for client %q", trimSpace(client)), nil,
				"Client", fmt.Sprintf("%q", trimSpace(client)))
		}
		for _, id := range ids {
			sess, err := s.loadExact(tx, id)
			if err != nil {
				return err
			}
			if err := s.deleteSession(tx, sess); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, s.erase()
}

// modify loads a session, applies fn, stamps UpdatedAt and writes it back,
// all in one transaction.
func (s *Store) modify(id string, fn func(*checklist.Session) error) error {
	return s.update(func(tx *bolt.Tx) error {
		sess, err := s.load(tx, id)
		if err != nil {
			return err
		}
		old := *sess
		if err := fn(sess); err != nil {
			return err
		}
		sess.UpdatedAt = later(s.now(), sess.CreatedAt)
		return s.putSession(tx, &old, sess)
	})
}

func (s *Store) validate(sess *checklist.Session, now time.Time) error {
	if err := validateSession(sess, now); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("session %s: %v", clip(sess.ID), err), err)
	}
	return nil
}

// load reads a session by exact id or unique prefix.
func (s *Store) load(tx *bolt.Tx, id string) (*checklist.Session, error) {
	b := tx.Bucket(bucketSessions)
	if id == "" {
		return nil, codedError(ErrNotFound, "store.no_id", "no session id given", nil)
	}
	if v := b.Get([]byte(id)); v != nil {
		return s.decode(id, v)
	}
	c := b.Cursor()
	p := []byte(id)
	k, v := c.Seek(p)
	if !hasPrefix(k, p) {
		return nil, codedError(ErrNotFound, "store.no_session", fmt.Sprintf("no session %q", clip(id)), nil, "ID", fmt.Sprintf("%q", clip(id)))
	}
	full := string(k)
	if k2, _ := c.Next(); hasPrefix(k2, p) {
		return nil, codedError(ErrAmbiguous, "store.ambiguous", fmt.Sprintf("%q matches more than one session (%s, %s…): "+
			"give more of the id", clip(id), full, k2), nil, "ID", fmt.Sprintf("%q", clip(id)), "First", full, "Second", string(k2))
	}
	return s.decode(full, v)
}

func (s *Store) loadExact(tx *bolt.Tx, id string) (*checklist.Session, error) {
	v := tx.Bucket(bucketSessions).Get([]byte(id))
	if v == nil {
		return nil, damaged(s.path, problem("damage.index_missing_session", fmt.Sprintf("the client index names session %s, which is missing", id), "ID", id), nil)
	}
	return s.decode(id, v)
}

func (s *Store) decode(id string, v []byte) (*checklist.Session, error) {
	sess, err := s.openRecord(id, v)
	if err != nil {
		return nil, damaged(s.path, codedError(nil, "damage.session_decode", fmt.Sprintf("session %s does not decode: %v", id, err), err, "ID", id, "Detail", err), err)
	}
	return sess, nil
}

func isNotFound(err error) bool {
	ke, ok := err.(*kindError)
	return ok && ke.kind == ErrNotFound
}

// putSession writes sess and its index entries, removing old's entries
// where they moved (old is the stored version, nil for a new session).
func (s *Store) putSession(tx *bolt.Tx, old, sess *checklist.Session) error {
	rec, err := encodeRecord(sess)
	if err != nil {
		return err
	}
	if err := bucketsOf(tx).sessions.Put([]byte(sess.ID), s.sealV(bucketSessions, []byte(sess.ID), rec)); err != nil {
		return codedError(nil, "store.save_session", fmt.Sprintf("save session %s: %v", sess.ID, err), err, "ID", sess.ID, "Detail", err)
	}
	return s.putIndexes(tx, old, sess)
}

func (s *Store) putIndexes(tx *bolt.Tx, old, sess *checklist.Session) error {
	b := bucketsOf(tx)
	tk, ck := timeKey(sess), clientKey(sess)
	if old != nil {
		if otk := timeKey(old); !bytes.Equal(otk, tk) {
			if err := b.summaries.Delete(otk); err != nil {
				return err
			}
		}
		if ock := clientKey(old); !bytes.Equal(ock, ck) {
			if err := b.clients.Delete(ock); err != nil {
				return err
			}
		}
	}
	sum := summaryOf(sess, s.opts.Summarize, txPacks{tx: tx, legacy: s.legacy})
	if err := b.summaries.Put(tk, s.sealV(bucketSummaries, tk, encodeSummary(&sum))); err != nil {
		return err
	}
	if old == nil || old.Client != sess.Client || !bytes.Equal(clientKey(old), ck) {
		return b.clients.Put(ck, s.sealV(bucketClients, ck, []byte(sess.Client)))
	}
	return nil
}

func (s *Store) deleteSession(tx *bolt.Tx, sess *checklist.Session) error {
	b := bucketsOf(tx)
	if err := b.summaries.Delete(timeKey(sess)); err != nil {
		return err
	}
	if err := b.clients.Delete(clientKey(sess)); err != nil {
		return err
	}
	return b.sessions.Delete([]byte(sess.ID))
}

// storedSpelling returns the client name as written in the client's newest
// session, or "" when the client has none.
func storedSpelling(b buckets, client string) (string, error) {
	if ClientKey(client) == "" {
		return "", nil
	}
	prefix := clientPrefix(client)
	c := b.clients.Cursor()
	// Entries are ordered by creation within the client: the newest is the
	// one before the first key past the prefix.
	end := append(prefix[:len(prefix)-1:len(prefix)-1], 1)
	var k, v []byte
	if next, _ := c.Seek(end); next == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if !hasPrefix(k, prefix) {
		return "", nil
	}
	return openClientEntry(k, v)
}

// openClientEntry checks and returns the client name of a client index
// entry.
func openClientEntry(k, v []byte) (string, error) {
	p, err := unseal(bucketClients, k, v)
	if err != nil {
		return "", clientEntryError(err)
	}
	if err := checkText("client", string(p), maxName, false); err != nil {
		return "", clientEntryError(err)
	}
	return string(p), nil
}

// clientEntryError is why a client index entry does not read.
func clientEntryError(err error) error {
	return codedError(nil, "damage.client_entry", "a client index entry: "+err.Error(), err, "Detail", err)
}
