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
// last time's two goals judged, two goals of its own (the third left out)
// and a vision; every confirmed field is one write, and the results show
// the plan afterwards.
func TestPlanReviewAndGoals(t *testing.T) {
	f := newFixture(t)
	d, r := openPlanOf(t, f, f.newer, 80, 24)
	suggested := scoring.SuggestProblems(f.pack, f.newer, scoring.Session(f.pack, f.newer))
	first := plantext.Source(i18n.For(f.pack.Lang), f.pack, suggested[0]) // as the screen words it

	onField(t, d, planform.Outcome, 0)
	if !contains(d.screen(), "Phones ring out at lunch") || !contains(d.screen(), "Set on 2 Dec 2025") {
		t.Errorf("last time's first goal not shown:\n%s", d.screen())
	}
	d.press("m") // met
	onField(t, d, planform.Note, 0)
	d.typeText("Second line since February")
	d.press("enter")
	onField(t, d, planform.Outcome, 1)
	d.press("right", "right", "enter") // not met, with the arrows
	onField(t, d, planform.Note, 1)
	d.press("enter") // no note: nothing to write
	if n := r.writes(); n != 3 {
		t.Errorf("%d plan writes after two outcomes and a note, want 3", n)
	}

	onField(t, d, planform.Problem, 0)
	if got := d.m.plan.input.Value(); got != first {
		t.Errorf("first problem %q, want the suggestion %q", got, first)
	}
	d.press("enter") // the suggestion, as it is
	d.typeText("Answer within three rings")
	d.press("enter")
	d.typeText("90% of calls")
	d.press("enter")
	d.typeText("end of March")
	d.press("enter")
	onField(t, d, planform.Problem, 1)
	d.press("ctrl+u")
	d.typeText("Nobody calls back")
	d.press("enter", "enter", "enter", "enter") // what, target, by when left empty
	onField(t, d, planform.Problem, 2)
	d.press("ctrl+u", "enter") // cleared: the third goal is left out
	onField(t, d, planform.Vision, 0)
	d.typeText("Every customer hears back within a day")
	d.press("enter")
	if d.m.screen != scrResults {
		t.Fatalf("after the vision: screen %v, want the results\n%s", d.m.screen, d.screen())
	}
	if !contains(d.screen(), "Plan saved: 2 goals, a vision, 2 of 2 earlier goals reviewed") {
		t.Errorf("no word on the saved plan:\n%s", d.screen())
	}

	want := checklist.Plan{
		Vision: "Every customer hears back within a day",
		Goals: []checklist.Goal{
			{Source: &suggested[0], What: "Answer within three rings", Target: "90% of calls", Due: "end of March"},
			{Problem: "Nobody calls back"},
		},
		Review: []checklist.GoalReview{
			{From: f.older.ID, FromDate: f.older.CompletedAt, Goal: f.older.Plan.Goals[0], Outcome: checklist.GoalMet,
				Note: "Second line since February"},
			{From: f.older.ID, FromDate: f.older.CompletedAt, Goal: f.older.Plan.Goals[1], Outcome: checklist.GoalNotMet},
		},
	}
	got, err := f.repo.Get(f.newer.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Plan, want) {
		t.Errorf("stored plan\n%+v\nwant\n%+v", got.Plan, want)
	}
	// 3 review writes, then goal 1 (problem, what, target, by when), goal 2
	// (problem), goal 3 cleared (a change: the suggestion was never saved,
	// so no write), the vision.
	if n := r.writes(); n != 3+4+1+1 {
		t.Errorf("%d plan writes, want one per changed field (9)", n)
	}
	d.press("G")
	for _, s := range []string{"Plan", "1  " + first[:30], "what: Answer within three rings", "Met        Phones ring out",
		"Not met    Complaints are not written down", "Vision: Every customer hears back within a day"} {
		if !contains(d.screen(), s) {
			t.Errorf("results lack %q:\n%s", s, d.screen())
		}
	}
	if d.press("g"); !contains(d.screen(), "Weakest areas and what to do · your plan is below, p changes it") {
		t.Errorf("the weakest areas do not point to the plan:\n%s", d.screen())
	}

	// Opened again, the plan is as it was left: no suggestion, no new
	// review, nothing written by merely walking through it.
	d.press("p")
	onField(t, d, planform.Outcome, 0)
	if d.m.plan.choice != 0 {
		t.Errorf("the highlighted outcome is %d, want met (0)", d.m.plan.choice)
	}
	for range 20 {
		d.press("tab")
	}
	if d.m.screen != scrResults {
		t.Fatalf("tab through every field: screen %v\n%s", d.m.screen, d.screen())
	}
	if n := r.writes(); n != 9 {
		t.Errorf("walking through the plan wrote it again (%d writes)", n)
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
	onField(t, d, planform.Outcome, 1)
	d.press("n", "down")
	onField(t, d, planform.Problem, 0)
	d.press("down")
	if got := d.m.plan.input.Value(); got != "Half-typed" {
		t.Errorf("what was typed before going back: %q, want Half-typed", got)
	}
	got, _ := f.repo.Get(f.newer.ID)
	// Only the first suggestion was confirmed (by leaving its field).
	if len(got.Plan.Goals) != 1 || got.Plan.Goals[0].What != "Half-typed" || got.Plan.Review[1].Outcome != checklist.GoalNotMet {
		t.Errorf("stored plan %+v", got.Plan)
	}
}

// TestPlanEsc: esc goes back to the results and keeps the text typed in the
// field on show; it writes nothing when nothing was changed.
func TestPlanEsc(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		typed string
		want  checklist.Plan
	}{
		{"untouched suggestion", []string{"esc"}, "", checklist.Plan{}},
		{"typed vision", repeat("tab", 12), "Calls back the same day",
			checklist.Plan{Vision: "Calls back the same day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			// The older session's own plan has no earlier goals to review;
			// it starts on its first stored goal.
			f.older.Plan = checklist.Plan{}
			if err := f.repo.SetPlan(f.older.ID, checklist.Plan{}); err != nil {
				t.Fatal(err)
			}
			d, r := openPlanOf(t, f, f.older, 80, 24)
			onField(t, d, planform.Problem, 0)
			d.press(tt.keys...)
			if tt.typed != "" {
				onField(t, d, planform.Vision, 0)
				d.typeText(tt.typed)
				d.press("esc")
			}
			if d.m.screen != scrResults {
				t.Fatalf("esc: screen %v, want results", d.m.screen)
			}
			got, _ := f.repo.Get(f.older.ID)
			// Tabbing past the suggestions saves them; only the vision
			// is compared.
			if got.Plan.Vision != tt.want.Vision || tt.typed == "" && (r.writes() != 0 || !got.Plan.IsZero()) {
				t.Errorf("stored plan %+v after %d writes, want vision %q", got.Plan, r.writes(), tt.want.Vision)
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
	d.press("p") // partly met
	got, _ := f.repo.Get(f.newer.ID)
	if len(got.Plan.Review) != 2 || got.Plan.Review[0].Outcome != checklist.GoalPartly {
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
		if g := d.m.plan.form.Goals[i]; g.Problem != "" || g.Source == nil || *g.Source != want[i] {
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
	d.m.planKey(keyMsg("m"))
	for _, r := range "Done" {
		d.m.planKey(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	d.run(load)
	onField(t, d, planform.Note, 0)
	if got := d.m.plan.input.Value(); got != "Done" {
		t.Errorf("note typed ahead = %q, want Done", got)
	}
	if d.m.plan.form.Review[0].Outcome != checklist.GoalMet {
		t.Errorf("outcome typed ahead = %q, want met", d.m.plan.form.Review[0].Outcome)
	}
}

// TestPlanResize: the field on show fits the window after it shrinks or
// grows, its text scrolled to the cursor.
func TestPlanResize(t *testing.T) {
	f := newFixture(t)
	d, _ := openPlanOf(t, f, f.newer, 80, 24)
	d.press("m", "tab", "tab", "tab") // to the first goal's problem
	onField(t, d, planform.Problem, 0)
	problem := d.m.plan.input.Value()
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
