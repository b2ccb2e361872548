package checklist

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestOutcome(t *testing.T) {
	tests := []struct {
		o     Outcome
		valid bool
		label string
	}{
		{GoalMet, true, "Met"},
		{GoalPartly, true, "Partly met"},
		{GoalNotMet, true, "Not met"},
		{"", true, "–"},
		{"maybe", false, "maybe"},
		{"Met", false, "Met"},
	}
	for _, tt := range tests {
		if got := tt.o.Valid(); got != tt.valid {
			t.Errorf("%q.Valid() = %v, want %v", tt.o, got, tt.valid)
		}
		if got := tt.o.Label(); got != tt.label {
			t.Errorf("%q.Label() = %q, want %q", tt.o, got, tt.label)
		}
	}
	for _, o := range Outcomes() {
		if o == "" || !o.Valid() {
			t.Errorf("Outcomes() offers %q", o)
		}
	}
}

// TestPlanJSON: a plan's JSON names are the stable snake_case ones, and a
// session without a plan has no plan key at all.
func TestPlanJSON(t *testing.T) {
	at := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		plan Plan
		want string
	}{
		{"none", Plan{}, ``},
		{"empty lists", Plan{Goals: []Goal{}, Review: []GoalReview{}}, ``},
		{"review", Plan{Review: []GoalReview{{From: "s1", FromDate: at, Goal: Goal{Problem: "p", What: "w", Target: "t"},
			Status: StatusOpen, Note: "n"}}},
			`"plan":{"review":[{"from":"s1","from_date":"2026-01-15T10:00:00Z","goal":{"problem":"p","what":"w","target":"t"},"status":"open","note":"n"}]}`},
		{"action", Plan{Goals: []Goal{{Problem: "p", What: "w", Target: "t", Owner: "Ann", DueDate: mustDay(t, "2026-03-31"),
			Status: StatusInProgress, Note: "n"}}, VisionSteps: &VisionSteps{Business: "b", Keywords: "k"}},
			`"plan":{"vision_steps":{"business":"b","keywords":"k"},"goals":[{"problem":"p","what":"w","target":"t","owner":"Ann","due_date":"2026-03-31","status":"in_progress","note":"n"}]}`},
		{"not judged", Plan{Vision: "v", Review: []GoalReview{{From: "s1", Goal: Goal{Problem: "p"}}}},
			`"plan":{"vision":"v","review":[{"from":"s1","goal":{"problem":"p","what":"","target":""}}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(Session{ID: "x", Plan: tt.plan})
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if tt.want == "" {
				if strings.Contains(got, `"plan"`) {
					t.Errorf("empty plan encoded: %s", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %s\nwant it to hold %s", got, tt.want)
			}
			var back Session
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back.Plan, tt.plan) {
				t.Errorf("round trip: %+v, want %+v", back.Plan, tt.plan)
			}
		})
	}
}

func TestPlanReviewed(t *testing.T) {
	p := Plan{Review: []GoalReview{{Status: StatusDone}, {}, {Status: StatusOpen}, {Note: "only a note"}}}
	if got := p.Reviewed(); got != 2 {
		t.Errorf("Reviewed() = %d, want 2", got)
	}
}

// TestReviewOf: last time's goals come back as they were written, with
// where they came from, none judged yet, even when the earlier goal
// carried an answer of its own.
func TestReviewOf(t *testing.T) {
	done := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	yes := true
	prev := &Session{ID: "s1", CompletedAt: done, Plan: Plan{Goals: []Goal{
		{Problem: "a", What: "w", Target: "t", Note: "d", Met: &yes},
		{Problem: "b"},
	}}}
	want := []GoalReview{
		{From: "s1", FromDate: done, Goal: Goal{Problem: "a", What: "w", Target: "t", Note: "d"}},
		{From: "s1", FromDate: done, Goal: Goal{Problem: "b"}},
	}
	if got := ReviewOf(prev); !reflect.DeepEqual(got, want) {
		t.Errorf("ReviewOf =\n%+v\nwant\n%+v", got, want)
	}
	if prev.Plan.Goals[0].Met == nil {
		t.Error("ReviewOf changed the earlier session's goal")
	}
	if got := ReviewOf(&Session{ID: "s2"}); len(got) != 0 {
		t.Errorf("ReviewOf a session without goals = %+v", got)
	}
}
