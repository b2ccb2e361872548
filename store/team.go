package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/team"
)

// Team audits live in two buckets of their own, created on the first team
// audit, so that files without one need no migration:
//
//	teams          audit id -> the team.Audit as JSON
//	team_sessions  session id -> audit id (a session answers for one audit)
var (
	bucketTeams        = []byte("teams")
	bucketTeamSessions = []byte("team_sessions")
)

// maxRespondents caps the respondents of one audit.
const maxRespondents = 200

// CreateTeam stores a new team audit, assigning its id and creation time.
// Respondents are added with AddRespondent.
func (s *Store) CreateTeam(a *team.Audit) error {
	a.Client = trimSpace(a.Client)
	if a.Client == "" {
		return codedError(ErrInvalid, "store.team.no_client", "a team audit needs a client", nil)
	}
	if err := checkText("client", a.Client, maxName, false); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("team audit: %v", err), err)
	}
	if err := checkText("lang", a.Lang, maxRef, false); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("team audit: %v", err), err)
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = s.now()
	}
	a.Respondents = nil
	return s.update(func(tx *bolt.Tx) error {
		teams, _, err := teamBuckets(tx)
		if err != nil {
			return err
		}
		for {
			a.ID = newID(a.CreatedAt)
			if teams.Get([]byte(a.ID)) == nil && tx.Bucket(bucketSessions).Get([]byte(a.ID)) == nil {
				break
			}
		}
		name, err := storedSpelling(bucketsOf(tx), a.Client)
		if err != nil {
			return err
		}
		if name != "" {
			a.Client = name
		}
		return s.putTeam(teams, a)
	})
}

// Team returns the team audit with the given id or unique id prefix.
func (s *Store) Team(id string) (*team.Audit, error) {
	var a *team.Audit
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		a, err = s.loadTeam(tx, id)
		return err
	})
	return a, err
}

// Teams returns every team audit, newest first (ids sort by creation, so
// the newest is last in the bucket).
func (s *Store) Teams() ([]*team.Audit, error) {
	var out []*team.Audit
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTeams)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
			a, err := s.loadTeam(tx, string(k))
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// TeamOf returns the id of the team audit session id answers for, or ""
// when it answers for none.
func (s *Store) TeamOf(sessionID string) (string, error) {
	var out string
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketTeamSessions); b != nil {
			var err error
			out, err = s.link(b, sessionID)
			return err
		}
		return nil
	})
	return out, err
}

// AddRespondent links the stored session r.SessionID to the team audit
// auditID as r's answers, in one transaction. The session must be for the
// audit's client and answer for no other audit; adding a session the audit
// already has changes nothing (added is false), so importing the same
// files twice is harmless.
func (s *Store) AddRespondent(auditID string, r team.Respondent) (added bool, err error) {
	r.Name = trimSpace(r.Name)
	if err := checkText("name", r.Name, maxName, false); err != nil {
		return false, newError(ErrInvalid, fmt.Sprintf("respondent: %v", err), err)
	}
	if _, ok := team.ParseRole(string(r.Role)); !ok {
		return false, codedError(ErrInvalid, "store.team.role", fmt.Sprintf("respondent: %q is not a role", clip(string(r.Role))), nil,
			"Value", fmt.Sprintf("%q", clip(string(r.Role))))
	}
	err = s.updateShared(func(tx *bolt.Tx) error {
		added = false
		teams, links, err := teamBuckets(tx)
		if err != nil {
			return err
		}
		a, err := s.loadTeam(tx, auditID)
		if err != nil {
			return err
		}
		sess, err := s.load(tx, r.SessionID)
		if err != nil {
			return err
		}
		r.SessionID = sess.ID
		other, err := s.link(links, sess.ID)
		if err != nil {
			return err
		}
		if other == a.ID {
			return nil
		} else if other != "" {
			return codedError(ErrConflict, "store.team.linked", fmt.Sprintf("session %s already answers for team audit %s", sess.ID, other),
				nil, "ID", sess.ID, "Previous", other)
		}
		if ClientKey(sess.Client) != ClientKey(a.Client) {
			return codedError(ErrConflict, "store.team.client", fmt.Sprintf("session %s is for %q, not for the audit's client %q",
				sess.ID, sess.Client, a.Client), nil, "ID", sess.ID, "Client", fmt.Sprintf("%q", sess.Client),
				"Detail", fmt.Sprintf("%q", a.Client))
		}
		if len(a.Respondents) >= maxRespondents {
			return codedError(ErrInvalid, "store.team.full", fmt.Sprintf("team audit %s has %d respondents already", a.ID, maxRespondents),
				nil, "ID", a.ID, "Max", maxRespondents)
		}
		if r.Name == "" {
			r.Name = sess.Assessor
		}
		a.Respondents = append(a.Respondents, r)
		if err := links.Put([]byte(sess.ID), s.sealV(bucketTeamSessions, []byte(sess.ID), []byte(a.ID))); err != nil {
			return fmt.Errorf("link session %s: %w", sess.ID, err)
		}
		added = true
		return s.putTeam(teams, a)
	})
	return added, err
}

