package tui

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// teamFixture is a data file with a team audit of Bakery Rossi: Ana, the
// owner, and Ben, staff (anonymous by default), who disagree on two
// checklist items (Yes against No) and one statement (2 against 5).
type teamFixture struct {
	pack     *checklist.Pack
	repo     StoreRepo
	audit    *team.Audit
	ana, ben *checklist.Session
	disputed []string // the disputed items, in pack order
}

func newTeamFixture(t *testing.T, p *checklist.Pack, ud func(string) string) *teamFixture {
	t.Helper()
	clock := epoch.Add(-48 * time.Hour)
	f := &teamFixture{pack: p, repo: StoreRepo{Path: filepath.Join(t.TempDir(), "servicecheck.db"),
		Opts: store.Options{Now: func() time.Time { clock = clock.Add(time.Minute); return clock }}}}
	qs := p.Questions()
	var items []checklist.Question
	for _, q := range qs {
		if q.Kind == checklist.KindItem {
			items = append(items, q)
		}
	}
	f.disputed = []string{items[0].ID, items[2].ID}
	answers := func(who int) map[string]checklist.Answer {
		out := map[string]checklist.Answer{}
		for i, q := range qs {
			v := checklist.Value(checklist.Rating(3 + i%2))
			if q.Kind == checklist.KindItem {
				v = checklist.Yes
			}
			out[q.ID] = checklist.Answer{Value: v, At: clock}
		}
		if who == 1 {
			out[items[0].ID] = checklist.Answer{Value: checklist.No, Note: ud("Nobody trains new staff"), At: clock}
			out[items[1].ID] = checklist.Answer{Value: checklist.Partly, At: clock}
			out[items[2].ID] = checklist.Answer{Value: checklist.No, At: clock}
			last := qs[len(qs)-1].ID
			out[last] = checklist.Answer{Value: "5", At: clock}
		} else {
			out[qs[len(qs)-1].ID] = checklist.Answer{Value: "2", At: clock}
		}
		return out
	}
	err := store.Do(f.repo.Path, f.repo.Opts, func(st *store.Store) error {
		f.audit = &team.Audit{Client: ud("Bakery Rossi"), Lang: p.Lang}
		if err := st.CreateTeam(f.audit); err != nil {
			return err
		}
		for i, name := range []string{"Ana", "Ben"} {
			s := &checklist.Session{Client: ud("Bakery Rossi"), Assessor: ud(name), Pack: p.Ref(), Status: checklist.Completed,
				CreatedAt: clock.Add(-time.Hour), CompletedAt: clock, Answers: answers(i)}
			if err := st.Create(s); err != nil {
				return err
			}
			role := []team.Role{team.Owner, team.Staff}[i]
			if _, err := st.AddRespondent(f.audit.ID, team.Respondent{Role: role, SessionID: s.ID}); err != nil {
				return err
			}
			if i == 0 {
				f.ana = s
			} else {
				f.ben = s
			}
		}
		var err error
		f.audit, err = st.Team(f.audit.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *teamFixture) opts(lang string) Options {
	return Options{Repo: f.repo, Pack: f.pack, Lang: lang, Assessor: "Maria Conti"}
}

// TestTeamSettleFlow goes from home to a team audit, settles its two
// disputed items with an answer key and a note, stores the consensus and
// opens its results.
func TestTeamSettleFlow(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("en"), 80, 24)
	if !strings.Contains(d.screen(), "4  Team audits") {
		t.Fatalf("home has no team audits entry:\n%s", d.screen())
	}
	d.press("4")
	if got := d.screen(); !strings.Contains(got, "Bakery Rossi") || !strings.Contains(got, "2 respondents") {
		t.Fatalf("list of team audits:\n%s", got)
	}
	d.press("enter")
	got := d.screen()
	for _, want := range []string{"Ana (owner)", "Respondent 2 (staff)", "3 disagreements", "Ana: Yes · Respondent 2: No",
		"Respondent 2's note: Nobody trains new staff"} {
		if !strings.Contains(got, want) {
			t.Errorf("team screen lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Ben") {
		t.Errorf("staff shown by name:\n%s", got)
	}

	d.press("s")
	got = d.screen()
	if !strings.Contains(got, "disputed item 1 of 2") || !strings.Contains(got, "Each decision is saved as you make it") {
		t.Fatalf("consensus step:\n%s", got)
	}
	// Yes and No: the mean is ½, a tie, so Partly is proposed and
	// highlighted.
	if !strings.Contains(got, "proposed: Partly") || !strings.Contains(got, "› ( ) Partly") {
		t.Errorf("proposal not preselected:\n%s", got)
	}
	d.press("n") // No, with the question screen's key
	if d.m.settle.idx != 1 {
		t.Fatalf("n did not settle the first item: idx %d", d.m.settle.idx)
	}
	// The decision is in the file, and the header says so only now.
	if a, _ := f.repo.Team(f.audit.ID); a.Settled[f.disputed[0]] != (team.Settled{Value: checklist.No}) {
		t.Fatalf("decision not stored: %+v", a.Settled)
	}
	if !strings.Contains(d.screen(), "✓ saved") {
		t.Errorf("header does not say the decision is saved:\n%s", d.screen())
	}
	// Back, to see the choice kept, then on again.
	d.press("left")
	if !strings.Contains(d.screen(), "› (•) No") {
		t.Errorf("going back lost the choice:\n%s", d.screen())
	}
	d.press("right", "tab")
	d.typeText("Agreed in the meeting")
	d.press("enter", "enter") // save the note; take the highlighted answer
	if got := d.screen(); !strings.Contains(got, "2 disputed items settled") || !strings.Contains(got, "✓ saved") {
		t.Fatalf("closing page:\n%s", got)
	}
	// The decisions are stored, the consensus is not yet.
	a, _ := f.repo.Team(f.audit.ID)
	if a.Consensus != "" {
		t.Fatal("the consensus was stored before the last step")
	}
	if got := a.Settled[f.disputed[1]]; got != (team.Settled{Value: checklist.Partly, Note: "Agreed in the meeting"}) {
		t.Errorf("second decision stored as %+v", got)
	}
	d.press("enter")
	got = d.screen()
	if !strings.Contains(got, "✓ Consensus stored as session") {
		t.Fatalf("not stored:\n%s", got)
	}
	a, err := f.repo.Team(f.audit.ID)
	if err != nil || a.Consensus == "" || len(a.Settled) != 2 {
		t.Fatalf("audit's consensus = %+v, %v", a, err)
	}
	c, err := f.repo.Get(a.Consensus)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != checklist.Completed || c.Client != "Bakery Rossi" || c.Assessor != "Maria Conti" || c.AuditDate != "2026-03-02" {
		t.Errorf("consensus session %s: status %s, client %q, assessor %q, date %q", c.ID, c.Status, c.Client, c.Assessor, c.AuditDate)
	}
	if got := c.Answers[f.disputed[0]]; got.Value != checklist.No || got.Note != "Respondent 2: Nobody trains new staff" {
		t.Errorf("first disputed item = %+v, want No with the respondent's note, labelled as the naming shows", got)
	}
	if got := c.Answers[f.disputed[1]]; got.Value != checklist.Partly || got.Note != "Agreed in the meeting" {
		t.Errorf("second disputed item = %+v, want Partly with the consultant's note", got)
	}
	qs := f.pack.Questions()
	if got := c.Answers[qs[len(qs)-1].ID].Value; got != "3" { // 2 and 5: mean 3.5, halves down
		t.Errorf("disputed statement = %q, want its rounded mean 3", got)
	}
	if len(c.Answers) != len(qs) {
		t.Errorf("consensus has %d answers, want %d", len(c.Answers), len(qs))
	}

	// enter opens the consensus's results: an ordinary session.
	d.press("enter")
	if d.m.screen != scrResults || d.m.sess == nil || d.m.sess.ID != c.ID {
		t.Fatalf("results of the consensus not shown:\n%s", d.screen())
	}

	// Settling again updates the same session, with an edit log.
	d.press("esc", "4", "enter")
	if !strings.Contains(d.screen(), "Consensus stored on") {
		t.Errorf("team screen does not name the consensus:\n%s", d.screen())
	}
	d.press("s")
	if !strings.Contains(d.screen(), "› (•) No") {
		t.Errorf("settling again does not start from the stored decisions:\n%s", d.screen())
	}
	d.press("y", "enter")
	if !strings.Contains(d.screen(), "replaces the answers of the stored consensus") {
		t.Errorf("closing page does not say it replaces the consensus:\n%s", d.screen())
	}
	d.press("enter")
	c2, err := f.repo.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := f.repo.Team(f.audit.ID); a.Consensus != c.ID {
		t.Errorf("settling again made a new session %s", a.Consensus)
	}
	if c2.Answers[f.disputed[0]].Value != checklist.Yes || len(c2.Edits) == 0 {
		t.Errorf("updated consensus: %+v, edits %d", c2.Answers[f.disputed[0]], len(c2.Edits))
	}
	// The consultant's note of last time is kept when not rewritten.
	if got := c2.Answers[f.disputed[1]]; got.Value != checklist.Partly || got.Note != "Agreed in the meeting" {
		t.Errorf("second item after settling again = %+v, want Partly with the consultant's note kept", got)
	}
}

// TestTeamSettleDecisionsSurvive settles two items and leaves the step
// with esc: a new wizard on the same data file (a new run of the program)
// finds them again, and q quits at once, with nothing to lose.
func TestTeamSettleDecisionsSurvive(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("it"), 80, 24)
	d.press("4", "enter", "s", "n", "y") // the audit is in English: its answer keys
	d.press("esc")
	// The team screens are in the audit's language (English), not the
	// user's (Italian).
	if d.m.screen != scrTeam || !strings.Contains(d.screen(), "Your decisions are saved") {
		t.Fatalf("esc did not go back to the team audit saying the decisions are saved:\n%s", d.screen())
	}
	want := map[string]team.Settled{f.disputed[0]: {Value: checklist.No}, f.disputed[1]: {Value: checklist.Yes}}
	if a, _ := f.repo.Team(f.audit.ID); !maps.Equal(a.Settled, want) {
		t.Fatalf("stored decisions %v, want %v", a.Settled, want)
	}

	// A new run of the program on the same file.
	d = newDriver(t, f.opts("it"), 80, 24)
	d.press("4", "enter", "s")
	if got := d.screen(); !strings.Contains(got, "disputed item 1 of 2") || !strings.Contains(got, "› (•) No") {
		t.Fatalf("reopened step does not start from the stored decision:\n%s", got)
	}
	d.press("right")
	if got := d.screen(); !strings.Contains(got, "disputed item 2 of 2") || !strings.Contains(got, "› (•) Yes") {
		t.Fatalf("second decision not restored:\n%s", got)
	}
	d.press("right")
	if got := d.screen(); !strings.Contains(got, "2 disputed items settled") {
		t.Fatalf("closing page after reopening:\n%s", got)
	}
	d.press("q")
	if !d.quit || d.m.ask != nil {
		t.Fatalf("q did not quit at once (quit %v)", d.quit)
	}
}

// TestTeamSettleNoteDraftKeptOnQuit: a note typed on the consensus step
// but not confirmed is stored when the app ends with ctrl+c (the same
// path serves q, SIGTERM and SIGHUP: Run calls keepDrafts and writes what
// is left), beside the answer chosen; on an item not settled yet it is
// stored alone and settles nothing.
func TestTeamSettleNoteDraftKeptOnQuit(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("en"), 80, 24)
	d.press("4", "enter", "s", "n", "left", "tab")
	d.typeText("Ana agreed on the phone")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	d.m.keepDrafts() // as Run does with the final model
	if err := d.m.writeDecisionsLeft(); err != nil {
		t.Fatal(err)
	}
	a, err := f.repo.Team(f.audit.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Settled[f.disputed[0]]; got != (team.Settled{Value: checklist.No, Note: "Ana agreed on the phone"}) {
		t.Errorf("after ctrl+c: %+v, want No with the typed note", got)
	}

	// On the second item, not settled: the note alone.
	d = newDriver(t, f.opts("en"), 80, 24)
	d.press("4", "enter", "s", "right", "tab")
	d.typeText("Ask Ben")
	d.press("ctrl+c")
	d.m.keepDrafts() // as Run does with the final model
	if err := d.m.writeDecisionsLeft(); err != nil {
		t.Fatal(err)
	}
	a, _ = f.repo.Team(f.audit.ID)
	if got := a.Settled[f.disputed[1]]; got != (team.Settled{Note: "Ask Ben"}) {
		t.Errorf("note on an item not settled: %+v, want the note alone", got)
	}
	if got := a.Settled[f.disputed[0]]; got.Note != "Ana agreed on the phone" {
		t.Errorf("first decision changed: %+v", got)
	}
	if open := team.Open(d.m.team.res, a.Settled); len(open) != 1 || open[0] != f.disputed[1] {
		t.Errorf("open items %v: a note alone must not settle", open)
	}
}

// TestTeamNew creates a team audit from the wizard.
func TestTeamNew(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("sq"), 80, 24)
	d.press("4", "n")
	d.typeText("Garazh Bianchi")
	d.press("enter", "down", "enter")
	if d.m.screen != scrTeam {
		t.Fatalf("new audit not opened:\n%s", d.screen())
	}
	list, err := f.repo.Teams()
	if err != nil || len(list) != 2 {
		t.Fatalf("Teams = %d, %v", len(list), err)
	}
	a := list[0]
	if a.Client != "Garazh Bianchi" || a.Lang != "sq" || a.Naming != team.NamingAll {
		t.Errorf("created %+v: want the client, the user's language and names for all", a)
	}
	if got := d.screen(); !strings.Contains(got, "Ende asnjë pjesëmarrës") || !strings.Contains(got, a.ID) {
		t.Errorf("new audit's screen:\n%s", got)
	}
}

// TestTeamEntryOnlyWithTeams: a Repo without team audits (the SSH
// server's) shows the home menu as before.
func TestTeamEntryOnlyWithTeams(t *testing.T) {
	d := newDriver(t, newFixture(t).opts(), 80, 24)
	if got := d.screen(); strings.Contains(got, "Team audits") || !strings.Contains(got, "4  Quit") {
		t.Errorf("home without TeamRepo:\n%s", got)
	}
}

// TestTeamHistoryMarks: a client's history says which sessions are team
// respondents' own, so that four sessions of one day do not read as four
// audits.
func TestTeamHistoryMarks(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	d := newDriver(t, f.opts("en"), 80, 24)
	d.press("3") // history: the clients
	d.press("enter")
	got := d.screen()
	for _, want := range []string{"Ana, team respondent", "Ben, team respondent"} {
		if !strings.Contains(got, want) {
			t.Errorf("history lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Trend of the total") {
		t.Errorf("respondents' totals drawn as the client's trend:\n%s", got)
	}
}

// TestTeamSettleTwoWindows: two wizards on one audit settle the same item;
// the one that read the audit before the other's decision is refused,
// says so, and overwrites nothing. Its own later decisions still go in.
func TestTeamSettleTwoWindows(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	first := newDriver(t, f.opts("en"), 80, 24)
	second := newDriver(t, f.opts("en"), 80, 24)
	first.press("4", "enter", "s")
	second.press("4", "enter", "s")
	first.press("n")  // item 1: No, stored
	second.press("y") // item 1: Yes, over a decision it never saw
	if got := second.screen(); !strings.Contains(got, "not saved") || !strings.Contains(got, "changed elsewhere") {
		t.Errorf("the second window does not say its decision was refused:\n%s", got)
	}
	second.press("y") // item 2: nobody else settled it
	want := map[string]team.Settled{f.disputed[0]: {Value: checklist.No}, f.disputed[1]: {Value: checklist.Yes}}
	if a, _ := f.repo.Team(f.audit.ID); !maps.Equal(a.Settled, want) {
		t.Fatalf("stored decisions %v, want %v", a.Settled, want)
	}
	// The window that wrote item 1 can change it again: it knows what it wrote.
	first.press("left", "p")
	if a, _ := f.repo.Team(f.audit.ID); a.Settled[f.disputed[0]].Value != checklist.Partly {
		t.Errorf("the first window's second decision on item 1: stored %v", a.Settled)
	}
}
