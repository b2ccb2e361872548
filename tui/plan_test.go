package tui

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/planform"
)

// planRepo counts the plans written, to check that each confirmed field is
// one write and that nothing else writes a plan.
type planRepo struct {
	*memrepo.Repo
	mu    sync.Mutex
	plans []checklist.Plan
}

func (r *planRepo) Apply(id string, c store.Change) (store.Applied, error) {
	res, err := r.Repo.Apply(id, c)
	if err != nil || !c.SetPlan {
		return res, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.plans = append(r.plans, c.Plan)
	return res, nil
}

func (r *planRepo) writes() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.plans)
}

// openPlanOf opens the results of s and presses p.
func openPlanOf(t *testing.T, f *fixture, s *checklist.Session, w, h int) (*driver, *planRepo) {
	t.Helper()
	r := &planRepo{Repo: f.repo}
	o := f.opts()
	o.Repo = r
	o.Start.Session = s
	d := newDriver(t, o, w, h)
	d.press("p")
	if d.m.screen != scrPlan || d.m.plan.form == nil {
		t.Fatalf("p on the results: screen %v, form %v\n%s", d.m.screen, d.m.plan.form, d.screen())
	}
	return d, r
}

// onField fails unless the field on show is of kind k for entry or slot i.
func onField(t *testing.T, d *driver, k planform.Kind, i int) {
	t.Helper()
	if f, ok := d.m.plan.field(); !ok || f != (planform.Field{Kind: k, Index: i}) {
		t.Fatalf("on field %+v, want %v %d\n%s", f, k.Label(i18n.For("en")), i, d.screen())
	}
}

