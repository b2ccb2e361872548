package main

import (
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"reflect"
	"sync"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// packResolver finds the content pack a stored session was answered with:
// a built-in pack first, then a pack kept in the data file (a user's own,
// kept when a session was first answered with it or imported), then the
// same built-in id and version in English when the session's language is
// no longer built in. Kept packs are parsed once per run and shared by
// their content: callers must not change the packs they get.
type packResolver struct {
	mu     sync.Mutex
	parsed map[[sha256.Size]byte]*checklist.Pack
}

func newPackResolver() *packResolver {
	return &packResolver{parsed: map[[sha256.Size]byte]*checklist.Pack{}}
}

// resolve returns the pack ref names, reading kept packs from kept (nil
// when there is no data file). A pack found nowhere is an exit-3 error
// that names it.
func (r *packResolver) resolve(kept store.PackSource, ref checklist.Ref) (*checklist.Pack, error) {
	if p, ok := builtinPack(ref); ok {
		return p, nil
	}
	builtin, berr := content.Lookup(ref) // the same id and version in English, or an error
	if kept != nil {
		y, err := kept.Pack(ref)
		switch {
		case err == nil:
			return r.parse(ref, y)
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
	}
	if berr == nil {
		return builtin, nil
	}
	return nil, notFound("cmd.packs.not_found", "Pack", store.RefString(ref))
}

// parse loads a kept pack, once for each content.
func (r *packResolver) parse(ref checklist.Ref, y []byte) (*checklist.Pack, error) {
	sum := sha256.Sum256(y)
	r.mu.Lock()
	p, ok := r.parsed[sum]
	r.mu.Unlock()
	if ok && p.Ref() == ref {
		return p, nil
	}
	p, err := checklist.Load("content pack "+store.RefString(ref), y)
	if err == nil && p.Ref() != ref {
		err = msgError("cmd.packs.says_it_is", "Pack", store.RefString(p.Ref()))
	}
	if err != nil {
		// PutPack let in only valid packs: the file was changed behind
		// servicecheck's back.
		return nil, withCode(exitDamaged, wrap(err, "cmd.packs.kept_broken", "Pack", store.RefString(ref)))
	}
	r.mu.Lock()
	r.parsed[sum] = p
	r.mu.Unlock()
	return p, nil
}

// builtinPack returns the built-in pack ref names exactly, language
// included.
func builtinPack(ref checklist.Ref) (*checklist.Pack, bool) {
	p, err := content.Lookup(ref)
	if err != nil || p.Lang != ref.Lang {
		return nil, false
	}
	return p, true
}

// lookupPack returns the pack the session that refers to ref was answered
// with: built in, else kept in st's data file. Every command that reads a
// stored session finds its pack here.
func (a *app) lookupPack(st *store.Store, ref checklist.Ref) (*checklist.Pack, error) {
	if st == nil {
		return a.packs.resolve(nil, ref)
	}
	return a.packs.resolve(st, ref)
}

// sessionPack is the pack a new session is answered with, chosen with
// --lang or --pack.
type sessionPack struct {
	pack *checklist.Pack
	// file and yaml are the pack file given with --pack and its bytes,
	// kept in the data file for the sessions answered with it; both empty
	// for a built-in pack.
	file string
	yaml []byte
}

// chooseSessionPack returns the pack named by --lang (a built-in pack,
// English when lang is "") or --pack (a file of the user's own). An unknown
// language is a usage error; a pack file that fails validation has every
// problem listed on errOut as file:line:col (exit 6). A file that carries a
// built-in pack's id, version and language must be that pack: the same
// reference with other content would mix two contents under one name.
func chooseSessionPack(l *i18n.Locale, errOut io.Writer, lang, file string) (sessionPack, error) {
	if file == "" {
		p, err := content.ForLang(lang)
		if err != nil {
			return sessionPack{}, langError(err)
		}
		return sessionPack{pack: p}, nil
	}
	if lang != "" {
		return sessionPack{}, usageError("cmd.packs.pack_or_lang")
	}
	data, err := readPackFile(file)
	if err != nil {
		return sessionPack{}, err
	}
	p, err := checklist.Load(file, data)
	if err != nil {
		return sessionPack{}, packLoadError(l, errOut, file, err)
	}
	same, err := sameAsBuiltin(p)
	switch {
	case err != nil:
		return sessionPack{}, withCode(exitCode(err), wrap(err, "cmd.file", "File", file))
	case same:
		return sessionPack{pack: p}, nil
	}
	return sessionPack{pack: p, file: file, yaml: data}, nil
}

// sameAsBuiltin reports whether p is a built-in pack (an exported copy,
// perhaps with comments changed), and refuses, as invalid input, a pack
// that takes a built-in pack's id, version and language with other content.
func sameAsBuiltin(p *checklist.Pack) (bool, error) {
	builtin, ok := builtinPack(p.Ref())
	if !ok {
		return false, nil
	}
	if reflect.DeepEqual(builtin, p) {
		return true, nil
	}
	return false, withCode(exitInvalid, msgError("cmd.packs.builtin_conflict", "Pack", store.RefString(p.Ref())))
}

// keep stores a pack of the user's own in the data file, so that sessions
// answered with it stay readable without the file. A built-in pack needs
// nothing kept.
func (sp sessionPack) keep(st *store.Store) error {
	if sp.yaml == nil {
		return nil
	}
	if err := st.PutPack(sp.pack.Ref(), sp.yaml); err != nil {
		return wrap(err, "cmd.file", "File", sp.file)
	}
	return nil
}

// readPackFile reads a pack file up to one byte past the size limit, so
// that checklist.Load can say the file is too big.
func readPackFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, withCode(exitNotFound, wrap(err, "cmd.packs.load"))
	}
	if err != nil {
		return nil, wrap(err, "cmd.packs.load")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, checklist.MaxPackSize+1))
	if err != nil {
		return nil, wrap(err, "cmd.packs.load_file", "File", file)
	}
	return data, nil
}

// keptPacks returns the packs of the user's own that sessions were
// answered with, as kept in st, for an export that another data file can
// import and read. Built-in packs are not carried.
func keptPacks(st *store.Store, sessions ...*checklist.Session) ([]store.PackFile, error) {
	var out []store.PackFile
	seen := map[checklist.Ref]bool{}
	for _, s := range sessions {
		ref := s.Pack
		if seen[ref] {
			continue
		}
		seen[ref] = true
		if _, ok := builtinPack(ref); ok {
			continue
		}
		y, err := st.Pack(ref)
		if errors.Is(err, store.ErrNotFound) {
			continue // nothing to carry; reading it fails the same way here
		}
		if err != nil {
			return nil, err
		}
		out = append(out, store.PackFile{ID: ref.ID, Version: ref.Version, Lang: ref.Lang, YAML: string(y)})
	}
	return out, nil
}
