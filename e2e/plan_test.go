package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
)

// ctrlU clears a text field (delete to the start of the line); ctrlX is
// the plan's own clear key, which also drops a suggestion; ctrlS skips the
// vision helper's questions.
const (
	ctrlU = "\x15"
	ctrlX = "\x18"
	ctrlS = "\x13"
)

// answerAllButLast records a session for client from an answers file that
// answers every question of plan but the last two, as unfinished, and
// returns how many questions are left for the wizard.
func answerAllButLast(t *testing.T, s *sandbox, p answerPlan, client string) int {
	t.Helper()
	left := 2
	var b strings.Builder
	fmt.Fprintf(&b, "client: %q\nanswers:\n", client)
	for i, q := range p.qs[:len(p.qs)-left] {
		fmt.Fprintf(&b, "  %s: %q\n", q.ID, p.values[i])
	}
	file := filepath.Join(s.dir, strings.ReplaceAll(client, " ", "-")+".yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.run("", "answer", "--answers", file, "--allow-incomplete")
	if r.code != 0 || !strings.Contains(r.stderr, fmt.Sprintf("(in progress, %d questions left)", left)) {
		t.Fatalf("answer: exit %d\n%s", r.code, r.stderr)
	}
	return left
}

// finishInWizard resumes the only unfinished session and gives the last
// answers in the full-screen wizard, up to its results.
func finishInWizard(t *testing.T, s *sandbox, p answerPlan, client string, left int) *term {
	t.Helper()
	tm := s.start(80, 24, "resume")
	tm.waitFor(fmt.Sprintf("%d of %d answered", len(p.qs)-left, len(p.qs)), wait)
	for i := len(p.qs) - left; i < len(p.qs); i++ {
		tm.send(p.keysFor(i, false)...)
	}
	tm.waitFor("Results for "+client, wait)
	return tm
}

// TestPlanAndReview sets a plan with two goals after completing a session,
// then completes a second session for the same client that reviews those
// goals (one met, one not); the data file and `show --json` hold both.
func TestPlanAndReview(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	const client = "Plan Co"
	first := planAnswers(0, func(i int) int { return 1 + i%5 })
	res := first.result()
	s1 := &checklist.Session{Answers: map[string]checklist.Answer{}}
	for i, q := range first.qs {
		s1.Answers[q.ID] = checklist.Answer{Value: first.values[i]}
	}
	suggested := scoring.SuggestProblems(content.Default(), s1, res)
	firstWords := plantext.Source(i18n.For("en"), content.Default(), suggested[0]) // as the screens word it

	left := answerAllButLast(t, s, first, client)
	tm := finishInWizard(t, s, first, client, left)
	tm.waitFor("press p to set your plan", wait)
	tm.send("p")
	tm.waitFor("Your plan for "+client, wait)
	tm.waitFor("goal 1 of 3", wait)
	tm.waitFor("1  "+firstWords[:40], wait)
	tm.waitFor("ctrl+x clear", wait)
	// Goal 1: the first suggestion taken (enter on the empty field), with
	// an action, a target, an owner, a due date and a status.
	tm.send("enter", "Answer within three rings", "enter", "90% of calls", "enter", "Anna", "enter", "31/3/2026", "enter")
	tm.waitFor("› Status", wait)
	tm.send("2", "enter") // in progress, no note
	tm.waitFor("goal 2 of 3", wait)
	// Goal 2: a problem of the owner's own (typing replaces the
	// suggestion), with an action only.
	tm.send("Nobody calls back", "enter", "Call back within a day", "enter", "enter", "enter", "enter", "tab", "enter")
	tm.waitFor("goal 3 of 3", wait)
	// Goal 3 left out (ctrl+x drops the suggestion), the vision helper's
	// questions skipped, then the statement.
	tm.send(ctrlX, "enter")
	tm.waitFor("vision, step 1 of 4", wait)
	tm.send(ctrlS)
	tm.waitFor("› Vision", wait)
	tm.send("Every customer hears back within a day", "enter")
	tm.waitFor("Plan saved: 2 goals, a vision", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("first session: exit code %d\n%s", code, tm.dump())
	}

	// The second session for the client reviews those goals first.
	second := planAnswers(1, func(i int) int { return 1 + (i+2)%5 })
	left = answerAllButLast(t, s, second, client)
	tm = finishInWizard(t, s, second, client, left)
	tm.send("p")
	tm.waitFor("last time's goal 1 of 2", wait)
	tm.waitForText(firstWords[:40], wait)
	tm.send("3") // done
	tm.waitFor("› Note", wait)
	tm.send("Second line since February", "enter")
	tm.waitFor("last time's goal 2 of 2", wait)
	tm.waitFor("Nobody calls back", wait)
	tm.send("4", "enter") // dropped, no note
	tm.waitFor("goal 1 of 3", wait)
	tm.send("esc")
	tm.waitFor("Results for "+client, wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("second session: exit code %d\n%s", code, tm.dump())
	}

	all := sessions(t, s.db)
	if len(all) != 2 {
		t.Fatalf("%d sessions, want 2", len(all))
	}
	due, _ := checklist.NewDay(2026, 3, 31)
	goals := []checklist.Goal{
		{Source: &suggested[0], What: "Answer within three rings", Target: "90% of calls", Owner: "Anna", DueDate: due,
			Status: checklist.StatusInProgress},
		{Problem: "Nobody calls back", What: "Call back within a day"},
	}
	p1 := all[0].Plan
	if p1.Vision != "Every customer hears back within a day" || len(p1.Goals) != 2 || !reflect.DeepEqual(p1.Goals, goals) ||
		len(p1.Review) != 0 {
		t.Errorf("first session's plan %+v", p1)
	}
	p2 := all[1].Plan
	if len(p2.Goals) != 0 || len(p2.Review) != 2 {
		t.Fatalf("second session's plan %+v, want a review of 2 goals and no goal yet", p2)
	}
	for i, want := range []struct {
		status checklist.GoalStatus
		note   string
	}{{checklist.StatusDone, "Second line since February"}, {checklist.StatusDropped, ""}} {
		r := p2.Review[i]
		if r.From != all[0].ID || !r.FromDate.Equal(all[0].CompletedAt) || !reflect.DeepEqual(r.Goal, goals[i]) ||
			r.Status != want.status || r.Note != want.note {
			t.Errorf("review %d = %+v, want goal %+v from %s, %s, note %q", i+1, r, goals[i], all[0].ID, want.status, want.note)
		}
	}

	// Another process reads both plans through the CLI.
	type shown struct {
		Plan struct {
			Vision string           `json:"vision"`
			Goals  []checklist.Goal `json:"goals"`
			Review []struct {
				From   string `json:"from"`
				Status string `json:"status"`
				Note   string `json:"note"`
			} `json:"review"`
		} `json:"plan"`
	}
	show := func(id string) shown {
		t.Helper()
		r := s.run("", "show", id, "--json")
		if r.code != 0 {
			t.Fatalf("show %s --json: exit %d\n%s", id, r.code, r.stderr)
		}
		var doc shown
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("show --json: %v\n%s", err, r.stdout)
		}
		return doc
	}
	if d := show(all[0].ID); d.Plan.Vision == "" || len(d.Plan.Goals) != 2 || d.Plan.Goals[1].Problem != "Nobody calls back" ||
		d.Plan.Goals[0].Problem != firstWords || d.Plan.Goals[0].Source == nil {
		t.Errorf("show --json of the first session: plan %+v", d.Plan)
	}
	d := show(all[1].ID)
	if rv := d.Plan.Review; len(rv) != 2 || rv[0].From != all[0].ID || rv[0].Status != "done" ||
		rv[0].Note != "Second line since February" || rv[1].Status != "dropped" || len(d.Plan.Goals) != 0 {
		t.Errorf("show --json of the second session: plan %+v", d.Plan)
	}
}