// TestPlanReviewAndGoals walks the whole plan of the newer ACME session:
// last time's two goals given a status, two actions of its own (the third
// left out) and a vision; every confirmed field is one write, and the
// results show the plan afterwards.
func TestPlanReviewAndGoals(t *testing.T) {
	f := newFixture(t)
	d, r := openPlanOf(t, f, f.newer, 80, 24)
	suggested := scoring.SuggestProblems(f.pack, f.newer, scoring.Session(f.pack, f.newer))
	first := plantext.Source(i18n.For(f.pack.Lang), f.pack, suggested[0]) // as the screen words it

	onField(t, d, planform.ReviewStatus, 0)
	if !contains(d.screen(), "Phones ring out at lunch") || !contains(d.screen(), "Set on 2 Dec 2025") {
		t.Errorf("last time's first goal not shown:\n%s", d.screen())
	}
	d.press("3") // done
	onField(t, d, planform.Note, 0)
	d.typeText("Second line since February")
	d.press("enter")
	onField(t, d, planform.ReviewStatus, 1)
	d.press("right", "enter") // in progress, with the arrows
	onField(t, d, planform.Note, 1)
	d.press("enter") // no note: nothing to write
	if n := r.writes(); n != 3 {
		t.Errorf("%d plan writes after two statuses and a note, want 3", n)
	}

	onField(t, d, planform.Problem, 0)
	if got := d.m.plan.input.Value(); got != "" || d.m.plan.input.Placeholder != first {
		t.Errorf("first problem %q with placeholder %q, want empty with the suggestion %q", got, d.m.plan.input.Placeholder, first)
	}
	if !contains(d.screen(), "ctrl+x clear") {
		t.Errorf("the key that clears a field is not shown:\n%s", d.screen())
	}
	d.press("enter") // the suggestion, taken explicitly
	d.typeText("Answer within three rings")
	d.press("enter")
	d.typeText("90% of calls")
	d.press("enter")
	d.typeText("Anna")
	d.press("enter")
	d.typeText("end of March")
	d.press("enter")
	onField(t, d, planform.Due, 0) // not a date: it stays
	if !contains(d.screen(), "Not a date") {
		t.Errorf("no word on the date:\n%s", d.screen())
	}
	d.press("ctrl+x")
	d.typeText("31/3/2026")
	d.press("enter")
	onField(t, d, planform.Status, 0)
	d.press("2") // in progress
	onField(t, d, planform.GoalNote, 0)
	d.press("enter")
	onField(t, d, planform.Problem, 1)
	d.typeText("Nobody calls back") // typing replaces the suggestion
	d.press("enter")
	d.typeText("Call back within a day")
	d.press("enter", "enter", "enter", "enter", "tab", "enter") // target, owner, due, status, note left as they are
	onField(t, d, planform.Problem, 2)
	d.press("ctrl+x", "enter") // the suggestion dropped: the third goal is left out
	onField(t, d, planform.Business, 0)
	d.press("ctrl+s") // the vision helper's questions skipped
	onField(t, d, planform.Vision, 0)
	d.typeText("Every customer hears back within a day")
	d.press("enter")
	if d.m.screen != scrResults {
		t.Fatalf("after the vision: screen %v, want the results\n%s", d.m.screen, d.screen())
	}
	if !contains(d.screen(), "Plan saved: 2 goals, a vision, 2 of 2 earlier goals reviewed") {
		t.Errorf("no word on the saved plan:\n%s", d.screen())
	}

	due, _ := checklist.NewDay(2026, 3, 31)
	want := checklist.Plan{
		Vision: "Every customer hears back within a day",
		Goals: []checklist.Goal{
			{Source: &suggested[0], What: "Answer within three rings", Target: "90% of calls", Owner: "Anna", DueDate: due,
				Status: checklist.StatusInProgress},
			{Problem: "Nobody calls back", What: "Call back within a day"},
		},
		Review: []checklist.GoalReview{
			{From: f.older.ID, FromDate: f.older.CompletedAt, Goal: f.older.Plan.Goals[0], Status: checklist.StatusDone,
				Note: "Second line since February"},
			{From: f.older.ID, FromDate: f.older.CompletedAt, Goal: f.older.Plan.Goals[1], Status: checklist.StatusInProgress},
		},
	}
	got, err := f.repo.Get(f.newer.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Plan, want) {
		t.Errorf("stored plan\n%+v\nwant\n%+v", got.Plan, want)
	}
	d.press("G")
	for _, s := range []string{"Plan", "1  " + first[:30], "What: Answer within three rings", "Due: 31 Mar 2026",
		"Done         Phones ring out", "In progress  Complaints are not written down", "Vision: Every customer hears back within a day"} {
		if !contains(d.screen(), s) {
			t.Errorf("results lack %q:\n%s", s, d.screen())
		}
	}

	// Opened again, the plan is as it was left: no suggestion, no new
	// review, nothing written by merely walking through it.
	writes := r.writes()
	d.press("p")
	onField(t, d, planform.ReviewStatus, 0)
	if d.m.plan.choice != 2 {
		t.Errorf("the highlighted status is %d, want done (2)", d.m.plan.choice)
	}
	for range 40 {
		d.press("tab")
	}
	if d.m.screen != scrResults {
		t.Fatalf("tab through every field: screen %v\n%s", d.m.screen, d.screen())
	}
	if n := r.writes(); n != writes {
		t.Errorf("walking through the plan wrote it again (%d writes, was %d)", n, writes)
	}
}

// TestPlanGoBack: every field can be gone back to, answered or not, and
// what was typed is kept on the way.
func TestPlanGoBack(t *testing.T) {
	f := newFixture(t)
	d, _ := openPlanOf(t, f, f.newer, 80, 24)
	d.press("up")
	if !contains(d.screen(), "This is the first field") {
		t.Errorf("no word at the first field:\n%s", d.screen())
	}
	d.press("down", "down", "down") // past both reviews, unjudged
	onField(t, d, planform.Note, 1)
	d.press("tab")
	onField(t, d, planform.Problem, 0)
	d.press("tab")
	d.typeText("Half-typed")
	d.press("shift+tab")
	onField(t, d, planform.Problem, 0)
	d.press("up", "up")
	onField(t, d, planform.ReviewStatus, 1)
	d.press("1", "down")
	onField(t, d, planform.Problem, 0)
	d.press("down")
	if got := d.m.plan.input.Value(); got != "Half-typed" {
		t.Errorf("what was typed before going back: %q, want Half-typed", got)
	}
	got, _ := f.repo.Get(f.newer.ID)
	// Only the first suggestion was taken (an action was typed for it).
	if len(got.Plan.Goals) != 1 || got.Plan.Goals[0].What != "Half-typed" || got.Plan.Review[1].Status != checklist.StatusOpen {
		t.Errorf("stored plan %+v", got.Plan)
	}
}

