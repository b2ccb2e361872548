package plain

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// resultsOf prints the plain results of the second of two sessions of a
// client answered with p (the first completed, rated lower, the second
// half done), user data passed through ud.
func resultsOf(t *testing.T, p *checklist.Pack, ud func(string) string) string {
	t.Helper()
	r := memrepo.New(epoch)
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	var last *checklist.Session
	for n, val := range []func(int, checklist.Question) checklist.Value{
		func(i int, q checklist.Question) checklist.Value {
			if q.Kind == checklist.KindItem {
				return checklist.No
			}
			return checklist.Rating(2)
		},
		func(i int, q checklist.Question) checklist.Value {
			switch {
			case i == 1:
				return checklist.NA
			case i > len(p.Questions())-3:
				return "" // unanswered: the results are incomplete
			case q.Kind == checklist.KindItem:
				return checklist.Partly
			}
			return checklist.Rating(4)
		},
	} {
		s := &checklist.Session{Client: ud("Kafe"), Assessor: ud("Ana"), Pack: p.Ref(), Status: checklist.InProgress,
			Answers: map[string]checklist.Answer{}}
		if err := r.Create(s); err != nil {
			t.Fatal(err)
		}
		for i, q := range p.Questions() {
			if v := val(i, q); v != "" {
				if err := r.Record(s.ID, q.ID, checklist.Answer{Value: v, At: epoch}, q.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		if n == 0 {
			if err := r.Complete(s.ID); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		if last, err = r.Get(s.ID); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	run := &runner{out: &out, opts: tui.Options{Repo: r, Pack: p}, sess: last, pack: p}
	if err := run.results(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestPlainResultsPseudoLocale finds no text in the plain results that did
// not come through the catalogue.
func TestPlainResultsPseudoLocale(t *testing.T) {
	out := resultsOf(t, resultstest.Pseudo(testpack.Pack()), resultstest.Wrap)
	for _, leak := range resultstest.Leaks(out) {
		t.Errorf("%q is not from the catalogue: %q", leak, resultstest.Context(out, leak))
	}
	if !strings.Contains(out, "⟦up ") {
		t.Errorf("no change since last time:\n%s", out)
	}
}

// TestPlainResultsInItalian reads the results in the session's language,
// with decimal commas.
func TestPlainResultsInItalian(t *testing.T) {
	p, err := content.ForLang("it")
	if err != nil {
		t.Fatal(err)
	}
	out := resultsOf(t, p, func(s string) string { return s })
	for _, want := range []string{"Risultati di Kafe.", "Totale: ", "Incompleto: ", "Variazione dal ", "su di ",
		"Aree, punteggio da 1 a 5:", "Risposte N/A: 1 voce della lista, 0 affermazioni."} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ".5") || strings.Contains(out, ".0") {
		t.Errorf("a decimal point in Italian:\n%s", out)
	}
}

// TestPlainPlanPseudoLocale walks the plan's prompts in the pseudo-locale,
// a bad due date and a bad status included: every word is the catalogue's.
func TestPlainPlanPseudoLocale(t *testing.T) {
	p := resultstest.Pseudo(testpack.Pack())
	r := memrepo.New(epoch)
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	s := &checklist.Session{Client: resultstest.Wrap("Kafe"), Pack: p.Ref(), Status: checklist.InProgress,
		Answers: map[string]checklist.Answer{}}
	if err := r.Create(s); err != nil {
		t.Fatal(err)
	}
	for _, q := range p.Questions() {
		v := checklist.Rating(2)
		if q.Kind == checklist.KindItem {
			v = checklist.No
		}
		if err := r.Record(s.ID, q.ID, checklist.Answer{Value: v, At: epoch}, q.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Complete(s.ID); err != nil {
		t.Fatal(err)
	}
	s, _ = r.Get(s.ID)
	in := strings.Join([]string{"", "Δ", "Δ", "Δ", "ΔΔ", "31/3/2026", "9", "2", "Δ", "q"}, "\n") + "\n"
	var out bytes.Buffer
	run := &runner{in: bufio.NewReader(strings.NewReader(in)), out: &out, opts: tui.Options{Repo: r, Pack: p},
		sess: s, pack: p}
	if err := run.plan(); err != errQuit {
		t.Fatalf("plan: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, leak := range resultstest.Leaks(text) {
		t.Errorf("%q is not from the catalogue: %q", leak, resultstest.Context(text, leak))
	}
	for _, w := range []string{"⟦Not a date", "⟦Please type 1, 2, 3 or 4.⟧", "⟦Suggested: "} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in:\n%s", w, text)
		}
	}
	got, _ := r.Get(s.ID)
	if len(got.Plan.Goals) != 1 || got.Plan.Goals[0].Status != checklist.StatusInProgress || got.Plan.Goals[0].DueDate.IsZero() {
		t.Errorf("stored plan %+v\n%s", got.Plan, text)
	}
}
