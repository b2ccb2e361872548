package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// fixedAuditID stands for the audit's id, which the store makes at random,
// in the golden files.
const fixedAuditID = "0k3m9x2p4q7r"

// teamScreens are the team screens, reached from home; the keys are the
// same in every language (n, the answer given on the consensus step, is
// No in each but Albanian, where it is nothing and the proposal stands).
var teamScreens = []struct {
	name string
	keys []string
}{
	{"teams", []string{"4"}},
	{"team", []string{"4", "enter"}},
	{"teamareas", []string{"4", "enter", "pgdown"}},
	{"settle", []string{"4", "enter", "s"}},
	{"settlenote", []string{"4", "enter", "s", "tab"}},
	{"settleend", []string{"4", "enter", "s", "enter", "enter"}},
	{"teamnew", []string{"4", "n"}},
	{"answerform", []string{"4", "enter", "a"}},
	{"answerrole", []string{"4", "enter", "a", "tab", "down"}},
}

// teamScreen draws screen i of teamScreens in language lang.
func teamScreen(t *testing.T, i int, p *checklist.Pack, lang string, ud func(string) string, w, h int) (string, *teamFixture) {
	t.Helper()
	f := newTeamFixture(t, p, ud)
	d := newDriver(t, f.opts(lang), w, h)
	d.press(teamScreens[i].keys...)
	got := strings.ReplaceAll(d.screen(), f.audit.ID, fixedAuditID)
	checkFits(t, got, w, h)
	return got, f
}

func TestGoldenTeamScreens(t *testing.T) {
	same := func(s string) string { return s }
	for _, lang := range i18n.Languages() {
		for i, sc := range teamScreens {
			t.Run(lang+"_"+sc.name, func(t *testing.T) {
				got, _ := teamScreen(t, i, builtin(t, lang), lang, same, 80, 24)
				golden(t, fmt.Sprintf("team_%s_%s_80x24", lang, sc.name), got)
			})
		}
	}
	// The smallest window.
	for i, sc := range teamScreens {
		t.Run("en_"+sc.name+"_60x15", func(t *testing.T) {
			got, _ := teamScreen(t, i, testpack.Pack(), "en", same, MinWidth, MinHeight)
			golden(t, fmt.Sprintf("team_en_%s_60x15", sc.name), got)
		})
	}
}

// TestPseudoLocaleTeamScreens draws the team screens in the pseudo-locale:
// a word left bare did not come through the catalogue.
func TestPseudoLocaleTeamScreens(t *testing.T) {
	for i, sc := range teamScreens {
		t.Run(sc.name, func(t *testing.T) {
			got, _ := teamScreen(t, i, resultstest.Pseudo(testpack.Pack()), i18n.Pseudo, resultstest.Wrap, 160, 50)
			if bare := resultstest.Leaks(got, append(keyNames, fixedAuditID)...); len(bare) > 0 {
				t.Errorf("English outside the catalogue: %q\n%s", bare, got)
			}
		})
	}
}

// dirtyTeams is a data file whose team audit holds control characters in
// the client's, the respondents' and the notes' text, as a crafted file
// could: the store refuses them on write, so they are added on read.
type dirtyTeams struct{ StoreRepo }

const dirt = "\x1b]0;pwned\x07\x1b[2J\u202e"

func (r dirtyTeams) dirty(a *team.Audit) {
	a.Client += dirt
	for i := range a.Respondents {
		a.Respondents[i].Name += dirt
	}
}

func (r dirtyTeams) Teams() ([]*team.Audit, error) {
	list, err := r.StoreRepo.Teams()
	for _, a := range list {
		r.dirty(a)
	}
	return list, err
}

func (r dirtyTeams) Team(id string) (*team.Audit, error) {
	a, err := r.StoreRepo.Team(id)
	if a != nil {
		r.dirty(a)
	}
	return a, err
}

func (r dirtyTeams) TeamSessions(a *team.Audit) (map[string]*checklist.Session, error) {
	out, err := r.StoreRepo.TeamSessions(a)
	for _, s := range out {
		for id, ans := range s.Answers {
			if ans.Note != "" {
				ans.Note += dirt
				s.Answers[id] = ans
			}
		}
	}
	return out, err
}

func TestTeamScreensDropControlCharacters(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	o := f.opts("en")
	o.Repo = dirtyTeams{f.repo}
	d := newDriver(t, o, 100, 40)
	for _, step := range [][]string{{"4"}, {"enter"}, {"s"}} {
		d.press(step...)
		view := d.m.View().Content
		if strings.Contains(view, "pwned") || strings.ContainsAny(view, "\x07\u202e") || strings.Contains(view, "\x1b[2J") {
			t.Fatalf("a control sequence from the data file reached the screen after %v:\n%q", step, view)
		}
		if !strings.Contains(ansi.Strip(view), "Bakery Rossi") {
			t.Fatalf("client missing after %v:\n%s", step, ansi.Strip(view))
		}
	}
	if !strings.Contains(d.screen(), "Nobody trains new staff") {
		t.Errorf("the note was dropped rather than cleaned:\n%s", d.screen())
	}
}
