package present

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/store"
)

// Choice is one possible answer to a question, with its shortcut key.
type Choice struct {
	Key   string
	Value checklist.Value
	Label string
	// words are what else a user may type for it at the plain prompts,
	// lower-cased.
	words []string
}

// answerIDs names each answer's messages in the catalogue: its word in
// common (answer.yes) and its key and other spellings in tui.answer.
var answerIDs = []struct {
	v  checklist.Value
	id string
}{{checklist.Yes, "yes"}, {checklist.Partly, "partly"}, {checklist.No, "no"}, {checklist.NA, "na"}}

// choiceSets caches the choices of each language: [0] items, [1] ratings.
var choiceSets sync.Map // lang → *[2][]Choice

// Choices lists the answers a question of kind k accepts in l's language,
// in display order, with the keys that give them. The slice is shared: do
// not modify it.
func Choices(l *i18n.Locale, k checklist.Kind) []Choice {
	sets := choicesOf(l)
	if k == checklist.KindStatement {
		return sets[1]
	}
	return sets[0]
}

func choicesOf(l *i18n.Locale) *[2][]Choice {
	if c, ok := choiceSets.Load(l.Lang()); ok {
		return c.(*[2][]Choice)
	}
	var sets [2][]Choice
	var na Choice
	for _, a := range answerIDs {
		c := Choice{
			Key:   Key(l, "tui.answer.key."+a.id),
			Value: a.v,
			Label: l.T(a.v.MessageID()),
			words: words(l.T("tui.answer.words." + a.id)),
		}
		if a.v == checklist.NA {
			na = c
		}
		sets[0] = append(sets[0], c)
	}
	for i := 1; i <= 5; i++ {
		n := strconv.Itoa(i)
		sets[1] = append(sets[1], Choice{Key: n, Value: checklist.Rating(i), Label: l.T(checklist.Rating(i).MessageID())})
	}
	sets[1] = append(sets[1], na)
	got, _ := choiceSets.LoadOrStore(l.Lang(), &sets)
	return got.(*[2][]Choice)
}

// Key reads a key from the catalogue message id: the pseudo-locale's
// brackets are dropped, so that the key stays one key a user can press.
func Key(l *i18n.Locale, id string) string {
	return strings.ToLower(strings.Trim(l.T(id), "⟦⟧ "))
}

