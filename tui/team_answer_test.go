package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// TestTeamAnswerHere is the consultant's path on one computer: a new team
// audit, whose empty screen offers a; the owner answers three questions
// here, then a member of staff one; the store holds both sessions linked
// to the audit with their names and roles, and the team screen, shown
// again, counts their answers.
func TestTeamAnswerHere(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("en"), 80, 24)
	d.press("4", "n")
	d.typeText("Garage Bianchi")
	d.press("enter", "enter")
	if d.m.screen != scrTeam || !strings.Contains(d.screen(), "No respondent yet: a lets one answer here") {
		t.Fatalf("the empty audit does not offer a:\n%s", d.screen())
	}
	id := d.m.team.audit.ID

	d.press("a")
	if d.m.screen != scrTeamAnswer {
		t.Fatalf("a did not open the respondent's form:\n%s", d.screen())
	}
	if !strings.Contains(d.screen(), "› (•) owner") && !strings.Contains(d.screen(), "(•) owner") {
		t.Errorf("the first respondent is not offered as the owner:\n%s", d.screen())
	}
	d.press("enter") // no name yet
	if d.m.screen != scrTeamAnswer || !strings.Contains(d.screen(), "Type the respondent's name first") {
		t.Fatalf("an empty name was taken:\n%s", d.screen())
	}
	d.typeText("Dora Bianchi")
	d.press("enter") // on to the role: owner, as offered
	if !strings.Contains(d.screen(), "› (•) owner") {
		t.Fatalf("the role does not have the focus:\n%s", d.screen())
	}
	d.press("enter")
	if d.m.screen != scrQuestion || d.m.sess == nil {
		t.Fatalf("the respondent's session did not open at its first question:\n%s", d.screen())
	}
	dora := d.m.sess.ID
	if q, _ := d.m.current(); q.ID != "culture-training" {
		t.Errorf("opened at %s, not at the first question", q.ID)
	}
	d.press("y", "p", "n")

	// Back to the audit the way the form says: esc home, Team audits,
	// the audit (the newest, first).
	d.press("esc", "4", "enter")
	if d.m.screen != scrTeam || d.m.team.audit == nil || d.m.team.audit.ID != id {
		t.Fatalf("not back on the audit:\n%s", d.screen())
	}
	if got := d.screen(); !strings.Contains(got, "Dora Bianchi (owner) · 3 of ") {
		t.Errorf("the team screen does not show Dora's answers:\n%s", got)
	}

	// A member of staff: offered as staff now that there is an owner.
	d.press("a")
	d.typeText("Eli")
	d.press("enter")
	if !strings.Contains(d.screen(), "› (•) staff") {
		t.Errorf("the second respondent is not offered as staff:\n%s", d.screen())
	}
	d.press("enter", "n")
	eli := d.m.sess.ID

	a, err := f.repo.Team(id)
	if err != nil {
		t.Fatal(err)
	}
	want := []team.Respondent{{Name: "Dora Bianchi", Role: team.Owner, SessionID: dora}, {Name: "Eli", Role: team.Staff, SessionID: eli}}
	if len(a.Respondents) != len(want) {
		t.Fatalf("audit's respondents = %+v, want %+v", a.Respondents, want)
	}
	for i, r := range a.Respondents {
		if r != want[i] {
			t.Errorf("respondent %d = %+v, want %+v", i, r, want[i])
		}
	}
	s, err := f.repo.Get(dora)
	if err != nil {
		t.Fatal(err)
	}
	if s.Client != "Garage Bianchi" || s.Assessor != "Dora Bianchi" || s.Pack != f.pack.Ref() || s.AuditDate != checklist.AuditDateOf(epoch) {
		t.Errorf("Dora's session: client %q, assessor %q, pack %v, date %q", s.Client, s.Assessor, s.Pack, s.AuditDate)
	}
	for qid, v := range map[string]checklist.Value{"culture-training": checklist.Yes, "culture-internal": checklist.Partly,
		"culture-frontline": checklist.No} {
		if got := s.Answers[qid].Value; got != v {
			t.Errorf("Dora's answer to %s = %q, want %q", qid, got, v)
		}
	}
	if s, err := f.repo.Get(eli); err != nil || len(s.Answers) != 1 || s.Answers["culture-training"].Value != checklist.No {
		t.Errorf("Eli's session = %+v, %v", s, err)
	}
	sums, err := f.repo.List(store.Filter{Client: "Garage Bianchi"})
	if err != nil || len(sums) != 2 {
		t.Fatalf("Garage Bianchi's sessions = %d, %v; want the two respondents' only", len(sums), err)
	}
	for _, sum := range sums {
		if !sum.Respondent || sum.Team != id {
			t.Errorf("session %s: respondent %v of %q, want a respondent of %s", sum.ID, sum.Respondent, sum.Team, id)
		}
	}
}

