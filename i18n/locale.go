package i18n

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

	"github.com/goccy/go-yaml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Default is the language used when no other is chosen or the chosen one has
// no catalogue.
const Default = "en"

// Pseudo is the pseudo-locale of the tests: English messages wrapped in
// ⟦…⟧ and a decimal comma. It is not offered to users.
const Pseudo = "qps"

//go:embed catalog/*.yaml
var catalogFS embed.FS

// files lists the catalogue files of each language, from their names
// alone: nothing is parsed until a language is used.
var files = sync.OnceValue(func() map[string][]string {
	names, err := fs.Glob(catalogFS, "catalog/*.yaml")
	if err != nil {
		panic("i18n: " + err.Error()) // a bad pattern: a bug
	}
	m := map[string][]string{}
	for _, name := range names {
		_, lang, ok := splitName(name)
		if !ok {
			panic("i18n: catalogue file not named DOMAIN.LANG.yaml: " + name)
		}
		m[lang] = append(m[lang], name)
	}
	return m
})

// splitName splits "catalog/tui.it.yaml" into "tui" and "it".
func splitName(name string) (domain, lang string, ok bool) {
	base := strings.TrimSuffix(path.Base(name), ".yaml")
	domain, lang, ok = strings.Cut(base, ".")
	return domain, lang, ok && domain != "" && lang != "" && !strings.Contains(lang, ".")
}

// Languages lists the languages that have a catalogue, English first.
func Languages() []string {
	langs := slices.Sorted(maps.Keys(files()))
	slices.SortStableFunc(langs, func(a, b string) int {
		switch {
		case a == Default:
			return -1
		case b == Default:
			return 1
		}
		return 0
	})
	return langs
}

// Supported reports whether lang has a catalogue.
func Supported(lang string) bool {
	_, ok := files()[lang]
	return ok
}

// bundle holds the parsed catalogues; each language is added the first time
// it is used.
var bundle struct {
	once   sync.Once
	b      *goi18n.Bundle
	mu     sync.Mutex
	loaded map[string]error
	// added holds lang+"\x00"+id for each message plural has handed to b.
	added map[string]bool
}

func newBundle() {
	bundle.b = goi18n.NewBundle(language.English)
	bundle.b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	bundle.loaded = map[string]error{}
	bundle.added = map[string]bool{}
}

func load(lang string) error {
	bundle.once.Do(newBundle)
	bundle.mu.Lock()
	defer bundle.mu.Unlock()
	if err, ok := bundle.loaded[lang]; ok {
		return err
	}
	var errs []error
	for _, name := range files()[lang] {
		raw, err := catalogFS.ReadFile(name)
		if err == nil {
			_, err = bundle.b.ParseMessageFileBytes(raw, name)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("catalogue %s: %w", name, err))
		}
	}
	err := errors.Join(errs...)
	bundle.loaded[lang] = err
	return err
}

// cache keeps one Locale per language.
var cache sync.Map // string → *Locale

// For returns the Locale of lang: one of Languages, or Pseudo. Any other
// language gets English, so a session answered with a user's own pack in a
// language servicecheck does not speak still reads.
func For(lang string) *Locale {
	if l, ok := cache.Load(lang); ok {
		return l.(*Locale)
	}
	name := lang
	if lang != Pseudo && !Supported(lang) {
		name = Default
		if l, ok := cache.Load(name); ok {
			return l.(*Locale)
		}
	}
	l := newLocale(name)
	got, _ := cache.LoadOrStore(name, l)
	if name != lang {
		cache.Store(lang, got)
	}
	return got.(*Locale)
}

// Locale renders messages, numbers, dates and orderings in one language.
type Locale struct {
	lang   string
	tag    language.Tag
	pseudo bool

	init sync.Once
	loc  *goi18n.Localizer
	err  error
	// plur is the localizer of plural messages; bundle.mu guards it.
	plur *goi18n.Localizer

	nums sync.Once
	dec  string // decimal separator
	grp  string // thousands separator
}

