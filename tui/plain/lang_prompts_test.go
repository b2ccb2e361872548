package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// setupPack is setup with pack p and the user's language lang.
func setupPack(t *testing.T, p *checklist.Pack, lang string) (*memrepo.Repo, tui.Options) {
	t.Helper()
	r := memrepo.New(epoch)
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	return r, tui.Options{Repo: r, Pack: p, Lang: lang, Now: func() time.Time { return epoch }, RetryDelay: time.Millisecond}
}

// TestAnswersInEachLanguage answers the first checklist items with the
// words, keys and numbers of Italian, Albanian and Afrikaans, writes a note
// with the language's note command and checks what was stored and said.
func TestAnswersInEachLanguage(t *testing.T) {
	want := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA,
		checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	for _, tt := range []struct {
		lang  string
		typed []string // one per value of want
		note  string   // the note command
		says  []string
	}{
		{"it", []string{"sì", "in parte", "no", "non applicabile", "s", "P", "3", "n/a"}, "nota",
			[]string{"Domanda 1 di 78. Checklist, ", "Salvato: Sì.", "Salvato: In parte.", "Salvato: N/A.",
				"Risposta (b torna indietro, nota aggiunge una nota, q salva ed esce): ", "Nota salvata."}},
		{"sq", []string{"po", "pjesërisht", "jo", "nuk zbatohet", "p", "e", "o", "a"}, "shënim",
			[]string{"Pyetja 1 nga 78. Lista e kontrollit, ", "U ruajt: Po.", "U ruajt: Pjesërisht.", "U ruajt: Jo.",
				"Shënimi u ruajt."}},
		{"af", []string{"ja", "Gedeeltelik", "nee", "nvt", "a", "g", "n", "v"}, "nota",
			[]string{"Vraag 1 van 78. Kontrolelys, ", "Gestoor: Ja.", "Gestoor: Gedeeltelik.", "Gestoor: NVT.",
				"Nota gestoor."}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			p, err := content.ForLang(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			r, o := setupPack(t, p, tt.lang)
			o.Start = tui.Start{New: true, Client: "Kafe Drini"}
			lines := append([]string{tt.note, "Një shënim — ë"}, tt.typed...)
			// A word of another language is refused, and the prompt asks again.
			lines = append(lines, "maybe", "q")
			_, out := runPiped(t, o, lines)
			s := only(t, r)
			qs := p.Questions()
			for i, v := range want {
				if got := s.Answers[qs[i].ID].Value; got != v {
					t.Errorf("answer %d (%q) = %q, want %q", i+1, tt.typed[i], got, v)
				}
			}
			if s.Answers[qs[0].ID].Note != "Një shënim — ë" {
				t.Errorf("note = %q", s.Answers[qs[0].ID].Note)
			}
			for _, w := range append(tt.says, `"maybe"`) {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q\n%s", w, out)
				}
			}
		})
	}
}

// TestPseudoLocaleTranscript runs the prompts in the pseudo-locale, with a
// pack and user data wrapped as its messages are: a word left bare is
// English that did not come through the catalogue. The results printed
// between the walk and the plan are the results view's own test.
func TestPseudoLocaleTranscript(t *testing.T) {
	wrap := resultstest.Wrap
	r, o := setupPack(t, resultstest.Pseudo(testpack.Pack()), i18n.Pseudo)
	// Home, a new session, answers, a wrong one, help, a note, back, quit.
	_, out := runPiped(t, o, []string{"9", "1", "", wrap("Kafe"), "", "", "y", "p", "7", "?", "n", wrap("shënim"),
		"b", "3", "4", "q"})
	check := func(what, text string) {
		t.Helper()
		if bare := resultstest.Leaks(text, "servicecheck"); len(bare) > 0 {
			t.Errorf("%s: English outside the catalogue: %q\n%s", what, bare, text)
		}
	}
	check("walk", out)
	// Resume it, finish it and set a plan.
	s := only(t, r)
	o.Start = tui.Start{Resume: true}
	lines := []string{"1"}
	for range len(testpack.Pack().Questions()) - 3 {
		lines = append(lines, "1")
	}
	lines = append(lines, "y", "", wrap("Tre"), wrap("Dy"), "", "-", "-", "?", "x", "q")
	_, out = runPiped(t, o, lines)
	if got := sessionOf(t, r, s.ID); got.Status != checklist.Completed || len(got.Plan.Goals) == 0 {
		t.Fatalf("session not completed with a plan:\n%s", out)
	}
	walk, plan, ok := strings.Cut(out, "⟦Set a plan now?")
	if !ok {
		t.Fatalf("no plan offered:\n%s", out)
	}
	if i := strings.LastIndex(walk, "⟦Saved:"); i >= 0 {
		walk = walk[:i]
	}
	check("resume", walk)
	check("plan", "⟦"+plan)
}
