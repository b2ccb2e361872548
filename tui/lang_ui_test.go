package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// langScreens are the screens this package words (results, history and
// compare have their own tests), reached from a fresh start in language l.
var langScreens = []struct {
	name  string
	start func(f *fixture) Options
	keys  func(l *i18n.Locale) []string
	typed string
}{
	{"home", (*fixture).opts, nil, ""},
	{"setup", (*fixture).opts, keys("1"), ""},
	// The session's details, on the setup form's second page.
	{"setupdetails", (*fixture).opts, keys("1", "7", "enter", "tab"), ""},
	// A rerun: last time's answer under the question (question_last.go).
	{"rerun", (*fixture).openRerun, nil, ""},
	// The compare screen's end: the answers that changed (compare_changes.go).
	{"comparechanges", (*fixture).opts, keys("3", "enter", "c", "end"), ""},
	// Editing a completed session asks to reopen it first (reopen.go).
	{"reopen", (*fixture).openNewer, keys("e"), ""},
	{"resume", (*fixture).opts, keys("2"), ""},
	{"item", (*fixture).openBakes, keys("left", "left", "left", "left"), ""},
	{"statement", (*fixture).openBakes, keys("]", "]", "]", "]", "right", "4"), ""},
	{"note", (*fixture).openBakes, keys("tab"), "Managers visit the shop floor twice a year — ë, é, 🎉"},
	{"help", (*fixture).openBakes, keys("?"), ""},
	{"planreview", (*fixture).openNewer, keys("p", "right"), ""},
	{"plangoal", (*fixture).openNewer, func(l *i18n.Locale) []string {
		// Last time's first goal is done (3, in every language).
		return []string{"p", "3", "tab", "tab", "tab"}
	}, ""},
	// The action's due date, after the suggestion was taken: its
	// placeholder and hint.
	{"plandue", (*fixture).openNewer, keys(append([]string{"p", "tab", "tab", "tab", "tab", "enter"}, "tab", "tab", "tab")...), ""},
	// The vision helper's first question, past both reviews and the
	// three suggested goals (seven fields each).
	{"planvision", (*fixture).openNewer, keys(append([]string{"p"}, repeat("tab", 4+3*7)...)...), "A busy café"},
	{"toosmall", (*fixture).openBakes, nil, ""},
}

func keys(k ...string) func(*i18n.Locale) []string {
	return func(*i18n.Locale) []string { return k }
}

func (f *fixture) openBakes() Options {
	o := f.opts()
	o.Start.Session = f.bakes
	return o
}

func (f *fixture) openNewer() Options {
	o := f.opts()
	o.Start.Session = f.newer
	return o
}

// langScreen draws screen sc with pack p, the user's language lang and
// user data passed through user.
func langScreen(t *testing.T, sc int, p *checklist.Pack, lang string, user func(string) string, w, h int) string {
	t.Helper()
	s := langScreens[sc]
	f := newFixtureOf(t, p, user)
	f.lang = lang
	if s.name == "toosmall" {
		w = MinWidth - 1
	}
	d := newDriver(t, s.start(f), w, h)
	if s.keys != nil {
		d.press(s.keys(i18n.For(lang))...)
	}
	if s.typed != "" {
		d.typeText(user(s.typed))
	}
	got := d.screen()
	checkFits(t, got, w, h)
	return got
}

func builtin(t *testing.T, lang string) *checklist.Pack {
	t.Helper()
	p, err := content.ForLang(lang)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGoldenLanguages draws the screens in each language with its
// built-in pack at 80×24, and fails when a title or heading is cut in a
// language where English's is not.
func TestGoldenLanguages(t *testing.T) {
	same := func(s string) string { return s }
	english := map[string]string{}
	for _, lang := range i18n.Languages() { // English first
		for i, sc := range langScreens {
			t.Run(lang+"_"+sc.name, func(t *testing.T) {
				got := langScreen(t, i, builtin(t, lang), lang, same, 80, 24)
				golden(t, fmt.Sprintf("lang_%s_%s_80x24", lang, sc.name), got)
				if lang == i18n.Default {
					english[sc.name] = got
					return
				}
				en := strings.Split(english[sc.name], "\n")
				for n, line := range strings.Split(got, "\n") {
					// The header, the title and the line under it.
					if n > 2 || n >= len(en) {
						break
					}
					if cut(line) && !cut(en[n]) {
						t.Errorf("line %d is cut in %s but not in English:\n%s\n%s", n+1, lang, line, en[n])
					}
				}
			})
		}
	}
}

func cut(line string) bool { return strings.HasSuffix(strings.TrimRight(line, " "), "…") }

// keyNames are words that are not English to translate: the program's
// name and the names of keys as keyboards print them.
var keyNames = []string{"servicecheck", "esc", "enter", "tab", "ctrl", "shift", "pgup", "pgdn"}

// TestPseudoLocaleScreens draws every screen of langScreens in the
// pseudo-locale, with a pack and user data wrapped the same way: any word
// left bare is English that did not come through the catalogue. The
// window is wide, so that a text field does not scroll a span's start
// out of sight.
func TestPseudoLocaleScreens(t *testing.T) {
	for i, sc := range langScreens {
		t.Run(sc.name, func(t *testing.T) {
			got := langScreen(t, i, resultstest.Pseudo(testpack.Pack()), i18n.Pseudo, resultstest.Wrap, 160, 40)
			if bare := resultstest.Leaks(got, keyNames...); len(bare) > 0 {
				t.Errorf("English outside the catalogue: %q\n%s", bare, got)
			}
		})
	}
}

// TestAnswerWithLanguageKeys answers a question with each language's keys.
func TestAnswerWithLanguageKeys(t *testing.T) {
	for _, tt := range []struct {
		lang string
		key  string
		want checklist.Value
	}{
		{"it", "s", checklist.Yes}, {"it", "p", checklist.Partly}, {"it", "n", checklist.No}, {"it", "a", checklist.NA},
		{"sq", "p", checklist.Yes}, {"sq", "e", checklist.Partly}, {"sq", "o", checklist.No}, {"sq", "0", checklist.NA},
		{"af", "a", checklist.Yes}, {"af", "g", checklist.Partly}, {"af", "n", checklist.No}, {"af", "v", checklist.NA},
		{"en", "y", checklist.Yes},
	} {
		t.Run(tt.lang+"_"+tt.key, func(t *testing.T) {
			f := newFixtureOf(t, builtin(t, tt.lang), func(s string) string { return s })
			d := newDriver(t, f.openBakes(), 80, 24)
			q, _ := d.m.current()
			d.press(tt.key)
			if got := d.m.sess.Answers[q.ID].Value; got != tt.want {
				t.Errorf("%s %q gave %q, want %q", tt.lang, tt.key, got, tt.want)
			}
			// The English keys that are not the language's do nothing.
			if tt.lang == "it" {
				before := d.m.q.idx
				d.press("y")
				if d.m.q.idx != before {
					t.Error("y answered in Italian")
				}
			}
		})
	}
}
