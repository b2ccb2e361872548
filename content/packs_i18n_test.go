package content_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// texts maps every translatable text of p to a name built from the ids
// around it ("culture.job-swap help", "culture.job-swap advice",
// "feedback action 2"), so that the texts of two packs can be paired
// whatever else differs between them.
// Actions have no ids and are named by position.
func texts(p *checklist.Pack) map[string]string {
	out := map[string]string{"title": p.Title, "intro": p.Intro}
	for _, b := range p.Bands {
		out["band "+b.ID] = b.Label
	}
	for _, s := range p.Sections {
		out[s.ID+" title"], out[s.ID+" purpose"] = s.Title, s.Purpose
		for _, it := range s.Items {
			out[it.ID], out[it.ID+" help"], out[it.ID+" advice"] = it.Text, it.Help, it.Advice
		}
	}
	for _, a := range p.Areas {
		out[a.ID+" title"], out[a.ID+" explanation"] = a.Title, a.Explanation
		for _, st := range a.Statements {
			out[st.ID] = st.Text
		}
		for i, act := range a.Actions {
			out[fmt.Sprintf("%s action %d", a.ID, i+1)] = act
		}
	}
	return out
}

// sameInEveryLanguage holds texts that may stay as they are in English
// because they are names, not words to translate. It is empty today; add a
// text here rather than weakening the test.
var sameInEveryLanguage = map[string]bool{}

// TestTranslationsComplete checks that every translated pack has a text
// wherever English has one and none where English has none (an optional
// hint, an action), and that no text was left in English by mistake. The
// order of the ids is TestPacksShareIDs's concern.
func TestTranslationsComplete(t *testing.T) {
	en := texts(content.Default())
	for _, lang := range content.Languages() {
		if lang == content.DefaultLang {
			continue
		}
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		got := texts(p)
		for _, where := range slices.Sorted(maps.Keys(en)) {
			w, g := en[where], strings.TrimSpace(got[where])
			switch {
			case w != "" && g == "":
				t.Errorf("%s: %s is missing (English: %q)", lang, where, w)
			case w == "" && g != "":
				t.Errorf("%s: %s is %q, but English has none", lang, where, g)
			case w != "" && g == w && !sameInEveryLanguage[w]:
				t.Errorf("%s: %s is still the English text %q", lang, where, g)
			}
		}
		for _, where := range slices.Sorted(maps.Keys(got)) {
			if _, ok := en[where]; !ok && got[where] != "" {
				t.Errorf("%s: %s has no English counterpart: %q", lang, where, got[where])
			}
		}
	}
}

// TestTranslationsBuiltIn checks that the translations are embedded and
// found the way a user or a locale asks for them.
func TestTranslationsBuiltIn(t *testing.T) {
	if got, want := content.Languages(), []string{"af", "en", "it", "sq"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
	tests := []struct{ in, want, title string }{
		{"it", "it", "Verifica del servizio clienti"},
		{"IT-ch", "it", "Verifica del servizio clienti"},
		{"sq_AL.UTF-8", "sq", "Kontrolli i shërbimit ndaj klientit"},
		{"af-ZA", "af", "Kliëntediens onder die loep"},
	}
	for _, tc := range tests {
		p, err := content.ForLang(tc.in)
		if err != nil {
			t.Errorf("ForLang(%q): %v", tc.in, err)
			continue
		}
		if p.Lang != tc.want || p.Title != tc.title {
			t.Errorf("ForLang(%q) = %s %q, want %s %q", tc.in, p.Lang, p.Title, tc.want, tc.title)
		}
		ref := checklist.Ref{ID: p.ID, Version: p.Version, Lang: tc.want}
		if q, err := content.Lookup(ref); err != nil || q.Lang != tc.want {
			t.Errorf("Lookup(%+v) = %v, %v; want the %s pack", ref, q, err, tc.want)
		}
	}
}