// TestTeamAnswerLeave: esc leaves the form for the team screen and stores
// nothing.
func TestTeamAnswerLeave(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("it"), 80, 24)
	d.press("4", "enter", "a")
	d.typeText("Cai")
	d.press("esc")
	if d.m.screen != scrTeam {
		t.Fatalf("esc did not go back to the audit:\n%s", d.screen())
	}
	if a, _ := f.repo.Team(f.audit.ID); len(a.Respondents) != 2 {
		t.Errorf("leaving the form added a respondent: %+v", a.Respondents)
	}
	if sums, _ := f.repo.List(store.Filter{}); len(sums) != 2 {
		t.Errorf("leaving the form stored a session: %d sessions", len(sums))
	}
}

// TestTeamAnswerNoLastTime: a respondent who answers after the audit was
// settled, in a client with an earlier ordinary audit, sees no "last
// time" (not the consensus, not the earlier audit, not another
// respondent), and their results compare with nothing; a new ordinary
// session of the client still has the consensus as its last time.
func TestTeamAnswerNoLastTime(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	qs := f.pack.Questions()
	earlier := &checklist.Session{Client: "Bakery Rossi", Assessor: "Maria Conti", Pack: f.pack.Ref(), Status: checklist.Completed,
		CreatedAt: epoch.AddDate(-1, 0, 0), CompletedAt: epoch.AddDate(-1, 0, 0), Answers: map[string]checklist.Answer{}}
	for _, q := range qs {
		v := checklist.Value("2")
		if q.Kind == checklist.KindItem {
			v = checklist.Partly
		}
		earlier.Answers[q.ID] = checklist.Answer{Value: v, Note: "a year ago", At: earlier.CreatedAt}
	}
	if err := f.repo.Create(earlier); err != nil {
		t.Fatal(err)
	}
	base := &checklist.Session{Assessor: "Maria Conti", Pack: f.pack.Ref(), AuditDate: checklist.AuditDateOf(epoch.Add(-24 * time.Hour))}
	consensus, err := f.repo.SaveConsensus(f.audit.ID, base, f.ana.Answers)
	if err != nil {
		t.Fatal(err)
	}

	d := newDriver(t, f.opts("en"), 80, 24)
	d.press("4", "enter", "a")
	d.typeText("Cai")
	d.press("enter", "enter")
	if d.m.screen != scrQuestion {
		t.Fatalf("no question:\n%s", d.screen())
	}
	for range qs {
		if strings.Contains(d.screen(), "Last time") {
			t.Fatalf("a respondent is shown a last time:\n%s", d.screen())
		}
		if q, _ := d.m.current(); q.Kind == checklist.KindItem {
			d.press("y")
		} else {
			d.press("4")
		}
	}
	if d.m.screen != scrResults {
		t.Fatalf("answering every question did not show the results:\n%s", d.screen())
	}
	if d.m.res.prev != nil || d.m.res.cmp != nil {
		t.Errorf("a respondent's results compare with session %s", d.m.res.prev.ID)
	}
	cai := d.m.sess
	if prev, err := PreviousPlan(f.repo, cai); err != nil || prev != nil {
		t.Errorf("PreviousPlan of a respondent = %v, %v; want none", prev, err)
	}

	// An ordinary session of the client: the agreed result is last time.
	s := &checklist.Session{Client: "Bakery Rossi", Assessor: "Maria Conti", Pack: f.pack.Ref(), Answers: map[string]checklist.Answer{},
		AuditDate: checklist.AuditDateOf(epoch)}
	if err := f.repo.Create(s); err != nil {
		t.Fatal(err)
	}
	prev, _, err := Previous(f.repo, s, func(checklist.Ref) (*checklist.Pack, error) { return f.pack, nil })
	if err != nil || prev == nil || prev.ID != consensus.ID {
		t.Errorf("an ordinary session's previous = %v, %v; want the consensus %s", prev, err, consensus.ID)
	}
	o := f.opts("en")
	o.Start.Session = s
	d = newDriver(t, o, 80, 24)
	if !strings.Contains(d.screen(), "Last time: ") {
		t.Errorf("an ordinary session after the audit shows no last time:\n%s", d.screen())
	}
}
