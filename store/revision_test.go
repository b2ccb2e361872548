package store

import (
	"errors"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// TestApplyTwoEditors plays two wizards on one session, each holding the
// copy it read: changes to different answers both land (the second editor
// is told the session moved), a change to a part the other changed is
// refused and leaves the stored answer alone, and pressing a key on a
// question does not carry a stale note back.
func TestApplyTwoEditors(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Two Windows")
	sess.Answers = map[string]checklist.Answer{"q1": {Value: checklist.No, Note: "first note"}}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	_, rev, err := s.GetRev(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	revA, revB := rev, rev

	// A answers q2 and rewrites q1's note.
	ra, err := s.Apply(sess.ID, Change{Base: revA, QID: "q2", SetValue: true, Value: checklist.Yes, Cursor: "q3"})
	if err != nil || ra.Moved {
		t.Fatalf("first change: %+v, %v", ra, err)
	}
	ra, err = s.Apply(sess.ID, Change{Base: ra.Rev, QID: "q1", SetNote: true, OldNote: "first note", Note: "A's note"})
	if err != nil || ra.Moved {
		t.Fatalf("A's note: %+v, %v", ra, err)
	}
	// B, on its stale copy, answers q1 (value only): A's note must stay.
	rb, err := s.Apply(sess.ID, Change{Base: revB, QID: "q1", SetValue: true, OldValue: checklist.No, Value: checklist.Partly})
	if err != nil {
		t.Fatalf("B's answer to q1: %v", err)
	}
	if !rb.Moved {
		t.Errorf("B was not told that the session moved")
	}
	// B then answers q2, which A answered: refused.
	_, err = s.Apply(sess.ID, Change{Base: rb.Rev, QID: "q2", SetValue: true, OldValue: "", Value: checklist.No})
	if !errors.Is(err, ErrConflict) {
		t.Errorf("B overwrote A's answer to q2: err %v", err)
	}
	// B's stale note on q1 is refused too.
	_, err = s.Apply(sess.ID, Change{Base: rb.Rev, QID: "q1", SetNote: true, OldNote: "first note", Note: "B's note"})
	if !errors.Is(err, ErrConflict) {
		t.Errorf("B overwrote A's note: err %v", err)
	}
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := got.Answers["q1"]; a.Value != checklist.Partly || a.Note != "A's note" {
		t.Errorf("q1 = %+v, want B's value with A's note", a)
	}
	if a := got.Answers["q2"]; a.Value != checklist.Yes {
		t.Errorf("q2 = %+v, want A's yes", a)
	}
}

// TestApplyCompletesWithTheLastAnswer: the last answer and the completion
// are one write.
func TestApplyCompletesWithTheLastAnswer(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Done Ltd")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(sess.ID, Change{QID: "q1", SetValue: true, Value: checklist.Yes, Complete: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(sess.ID)
	if got.Status != checklist.Completed || got.CompletedAt.IsZero() || got.Answers["q1"].Value != checklist.Yes {
		t.Errorf("after the last answer: status %s, completed %v, answer %+v", got.Status, got.CompletedAt, got.Answers["q1"])
	}
}

// TestApplyToDeletedSession: a session deleted under an editor is
// ErrNotFound at once, and nothing is created.
func TestApplyToDeletedSession(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Gone Ltd")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(sess.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(sess.ID, Change{QID: "q1", SetValue: true, Value: checklist.Yes}); !errors.Is(err, ErrNotFound) {
		t.Errorf("apply to a deleted session: %v, want ErrNotFound", err)
	}
	if _, err := s.Get(sess.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted session came back: %v", err)
	}
}

// TestApplyRefusesBadText: a change is validated like any other write.
func TestApplyRefusesBadText(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Bad Text")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(sess.ID, Change{QID: "q1", SetNote: true, Note: "\x1b]0;x\a"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a note with escapes: %v, want ErrInvalid", err)
	}
}

// TestApplyPlanWithSuggestion: a plan whose goal keeps its suggestion's
// source (a pointer) is the same plan after a round trip through the
// file, so the next change to it is no conflict.
func TestApplyPlanWithSuggestion(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Plan Co")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	p1 := checklist.Plan{Goals: []checklist.Goal{{What: "w", Target: "t", Status: checklist.StatusDone,
		Source: &checklist.GoalSource{Kind: checklist.SourceArea, ID: "responsiveness", Statement: "responsiveness.x", Rating: 2}}}}
	if _, err := s.Apply(sess.ID, Change{SetPlan: true, Plan: p1}); err != nil {
		t.Fatal(err)
	}
	seen := checklist.Plan{Goals: []checklist.Goal{{What: "w", Target: "t", Status: checklist.StatusDone,
		Source: &checklist.GoalSource{Kind: checklist.SourceArea, ID: "responsiveness", Statement: "responsiveness.x", Rating: 2}}}}
	p2 := seen
	p2.Vision = "v"
	if _, err := s.Apply(sess.ID, Change{SetPlan: true, OldPlan: seen, Plan: p2}); err != nil {
		t.Errorf("second plan change: %v", err)
	}
}
