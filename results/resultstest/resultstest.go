// Package resultstest helps the pseudo-locale tests: a pack whose every
// text is marked as translated, and a check that finds text which did not
// come through the catalogue (or from the pack or the user) on a screen or
// in a report rendered with i18n.Pseudo.
package resultstest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
)

// Wrap marks s as text from elsewhere than Go code (a pack, the user), the
// way the pseudo-locale marks catalogue messages.
func Wrap(s string) string { return "⟦" + s + "⟧" }

// Pseudo returns a copy of p in the pseudo-locale: its language is
// i18n.Pseudo and every title, text, help, advice, action and band label is
// wrapped. Ids stay as they are.
func Pseudo(p *checklist.Pack) *checklist.Pack {
	q := *p
	q.Lang = i18n.Pseudo
	q.Title, q.Intro = Wrap(p.Title), wrapNonEmpty(p.Intro)
	q.Sections = slices.Clone(p.Sections)
	for i, s := range q.Sections {
		s.Title, s.Purpose = Wrap(s.Title), wrapNonEmpty(s.Purpose)
		s.Items = slices.Clone(s.Items)
		for j, it := range s.Items {
			it.Text, it.Help, it.Advice = Wrap(it.Text), wrapNonEmpty(it.Help), wrapNonEmpty(it.Advice)
			s.Items[j] = it
		}
		q.Sections[i] = s
	}
	q.Areas = slices.Clone(p.Areas)
	for i, a := range q.Areas {
		a.Title, a.Explanation = Wrap(a.Title), wrapNonEmpty(a.Explanation)
		a.Statements = slices.Clone(a.Statements)
		for j, st := range a.Statements {
			st.Text = Wrap(st.Text)
			a.Statements[j] = st
		}
		a.Actions = slices.Clone(a.Actions)
		for j, act := range a.Actions {
			a.Actions[j] = Wrap(act)
		}
		q.Areas[i] = a
	}
	q.Bands = slices.Clone(p.Bands)
	for i := range q.Bands {
		q.Bands[i].Label = Wrap(q.Bands[i].Label)
	}
	return &q
}

func wrapNonEmpty(s string) string {
	if s == "" {
		return ""
	}
	return Wrap(s)
}

var (
	// span is one wrapped piece; wrapped pieces may nest (a catalogue
	// message holding a pack's title), so spans are removed innermost
	// first.
	span = regexp.MustCompile(`⟦[^⟦⟧]*⟧`)
	// cut is a span a narrow column cut short with an ellipsis.
	cut  = regexp.MustCompile(`⟦[^⟦⟧\n]*…`)
	word = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// Leaks returns the runs of two or more ASCII letters left in text once
// every ⟦…⟧ span (or one cut short by "…") and terminal escape is
// removed, except those in allow:
// words that reached the output without going through the catalogue.
func Leaks(text string, allow ...string) []string {
	text = cut.ReplaceAllString(ansi.Strip(text), " ")
	for {
		next := span.ReplaceAllString(text, " ")
		if next == text {
			break
		}
		text = next
	}
	var out []string
	for _, w := range word.FindAllString(text, -1) {
		if !slices.Contains(allow, w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// Context returns the line of text around the first occurrence of leak,
// for a failure message.
func Context(text, leak string) string {
	text = ansi.Strip(text)
	i := strings.Index(text, leak)
	if i < 0 {
		return ""
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text) - i
	}
	return text[start : i+end]
}

// WithAdvice gives every checklist item of p that has none a wrapped
// advice, so that pseudo-locale tests see the findings' advice too. p is
// changed in place: give it a copy (Pseudo's result).
func WithAdvice(p *checklist.Pack) *checklist.Pack {
	for i := range p.Sections {
		for j := range p.Sections[i].Items {
			if p.Sections[i].Items[j].Advice == "" {
				p.Sections[i].Items[j].Advice = Wrap("Do " + p.Sections[i].Items[j].ID)
			}
		}
	}
	return p
}
