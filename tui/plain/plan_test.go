package plain

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
)

// runPiped runs the prompts with lines written into a real pipe, as
// `printf ... | servicecheck new --client X` would.
func runPiped(t *testing.T, o tui.Options, lines []string) (tui.Outcome, string) {
	t.Helper()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for _, l := range lines {
			pw.WriteString(l + "\n")
		}
		pw.Close()
	}()
	var out bytes.Buffer
	got, err := Run(context.Background(), pr, &out, o)
	pr.Close()
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	return got, out.String()
}

func sessionOf(t *testing.T, r *memrepo.Repo, id string) *checklist.Session {
	t.Helper()
	s, err := r.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPlanThroughAPipe completes a session and sets its plan line by line
// (going back once, leaving the third goal out), then completes a second
// session for the same client that reviews those goals and quits halfway
// through its own: everything confirmed is saved.
func TestPlanThroughAPipe(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "Kafe Shkodër"}
	lines := append(answers("yes", "4"),
		"maybe", // not y or n: asked again
		"y",
		"",                          // problem 1: the suggestion, kept
		"Answer within three rings", // what
		"b",                         // back to what
		"Answer within two rings",
		"90% of calls", // target
		"Anna",         // owner
		"end of March", // due: not a date, asked again
		"31/3/2026",
		"2", // in progress
		"",  // no note
		"Nobody calls back",
		"Call back within a day",
		"",             // no target
		"",             // no owner
		"",             // no date
		"",             // status: open as it is
		"",             // no note
		"-",            // goal 3 left out: on to the vision's steps
		"", "", "", "", // the vision helper's questions skipped
		"Every customer hears back within a day")
	first, out := runPiped(t, o, lines)
	s := sessionOf(t, r, first.SessionID)
	sources := scoring.SuggestProblems(o.Pack, s, scoring.Session(o.Pack, s))
	var sugg []string // as the prompts word them
	for _, src := range sources {
		sugg = append(sugg, plantext.Source(i18n.For(o.Pack.Lang), o.Pack, src))
	}
	due, _ := checklist.NewDay(2026, 3, 31)
	want := checklist.Plan{
		Vision: "Every customer hears back within a day",
		Goals: []checklist.Goal{
			{Source: &sources[0], What: "Answer within two rings", Target: "90% of calls", Owner: "Anna",
				DueDate: due, Status: checklist.StatusInProgress},
			{Problem: "Nobody calls back", What: "Call back within a day"},
		},
	}
	if !reflect.DeepEqual(s.Plan, want) {
		t.Errorf("stored plan\n%+v\nwant\n%+v", s.Plan, want)
	}
	for _, w := range []string{"Results for Kafe Shkodër.", "Set a plan now? (y/n): maybe\nPlease type y or n.",
		"Problems suggested from your results:\n1. " + sugg[0], "Goal 1 of 3.", "Suggested: " + sugg[0],
		"Target, how you will measure it: b\nNow: Answer within three rings\nAction, what will be done: Answer within two rings\nSaved.",
		"Due date (YYYY-MM-DD or day/month/year): end of March\nNot a date",
		"Problem (enter takes the suggestion, - leaves this goal out): -\n\nVision.", "Plan saved: 2 goals, a vision."} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q\n%s", w, out)
		}
	}
	if strings.Contains(out, "Goal 3 of 3.\nSuggested: "+sugg[2]+"\nProblem (enter takes the suggestion, - leaves this goal out): -\nSaved.") {
		t.Error("leaving out an unconfirmed suggestion was reported as a save")
	}

	// The second session reviews the first one's goals.
	o.Start = tui.Start{New: true, Client: "kafe shkodër"}
	lines = append(answers("yes", "5"), "y",
		"5", // not a status: asked again
		"3", "Second line since February",
		"1", "",
		"q") // at the first goal: saves what was given and quits
	second, out := runPiped(t, o, lines)
	s2 := sessionOf(t, r, second.SessionID)
	review := []checklist.GoalReview{
		{From: s.ID, FromDate: s.CompletedAt, Goal: want.Goals[0], Status: checklist.StatusDone, Note: "Second line since February"},
		{From: s.ID, FromDate: s.CompletedAt, Goal: want.Goals[1], Status: checklist.StatusOpen},
	}
	if !reflect.DeepEqual(s2.Plan, checklist.Plan{Review: review}) {
		t.Errorf("second plan\n%+v\nwant the review only\n%+v", s2.Plan, review)
	}
	for _, w := range []string{"Last time's goal 1 of 2, set on 2 Mar 2026: " + sugg[0] +
		"\nWhat: Answer within two rings\nTarget: 90% of calls\nOwner: Anna\nDue: 31 Mar 2026\nStatus: In progress\n" +
		"Where does it stand? 1 open, 2 in progress, 3 done, 4 dropped: 5\nPlease type 1, 2, 3 or 4.",
		"Last time's goal 2 of 2, set on 2 Mar 2026: Nobody calls back\nWhat: Call back within a day\nWhere does it stand?"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q\n%s", w, out)
		}
	}
	if first := sessionOf(t, r, first.SessionID); !reflect.DeepEqual(first.Plan, want) {
		t.Errorf("the review changed the earlier plan: %+v", first.Plan)
	}
}

// TestPlanDeclined: n, enter or the end of the input leave the session
// without a plan.
func TestPlanDeclined(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
	}{
		{"n", []string{"n"}},
		{"enter", []string{""}},
		{"end of input", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, o := setup(t)
			o.Start = tui.Start{New: true, Client: "ACME"}
			got, out := runPiped(t, o, append(answers("no", "2"), tt.lines...))
			if !got.Completed {
				t.Errorf("outcome %+v", got)
			}
			if s := sessionOf(t, r, got.SessionID); !s.Plan.IsZero() {
				t.Errorf("plan stored: %+v", s.Plan)
			}
			if !strings.Contains(out, "Set a plan now? (y/n):") || strings.Contains(out, "Your plan:") {
				t.Errorf("plan not offered, or walked when declined:\n%s", out)
			}
		})
	}
}

// TestPlanOfACompletedSession: opening a completed session shows its
// results and offers its plan again, as it was left.
func TestPlanOfACompletedSession(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	first, _ := runPiped(t, o, append(answers("no", "2"), "y", "My own \x1b[31mproblem\x07", "q"))
	s := sessionOf(t, r, first.SessionID)
	if len(s.Plan.Goals) != 1 || s.Plan.Goals[0].Problem != "My own problem" {
		t.Fatalf("plan %+v", s.Plan)
	}
	o.Start = tui.Start{Session: s}
	_, out := runPiped(t, o, []string{"y", "", "Log every complaint", "q"})
	if !strings.Contains(out, "Now: My own problem") || strings.Contains(out, "Problems suggested") {
		t.Errorf("the stored plan is not offered as it was:\n%s", out)
	}
	s = sessionOf(t, r, first.SessionID)
	if len(s.Plan.Goals) != 1 || s.Plan.Goals[0].What != "Log every complaint" {
		t.Errorf("plan %+v", s.Plan)
	}
}