// TeamSessions returns the stored sessions of a's respondents by id; a
// session deleted since it was linked is left out.
func (s *Store) TeamSessions(a *team.Audit) (map[string]*checklist.Session, error) {
	out := map[string]*checklist.Session{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		for _, id := range a.Sessions() {
			if v := b.Get([]byte(id)); v != nil {
				sess, err := s.decode(id, v)
				if err != nil {
					return err
				}
				out[id] = sess
			}
		}
		return nil
	})
	return out, err
}

// teamBuckets returns the team buckets of a write transaction, creating
// them the first time.
func teamBuckets(tx *bolt.Tx) (teams, links *bolt.Bucket, err error) {
	if teams, err = tx.CreateBucketIfNotExists(bucketTeams); err != nil {
		return nil, nil, fmt.Errorf("create the teams bucket: %w", err)
	}
	if links, err = tx.CreateBucketIfNotExists(bucketTeamSessions); err != nil {
		return nil, nil, fmt.Errorf("create the team sessions bucket: %w", err)
	}
	return teams, links, nil
}

// putTeam writes a, sealed with a checksum as every record is (seal.go).
func (s *Store) putTeam(b *bolt.Bucket, a *team.Audit) error {
	v, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode team audit %s: %w", a.ID, err)
	}
	if err := b.Put([]byte(a.ID), s.sealV(bucketTeams, []byte(a.ID), v)); err != nil {
		return fmt.Errorf("save team audit %s: %w", a.ID, err)
	}
	return nil
}

// loadTeam reads a team audit by exact id or unique prefix.
func (s *Store) loadTeam(tx *bolt.Tx, id string) (*team.Audit, error) {
	notFound := func() error {
		return codedError(ErrNotFound, "store.team.none", fmt.Sprintf("no team audit %q", clip(id)), nil, "ID", fmt.Sprintf("%q", clip(id)))
	}
	b := tx.Bucket(bucketTeams)
	if b == nil || id == "" {
		return nil, notFound()
	}
	k, v := []byte(id), b.Get([]byte(id))
	if v == nil {
		c := b.Cursor()
		k, v = c.Seek([]byte(id))
		if !hasPrefix(k, []byte(id)) {
			return nil, notFound()
		}
		if k2, _ := c.Next(); hasPrefix(k2, []byte(id)) {
			return nil, codedError(ErrAmbiguous, "store.ambiguous", fmt.Sprintf("%q matches more than one team audit (%s, %s…): "+
				"give more of the id", clip(id), k, k2), nil, "ID", fmt.Sprintf("%q", clip(id)), "First", string(k), "Second", string(k2))
		}
	}
	a := &team.Audit{}
	p, err := s.unsealV(bucketTeams, k, v)
	if err != nil {
		return nil, damaged(s.path, codedError(nil, "damage.team", fmt.Sprintf("team audit %s: %v", k, err), err, "ID", string(k), "Detail", err), err)
	}
	if err := json.Unmarshal(p, a); err != nil {
		return nil, damaged(s.path, codedError(nil, "damage.team_decode", fmt.Sprintf("team audit %s does not decode: %v", k, err), err,
			"ID", string(k), "Detail", jsonMsg(err)), err)
	}
	// The decisions' notes reach terminals and the consensus: checked on
	// reading as a session's notes are (sorted, for a stable message).
	for _, qid := range slices.Sorted(maps.Keys(a.Settled)) {
		d := a.Settled[qid]
		if err := checkSettled(qid, &d); err != nil {
			return nil, damaged(s.path, codedError(nil, "damage.team", fmt.Sprintf("team audit %s: %v", k, err), err,
				"ID", string(k), "Detail", err), err)
		}
	}
	return a, nil
}

