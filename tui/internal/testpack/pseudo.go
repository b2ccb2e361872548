package testpack

import (
	"regexp"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
)

// The pseudo-locale test pattern (see HELPERS and i18n.Pseudo): render with
// the pseudo-locale, whose every message is wrapped in ⟦…⟧, content and
// user data wrapped the same way, and look for English outside the
// brackets.

// Pseudo is the test pack with every text wrapped as the pseudo-locale
// wraps messages: content, like the catalogue, is not the program's text.
func Pseudo() *checklist.Pack {
	p := Pack()
	w := func(s *string) {
		if *s != "" {
			*s = "⟦" + *s + "⟧"
		}
	}
	p.Lang = "qps" // i18n.Pseudo
	w(&p.Title)
	w(&p.Intro)
	for i := range p.Sections {
		s := &p.Sections[i]
		w(&s.Title)
		w(&s.Purpose)
		for j := range s.Items {
			w(&s.Items[j].Text)
			w(&s.Items[j].Help)
		}
	}
	for i := range p.Areas {
		a := &p.Areas[i]
		w(&a.Title)
		w(&a.Explanation)
		for j := range a.Statements {
			w(&a.Statements[j].Text)
		}
		for j := range a.Actions {
			w(&a.Actions[j])
		}
	}
	for i := range p.Bands {
		w(&p.Bands[i].Label)
	}
	return p
}

var (
	// english is a run of two or more ASCII letters.
	english = regexp.MustCompile(`[A-Za-z]{2,}`)
	// allowed are words that are not English to translate: the program's
	// name and the names of keys as they are printed on keyboards.
	allowed = map[string]bool{"servicecheck": true, "esc": true, "enter": true, "tab": true,
		"ctrl": true, "shift": true, "pgup": true, "pgdn": true}
)

// BareEnglish returns the words of text outside every ⟦…⟧ span. A span
// may wrap onto the next lines; one cut at the right edge of the screen
// ("…") ends with its line, and one whose start scrolled off the left
// edge (a text field) runs from the start of its line.
func BareEnglish(text string) []string {
	var bare []string
	depth := 0
	for _, line := range strings.Split(text, "\n") {
		var out []rune
		for _, r := range line {
			switch {
			case r == '⟦':
				depth++
			case r == '⟧' && depth == 0:
				out = out[:0]
			case r == '⟧':
				depth--
			case depth == 0:
				out = append(out, r)
			}
		}
		if strings.HasSuffix(strings.TrimRight(line, " "), "…") {
			depth = 0
		}
		for _, w := range english.FindAllString(string(out), -1) {
			if !allowed[w] {
				bare = append(bare, w)
			}
		}
	}
	return bare
}