func newLocale(lang string) *Locale {
	l := &Locale{lang: lang, pseudo: lang == Pseudo}
	if l.pseudo {
		l.tag = language.English
	} else {
		l.tag = language.Make(lang)
	}
	return l
}

// Lang returns the language's code: "en", "it", "sq", "af" or Pseudo.
func (l *Locale) Lang() string { return l.lang }

// Tag returns the language tag, for libraries that take one.
func (l *Locale) Tag() language.Tag { return l.tag }

// localizer parses the catalogue on first use. A broken embedded catalogue
// is a bug that this package's tests catch; at run time its messages fall
// back to English and then to their ids rather than stopping the program.
func (l *Locale) localizer() *goi18n.Localizer {
	l.init.Do(func() {
		lang := l.lang
		if l.pseudo {
			lang = Default
		}
		l.err = errors.Join(load(Default), load(lang))
		l.loc = goi18n.NewLocalizer(bundle.b, lang)
	})
	return l.loc
}

// strict makes a placeholder missing from a call an error, which the
// tests see, instead of "<no value>" on a user's screen. It has no
// functions, so go-i18n caches each parsed template.
var strict = &template.TextParser{Option: "missingkey=error"}

// T returns the message id filled in with args, given as name and value
// pairs: T("home.resume", "Client", "Kafe Shkodër"). A missing message
// renders as its id in brackets, which the catalogue tests never let
// through.
func (l *Locale) T(id string, args ...any) string {
	return l.localize(id, nil, args)
}

// N returns the plural form of message id for count n, which the message
// gets as {{.Count}} besides args.
func (l *Locale) N(id string, n int, args ...any) string {
	return l.localize(id, n, args)
}

func (l *Locale) localize(id string, count any, args []any) string {
	data := make(map[string]any, len(args)/2+1)
	for i := 0; i+1 < len(args); i += 2 {
		k, _ := args[i].(string)
		data[k] = args[i+1]
	}
	var s string
	var err error
	if count != nil {
		data["Count"] = count
		s, err = l.plural(id, count, data)
	} else {
		s, err = l.single(id, data)
	}
	if s == "" && err != nil {
		s = "[" + id + "]"
	}
	if l.pseudo {
		return "⟦" + s + "⟧"
	}
	return s
}

// single fills in a message without a count, on the fast path (fast.go).
func (l *Locale) single(id string, data map[string]any) (string, error) {
	lang := l.lang
	if l.pseudo {
		lang = Default
	}
	f, ok := lookup(lang, id)
	if !ok {
		return "", errNoMessage
	}
	s, err := render(f["other"], data)
	if err != nil {
		return "", err
	}
	return s, nil
}

// plural fills in the form of a message that count chooses, with
// go-i18n's CLDR rules. Only that message is handed to the bundle, from
// the fast path's reading of its file, rather than the whole catalogue.
func (l *Locale) plural(id string, count any, data map[string]any) (string, error) {
	lang := l.lang
	if l.pseudo {
		lang = Default
	}
	bundle.once.Do(newBundle)
	bundle.mu.Lock()
	defer bundle.mu.Unlock()
	key := lang + "\x00" + id
	if !bundle.added[key] {
		for _, fl := range []string{lang, Default} {
			msgs, err := fileMessages(fileFor(fl, id))
			f, ok := msgs.forms(id)
			if err != nil || !ok {
				continue
			}
			if err := bundle.b.AddMessages(language.Make(fl), &goi18n.Message{ID: id, Zero: f["zero"], One: f["one"],
				Two: f["two"], Few: f["few"], Many: f["many"], Other: f["other"]}); err != nil {
				return "", err
			}
		}
		bundle.added[key] = true
	}
	if l.plur == nil {
		l.plur = goi18n.NewLocalizer(bundle.b, lang)
	}
	return l.plur.Localize(&goi18n.LocalizeConfig{
		MessageID: id, TemplateData: data, PluralCount: count, TemplateParser: strict,
	})
}

// Check returns what went wrong loading this language's catalogue, if
// anything; tests and `servicecheck doctor` use it.
func (l *Locale) Check() error {
	l.localizer()
	return l.err
}
