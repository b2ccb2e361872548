// Package content holds the content packs built into servicecheck: one per
// language, every one with the same pack id, version and question ids, so
// that a session answered in one language can be shown in another.
//
// The packs are embedded YAML files (packs/*.yaml) in the format that
// checklist.Load reads; a user's own pack file loads the same way.
package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/servicecheck/servicecheck/checklist"
)

// DefaultLang is the language of the pack Default returns.
const DefaultLang = "en"

// ErrUnknown is matched by the errors of Lookup and ForLang when no
// embedded pack fits the request.
var ErrUnknown = errors.New("unknown content pack")

//go:embed packs/*.yaml
var packFS embed.FS

// embedded is one pack file, parsed.
type embedded struct {
	file string // path inside packFS, for messages
	raw  []byte
	pack *checklist.Pack
}

// packs maps each language to the loader of its embedded pack, built once
// from the file names alone: a pack is parsed the first time it is asked
// for, never at start-up (parsing all of them cost every command,
// --version included, about 6 ms). The map and its loaders are never
// modified after they are built, and callers get copies of the packs, so
// nothing here is shared mutable state.
var packs = sync.OnceValue(func() map[string]func() (embedded, error) {
	names, err := fs.Glob(packFS, "packs/*.yaml")
	if err != nil {
		panic("content: " + err.Error()) // a pattern error: a bug
	}
	m := make(map[string]func() (embedded, error), len(names))
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		m[lang] = sync.OnceValues(func() (embedded, error) { return parse(name, lang) })
	}
	return m
})

// parse reads and checks one embedded pack file.
func parse(name, lang string) (embedded, error) {
	raw, err := packFS.ReadFile(name)
	if err != nil {
		return embedded{}, err
	}
	p, err := checklist.Load(name, raw)
	if err != nil {
		return embedded{}, fmt.Errorf("embedded content pack %s:\n%w", name, err)
	}
	if p.Lang != lang {
		return embedded{}, fmt.Errorf("embedded content pack %s: lang is %q, want %q", name, p.Lang, lang)
	}
	return embedded{file: name, raw: raw, pack: p}, nil
}

// get returns the parsed embedded pack in lang, exactly as named. A broken
// embedded pack is a bug caught by this package's tests, never a user
// error, so it panics.
func get(lang string) (embedded, bool) {
	load, ok := packs()[lang]
	if !ok {
		return embedded{}, false
	}
	e, err := load()
	if err != nil {
		panic("content: " + err.Error())
	}
	return e, true
}

// Default returns the English pack. It is never nil. Each call returns a
// fresh copy that the caller may change freely.
func Default() *checklist.Pack {
	e, ok := get(DefaultLang)
	if !ok {
		panic("content: no embedded content pack for " + DefaultLang)
	}
	return clonePack(e.pack)
}

// Languages returns the language codes of the embedded packs, sorted.
func Languages() []string {
	return slices.Sorted(maps.Keys(packs()))
}

// ForLang returns a copy of the embedded pack in lang. A regional code such
// as "en-GB" or "it_CH" falls back to its base language, the case of lang
// does not matter, and "" means the default language.
func ForLang(lang string) (*checklist.Pack, error) {
	e, ok := find(lang)
	if !ok {
		return nil, unknownLang(lang)
	}
	return clonePack(e.pack), nil
}

// YAML returns the file the embedded pack in lang was loaded from, byte for
// byte: the starting point for a custom pack. Languages resolve as in ForLang.
func YAML(lang string) ([]byte, error) {
	e, ok := find(lang)
	if !ok {
		return nil, unknownLang(lang)
	}
	return slices.Clone(e.raw), nil
}

func find(lang string) (embedded, bool) {
	l, ok := resolve(lang)
	if !ok {
		return embedded{}, false
	}
	return get(l)
}

// resolve returns the language of the embedded pack lang names, as
// ForLang reads it, without parsing any pack.
func resolve(lang string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(lang))
	if l == "" {
		l = DefaultLang
	}
	if _, ok := packs()[l]; ok {
		return l, true
	}
	if i := strings.IndexAny(l, "-_."); i > 0 {
		if _, ok := packs()[l[:i]]; ok {
			return l[:i], true
		}
	}
	return "", false
}

// Check returns, without parsing a pack, the language of the pack
// ForLang(lang) returns ("it" for "it_IT.UTF-8"); its error is ForLang's.
func Check(lang string) (string, error) {
	l, ok := resolve(lang)
	if !ok {
		return "", unknownLang(lang)
	}
	return l, nil
}

// Lookup returns a copy of the embedded pack a session was answered with.
// When that pack's language is no longer built in, it returns the same id
// and version in English, so old sessions stay readable; an unknown id or
// version is an error matching ErrUnknown.
func Lookup(ref checklist.Ref) (*checklist.Pack, error) {
	if e, ok := get(ref.Lang); ok && e.pack.ID == ref.ID && e.pack.Version == ref.Version {
		return clonePack(e.pack), nil
	}
	if e, ok := get(DefaultLang); ok && e.pack.ID == ref.ID && e.pack.Version == ref.Version {
		return clonePack(e.pack), nil
	}
	return nil, &unknownError{msg: fmt.Sprintf("content pack %s version %s is not built into this servicecheck", ref.ID, ref.Version),
		code: "content.not_built_in", args: map[string]any{"Pack": ref.ID, "Version": ref.Version}}
}

// unknownError says what was not found in English words of its own while
// matching ErrUnknown, and as a code with arguments for the catalogue
// (domain.content.*), which is what people read.
type unknownError struct {
	msg  string
	code string
	args map[string]any
}

func (e *unknownError) Error() string        { return e.msg }
func (e *unknownError) Is(target error) bool { return target == ErrUnknown }

// MessageCode returns the code of the error's message.
func (e *unknownError) MessageCode() string { return e.code }

// MessageArgs returns the arguments of the error's message by name.
func (e *unknownError) MessageArgs() map[string]any { return e.args }

func unknownLang(lang string) error {
	langs := strings.Join(Languages(), ", ")
	return &unknownError{msg: fmt.Sprintf("no content pack in language %q (built in: %s)", lang, langs),
		code: "content.no_lang", args: map[string]any{"Lang": fmt.Sprintf("%q", lang), "Langs": langs}}
}