// link reads the audit id a session answers for, "" for none.
func (s *Store) link(b *bolt.Bucket, sessionID string) (string, error) {
	v := b.Get([]byte(sessionID))
	if v == nil {
		return "", nil
	}
	p, err := s.unsealV(bucketTeamSessions, []byte(sessionID), v)
	if err != nil {
		return "", damaged(s.path, codedError(nil, "damage.team_link", fmt.Sprintf("the team link of session %s: %v", sessionID, err), err,
			"ID", sessionID, "Detail", err), err)
	}
	return string(p), nil
}

// SetSettled stores the consultant's decision on question qid of team
// audit auditID (an id or unique prefix), replacing the one before; nil,
// or a decision with neither a value nor a note, removes it. One
// transaction: a decision is in the file once this returns. The value
// must be an answer of some kind, or empty for a note alone (the store
// does not know packs: team.Open and team.Consensus ignore a value that
// does not fit its question); the note is checked as an answer's note is.
func (s *Store) SetSettled(auditID, qid string, d *team.Settled) error {
	return s.setSettled(auditID, qid, false, nil, d)
}

// SetSettledFrom is SetSettled for an editor (the wizard) that last saw
// the decision on qid as from, nil for none: when the stored one is
// another — the question was settled in another window meanwhile — it is
// ErrConflict and nothing is written, so that nobody's decision is
// overwritten unseen.
func (s *Store) SetSettledFrom(auditID, qid string, from, d *team.Settled) error {
	return s.setSettled(auditID, qid, true, from, d)
}

func (s *Store) setSettled(auditID, qid string, check bool, from, d *team.Settled) error {
	if err := checkSettled(qid, d); err != nil {
		return newError(ErrInvalid, fmt.Sprintf("team audit %s: %v", clip(auditID), err), err)
	}
	if d != nil && d.Value == "" && d.Note == "" {
		d = nil
	}
	return s.update(func(tx *bolt.Tx) error {
		teams, _, err := teamBuckets(tx)
		if err != nil {
			return err
		}
		a, err := s.loadTeam(tx, auditID)
		if err != nil {
			return err
		}
		if cur, ok := a.Settled[qid]; check && (ok != (from != nil) || ok && cur != *from) {
			return codedError(ErrConflict, "store.team.settled_moved", fmt.Sprintf("team audit %s: the decision on %s "+
				"was changed in another window", a.ID, qid), nil, "ID", a.ID, "Key", qid)
		}
		if d == nil {
			if _, ok := a.Settled[qid]; !ok {
				return nil
			}
			delete(a.Settled, qid)
			if len(a.Settled) == 0 {
				a.Settled = nil
			}
			return s.putTeam(teams, a)
		}
		if old, ok := a.Settled[qid]; ok && old == *d {
			return nil
		} else if !ok && len(a.Settled) >= MaxAnswers {
			err := bad("field.too_many_answers", "settled", fmt.Sprintf("%d decisions, more than %d", len(a.Settled)+1, MaxAnswers),
				"Count", len(a.Settled)+1, "Max", MaxAnswers)
			return newError(ErrInvalid, fmt.Sprintf("team audit %s: %v", a.ID, err), err)
		}
		if a.Settled == nil {
			a.Settled = map[string]team.Settled{}
		}
		a.Settled[qid] = *d
		return s.putTeam(teams, a)
	})
}

// checkSettled reports what is wrong with a decision on question qid.
func checkSettled(qid string, d *team.Settled) error {
	f := "settled." + qid
	if qid == "" {
		return bad("field.empty_question", "settled", "an answer has an empty question id")
	}
	if err := checkText("settled", qid, maxRef, false); err != nil {
		v := fmt.Sprintf("%q", clip(qid))
		inner := err.(*fieldError).at("")
		return bad("field.question_id", "settled", fmt.Sprintf("question id %s: %s", v, inner.msg), "Value", v, "Detail", inner)
	}
	if d == nil {
		return nil
	}
	if _, ok := valueCode(d.Value); !ok {
		v := fmt.Sprintf("%q", clip(string(d.Value)))
		return bad("field.not_answer", f+".value", v+" is not an answer (yes, partly, no, na or 1 to 5)", "Value", v)
	}
	return checkText(f+".note", d.Note, MaxNote, true)
}

