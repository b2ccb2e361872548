package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
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
		return wrapCode("store.export", "export sessions", "", err)
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
			return res, codedError(nil, "store.import_pack", "import: "+err.Error(), err, "Detail", err)
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
	// The same id twice in what is imported: once is enough when the
	// content is the same; different content is refused here, rather than
	// reported as a session already stored.
	seen := map[string][]byte{}
	uniq := items[:0:0]
	var again []string // ids given again with the same content: skipped
	for _, it := range items {
		if rec, ok := seen[it.sess.ID]; ok {
			if !bytes.Equal(rec, it.rec) {
				return res, newError(ErrConflict, fmt.Sprintf("import: session %s is given twice, with different "+
					"content: nothing was imported", it.sess.ID), nil)
			}
			again = append(again, it.sess.ID)
			continue
		}
		seen[it.sess.ID] = it.rec
		uniq = append(uniq, it)
	}
	// write stores what is new (with dry true, only says what it would
	// store): an import that brings nothing new writes nothing at all, and
	// the file's bytes stay as they were.
	write := func(tx *bolt.Tx, dry bool) (ImportResult, error) {
		var res ImportResult
		// The packs first: the sessions' totals are scored with them.
		for i, f := range packs {
			added, err := s.importPack(tx, f, parsed[i], dry)
			if errors.Is(err, ErrConflict) {
				return res, codedError(ErrConflict, "store.pack_conflict_import", err.Error()+": nothing was imported", nil,
					"Pack", RefString(f.Ref()))
			}
			if err != nil {
				return res, err
			}
			if added {
				res.Packs = append(res.Packs, f.Ref())
			}
		}
		b := bucketsOf(tx)
		for _, it := range uniq {
			stored, err := storedRecord(s, b, it.sess.ID)
			if err != nil {
				return res, err
			}
			switch {
			case stored == nil:
				if !dry {
					if err := s.putSession(tx, nil, it.sess); err != nil {
						return res, err
					}
				}
				res.Imported = append(res.Imported, it.sess.ID)
			case bytes.Equal(stored, it.rec):
				res.Skipped = append(res.Skipped, it.sess.ID)
			default:
				return res, codedError(ErrConflict, "store.session_conflict", fmt.Sprintf("session %s is already stored with different content: "+
					"nothing was imported; delete the stored one first if the imported one should replace it",
					it.sess.ID), nil, "ID", it.sess.ID)
			}
		}
		res.Skipped = append(res.Skipped, again...)
		return res, nil
	}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		res, err = write(tx, true)
		return err
	})
	if err != nil {
		return ImportResult{}, err
	}
	if len(res.Imported) == 0 && len(res.Packs) == 0 {
		return res, nil
	}
	err = s.update(func(tx *bolt.Tx) error {
		var err error
		res, err = write(tx, false)
		return err
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// importPack keeps a pack as putPack does; with dry, it only says whether
// it would be added (or refused).
func (s *Store) importPack(tx *bolt.Tx, f PackFile, p *checklist.Pack, dry bool) (bool, error) {
	if !dry {
		return putPack(tx, f.Ref(), p, []byte(f.YAML))
	}
	b := tx.Bucket(bucketPacks)
	if b == nil || b.Get(packKey(f.Ref())) == nil {
		return true, nil
	}
	y, err := txPacks{tx: tx}.Pack(f.Ref())
	if err != nil {
		return false, err
	}
	if bytes.Equal(y, []byte(f.YAML)) {
		return false, nil
	}
	if kept, err := checklist.Load("kept", y); err == nil && reflect.DeepEqual(kept, p) {
		return false, nil
	}
	return false, packConflict(f.Ref())
}

// storedRecord returns the record stored under id without its checksum,
// nil when there is none, or ErrDamaged when the checksum fails.
func storedRecord(s *Store, b buckets, id string) ([]byte, error) {
	v := b.sessions.Get([]byte(id))
	if v == nil {
		return nil, nil
	}
	p, err := unseal(bucketSessions, []byte(id), v)
	if err != nil {
		return nil, damaged(s.path, codedError(nil, "damage.session", fmt.Sprintf("session %s: %v", id, err), err, "ID", id, "Detail", err), err)
	}
	return p, nil
}

// Sessions returns the full sessions that match f (its Client and Status;
// not its Limit), newest first, read in one transaction from the records
// themselves rather than through the summary index, for export: a backup
// must hold every session there is. The records that do not read are
// returned as lost, each with its id and, when its summary reads, its
// client and date, so that the caller can say what the backup misses; a
// lost record whose client is unknown is returned whatever f.Client is.
func (s *Store) Sessions(f Filter) ([]*checklist.Session, []Lost, error) {
	var out []*checklist.Session
	var lost []Lost
	err := s.view(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		sums := map[string]Summary{}
		_ = b.summaries.ForEach(func(k, v []byte) error {
			if sum, err := openSummary(k, v, nil); err == nil {
				sums[sum.ID] = sum
			}
			return nil
		})
		want := ClientKey(f.Client)
		teams := s.teamLinks(tx)
		seen := map[string]bool{}
		err := b.sessions.ForEach(func(k, v []byte) error {
			id := string(k)
			seen[id] = true
			sess, err := s.openRecord(id, v)
			if err != nil {
				l := Lost{ID: id, Why: err}
				if !ValidID(id) {
					l.ID = ""
				}
				if sum, ok := sums[id]; ok {
					l.Client, l.CreatedAt = sum.Client, sum.CreatedAt
				}
				if want == "" || l.Client == "" || ClientKey(l.Client) == want {
					lost = append(lost, l)
				}
				return nil
			}
			if (want == "" || ClientKey(sess.Client) == want) && (f.Status == "" || sess.Status == f.Status) {
				if f.Audits {
					if _, respondent, err := teams.of(id); err != nil || respondent {
						return err
					}
				}
				out = append(out, sess)
			}
			return nil
		})
		for id, sum := range sums {
			if !seen[id] && (want == "" || ClientKey(sum.Client) == want) {
				lost = append(lost, Lost{ID: id, Client: sum.Client, CreatedAt: sum.CreatedAt,
					Why: errRecordMissing})
			}
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(out, func(a, b *checklist.Session) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	slices.SortFunc(lost, func(a, b Lost) int { return strings.Compare(a.ID, b.ID) })
	return out, lost, nil
}
