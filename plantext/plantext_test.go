package plantext_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
)

var (
	phone = checklist.GoalSource{Kind: checklist.SourceArea, ID: "responsiveness", Statement: "responsiveness.third-ring", Rating: 2}
	log   = checklist.GoalSource{Kind: checklist.SourceItem, ID: "evaluate.complaint-log", Answer: checklist.No}
)

func TestSourceInEachLanguage(t *testing.T) {
	tests := []struct {
		lang      string
		area, itm string
	}{
		{"en", "Responsiveness: We answer the phone before the third ring (rated 2 of 5)",
			"Do you record every complaint in a complaint log? (answered No)"},
		{"it", "Rapidità di risposta: Rispondiamo al telefono prima del terzo squillo (voto 2 su 5)",
			"Annotate ogni reclamo in un registro dei reclami? (risposta: No)"},
		{"sq", "Shpejtësia e reagimit: I përgjigjemi telefonit para se të bjerë zilja e tretë (vlerësimi 2 nga 5)",
			"A e shënoni çdo ankesë në një regjistër ankesash? (përgjigja: Jo)"},
		{"af", "Reaksievermoë: Ons antwoord die telefoon voordat dit ’n derde keer lui (punt 2 uit 5)",
			"Teken jy elke klagte in ’n klagteregister aan? (antwoord: Nee)"},
	}
	for _, tt := range tests {
		p, err := content.ForLang(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		l := i18n.For(tt.lang)
		if got := plantext.Source(l, p, phone); got != tt.area {
			t.Errorf("%s area: %q\nwant %q", tt.lang, got, tt.area)
		}
		if got := plantext.Source(l, p, log); got != tt.itm {
			t.Errorf("%s item: %q\nwant %q", tt.lang, got, tt.itm)
		}
	}
}

func TestProblem(t *testing.T) {
	en := i18n.For("en")
	p := content.Default()
	tests := []struct {
		name string
		g    checklist.Goal
		want string
	}{
		{"the user's words", checklist.Goal{Problem: "Phones ring out at lunch"}, "Phones ring out at lunch"},
		{"the user's words win over a source", checklist.Goal{Problem: "mine", Source: &log}, "mine"},
		{"a suggestion taken as offered", checklist.Goal{Source: &log}, "Do you record every complaint in a complaint log? (answered No)"},
		{"nothing", checklist.Goal{}, ""},
		{"ids another pack has: shown as ids",
			checklist.Goal{Source: &checklist.GoalSource{Kind: checklist.SourceArea, ID: "hotel", Statement: "hotel.beds", Rating: 1}},
			"hotel: hotel.beds (rated 1 of 5)"},
	}
	for _, tt := range tests {
		if got := plantext.Problem(en, p, tt.g); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// A folded title and a statement's full stop do not reach the line.
	p.Areas[0].Title = "Quick\n  replies"
	p.Areas[0].Statements[2].Text = "We answer\nby the third ring."
	if got, want := plantext.Source(en, p, phone), "Quick replies: We answer by the third ring (rated 2 of 5)"; got != want {
		t.Errorf("folded texts: %q, want %q", got, want)
	}
}

// TestPseudoLocale words every kind of source in the pseudo-locale with a
// pack whose texts are wrapped too: once every ⟦…⟧ is taken out, no word
// is left, so nothing a user reads bypasses the catalogue or the pack.
func TestPseudoLocale(t *testing.T) {
	p := content.Default()
	for i := range p.Areas {
		p.Areas[i].Title = "⟦" + p.Areas[i].Title + "⟧"
		for j := range p.Areas[i].Statements {
			p.Areas[i].Statements[j].Text = "⟦" + p.Areas[i].Statements[j].Text + "⟧"
		}
	}
	for i := range p.Sections {
		for j := range p.Sections[i].Items {
			p.Sections[i].Items[j].Text = "⟦" + p.Sections[i].Items[j].Text + "⟧"
		}
	}
	l := i18n.For(i18n.Pseudo)
	srcs := []checklist.GoalSource{phone, log}
	for _, v := range []checklist.Value{checklist.Yes, checklist.Partly, checklist.NA} {
		srcs = append(srcs, checklist.GoalSource{Kind: checklist.SourceItem, ID: log.ID, Answer: v})
	}
	for _, s := range srcs {
		got := plantext.Source(l, p, s)
		if rest := stripPseudo(got); regexp.MustCompile(`[A-Za-z]{2,}`).MatchString(rest) {
			t.Errorf("%+v: %q leaves %q outside the catalogue", s, got, rest)
		}
	}
}

// stripPseudo takes out every ⟦…⟧ span, nested ones included.
func stripPseudo(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '⟦':
			depth++
		case r == '⟧' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
