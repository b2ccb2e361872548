package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// The interchange document that moves sessions between laptops:
//
//	{"format":"servicecheck-sessions","version":1,"sessions":[<session>...],
//	 "packs":[{"id":…,"version":…,"lang":…,"yaml":…}...]}
//
// where each session is checklist.Session's JSON, and packs (optional) are
// the user's own content packs the sessions were answered with, as
// PackFile. ReadDocument also accepts a single bare session object.
const (
	DocFormat  = "servicecheck-sessions"
	DocVersion = 1
)

type document struct {
	Format   string               `json:"format"`
	Version  int                  `json:"version"`
	Sessions []*checklist.Session `json:"sessions"`
}

// ExportJSON writes sessions as one interchange document.
func ExportJSON(w io.Writer, sessions []*checklist.Session) error {
	if sessions == nil {
		sessions = []*checklist.Session{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(document{Format: DocFormat, Version: DocVersion, Sessions: sessions}); err != nil {
		return fmt.Errorf("export sessions: %w", err)
	}
	return nil
}

// PackFile is a content pack carried in an interchange document, so that
// the sessions answered with it can be read where they are imported.
type PackFile struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Lang    string `json:"lang"`
	// YAML is the pack exactly as the data file keeps it (Store.Pack).
	YAML string `json:"yaml"`
}

// Ref returns the reference of the pack f carries.
func (f PackFile) Ref() checklist.Ref {
	return checklist.Ref{ID: f.ID, Version: f.Version, Lang: f.Lang}
}

// ImportResult lists the ids that Import stored and those it skipped
// because an identical session was already there, and the content packs it
// kept that the file did not have.
type ImportResult struct {
	Imported []string
	Skipped  []string
	Packs    []checklist.Ref
}

// Import stores sessions (from ReadDocument) and the content packs they
// were answered with in one transaction: all of them or, on any error,
// none. A session whose id is already stored is skipped when its content is
// identical and refused (ErrConflict) when it differs; packs are kept as
// PutPack keeps them, a different content under a kept pack's reference
// refused likewise.
func (s *Store) Import(sessions []*checklist.Session, packs ...PackFile) (ImportResult, error) {
	var res ImportResult
	parsed := make([]*checklist.Pack, len(packs))
	for i, f := range packs {
		p, err := checkPack(f.Ref(), []byte(f.YAML))
		if err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		parsed[i] = p
	}
	now := later(s.now(), time.Now())
	type item struct {
		sess *checklist.Session
		rec  []byte
	}
	items := make([]item, 0, len(sessions))
	for i, in := range sessions {
		c := *in
		c.Answers = maps.Clone(in.Answers)
		normalizeImported(&c)
		if err := validateSession(&c, now); err != nil {
			return res, newError(ErrInvalid, fmt.Sprintf("import: session %d (%s): %v", i+1, clip(c.ID), err), err)
		}
		rec, err := encodeRecord(&c)
		if err != nil {
			return res, newError(ErrInvalid, fmt.Sprintf("import: session %d (%s): %v", i+1, c.ID, err), err)
		}
		items = append(items, item{&c, rec})
	}
	err := s.update(func(tx *bolt.Tx) error {
		// The packs first: the sessions' totals are scored with them.
		for i, f := range packs {
			added, err := putPack(tx, f.Ref(), parsed[i], []byte(f.YAML))
			if errors.Is(err, ErrConflict) {
				return codedError(ErrConflict, "store.pack_conflict_import", err.Error()+": nothing was imported", nil,
					"Pack", RefString(f.Ref()))
			}
			if err != nil {
				return err
			}
			if added {
				res.Packs = append(res.Packs, f.Ref())
			}
		}
		b := bucketsOf(tx)
		for _, it := range items {
			stored := b.sessions.Get([]byte(it.sess.ID))
			switch {
			case stored == nil:
				if err := s.putSession(tx, nil, it.sess); err != nil {
					return err
				}
				res.Imported = append(res.Imported, it.sess.ID)
			case bytes.Equal(stored, it.rec):
				res.Skipped = append(res.Skipped, it.sess.ID)
			default:
				return codedError(ErrConflict, "store.session_conflict", fmt.Sprintf("session %s is already stored with different content: "+
					"nothing was imported; delete the stored one first if the imported one should replace it",
					it.sess.ID), nil, "ID", it.sess.ID)
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// Sessions returns the full sessions that match f, newest first, read in
// one transaction (for export and trends).
func (s *Store) Sessions(f Filter) ([]*checklist.Session, error) {
	sums, err := s.List(f)
	if err != nil {
		return nil, err
	}
	out := make([]*checklist.Session, 0, len(sums))
	err = s.view(func(tx *bolt.Tx) error {
		for _, sum := range sums {
			v := tx.Bucket(bucketSessions).Get([]byte(sum.ID))
			if v == nil {
				continue // deleted since List
			}
			sess, err := s.decode(sum.ID, v)
			if err != nil {
				return err
			}
			out = append(out, sess)
		}
		return nil
	})
	return out, err
}
