package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// TestSetPlanReview: a plan with a review of last time's goals survives the
// round trip, and a plan that only reviews (no goal of its own yet) is
// stored rather than taken for no plan.
func TestSetPlanReview(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	review := []checklist.GoalReview{
		{From: "06fjya371e5z", FromDate: time.Date(2025, 1, 10, 12, 0, 0, 0, time.UTC),
			Goal:   checklist.Goal{Problem: "phones ring out", What: "second line", Target: "90% by the third ring", Note: "March"},
			Status: checklist.StatusDone, Note: "done in February"},
		{From: "06fjya371e5z", Goal: checklist.Goal{Problem: "no complaint log"}},
	}
	tests := []struct {
		name string
		plan checklist.Plan
	}{
		{"review only", checklist.Plan{Review: review}},
		{"goals and review", checklist.Plan{Vision: "v", Goals: []checklist.Goal{{Problem: "p", What: "w"}}, Review: review}},
		{"suggested problems kept as sources", checklist.Plan{Goals: []checklist.Goal{
			{Source: &checklist.GoalSource{Kind: checklist.SourceArea, ID: "staff", Statement: "staff.trained", Rating: 2}, What: "w"},
			{Source: &checklist.GoalSource{Kind: checklist.SourceItem, ID: "evaluate.complaint-log", Answer: checklist.No}},
		}, Review: []checklist.GoalReview{{From: "06fjya371e5z",
			Goal: checklist.Goal{Source: &checklist.GoalSource{Kind: checklist.SourceItem, ID: "identify.database", Answer: checklist.No}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.SetPlan(sess.ID, tt.plan); err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Plan, tt.plan) {
				t.Errorf("stored plan\n%+v\nwant\n%+v", got.Plan, tt.plan)
			}
		})
	}
}

// TestSetPlanInvalidReview: what a hostile import or a bug could put in a
// review is refused with the field named, and nothing is stored.
func TestSetPlanInvalidReview(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		r     checklist.GoalReview
		field string
	}{
		{"outcome", checklist.GoalReview{From: "abc", Outcome: "met"}, "plan.review[0].outcome"},
		{"status", checklist.GoalReview{From: "abc", Status: "maybe"}, "plan.review[0].status"},
		{"from", checklist.GoalReview{From: "../etc"}, "plan.review[0].from"},
		{"from date", checklist.GoalReview{From: "abc", FromDate: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)}, "plan.review[0].from_date"},
		{"goal text", checklist.GoalReview{From: "abc", Goal: checklist.Goal{What: "a\x1b[2Jb"}}, "plan.review[0].goal.what"},
		{"note", checklist.GoalReview{From: "abc", Note: strings.Repeat("x", MaxNote+1)}, "plan.review[0].note"},
		{"source kind", checklist.GoalReview{From: "abc", Goal: checklist.Goal{Source: &checklist.GoalSource{Kind: "mood", ID: "x"}}},
			"plan.review[0].goal.source.kind"},
		{"source rating", checklist.GoalReview{From: "abc", Goal: checklist.Goal{Source: &checklist.GoalSource{
			Kind: checklist.SourceArea, ID: "staff", Statement: "staff.trained", Rating: 6}}}, "plan.review[0].goal.source.rating"},
		{"source answer", checklist.GoalReview{From: "abc", Goal: checklist.Goal{Source: &checklist.GoalSource{
			Kind: checklist.SourceItem, ID: "x", Answer: "2"}}}, "plan.review[0].goal.source.answer"},
		{"source id", checklist.GoalReview{From: "abc", Goal: checklist.Goal{Source: &checklist.GoalSource{
			Kind: checklist.SourceItem, ID: "a\x1b[2J", Answer: checklist.No}}}, "plan.review[0].goal.source.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SetPlan(sess.ID, checklist.Plan{Review: []checklist.GoalReview{tt.r}})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("SetPlan = %v, want ErrInvalid naming %s", err, tt.field)
			}
			got, _ := s.Get(sess.ID)
			if !got.Plan.IsZero() {
				t.Errorf("an invalid plan was stored: %+v", got.Plan)
			}
		})
	}
}