// TestPlanEscSavesNothingUnconfirmed: passing the suggested goals and
// pressing esc, or taking a suggestion and leaving at once, saves no goal:
// nothing but what the user confirmed with something to do is a goal.
func TestPlanEscSavesNothingUnconfirmed(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	const client = "Esc Co"
	plan := planAnswers(0, func(i int) int { return 1 + i%5 })
	left := answerAllButLast(t, s, plan, client)
	tm := finishInWizard(t, s, plan, client, left)
	tm.waitFor("press p to set your plan", wait)
	tm.send("p")
	tm.waitFor("goal 1 of 3", wait)
	// Past goal 1 (its seven fields) without typing, on goal 2, then esc.
	for range 7 {
		tm.send("tab")
	}
	tm.waitFor("goal 2 of 3", wait)
	tm.send("esc")
	tm.waitFor("Results for "+client, wait)
	// Again: goal 1's suggestion taken with enter, then esc at once.
	tm.send("p")
	tm.waitFor("goal 1 of 3", wait)
	tm.send("enter")
	tm.waitFor("› Action", wait)
	tm.send("esc")
	tm.waitFor("Results for "+client, wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, tm.dump())
	}
	sess := onlySession(t, s.db)
	if len(sess.Plan.Goals) != 0 {
		t.Errorf("esc saved goals nobody confirmed: %+v", sess.Plan.Goals)
	}
	// The CLI agrees: no open actions.
	r := s.run("", "plan", "--client", client)
	if r.code != 0 || !strings.Contains(r.stdout, "No open actions for "+client) {
		t.Errorf("plan --client: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
