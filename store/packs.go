package store

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// A data file keeps a copy of every content pack of a user's own that a
// session in it was answered with, so that the session stays readable
// (shown, scored, exported) when the pack file is gone or was edited since.
// The copy is the YAML exactly as it was loaded. A reference (id, version,
// language) names one content for good: a different content under a stored
// reference is refused, never put in its place.

// PackSource reads the content packs kept in a data file. *Store is one;
// Options.Summarize gets one that reads inside the transaction being
// written.
type PackSource interface {
	// Pack returns the YAML of the pack ref names, exactly as it was put,
	// or an error matching ErrNotFound when the file keeps none.
	Pack(ref checklist.Ref) ([]byte, error)
}

// packKey is where a pack is kept: id, version and language joined by a
// zero byte, which none of them may hold.
func packKey(ref checklist.Ref) []byte {
	return []byte(ref.ID + "\x00" + ref.Version + "\x00" + ref.Lang)
}

// refOfKey reads a key written by packKey.
func refOfKey(k []byte) (checklist.Ref, bool) {
	parts := strings.Split(string(k), "\x00")
	if len(parts) != 3 {
		return checklist.Ref{}, false
	}
	return checklist.Ref{ID: parts[0], Version: parts[1], Lang: parts[2]}, true
}

// RefString names a pack in messages: "mine 1.1.0 (en)".
func RefString(ref checklist.Ref) string {
	return fmt.Sprintf("%s %s (%s)", ref.ID, ref.Version, ref.Lang)
}

// checkPack validates a pack's YAML as PutPack receives it: a valid pack
// (checklist.Load, which also enforces checklist.MaxPackSize) whose own id,
// version and language are ref.
func checkPack(ref checklist.Ref, yaml []byte) (*checklist.Pack, error) {
	if strings.ContainsRune(ref.ID+ref.Version+ref.Lang, 0) || ref.ID == "" || ref.Version == "" || ref.Lang == "" {
		r := fmt.Sprintf("%q", RefString(ref))
		return nil, codedError(ErrInvalid, "store.pack_not_ref", "content pack "+r+": not a pack reference", nil, "Pack", r)
	}
	p, err := checklist.Load("content pack "+RefString(ref), yaml)
	if err != nil {
		return nil, codedError(ErrInvalid, "store.pack_not_load", fmt.Sprintf("content pack %s does not load: %v", RefString(ref), firstLine(err.Error())), err,
			"Pack", RefString(ref), "Detail", firstProblem(err))
	}
	if p.Ref() != ref {
		return nil, codedError(ErrInvalid, "store.pack_other", fmt.Sprintf("content pack %s: the YAML says it is %s", RefString(ref), RefString(p.Ref())), nil,
			"Pack", RefString(ref), "Other", RefString(p.Ref()))
	}
	return p, nil
}

// putPack keeps yaml under ref in tx, after checkPack, and reports whether
// the pack was new to the file. When the same content (the same bytes, or
// YAML that loads to the same pack) is already there, nothing changes and
// the copy first kept stays; a different content under ref is refused with
// ErrConflict.
func putPack(tx *bolt.Tx, ref checklist.Ref, p *checklist.Pack, yaml []byte) (bool, error) {
	b, err := tx.CreateBucketIfNotExists(bucketPacks)
	if err != nil {
		return false, err
	}
	key := packKey(ref)
	v := b.Get(key)
	if v == nil {
		return true, b.Put(key, seal(bucketPacks, key, yaml))
	}
	old, err := unseal(bucketPacks, key, v)
	if err != nil {
		return false, newError(ErrDamaged, fmt.Sprintf("content pack %s kept in the data file: %v; "+
			"'servicecheck doctor' checks the file", RefString(ref), err), err)
	}
	if bytes.Equal(old, yaml) {
		return false, nil
	}
	if kept, err := checklist.Load("kept", old); err == nil && reflect.DeepEqual(kept, p) {
		return false, nil
	}
	return false, packConflict(ref)
}

// packConflict is the error for a pack whose reference is taken by another
// content.
func packConflict(ref checklist.Ref) error {
	return codedError(ErrConflict, "store.pack_conflict", fmt.Sprintf("content pack %s is already kept in the data file with "+
		"different content: give your pack another version (or id), so that sessions answered "+
		"with each stay apart", RefString(ref)), nil, "Pack", RefString(ref))
}

// PutPack keeps the YAML of a content pack in the data file, for the
// sessions answered with it. yaml must be a valid pack whose id, version and
// language are ref (ErrInvalid). Putting the same content again changes
// nothing; a different content under ref is refused with ErrConflict.
func (s *Store) PutPack(ref checklist.Ref, yaml []byte) error {
	p, err := checkPack(ref, yaml)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		_, err := putPack(tx, ref, p, yaml)
		return err
	})
}

// Pack returns the YAML of the pack kept under ref, exactly as it was put,
// or an error matching ErrNotFound.
func (s *Store) Pack(ref checklist.Ref) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = txPacks{tx: tx}.Pack(ref)
		return err
	})
	return out, err
}

// Packs returns the references of the packs kept in the data file, in key
// order (id, then version, then language).
func (s *Store) Packs() ([]checklist.Ref, error) {
	var out []checklist.Ref
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPacks)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			ref, ok := refOfKey(k)
			if !ok {
				return damaged(s.path, packKeyProblem(k), nil)
			}
			out = append(out, ref)
			return nil
		})
	})
	return out, err
}

// txPacks reads the packs kept in the file inside an open transaction.
type txPacks struct {
	tx *bolt.Tx
	// legacy reads packs kept before checksums (in a migration step).
	legacy bool
}

// Pack returns a copy of the YAML kept under ref: bbolt's slices are valid
// only inside the transaction.
func (t txPacks) Pack(ref checklist.Ref) ([]byte, error) {
	// A file being upgraded from before schema 3 has no packs bucket yet.
	if b := t.tx.Bucket(bucketPacks); b != nil {
		key := packKey(ref)
		if v := b.Get(key); v != nil {
			p, err := v, error(nil)
			if !t.legacy {
				p, err = unseal(bucketPacks, key, v)
			}
			if err != nil {
				return nil, newError(ErrDamaged, fmt.Sprintf("content pack %s kept in the data file: %v", RefString(ref), err), err)
			}
			return bytes.Clone(p), nil
		}
	}
	return nil, codedError(ErrNotFound, "store.pack_not_kept", fmt.Sprintf("content pack %s is not kept in the data file", RefString(ref)), nil,
		"Pack", RefString(ref))
}

// firstLine returns s up to its first newline, with the number of further
// lines when there are any: a pack's validation errors are one a line.
func firstLine(s string) string {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok {
		return s
	}
	return fmt.Sprintf("%s (and %d more problems)", first, strings.Count(rest, "\n")+1)
}

// firstProblem is the first of the problems a pack that does not load
// has: one is enough to act on.
func firstProblem(err error) error {
	var verrs checklist.ValidationErrors
	if errors.As(err, &verrs) && len(verrs) > 0 {
		return verrs[0]
	}
	return err
}

// packKeyProblem is the problem of a content pack key that names no pack.
func packKeyProblem(k []byte) error {
	key := fmt.Sprintf("%q", clip(string(k)))
	return problem("health.pack_key", "a content pack key "+key+" is unreadable", "Key", key)
}
