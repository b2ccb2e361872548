package store

import (
	"errors"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/team"
)

func TestSaveConsensus(t *testing.T) {
	s, _ := openTest(t)
	ref := checklist.Ref{ID: "p", Version: "1", Lang: "en"}
	resp := &checklist.Session{Client: "Bakery Rossi", Assessor: "Ana", Pack: ref,
		Answers: map[string]checklist.Answer{"c1": {Value: checklist.Yes}}}
	if err := s.Create(resp); err != nil {
		t.Fatal(err)
	}
	a := &team.Audit{Client: "Bakery Rossi"}
	if err := s.CreateTeam(a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRespondent(a.ID, team.Respondent{Role: team.Owner, SessionID: resp.ID}); err != nil {
		t.Fatal(err)
	}

	base := &checklist.Session{Assessor: "Maria (consultant)", Pack: ref, AuditDate: "2026-12-02"}
	first, err := s.SaveConsensus(a.ID[:6], base, map[string]checklist.Answer{
		"c1": {Value: checklist.Partly, Note: "settled"}, "c2": {Value: checklist.No}})
	if err != nil {
		t.Fatal(err)
	}
	if first.Status != checklist.Completed || first.Client != "Bakery Rossi" || first.ID == "" || first.ID == resp.ID {
		t.Fatalf("consensus session %+v: want a new completed session of the audit's client", first)
	}
	got, err := s.Team(a.ID)
	if err != nil || got.Consensus != first.ID {
		t.Fatalf("audit's consensus = %q, %v; want %s", got.Consensus, err, first.ID)
	}
	if len(got.Sessions()) != 1 {
		t.Errorf("the consensus is not a respondent: sessions %v", got.Sessions())
	}
	if linked, _ := s.TeamOf(first.ID); linked != a.ID {
		t.Errorf("the consensus answers for %q, want %s", linked, a.ID)
	}
	all, err := s.List(Filter{Client: "Bakery Rossi"})
	if err != nil || len(all) != 2 {
		t.Fatalf("list: %v, %d sessions", err, len(all))
	}
	for _, sum := range all {
		if sum.Team != a.ID || sum.Respondent != (sum.ID == resp.ID) {
			t.Errorf("summary of %s: team %q respondent %v", sum.ID, sum.Team, sum.Respondent)
		}
	}
	audits, err := s.List(Filter{Client: "Bakery Rossi", Audits: true})
	if err != nil || len(audits) != 1 || audits[0].ID != first.ID {
		t.Errorf("the client's audits: %v, %+v; want the consensus alone", err, audits)
	}
	other := &team.Audit{Client: "Bakery Rossi"}
	if err := s.CreateTeam(other); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRespondent(other.ID, team.Respondent{Role: team.Staff, SessionID: first.ID}); err == nil {
		t.Error("the consensus of one audit was added to another as a respondent")
	}

	// The consultant adds a plan to the result, then settles again after
	// someone else answered: same session, plan kept, change logged.
	plan := checklist.Plan{Vision: "every call answered by the third ring"}
	if _, err := s.Apply(first.ID, Change{SetPlan: true, Plan: plan}); err != nil {
		t.Fatal(err)
	}
	again, err := s.SaveConsensus(a.ID, base, map[string]checklist.Answer{
		"c1": {Value: checklist.Partly, Note: "settled"}, "c2": {Value: checklist.Yes}})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.Get(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || stored.Plan.Vision != plan.Vision || stored.Answers["c2"].Value != checklist.Yes {
		t.Errorf("settling again: id %s (want %s), vision %q, c2 %q", again.ID, first.ID, stored.Plan.Vision, stored.Answers["c2"].Value)
	}
	if !stored.Answers["c1"].At.Equal(first.Answers["c1"].At) {
		t.Error("an unchanged answer got a new time")
	}
	if len(stored.Edits) != 1 || stored.Edits[0].QID != "c2" || stored.Edits[0].OldValue != checklist.No {
		t.Errorf("edit log %+v, want the one change to c2", stored.Edits)
	}

	// A deleted consensus is made afresh.
	if err := s.Delete(first.ID); err != nil {
		t.Fatal(err)
	}
	fresh, err := s.SaveConsensus(a.ID, base, map[string]checklist.Answer{"c1": {Value: checklist.Yes}})
	if err != nil {
		t.Fatalf("after deleting the consensus: %v", err)
	}
	if fresh.ID == first.ID {
		t.Fatalf("after deleting the consensus: %v, id %s", err, fresh.ID)
	}
}

// TestSetSettledFrom: two windows settle the same question; the second,
// which saw the decision before the first changed it, is refused and
// overwrites nothing.
func TestSetSettledFrom(t *testing.T) {
	s, _ := openTest(t)
	a := &team.Audit{Client: "Bakery Rossi"}
	if err := s.CreateTeam(a); err != nil {
		t.Fatal(err)
	}
	yes, no := &team.Settled{Value: checklist.Yes}, &team.Settled{Value: checklist.No, Note: "the other window"}
	if err := s.SetSettledFrom(a.ID, "q1", nil, yes); err != nil {
		t.Fatalf("first decision: %v", err)
	}
	if err := s.SetSettledFrom(a.ID, "q1", nil, no); !errors.Is(err, ErrConflict) {
		t.Fatalf("a window that saw no decision: %v, want ErrConflict", err)
	}
	if err := s.SetSettledFrom(a.ID, "q1", no, nil); !errors.Is(err, ErrConflict) {
		t.Fatalf("removing from a decision that is not the stored one: %v, want ErrConflict", err)
	}
	got, err := s.Team(a.ID)
	if err != nil || got.Settled["q1"] != *yes {
		t.Fatalf("stored %+v, %v; want the first window's Yes", got.Settled, err)
	}
	if err := s.SetSettledFrom(a.ID, "q1", yes, no); err != nil {
		t.Fatalf("a change from what is stored: %v", err)
	}
	if err := s.SetSettledFrom(a.ID, "q1", no, nil); err != nil {
		t.Fatalf("removing what is stored: %v", err)
	}
	if got, _ := s.Team(a.ID); len(got.Settled) != 0 {
		t.Errorf("decisions %+v after removing the only one", got.Settled)
	}
}