// words splits a catalogue list of spellings ("na, n/a, n.a.") into
// lower-cased entries.
func words(list string) []string {
	var out []string
	for _, w := range strings.Split(strings.Trim(list, "⟦⟧"), ",") {
		if w = normal(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// normal lower-cases a typed word and folds its spaces, so that "In  Parte"
// reads as "in parte".
func normal(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ChoiceIndex returns the position of v in the choices for k, or -1. The
// order is the same in every language.
func ChoiceIndex(k checklist.Kind, v checklist.Value) int {
	if v == "" {
		return -1
	}
	if k == checklist.KindStatement {
		if v == checklist.NA {
			return 5
		}
		if n, err := strconv.Atoi(string(v)); err == nil && n >= 1 && n <= 5 {
			return n - 1
		}
		return -1
	}
	for i, a := range answerIDs {
		if a.v == v {
			return i
		}
	}
	return -1
}

// AnswerLabel is how a given answer reads in l: "Yes", "4 often", "N/A",
// "–" for none; a value the question does not take reads as it is stored.
func AnswerLabel(l *i18n.Locale, k checklist.Kind, v checklist.Value) string {
	if v == "" {
		return l.T(v.MessageID())
	}
	if i := ChoiceIndex(k, v); i >= 0 {
		return Choices(l, k)[i].Label
	}
	return string(v)
}

// ParseAnswer reads an answer typed at a prompt in l's language: the
// answer's word ("sì", "in parte", "pjesërisht", "nee"), its key, another
// spelling the catalogue lists (si, n/a), the number of the choice (1–4 for
// an item, 1–5 for a rating) or, for scripts, the stored code (yes, partly,
// no, na). Case and extra spaces do not matter.
func ParseAnswer(l *i18n.Locale, k checklist.Kind, s string) (checklist.Value, bool) {
	t := normal(s)
	if t == "" {
		return "", false
	}
	choices := Choices(l, k)
	if n, err := strconv.Atoi(t); err == nil {
		if k == checklist.KindItem && n >= 1 && n <= len(choices) {
			return choices[n-1].Value, true
		}
		if k == checklist.KindStatement && n >= 1 && n <= 5 {
			return checklist.Rating(n), true
		}
		return "", false
	}
	for _, c := range choices {
		if t == c.Key || t == normal(c.Label) {
			return c.Value, true
		}
		for _, w := range c.words {
			if t == w {
				return c.Value, true
			}
		}
	}
	// The stored codes are accepted in every language, so that a script
	// written once works whatever the pack.
	for _, a := range answerIDs {
		if t == string(a.v) && (k == checklist.KindItem || a.v == checklist.NA) {
			return a.v, true
		}
	}
	if t == "n/a" || t == "n.a." {
		return checklist.NA, true
	}
	return "", false
}

// AnswerKeys lists the keys of the answers for k, as the key bar shows
// them: "y/p/n/a", "1-5/a".
func AnswerKeys(l *i18n.Locale, k checklist.Kind) string {
	cs := Choices(l, k)
	if k == checklist.KindStatement {
		return "1-5/" + cs[len(cs)-1].Key
	}
	keys := make([]string, len(cs))
	for i, c := range cs {
		keys[i] = c.Key
	}
	return strings.Join(keys, "/")
}

// RatingScale is the rating scale in one line: "1 never · 2 rarely · …".
func RatingScale(l *i18n.Locale) string {
	cs := Choices(l, checklist.KindStatement)
	labels := make([]string, 0, 5)
	for _, c := range cs[:5] {
		labels = append(labels, c.Label)
	}
	return strings.Join(labels, " · ")
}

// Where says where q stands: "Culture · 3 of 7 · section 1 of 4" for a
// checklist item, "Responsiveness · 2 of 5 · area 1 of 8" for a statement.
func Where(l *i18n.Locale, p *checklist.Pack, q checklist.Question) string {
	title, counts := WhereParts(l, p, q)
	return title + counts
}

// WhereParts splits Where into the part's title and the counts after it
// (" · 3 of 7 · section 1 of 4"), so that a narrow screen can shorten the
// title and keep the numbers.
func WhereParts(l *i18n.Locale, p *checklist.Pack, q checklist.Question) (title, counts string) {
	if q.Kind == checklist.KindStatement && q.Area >= 0 && q.Area < len(p.Areas) {
		return p.Areas[q.Area].Title, l.T("tui.where.area", "N", q.Index+1, "Of", q.Of,
			"Part", q.Area+1, "Parts", len(p.Areas))
	}
	if q.Section >= 0 && q.Section < len(p.Sections) {
		return p.Sections[q.Section].Title, l.T("tui.where.section", "N", q.Index+1, "Of", q.Of,
			"Part", q.Section+1, "Parts", len(p.Sections))
	}
	return q.ID, ""
}

// Part names the part of the session q belongs to.
func Part(l *i18n.Locale, q checklist.Question) string {
	if q.Kind == checklist.KindStatement {
		return l.T("tui.part.statements")
	}
	return l.T("tui.part.checklist")
}

// Intro is the text shown at the top of q's section or area: the section's
// purpose or the area's explanation, in the pack's own language.
func Intro(p *checklist.Pack, q checklist.Question) string {
	if q.Kind == checklist.KindStatement && q.Area >= 0 && q.Area < len(p.Areas) {
		return p.Areas[q.Area].Explanation
	}
	if q.Section >= 0 && q.Section < len(p.Sections) {
		return p.Sections[q.Section].Purpose
	}
	return ""
}

// Error says in a few words of l why a write or a read failed; "" for nil.
// An error the store does not classify is shown as it is: it names a file
// or a system call, which only its own words describe.
func Error(l *i18n.Locale, err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, store.ErrInUse):
		return l.T("tui.error.in_use")
	case errors.Is(err, store.ErrDamaged):
		return l.T("tui.error.damaged")
	case errors.Is(err, store.ErrNotFound):
		return l.T("tui.error.not_found")
	case errors.Is(err, store.ErrConflict):
		return l.T("tui.error.conflict")
	}
	return termtext.Line(err.Error())
}

// Locale returns the language a session answered with pack p is shown in:
// the pack's own when servicecheck speaks it, else ui (the user's).
func Locale(p *checklist.Pack, ui *i18n.Locale) *i18n.Locale {
	if p != nil && (i18n.Supported(p.Lang) || p.Lang == i18n.Pseudo) {
		return i18n.For(p.Lang)
	}
	return ui
}
