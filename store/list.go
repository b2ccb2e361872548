package store

import (
	"bytes"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

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
}

// List returns summaries of the sessions that match f, newest first.
func (s *Store) List(f Filter) ([]Summary, error) {
	var out []Summary
	err := s.view(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		in := interner{}
		keep := func(v []byte) (bool, error) {
			sum, err := decodeSummaryInterned(v, in)
			if err != nil {
				return false, damaged(s.path, fmt.Sprintf("a summary does not decode: %v", err), err)
			}
			if f.Status != "" && sum.Status != f.Status {
				return true, nil
			}
			out = append(out, sum)
			return f.Limit <= 0 || len(out) < f.Limit, nil
		}
		if f.Client == "" {
			// Size the result once: a Summary is ~300 bytes, and growing a
			// slice of 100,000 of them allocates it about five times over.
			if f.Status == "" {
				n := b.summaries.Stats().KeyN
				if f.Limit > 0 {
					n = min(n, f.Limit)
				}
				out = make([]Summary, 0, n)
			}
			c := b.summaries.Cursor()
			for k, v := c.Last(); k != nil; k, v = c.Prev() {
				if more, err := keep(v); err != nil || !more {
					return err
				}
			}
			return nil
		}
		return eachClientEntry(b, f.Client, func(tk []byte) (bool, error) {
			v := b.summaries.Get(tk)
			if v == nil {
				return false, damaged(s.path, "the client index names a session with no summary", nil)
			}
			return keep(v)
		})
	})
	return out, err
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
				return damaged(s.path, "a client index key is malformed", nil)
			}
			end := append(k[:i:i], 1)
			next, _ := c.Seek(end)
			var v []byte
			if next == nil {
				_, v = c.Last()
			} else {
				_, v = c.Prev()
			}
			if i > 0 {
				names = append(names, string(v))
			}
			k, _ = c.Seek(end)
		}
		return nil
	})
	return names, err
}

// LatestCompleted returns the client's most recently completed session.
func (s *Store) LatestCompleted(client string) (*checklist.Session, error) {
	var sess *checklist.Session
	err := s.view(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		var best Summary
		err := eachClientEntry(b, client, func(tk []byte) (bool, error) {
			sum, err := decodeSummary(b.summaries.Get(tk))
			if err != nil {
				return false, damaged(s.path, fmt.Sprintf("a summary does not decode: %v", err), err)
			}
			if sum.Status == checklist.Completed && (best.ID == "" || sum.CompletedAt.After(best.CompletedAt)) {
				best = sum
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		if best.ID == "" {
			return newError(ErrNotFound, fmt.Sprintf("no completed session for client %q", trimSpace(client)), nil)
		}
		sess, err = s.loadExact(tx, best.ID)
		return err
	})
	return sess, err
}
