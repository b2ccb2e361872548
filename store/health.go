package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Health is what Inspect found in a data file.
type Health struct {
	Path string
	// Size is the file's length in bytes.
	Size int64
	// Schema is the file's schema version; CurrentSchema is what this
	// servicecheck writes (an older file is upgraded when next opened).
	Schema, CurrentSchema int
	Sessions              int
	Clients               int
	// Packs counts the content packs kept for sessions (from schema 3).
	Packs int
	// Problems lists what is wrong, empty for a sound file: each a coded
	// error (see internal/usertext), whose Error is its English.
	Problems []error
}

// maxProblems caps the problems Inspect lists; one is enough to act on.
const maxProblems = 20

// Inspect checks the data file at path without changing it: the header,
// bbolt's own consistency check (tx.Check, as `bbolt check` runs it), and
// servicecheck's: every record decodes and the indexes match the records.
// It returns ErrNoFile for a missing file, ErrInUse when another
// servicecheck is writing, and ErrDamaged (with h.Problems) for a problem.
func Inspect(path string, opts Options) (Health, error) {
	h := Health{Path: path, CurrentSchema: currentSchema}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if exists, err := checkKind(path); err != nil || !exists {
		if err == nil {
			err = noFile(path, nil)
		} else if errors.Is(err, ErrDamaged) {
			h.Problems = append(h.Problems, err)
		}
		return h, err
	}
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return h, noFile(path, err)
	}
	if err != nil {
		return h, wrapCode("store.inspect", "inspect data file", path, err)
	}
	h.Size = st.Size()
	if _, err := checkHeader(path, true); err != nil {
		h.Problems = append(h.Problems, err)
		return h, err
	}
	s := &Store{path: path, opts: Options{ReadOnly: true, Timeout: opts.Timeout}}
	if err := s.openBolt(); err != nil {
		if errors.Is(err, ErrDamaged) {
			h.Problems = append(h.Problems, err)
		}
		return h, err
	}
	defer s.db.Close()
	// Read every page first, in this goroutine, where a memory fault on
	// a damaged page is recovered (see guard). tx.Check reads the same
	// pages in a goroutine of its own, where such a fault would crash.
	if err := s.view(walk); err != nil {
		h.Problems = append(h.Problems, err)
		return h, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if len(h.Problems) < maxProblems {
				h.Problems = append(h.Problems, problem("health.bbolt", "bbolt: "+err.Error(), "Detail", err.Error()))
			}
		}
		if len(h.Problems) > 0 {
			return nil // the servicecheck checks below would read damaged pages
		}
		schema, err := readSchema(tx, path)
		if err != nil {
			h.Problems = append(h.Problems, err)
			return nil
		}
		h.Schema = schema
		if schema > currentSchema {
			h.Problems = append(h.Problems, errNewer(path, schema))
			return nil
		}
		h.Problems = append(h.Problems, checkLookups(tx)...)
		s.legacy = schema < sealedSchema
		h.Problems = append(h.Problems, s.checkRecords(tx, &h)...)
		h.Problems = append(h.Problems, s.checkPacks(tx, &h)...)
		return nil
	})
	if err != nil && errors.Is(err, ErrDamaged) && len(h.Problems) == 0 {
		h.Problems = append(h.Problems, err)
	}
	if err == nil && len(h.Problems) > 0 {
		why := h.Problems[0]
		if more := len(h.Problems) - 1; more > 0 {
			err = codedError(ErrDamaged, "store.problems_more",
				fmt.Sprintf("data file %s has problems: %v, and %d more problems", path, why, more), nil,
				"Path", path, "Detail", why, "Count", more)
		} else {
			err = codedError(ErrDamaged, "store.problems", fmt.Sprintf("data file %s has problems: %v", path, why), nil,
				"Path", path, "Detail", why)
		}
	}
	return h, err
}