// TestPlanEsc: esc goes back to the results and keeps the text typed in the
// field on show; it saves nothing unconfirmed: a suggestion passed by, or
// taken with nothing to do about it, is not a goal.
func TestPlanEsc(t *testing.T) {
	tests := []struct {
		name   string
		keys   []string
		typed  string
		vision string
		goals  int
	}{
		{"untouched suggestion", []string{"esc"}, "", "", 0},
		{"suggestions passed by", append(repeat("tab", 7*2+1), "esc"), "", "", 0},
		{"a suggestion taken but bare", []string{"enter", "enter", "esc"}, "", "", 0},
		{"typed vision", append(repeat("tab", 7*3), "ctrl+s"), "Calls back the same day", "Calls back the same day", 0},
		{"typed action", []string{"enter"}, "Log every call", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			// The older session's own plan has no earlier goals to review;
			// it starts on its first suggested goal.
			f.older.Plan = checklist.Plan{}
			if err := f.repo.SetPlan(f.older.ID, checklist.Plan{}); err != nil {
				t.Fatal(err)
			}
			d, _ := openPlanOf(t, f, f.older, 80, 24)
			onField(t, d, planform.Problem, 0)
			d.press(tt.keys...)
			if tt.typed != "" {
				d.typeText(tt.typed)
				d.press("esc")
			}
			if d.m.screen != scrResults {
				t.Fatalf("esc: screen %v, want results\n%s", d.m.screen, d.screen())
			}
			got, _ := f.repo.Get(f.older.ID)
			if got.Plan.Vision != tt.vision || len(got.Plan.Goals) != tt.goals {
				t.Errorf("stored plan %+v, want vision %q and %d goals", got.Plan, tt.vision, tt.goals)
			}
			for _, g := range got.Plan.Goals {
				if g.What == "" {
					t.Errorf("a goal with nothing to do was saved: %+v", g)
				}
			}
		})
	}
}