// SaveConsensus stores the answers the team of audit auditID settled on
// as the audit's result: a completed session of the audit's client, which
// then scores, compares and reports like any session. The first time, the
// session is made from base (its assessor, pack, audit date and details)
// and linked to the audit, so it answers for no other; later, its answers
// are replaced, keeping its plan and details, and each changed answer goes
// into its edit log as any change to a completed session does. All in one
// transaction; the stored session is returned.
func (s *Store) SaveConsensus(auditID string, base *checklist.Session, answers map[string]checklist.Answer) (*checklist.Session, error) {
	now := s.now()
	var out *checklist.Session
	err := s.update(func(tx *bolt.Tx) error {
		teams, links, err := teamBuckets(tx)
		if err != nil {
			return err
		}
		a, err := s.loadTeam(tx, auditID)
		if err != nil {
			return err
		}
		var old *checklist.Session
		if v := bucketsOf(tx).sessions.Get([]byte(a.Consensus)); a.Consensus != "" && v != nil {
			// A consensus deleted since is made afresh below.
			if old, err = s.decode(a.Consensus, v); err != nil {
				return err
			}
		}
		sess := consensusSession(old, base, answers, now)
		if old == nil {
			sess.Client = a.Client
			for {
				sess.ID = newID(now)
				if bucketsOf(tx).sessions.Get([]byte(sess.ID)) == nil && teams.Get([]byte(sess.ID)) == nil {
					break
				}
			}
		}
		if err := s.validate(sess, now); err != nil {
			return err
		}
		if err := s.putSession(tx, old, sess); err != nil {
			return err
		}
		if old == nil {
			if err := links.Put([]byte(sess.ID), s.sealV(bucketTeamSessions, []byte(sess.ID), []byte(a.ID))); err != nil {
				return fmt.Errorf("link session %s: %w", sess.ID, err)
			}
			a.Consensus = sess.ID
			if err := s.putTeam(teams, a); err != nil {
				return err
			}
		}
		out = sess
		return nil
	})
	return out, err
}

// consensusSession is the consensus session to store: a new completed one
// from base when old is nil, else old with its answers replaced and the
// changes logged. Answers that do not change keep their time.
func consensusSession(old, base *checklist.Session, answers map[string]checklist.Answer, now time.Time) *checklist.Session {
	var sess checklist.Session
	if old != nil {
		sess = *old
		sess.Edits = slices.Clone(old.Edits)
	} else {
		sess = *base
		sess.ID, sess.Edits, sess.Cursor = "", nil, ""
		sess.CreatedAt, sess.CompletedAt = now, now
		sess.Status = checklist.Completed
	}
	prev := sess.Answers
	sess.Answers = make(map[string]checklist.Answer, len(answers))
	for id, ans := range answers {
		if p, ok := prev[id]; ok && p.Value == ans.Value && p.Note == ans.Note {
			sess.Answers[id] = p
			continue
		}
		ans.At = now
		sess.Answers[id] = ans
	}
	if old != nil {
		ids := make([]string, 0, len(prev)+len(answers))
		for id := range prev {
			ids = append(ids, id)
		}
		for id := range answers {
			if _, ok := prev[id]; !ok {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		for _, id := range ids {
			p, n := prev[id], sess.Answers[id]
			if p.Value != n.Value || p.Note != n.Note {
				sess.Edits = append(sess.Edits, checklist.Edit{QID: id, At: now, OldValue: p.Value, Value: n.Value, OldNote: p.Note, Note: n.Note})
			}
		}
	}
	sess.UpdatedAt = later(now, sess.CreatedAt)
	normalizeTimes(&sess)
	return &sess
}

// teamLinks answers, for the sessions of one read, which team audit each
// answers for and whether as a respondent. The links are read once, on
// the first question, into a map: a list of 10,000 sessions then pays one
// walk of the (small) links bucket, not 10,000 lookups in it.
type teamLinks struct {
	s         *Store
	tx        *bolt.Tx
	links     map[string]string // session id -> audit id; nil until read
	consensus map[string]string // audit id -> its consensus session id
}

func (s *Store) teamLinks(tx *bolt.Tx) *teamLinks {
	return &teamLinks{s: s, tx: tx, consensus: map[string]string{}}
}

func (t *teamLinks) of(sessionID string) (audit string, respondent bool, err error) {
	if t.links == nil {
		t.links = map[string]string{}
		if b := t.tx.Bucket(bucketTeamSessions); b != nil {
			err := b.ForEach(func(k, _ []byte) error {
				id, err := t.s.link(b, string(k))
				t.links[string(k)] = id
				return err
			})
			if err != nil {
				return "", false, err
			}
		}
	}
	if audit = t.links[sessionID]; audit == "" {
		return "", false, nil
	}
	c, ok := t.consensus[audit]
	if !ok {
		a, err := t.s.loadTeam(t.tx, audit)
		if err != nil {
			return "", false, err
		}
		c = a.Consensus
		t.consensus[audit] = c
	}
	return audit, c != sessionID, nil
}