// checkRecords decodes every record and, from schema 2, checks that the
// summary and client indexes hold exactly one matching entry per record;
// from schema 5 every value's checksum is checked on the way.
func (s *Store) checkRecords(tx *bolt.Tx, h *Health) []error {
	var problems []error
	add := func(p error) {
		if len(problems) < maxProblems {
			problems = append(problems, p)
		}
	}
	sessions := tx.Bucket(bucketSessions)
	if sessions == nil {
		if h.Schema > 0 {
			return []error{problem("health.no_sessions", "the sessions bucket is missing")}
		}
		return nil // a new, empty file
	}
	indexed := h.Schema >= 2
	var sums, clients *bolt.Bucket
	if indexed {
		sums, clients = tx.Bucket(bucketSummaries), tx.Bucket(bucketClients)
		if sums == nil || clients == nil {
			return []error{problem("health.no_index", "the summary or client index is missing")}
		}
	}
	_ = sessions.ForEach(func(k, v []byte) error {
		h.Sessions++
		sess, err := s.openRecord(string(k), v)
		if err != nil {
			id := fmt.Sprintf("%q", clip(string(k)))
			add(codedError(nil, "health.session", fmt.Sprintf("session %s does not read: %v", id, err), err, "ID", id, "Detail", err))
			return nil
		}
		if !indexed {
			return nil
		}
		tk := timeKey(sess)
		sv, err := s.unsealV(bucketSummaries, tk, sums.Get(tk))
		if sum, derr := decodeSummary(sv); sv == nil || err != nil || derr != nil || sum.ID != sess.ID ||
			sum.Client != sess.Client || sum.Status != sess.Status {
			add(problem("health.no_summary", fmt.Sprintf("session %s has no matching summary", k), "ID", string(k)))
		}
		ck := clientKey(sess)
		cv, err := s.unsealV(bucketClients, ck, clients.Get(ck))
		if cv == nil || err != nil || !bytes.Equal(cv, []byte(sess.Client)) {
			add(problem("health.no_client_entry", fmt.Sprintf("session %s has no matching client index entry", k), "ID", string(k)))
		}
		return nil
	})
	if !indexed {
		return problems
	}
	n := 0
	_ = sums.ForEach(func(k, v []byte) error {
		n++
		if p, err := s.unsealV(bucketSummaries, k, v); err != nil {
			add(codedError(nil, "health.summary_read", fmt.Sprintf("a summary does not read: %v", err), err, "Detail", err))
		} else if _, err := decodeSummary(p); err != nil {
			add(codedError(nil, "health.summary_decode", fmt.Sprintf("a summary does not decode: %v", err), err, "Detail", err))
		}
		return nil
	})
	if n != h.Sessions {
		add(problem("health.summary_count", fmt.Sprintf("the summary index has %d entries for %d sessions", n, h.Sessions),
			"Count", n, "Sessions", h.Sessions))
	}
	names := map[string]bool{}
	n = 0
	_ = clients.ForEach(func(k, v []byte) error {
		n++
		if _, err := s.unsealV(bucketClients, k, v); err != nil {
			add(codedError(nil, "health.client_read", fmt.Sprintf("a client index entry does not read: %v", err), err, "Detail", err))
		}
		if i := bytes.IndexByte(k, 0); i > 0 {
			names[string(k[:i])] = true
		}
		return nil
	})
	if n != h.Sessions {
		add(problem("health.client_count", fmt.Sprintf("the client index has %d entries for %d sessions", n, h.Sessions),
			"Count", n, "Sessions", h.Sessions))
	}
	h.Clients = len(names)
	return problems
}

// checkPacks checks, from schema 3, that every kept content pack loads and
// is the pack its key names.
func (s *Store) checkPacks(tx *bolt.Tx, h *Health) []error {
	b := tx.Bucket(bucketPacks)
	switch {
	case h.Schema < 3 || tx.Bucket(bucketSessions) == nil:
		return nil // before packs were kept, or a new, empty file
	case b == nil:
		return []error{problem("health.no_packs", "the content packs bucket is missing")}
	}
	var problems []error
	_ = b.ForEach(func(k, v []byte) error {
		h.Packs++
		ref, ok := refOfKey(k)
		p, err := s.unsealV(bucketPacks, k, v)
		switch {
		case !ok:
			problems = append(problems, packKeyProblem(k))
		case err != nil:
			problems = append(problems, codedError(nil, "health.pack_read", fmt.Sprintf("content pack %s does not read: %v", RefString(ref), err), err,
				"Pack", RefString(ref), "Detail", err))
		default:
			if _, err := checkPack(ref, p); err != nil {
				problems = append(problems, err)
			}
		}
		return nil
	})
	return problems[:min(len(problems), maxProblems)]
}

// walk reads every key and value of every bucket.
func walk(tx *bolt.Tx) error {
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walkBucket(b) })
}

func walkBucket(b *bolt.Bucket) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				return walkBucket(nb)
			}
		}
		return nil
	})
}

// checkLookups checks that looking up each key that iteration finds gives
// the value iteration gave: a changed key in a branch page sends a lookup
// down the wrong branch, and the entry is listed but can never be read.
func checkLookups(tx *bolt.Tx) []error {
	var problems []error
	var check func(name []byte, b *bolt.Bucket)
	check = func(name []byte, b *bolt.Bucket) {
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					check(k, nb)
					return nil
				}
			}
			if len(problems) < maxProblems && !bytes.Equal(b.Get(k), v) {
				key := fmt.Sprintf("%q", clip(string(k)))
				problems = append(problems, problem("health.lookup", fmt.Sprintf("%s entry %s is not found where it is stored", name, key),
					"Bucket", string(name), "Key", key))
			}
			return nil
		})
	}
	_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		check(name, b)
		return nil
	})
	return problems
}
