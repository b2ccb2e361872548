package teamtext

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/team"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is a team audit of three respondents (an owner and two staff,
// one without a session yet) who disagree on one item and one statement.
func fixture(t *testing.T, p *checklist.Pack, name func(string) string) (*team.Audit, team.Result) {
	t.Helper()
	a := &team.Audit{ID: "0k3m9x2p4q7r", Client: name("Bakery Rossi"), CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Lang: p.Lang, Respondents: []team.Respondent{
			{Name: name("Ana"), Role: team.Owner, SessionID: "s1"},
			{Name: name("Ben"), Role: team.Staff, SessionID: "s2"},
			{Name: name("Cai"), Role: team.Manager, SessionID: "s3"},
			{Name: name("Dee"), Role: team.Staff},
		}}
	qs := p.Questions()
	sessions := map[string]*checklist.Session{}
	for i, id := range []string{"s1", "s2", "s3"} {
		s := &checklist.Session{ID: id, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
		for j, q := range qs {
			var v checklist.Value
			if q.Kind == checklist.KindItem {
				v = []checklist.Value{checklist.Yes, checklist.Partly, checklist.Yes}[i]
				if j == 0 {
					v = []checklist.Value{checklist.Yes, checklist.No, checklist.Partly}[i]
				}
			} else {
				v = checklist.Rating(3 + i%2)
				if q.ID == qs[len(qs)-1].ID {
					v = []checklist.Value{"5", "2", checklist.NA}[i]
				}
			}
			s.Answers[q.ID] = checklist.Answer{Value: v}
		}
		if i == 1 {
			s.Answers[qs[0].ID] = checklist.Answer{Value: checklist.No, Note: name("Nobody trains new staff")}
		}
		sessions[id] = s
	}
	return a, team.Combine(p, a, sessions)
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "it"} {
		t.Run(lang, func(t *testing.T) {
			p, err := content.ForLang(lang)
			if err != nil {
				t.Fatal(err)
			}
			a, r := fixture(t, p, func(s string) string { return s })
			var b bytes.Buffer
			if err := Render(&b, i18n.For(lang), p, a, r); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "team_"+lang+".txt")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./team/teamtext -update writes it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("combined results differ from %s (go test ./team/teamtext -update rewrites it):\n%s", golden, b.String())
			}
			out := b.String()
			// Staff are anonymous by default; owners and managers named.
			if strings.Contains(out, "Ben") || strings.Contains(out, "Dee") || !strings.Contains(out, "Ana") || !strings.Contains(out, "Cai") {
				t.Errorf("naming wrong:\n%s", out)
			}
		})
	}
}

func TestPseudoLocale(t *testing.T) {
	p, err := content.ForLang("en")
	if err != nil {
		t.Fatal(err)
	}
	pp := resultstest.Pseudo(p)
	a, r := fixture(t, pp, resultstest.Wrap)
	a.Naming = team.NamingAll
	var b bytes.Buffer
	if err := Render(&b, i18n.For(i18n.Pseudo), pp, a, r); err != nil {
		t.Fatal(err)
	}
	for _, leak := range resultstest.Leaks(b.String()) {
		t.Errorf("%q did not come through the catalogue: %s", leak, resultstest.Context(b.String(), leak))
	}
}

func TestNoControlCharacters(t *testing.T) {
	p, _ := content.ForLang("en")
	a, r := fixture(t, p, func(s string) string { return s + "\x1b]0;pwned\x07" })
	a.Naming = team.NamingAll
	var b bytes.Buffer
	if err := Render(&b, i18n.For("en"), p, a, r); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07") {
		t.Error("a control character from a name or note reached the output")
	}
}