// TestPlanQuitKeepsTypedText: ctrl+c in a plan field quits and the text
// typed there is kept as a draft, which Run writes once the screens are
// gone.
func TestPlanQuitKeepsTypedText(t *testing.T) {
	f := newFixture(t)
	d, r := openPlanOf(t, f, f.newer, 80, 24)
	d.press("tab")
	onField(t, d, planform.Note, 0)
	d.typeText("Only half done")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	d.m.keepDrafts() // as Run does with the final model
	if err := d.m.saver.flushNow(r, 1, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := f.repo.Get(f.newer.ID)
	if len(got.Plan.Review) != 2 || got.Plan.Review[0].Note != "Only half done" {
		t.Errorf("stored plan %+v", got.Plan)
	}
}

// TestPlanSaveFails: a plan write that fails is retried, as answers are,
// and the screen says so meanwhile.
func TestPlanSaveFails(t *testing.T) {
	f := newFixture(t)
	d, _ := openPlanOf(t, f, f.newer, 80, 24)
	f.repo.FailWrites(1, store.ErrInUse)
	d.press("2") // in progress
	got, _ := f.repo.Get(f.newer.ID)
	if len(got.Plan.Review) != 2 || got.Plan.Review[0].Status != checklist.StatusInProgress {
		t.Errorf("after a retry the stored plan is %+v", got.Plan)
	}
}

// TestPlanPaste: pasted text goes into the field on one line.
func TestPlanPaste(t *testing.T) {
	f := newFixture(t)
	d, _ := openPlanOf(t, f, f.newer, 80, 24)
	d.press("tab")
	d.send(tea.PasteMsg{Content: "two\nlines  pasted"})
	if got := d.m.plan.input.Value(); got != "two lines pasted" {
		t.Errorf("pasted %q", got)
	}
}

// TestPlanSuggestionsForANewClient: a first plan offers the problems
// suggested from the results, weakest areas first.
func TestPlanSuggestionsForANewClient(t *testing.T) {
	f := newFixture(t)
	d := newDriver(t, f.opts(), 80, 24)
	d.press("1")
	d.typeText("Kafe Shkodër")
	d.press("enter", "enter")
	answerAll(d, "n", "2")
	if !contains(d.screen(), "Session complete. Press p to set your plan.") {
		t.Fatalf("the results do not invite a plan:\n%s", d.screen())
	}
	d.press("p")
	onField(t, d, planform.Problem, 0)
	want := scoring.SuggestProblems(f.pack, d.m.sess, scoring.Session(f.pack, d.m.sess))
	if len(want) != 3 {
		t.Fatalf("suggested %+v", want)
	}
	for i := range 3 {
		if g := d.m.plan.form.Goals[i]; g.Problem != "" || g.Source == nil || *g.Source != want[i] || !d.m.plan.form.Offered(i) {
			t.Errorf("goal %d starts as %+v, want the suggestion %+v", i+1, g, want[i])
		}
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestPlanTypeAhead: keys pressed while last time's goals are looked up
// land on the first field rather than being lost.
func TestPlanTypeAhead(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.newer
	d := newDriver(t, o, 80, 24)
	load := d.m.openPlan()
	if !d.m.plan.loading || !contains(d.screen(), "Looking up last time's goals") {
		t.Fatalf("not loading:\n%s", d.screen())
	}
	d.m.planKey(keyMsg("3"))
	for _, r := range "Done" {
		d.m.planKey(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	d.run(load)
	onField(t, d, planform.Note, 0)
	if got := d.m.plan.input.Value(); got != "Done" {
		t.Errorf("note typed ahead = %q, want Done", got)
	}
	if d.m.plan.form.Review[0].Status != checklist.StatusDone {
		t.Errorf("status typed ahead = %q, want done", d.m.plan.form.Review[0].Status)
	}
}

// TestPlanResize: the field on show fits the window after it shrinks or
// grows, its text scrolled to the cursor.
func TestPlanResize(t *testing.T) {
	f := newFixture(t)
	d, _ := openPlanOf(t, f, f.newer, 80, 24)
	d.press("3", "tab", "tab", "tab") // to the first goal's problem
	onField(t, d, planform.Problem, 0)
	problem := "Phones ring out at lunch and nobody calls back until the afternoon"
	d.typeText(problem)
	for _, sz := range [][2]int{{60, 15}, {120, 40}, {61, 20}} {
		d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		scr := d.screen()
		checkFits(t, scr, sz[0], sz[1])
		line := lineOf(scr, "› Problem")
		if strings.Contains(line, "…") {
			t.Errorf("%d×%d: the field is cut instead of scrolled: %q", sz[0], sz[1], line)
		}
		// The end of the text, where the cursor is, is always on show.
		if tail := problem[len(problem)-12:]; !strings.Contains(line, tail) {
			t.Errorf("%d×%d: %q does not show the end of %q", sz[0], sz[1], line, problem)
		}
		if sz[0] == 120 && !strings.Contains(line, problem) {
			t.Errorf("120 wide: %q does not show the whole of %q", line, problem)
		}
	}
}

func lineOf(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// TestPlanQuitKeepsABadDueDate: a due date typed but not a date yet is
// kept in the goal's note when the program ends, not lost.
func TestPlanQuitKeepsABadDueDate(t *testing.T) {
	f := newFixture(t)
	d, r := openPlanOf(t, f, f.newer, 80, 24)
	d.press("tab", "tab", "tab", "tab") // past the reviews, on goal 1's problem
	onField(t, d, planform.Problem, 0)
	d.typeText("Phones")
	d.press("enter", "enter", "enter", "enter")
	onField(t, d, planform.Due, 0)
	d.typeText("after Easter")
	d.press("ctrl+c")
	d.m.keepDrafts()
	if err := d.m.saver.flushNow(r, 1, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := f.repo.Get(f.newer.ID)
	if len(got.Plan.Goals) != 1 || got.Plan.Goals[0].Note != "after Easter" || !got.Plan.Goals[0].DueDate.IsZero() {
		t.Errorf("stored plan %+v", got.Plan)
	}
}
