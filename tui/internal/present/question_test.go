package present

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

func TestWhere(t *testing.T) {
	p := testpack.Pack()
	qs := p.Questions()
	en, it := i18n.For("en"), i18n.For("it")
	tests := []struct {
		i        int
		want, it string
	}{
		{0, "Culture · 1 of 3 · section 1 of 4", "Culture · 1 di 3 · sezione 1 di 4"},
		{4, "Identify your customers · 2 of 2 · section 2 of 4", "Identify your customers · 2 di 2 · sezione 2 di 4"},
		{10, "Responsiveness · 1 of 3 · area 1 of 8", "Responsiveness · 1 di 3 · area 1 di 8"},
		{len(qs) - 1, "Continuous improvement · 2 of 2 · area 8 of 8", "Continuous improvement · 2 di 2 · area 8 di 8"},
	}
	for _, tt := range tests {
		if got := Where(en, p, qs[tt.i]); got != tt.want {
			t.Errorf("Where(%d) = %q, want %q", tt.i, got, tt.want)
		}
		if got := Where(it, p, qs[tt.i]); got != tt.it {
			t.Errorf("Where(it, %d) = %q, want %q", tt.i, got, tt.it)
		}
	}
	if got := Intro(p, qs[10]); got != p.Areas[0].Explanation {
		t.Errorf("Intro of a statement = %q", got)
	}
	if got := Part(it, qs[10]); got != "Autovalutazione" {
		t.Errorf("Part(it) = %q", got)
	}
}

func TestChoicesAndLabels(t *testing.T) {
	en := i18n.For("en")
	if got := AnswerLabel(en, checklist.KindStatement, "4"); got != "4 often" {
		t.Errorf("AnswerLabel = %q", got)
	}
	if got := AnswerLabel(en, checklist.KindItem, checklist.NA); got != "N/A" {
		t.Errorf("AnswerLabel = %q", got)
	}
	if got := AnswerLabel(i18n.For("sq"), checklist.KindItem, checklist.Partly); got != "Pjesërisht" {
		t.Errorf("AnswerLabel(sq) = %q", got)
	}
	for _, lang := range append(i18n.Languages(), i18n.Pseudo) {
		l := i18n.For(lang)
		for _, k := range []checklist.Kind{checklist.KindItem, checklist.KindStatement} {
			keys := map[string]bool{}
			for i, c := range Choices(l, k) {
				if !c.Value.ValidFor(k) {
					t.Errorf("%s: %v choice %q is not a valid answer", lang, k, c.Value)
				}
				if ChoiceIndex(k, c.Value) != i {
					t.Errorf("%s: ChoiceIndex(%v, %q) != %d", lang, k, c.Value, i)
				}
				if len([]rune(c.Key)) != 1 || keys[c.Key] {
					t.Errorf("%s: key %q of %q is not one key of its own", lang, c.Key, c.Value)
				}
				keys[c.Key] = true
				// Every answer reads back from its key, its word and its number.
				typed := []string{c.Key, c.Label}
				if c.Value != checklist.NA || k == checklist.KindItem {
					typed = append(typed, fmt.Sprint(i+1))
				}
				for _, typed := range typed {
					if v, ok := ParseAnswer(l, k, typed); !ok || v != c.Value {
						t.Errorf("%s: ParseAnswer(%q) = %q, %v; want %q", lang, typed, v, ok, c.Value)
					}
				}
			}
		}
	}
	if ChoiceIndex(checklist.KindItem, "") != -1 {
		t.Error("no answer has a choice")
	}
}

// TestAnswerKeysAvoidNavigation: in no language does an answer key take a
// key the question screen uses to move (the wizard) or a command of the
// plain prompts' (q, b, ?).
func TestAnswerKeysAvoidNavigation(t *testing.T) {
	for _, lang := range i18n.Languages() {
		l := i18n.For(lang)
		for _, k := range []checklist.Kind{checklist.KindItem, checklist.KindStatement} {
			for _, c := range Choices(l, k) {
				switch c.Key {
				case "q", "b", "j", "k", "r", "?", "0", "[", "]":
					t.Errorf("%s: answer %q has the navigation key %q", lang, c.Value, c.Key)
				}
			}
		}
	}
}

func TestParseAnswerWords(t *testing.T) {
	item, rating := checklist.KindItem, checklist.KindStatement
	tests := []struct {
		lang string
		kind checklist.Kind
		in   string
		want checklist.Value
	}{
		{"it", item, "sì", checklist.Yes}, {"it", item, "SI", checklist.Yes}, {"it", item, "s", checklist.Yes},
		{"it", item, "in  parte", checklist.Partly}, {"it", item, "p", checklist.Partly},
		{"it", item, "no", checklist.No}, {"it", item, "n", checklist.No},
		{"it", item, "n/a", checklist.NA}, {"it", item, "non applicabile", checklist.NA},
		{"sq", item, "po", checklist.Yes}, {"sq", item, "Pjesërisht", checklist.Partly}, {"sq", item, "pjeserisht", checklist.Partly},
		{"sq", item, "jo", checklist.No}, {"sq", item, "nuk zbatohet", checklist.NA},
		{"af", item, "ja", checklist.Yes}, {"af", item, "gedeeltelik", checklist.Partly}, {"af", item, "nee", checklist.No},
		{"af", item, "nvt", checklist.NA}, {"af", item, "n.v.t.", checklist.NA},
		{"it", rating, "4", checklist.Rating(4)}, {"sq", rating, "na", checklist.NA}, {"af", rating, "nvt", checklist.NA},
		{"en", item, "yes", checklist.Yes}, {"en", item, "y", checklist.Yes}, {"en", item, "3", checklist.No},
		// The stored codes work in every language, for scripts.
		{"sq", item, "yes", checklist.Yes}, {"af", item, "partly", checklist.Partly},
	}
	for _, tt := range tests {
		got, ok := ParseAnswer(i18n.For(tt.lang), tt.kind, tt.in)
		if !ok || got != tt.want {
			t.Errorf("%s: ParseAnswer(%q) = %q, %v; want %q", tt.lang, tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "7", "maybe", "yes", "0"} {
		if v, ok := ParseAnswer(i18n.For("it"), rating, bad); ok {
			t.Errorf("ParseAnswer(rating, %q) = %q, want none", bad, v)
		}
	}
}

func TestError(t *testing.T) {
	en := i18n.For("en")
	if got := Error(en, fmt.Errorf("record: %w", store.ErrInUse)); got != "data file in use by another servicecheck" {
		t.Errorf("Error = %q", got)
	}
	if got := Error(i18n.For("it"), store.ErrDamaged); got == "data file damaged" || got == "" {
		t.Errorf("Error(it) = %q", got)
	}
	if got := Error(en, nil); got != "" {
		t.Errorf("Error(nil) = %q, want \"\"", got)
	}
	if got := Error(en, errors.New("disk full")); got != "disk full" {
		t.Errorf("Error = %q", got)
	}
	if got := Error(en, errors.New("disk \x1b[31mfull")); strings.ContainsFunc(got, unicode.IsControl) {
		t.Errorf("Error lets a control character through: %q", got)
	}
}
