package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// italianKeys are the keys of the Italian screens: sì, in parte, no, n/a.
var italianKeys = map[checklist.Value]string{
	checklist.Yes: "s", checklist.Partly: "p", checklist.No: "n", checklist.NA: "a",
}

// TestWizardInItalianFromLocale is an Italian user's whole session with no
// --lang: LANG=it_IT.UTF-8 alone chooses the Italian pack and Italian
// screens; every answer is given with the Italian keys; the stored session
// records the Italian pack and the answers, and its HTML report is an
// Italian page.
func TestWizardInItalianFromLocale(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	s.setenv("LANG", "it_IT.UTF-8")
	it, err := content.ForLang("it")
	if err != nil {
		t.Fatal(err)
	}
	qs := it.Questions()
	plan := planAnswers(1, func(i int) int { return 1 + i%5 })

	// Home first, in Italian, with the pack's own introduction.
	tm := s.start(80, 24)
	tm.waitFor("Checklist e autovalutazione del vostro servizio clienti", wait)
	tm.waitForText(strings.Fields(it.Intro)[0]+" "+strings.Fields(it.Intro)[1], wait)
	tm.waitFor("1  Nuova sessione", wait)
	tm.send("1")
	tm.waitFor("Per chi è questa verifica?", wait)
	tm.send("Trattoria Da Gino", "enter", "Ana", "enter")
	tm.waitForText(qs[0].Text, wait)
	tm.waitFor(fmt.Sprintf("0 di %d con risposta", len(qs)), wait)
	tm.waitFor("s/p/n/a rispondi", wait)
	tm.waitFor("sezione 1 di 4", wait)

	// The English keys are not answers here: y does nothing.
	tm.send("y")
	tm.send("?")
	tm.waitFor("sezione dopo", wait)
	tm.send("?")
	tm.waitFor("s/p/n/a rispondi", wait)
	tm.waitFor(fmt.Sprintf("0 di %d con risposta", len(qs)), wait)

	const burst = 12
	for start := 0; start < len(qs); start += burst {
		end := min(len(qs), start+burst)
		var ks []string
		for i := start; i < end; i++ {
			v := plan.values[i]
			if k, ok := italianKeys[v]; ok && qs[i].Kind == checklist.KindItem || v == checklist.NA {
				ks = append(ks, k)
			} else {
				ks = append(ks, string(v))
			}
		}
		tm.send(ks...)
		if end < len(qs) {
			tm.waitFor(fmt.Sprintf("%d di %d con risposta", end, len(qs)), wait)
		}
	}
	tm.waitFor("Sessione completata. Premete p per il vostro piano.", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d after q, want 0\n%s", code, tm.dump())
	}

	sess := onlySession(t, s.db)
	if want := (checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "it"}); sess.Pack != want {
		t.Errorf("stored pack %+v, want %+v", sess.Pack, want)
	}
	if sess.Status != checklist.Completed || sess.Client != "Trattoria Da Gino" || sess.Assessor != "Ana" {
		t.Errorf("stored %s session of %q by %q", sess.Status, sess.Client, sess.Assessor)
	}
	checkAnswers(t, sess, plan, 0, len(qs))

	r := s.run("", "export", sess.ID, "--format", "html")
	if r.code != 0 {
		t.Fatalf("export: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{`<html lang="it"`, it.Title, qs[0].Text} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
}

// TestPlainPromptsInEachLanguage answers the plain prompts of the real
// binary with each language's words, keys and numbers.
func TestPlainPromptsInEachLanguage(t *testing.T) {
	t.Parallel()
	want := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA, checklist.Yes}
	for _, tt := range []struct {
		env, flag string
		lines     []string
		says      string
	}{
		{"it_IT.UTF-8", "", []string{"sì", "in parte", "no", "n/a", "s"}, "Salvato: In parte."},
		{"C.UTF-8", "sq", []string{"po", "pjesërisht", "jo", "nuk zbatohet", "1"}, "U ruajt: Pjesërisht."},
		{"af_ZA.UTF-8", "", []string{"Ja", "gedeeltelik", "nee", "nvt", "a"}, "Gestoor: Gedeeltelik."},
	} {
		s := newSandbox(t, servicecheckBin)
		s.setenv("LANG", tt.env)
		args := []string{"new", "--client", "Kafe"}
		if tt.flag != "" {
			args = append(args, "--lang", tt.flag)
		}
		r := s.run(strings.Join(append(tt.lines, "q"), "\n")+"\n", args...)
		if r.code != 0 || !strings.Contains(r.stdout, tt.says) {
			t.Errorf("%s %s: exit %d, output lacks %q\n%s\n%s", tt.env, tt.flag, r.code, tt.says, r.stdout, r.stderr)
			continue
		}
		sess := onlySession(t, s.db)
		qs := content.Default().Questions()
		for i, v := range want {
			if got := sess.Answers[qs[i].ID].Value; got != v {
				t.Errorf("%s %s: answer %d (%q) stored %q, want %q", tt.env, tt.flag, i+1, tt.lines[i], got, v)
			}
		}
	}
}
