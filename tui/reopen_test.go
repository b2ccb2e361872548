package tui

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// Completed means closed: e on a completed session's results asks first;
// n keeps it closed; y reopens it, and the change made then is logged on
// the session, in the wizard and in the store, and shown on the results.
func TestFlowReopenAsksAndLogs(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.newer
	d := newDriver(t, o, 80, 24)
	if d.m.screen != scrResults {
		t.Fatalf("screen %v, want results", d.m.screen)
	}
	d.press("e")
	if d.m.screen != scrResults || !contains(d.screen(), "Reopen it to edit?") {
		t.Fatalf("e did not ask first:\n%s", d.screen())
	}
	d.press("n")
	if d.m.screen != scrResults || d.m.ask != nil {
		t.Fatalf("n did not keep the session closed: screen %v", d.m.screen)
	}
	d.press("e", "y")
	if d.m.screen != scrQuestion || d.m.q.idx != 0 {
		t.Fatalf("y: screen %v at %d, want the first question", d.m.screen, d.m.q.idx)
	}
	q, _ := d.m.current()
	old := d.m.sess.Answers[q.ID].Value
	d.press("n")
	s, err := f.repo.Get(f.newer.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.ReopenedAt.IsZero() || s.Status != checklist.Completed {
		t.Errorf("stored: reopened %v, status %s", s.ReopenedAt, s.Status)
	}
	if len(s.Edits) != 1 || s.Edits[0].QID != q.ID || s.Edits[0].OldValue != old || s.Edits[0].Value != checklist.No {
		t.Fatalf("stored edit log %+v, want %s: %s → no", s.Edits, q.ID, old)
	}
	if len(d.m.sess.Edits) != 1 {
		t.Errorf("the wizard's session has %d edits, want 1", len(d.m.sess.Edits))
	}
	d.press("r")
	if d.m.screen != scrResults || !contains(d.screen(), "edited after completion on") {
		t.Errorf("results do not say the session was edited:\n%s", d.screen())
	}
}

// An unfinished session with no answer can be discarded from the resume
// list, after a confirm; one with answers is kept.
func TestFlowDiscardEmpty(t *testing.T) {
	f := newFixture(t)
	empty := &checklist.Session{Client: "Typo Ltd", Pack: f.pack.Ref(), Answers: map[string]checklist.Answer{}}
	if err := f.repo.Create(empty); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, f.opts(), 80, 24)
	d.press("2")
	for i, s := range d.m.home.unfinished {
		if s.ID == empty.ID {
			d.m.home.resumeCursor = i
		}
	}
	d.press("d")
	if !contains(d.screen(), "Discard this session?") {
		t.Fatalf("d did not ask:\n%s", d.screen())
	}
	d.press("y")
	if _, err := f.repo.Get(empty.ID); err == nil {
		t.Error("the empty session is still there")
	}
	for i, s := range d.m.home.unfinished {
		if s.ID == f.bakes.ID {
			d.m.home.resumeCursor = i
		}
	}
	d.press("d")
	if !contains(d.screen(), "only a session with no answers can be discarded") {
		t.Errorf("no word on a session with answers:\n%s", d.screen())
	}
	if _, err := f.repo.Get(f.bakes.ID); err != nil {
		t.Errorf("the answered session: %v", err)
	}
}
