package tui

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// openRerun opens a new, unanswered session of ACME Ltd, whose newest
// completed session is f.newer.
func (f *fixture) openRerun() Options {
	s := &checklist.Session{Client: f.newer.Client, Assessor: f.newer.Assessor, Pack: f.pack.Ref(),
		Answers: map[string]checklist.Answer{}, CreatedAt: epoch, UpdatedAt: epoch, AuditDate: checklist.AuditDateOf(epoch)}
	if err := f.repo.Create(s); err != nil {
		panic(err)
	}
	o := f.opts()
	o.Start.Session = s
	return o
}

// A rerun shows last time's answer and note under each question.
func TestFlowRerunShowsLastTime(t *testing.T) {
	f := newFixture(t)
	stored, _ := f.repo.Get(f.newer.ID)
	c := storeNote("culture-training", "only the new staff")
	c.OldNote = stored.Answers["culture-training"].Note
	if _, err := f.repo.Apply(f.newer.ID, c); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, f.openRerun(), 80, 24)
	q, _ := d.m.current()
	if q.ID != "culture-training" {
		t.Fatalf("opened at %s", q.ID)
	}
	if !contains(d.screen(), "Last time: Yes · only the new staff") {
		t.Errorf("no last time's answer:\n%s", d.screen())
	}
	d.press("y")
	if q, _ := d.m.current(); !contains(d.screen(), "Last time: ") {
		t.Errorf("no last time's answer at %s:\n%s", q.ID, d.screen())
	}
	// A client's first session has no last time.
	d = newDriver(t, f.openBakes(), 80, 24)
	if contains(d.screen(), "Last time") {
		t.Errorf("a first session shows a last time:\n%s", d.screen())
	}
}

func storeNote(qid, note string) store.Change {
	return store.Change{QID: qid, SetNote: true, Note: note}
}
