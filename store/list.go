package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// Filter narrows List. Zero fields do not filter.
type Filter struct {
	// Client matches as ClientKey does.
	Client string
	Status checklist.Status
	// Limit caps the number of summaries; 0 means no cap.
	Limit int
	// Audits leaves out the respondents' own sessions of team audits,
	// for a client's history of audits (the previous session, the trend,
	// compare): there, a team audit's consensus stands for them.
	Audits bool
}

// Summary is what a history list shows of a session, read from the summary
// index without decoding the session.
type Summary struct {
	ID          string
	Client      string
	Assessor    string
	Status      checklist.Status
	CreatedAt   time.Time
	UpdatedAt   time.Time
	CompletedAt time.Time
	Pack        checklist.Ref
	// Answered counts answers with a value (a note alone does not count).
	Answered int
	// Total is what Options.Summarize returned at the last write; zero when
	// it was nil.
	Total scoring.Total
	// AuditDate is the session's audit date (checklist.Session.AuditDate).
	AuditDate string
	// Team is the id of the team audit the session answers for, "" for
	// none; Respondent is true when it holds one respondent's answers
	// (false for the audit's consensus).
	Team       string
	Respondent bool
}

// StopEach, returned by an EachSummary callback, ends the walk early
// without an error: EachSummary then returns nil.
var StopEach = errors.New("stop listing summaries")

// EachSummary calls fn with the summary of each session that matches f,
// newest first, as List orders them, and reads only the summary and client
// indexes: no session is decoded. Unlike List it holds one summary at a
// time, so that a history of any size is listed in constant memory.
//
// It stops at the first error fn returns and returns that error as it is,
// or nil when it is (or wraps) StopEach. fn runs inside the read
// transaction: it must not call the Store (a write may wait for this read
// to end, forever), and the file stays held while it runs, so a slow fn,
// such as one writing to a pipe nobody reads, keeps other servicecheck
// processes from writing meanwhile. The Summary is fn's to keep: its
// strings are copies, valid after the transaction. A panic in fn goes on
// as that panic; it is not taken for damage to the file.
func (s *Store) EachSummary(f Filter, fn func(Summary) error) error {
	inFn := false
	call := func(sum Summary) error {
		inFn = true
		err := fn(sum)
		inFn = false
		return err
	}
	err := guardCaller(s.path, &inFn, func() error {
		return s.db.View(func(tx *bolt.Tx) error { return s.eachSummary(tx, f, call) })
	})
	if errors.Is(err, StopEach) {
		return nil
	}
	return err
}

// List returns summaries of the sessions that match f, newest first (see
// EachSummary, which it is made of, for a history too long to hold).
func (s *Store) List(f Filter) ([]Summary, error) {
	var out []Summary
	err := s.view(func(tx *bolt.Tx) error {
		if f.Client == "" && f.Status == "" {
			// Size the result once: a Summary is ~300 bytes, and growing a
			// slice of 100,000 of them allocates it about five times over.
			n := bucketsOf(tx).summaries.Stats().KeyN
			if f.Limit > 0 {
				n = min(n, f.Limit)
			}
			out = make([]Summary, 0, n)
		}
		return s.eachSummary(tx, f, func(sum Summary) error {
			out = append(out, sum)
			return nil
		})
	})
	return out, err
}

// dropEvery is how many summaries eachSummary reads between two calls of
// dropBehind: about 40 index pages, so that the pages it has passed never
// add more than a few hundred kilobytes to the process, for a system call
// that takes microseconds.
const dropEvery = 1024

// eachSummary is EachSummary inside a transaction. The bytes bbolt hands
// out are only valid until the transaction ends, so every string of a
// Summary is a copy (shared between summaries through an interner).
func (s *Store) eachSummary(tx *bolt.Tx, f Filter, fn func(Summary) error) error {
	b := bucketsOf(tx)
	in := interner{}
	teams := s.teamLinks(tx)
	n, read := 0, 0
	visit := func(k, v []byte) (bool, error) {
		if read++; read%dropEvery == 0 {
			dropBehind(tx)
		}
		sum, err := openSummary(k, v, in)
		if err != nil {
			return false, damaged(s.path, err, err)
		}
		if f.Status != "" && sum.Status != f.Status {
			return true, nil
		}
		if sum.Team, sum.Respondent, err = teams.of(sum.ID); err != nil {
			return false, err
		}
		if f.Audits && sum.Respondent {
			return true, nil
		}
		if err := fn(sum); err != nil {
			return false, err
		}
		n++
		return f.Limit <= 0 || n < f.Limit, nil
	}
	if f.Client == "" {
		c := b.summaries.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if more, err := visit(k, v); err != nil || !more {
				return err
			}
		}
		return nil
	}
	return eachClientEntry(b, f.Client, func(tk []byte) (bool, error) {
		v := b.summaries.Get(tk)
		if v == nil {
			return false, damaged(s.path, problem("damage.index_no_summary", "the client index names a session with no summary"), nil)
		}
		return visit(tk, v)
	})
}

// eachClientEntry calls fn with the summary key of each of client's
// sessions, newest first, until fn returns false or an error.
func eachClientEntry(b buckets, client string, fn func(timeKey []byte) (bool, error)) error {
	p := clientPrefix(client)
	end := append(p[:len(p)-1:len(p)-1], 1) // the first key after the client's entries
	c := b.clients.Cursor()
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; hasPrefix(k, p); k, _ = c.Prev() {
		if more, err := fn(k[len(p):]); err != nil || !more {
			return err
		}
	}
	return nil
}

// Clients returns the distinct client names, sorted by ClientKey, each
// spelled as in the client's newest session. Sessions with no client are
// left out.
func (s *Store) Clients() ([]string, error) {
	var names []string
	err := s.view(func(tx *bolt.Tx) error {
		c := bucketsOf(tx).clients.Cursor()
		k, _ := c.First()
		for k != nil {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return damaged(s.path, problem("damage.client_key", "a client index key is malformed"), nil)
			}
			end := append(k[:i:i], 1)
			next, _ := c.Seek(end)
			var lk, v []byte
			if next == nil {
				lk, v = c.Last()
			} else {
				lk, v = c.Prev()
			}
			if i > 0 {
				name, err := openClientEntry(lk, v)
				if err != nil {
					return damaged(s.path, err, err)
				}
				names = append(names, name)
			}
			k, _ = c.Seek(end)
		}
		return nil
	})
	return names, err
}

// LatestCompleted returns the client's most recently completed session, the
// last in audit order.
func (s *Store) LatestCompleted(client string) (*checklist.Session, error) {
	var sess *checklist.Session
	err := s.view(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		var best Summary
		err := eachClientEntry(b, client, func(tk []byte) (bool, error) {
			sum, err := openSummary(tk, b.summaries.Get(tk), nil)
			if err != nil {
				return false, damaged(s.path, err, err)
			}
			if sum.Stamp().Completed() && (best.ID == "" || audit.Compare(sum.Stamp(), best.Stamp()) > 0) {
				best = sum
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		if best.ID == "" {
			return codedError(ErrNotFound, "store.no_completed", fmt.Sprintf("no completed session for client %q", trimSpace(client)), nil,
				"Client", fmt.Sprintf("%q", trimSpace(client)))
		}
		sess, err = s.loadExact(tx, best.ID)
		return err
	})
	return sess, err
}

// Stamp is what the audit rules (dates, order, the previous session) read
// of a summary.
func (s Summary) Stamp() audit.Stamp {
	return audit.Stamp{ID: s.ID, Status: s.Status, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, CompletedAt: s.CompletedAt,
		AuditDate: s.AuditDate}
}
