package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// openBakes opens the unfinished Bäckerei session (4 of the pack's
// questions answered, the first with a note) in a new wizard.
func openBakes(t *testing.T, f *fixture) *driver {
	t.Helper()
	s, rev, err := f.repo.GetRev(f.bakes.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Cursor = "" // open at the first question without an answer
	o := f.opts()
	o.Start = Start{Session: s, Rev: rev}
	return newDriver(t, o, 80, 24)
}

// TestTwoWizardsOnOneSession: two windows hold the same session. A answers
// the open question and rewrites the first note; B, on its stale copy,
// then answers the same open question and presses a key on the first
// question. B must not overwrite A's answer or A's note, must say so on
// screen, and must show what is stored afterwards.
func TestTwoWizardsOnOneSession(t *testing.T) {
	f := newFixture(t)
	a, b := openBakes(t, f), openBakes(t, f)
	qs := f.pack.Questions()
	open := qs[4]
	if a.m.q.idx != 4 || b.m.q.idx != 4 {
		t.Fatalf("the wizards are on questions %d and %d, want 5", a.m.q.idx+1, b.m.q.idx+1)
	}
	a.press("n") // A: No to the open question
	a.press("b", "b", "b", "b", "b")
	a.press("tab")
	a.typeText("A's note")
	a.press("enter")

	b.press("y") // B: Yes to the same question, on a stale copy
	if !strings.Contains(b.screen(), "Not saved") || !strings.Contains(b.screen(), "changed elsewhere") {
		t.Errorf("B was not told that its answer was refused:\n%s", b.screen())
	}
	got, _ := f.repo.Get(f.bakes.ID)
	if v := got.Answers[open.ID].Value; v != checklist.No {
		t.Errorf("question 5 holds %q, want A's no", v)
	}
	// B now shows A's answer to question 5 and A's note on question 1.
	if v := b.m.sess.Answers[open.ID].Value; v != checklist.No {
		t.Errorf("B still shows %q on question 5 after the refusal, want what is stored", v)
	}
	// B goes back to question 1 and answers it: only the value is written.
	b.press("b", "b", "b", "b", "b")
	if b.m.q.idx != 0 {
		t.Fatalf("B is on question %d", b.m.q.idx+1)
	}
	b.press("p")
	got, _ = f.repo.Get(f.bakes.ID)
	if a1 := got.Answers[qs[0].ID]; a1.Value != checklist.Partly || !strings.HasSuffix(a1.Note, "A's note") {
		t.Errorf("question 1 holds %+v, want B's partly with A's note", a1)
	}
	if len(b.m.saver.lost) != 1 {
		t.Errorf("B lost %v, want exactly its answer to question 5", b.m.saver.lost)
	}
}

// TestSessionDeletedUnderTheWizard: the session is deleted by another
// servicecheck while the wizard is open. The next answer says so at once,
// no further answer is taken, nothing is retried for ever, and s saves
// every answer as a new session.
func TestSessionDeletedUnderTheWizard(t *testing.T) {
	f := newFixture(t)
	d := openBakes(t, f)
	f.repo.Delete(f.bakes.ID)
	d.press("y")
	if !strings.Contains(d.screen(), "deleted elsewhere") {
		t.Fatalf("no word about the deleted session:\n%s", d.screen())
	}
	at := d.m.q.idx
	calls := f.repo.Calls
	d.press("y", "n", "p")
	if d.m.q.idx != at || f.repo.Calls != calls {
		t.Errorf("answers still taken after the session was deleted (question %d→%d, %d writes)",
			at+1, d.m.q.idx+1, f.repo.Calls-calls)
	}
	d.press("s")
	id := d.m.sess.ID
	if id == f.bakes.ID {
		t.Fatalf("no new session:\n%s", d.screen())
	}
	got, err := f.repo.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	qs := f.pack.Questions()
	if got.Answers[qs[4].ID].Value != checklist.Yes || got.Answers[qs[0].ID].Note == "" || got.Client != f.bakes.Client {
		t.Errorf("the new session lacks the answers: %+v", got.Answers)
	}
	d.press("p")
	got, _ = f.repo.Get(id)
	if got.Answers[qs[5].ID].Value != checklist.Partly {
		t.Errorf("answers after saving as new are not saved: %+v", got.Answers[qs[5].ID])
	}
}

// TestSessionDeletedAtQuit: quitting without saving as new says what was
// not saved (a GoneError), instead of retrying.
func TestSessionDeletedAtQuit(t *testing.T) {
	f := newFixture(t)
	d := openBakes(t, f)
	f.repo.Delete(f.bakes.ID)
	d.press("y")
	d.press("q")
	d.m.keepDrafts()
	err := d.m.saver.flushNow(d.m.opts.Repo, 5, 0)
	var gone *GoneError
	if !errors.As(err, &gone) || !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "1 answer") {
		t.Errorf("flushNow = %v, want a GoneError naming 1 answer", err)
	}
}

// TestNoteDraftKeptOnQuit: a note typed but not confirmed is written when
// the app ends with ctrl+c (the same path serves q, SIGTERM and SIGHUP),
// and only the note: the answer beside it is not carried back.
func TestNoteDraftKeptOnQuit(t *testing.T) {
	f := newFixture(t)
	d := openBakes(t, f)
	d.press("b", "b", "b", "b") // question 1, answered yes with a note
	// Meanwhile another window changes the answer.
	qs := f.pack.Questions()
	if _, err := f.repo.Apply(f.bakes.ID, store.Change{QID: qs[0].ID, SetValue: true, OldValue: checklist.Yes, Value: checklist.No}); err != nil {
		t.Fatal(err)
	}
	d.press("tab")
	d.typeText(" Unconfirmed words.")
	d.press("ctrl+c")
	d.m.keepDrafts()
	if err := d.m.saver.flushNow(d.m.opts.Repo, 1, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := f.repo.Get(f.bakes.ID)
	a := got.Answers[qs[0].ID]
	if !strings.HasSuffix(a.Note, "Unconfirmed words.") || a.Value != checklist.No {
		t.Errorf("after ctrl+c: %+v, want the draft note beside the other window's no", a)
	}
}

// TestLongNoteIsCutAndSaid: a paste longer than 64 KiB keeps 64 KiB and
// says it was cut.
func TestLongNoteIsCutAndSaid(t *testing.T) {
	f := newFixture(t)
	d := openBakes(t, f)
	d.send(tea.PasteMsg{Content: strings.Repeat("x", 71_680)})
	if !strings.Contains(d.screen(), "cut") {
		t.Errorf("no word that the paste was cut:\n%s", d.screen())
	}
	d.press("enter")
	got, _ := f.repo.Get(f.bakes.ID)
	if n := len(got.Answers[f.pack.Questions()[4].ID].Note); n != store.MaxNote {
		t.Errorf("note of %d bytes stored, want %d", n, store.MaxNote)
	}
}

// TestLastAnswerCompletesInOneWrite: the answer that completes a session
// and the completion are one write; a fully answered session left in
// progress is completed when it is opened.
func TestLastAnswerCompletesInOneWrite(t *testing.T) {
	f := newFixture(t)
	qs := f.pack.Questions()
	for i := 4; i < len(qs)-1; i++ {
		if _, err := f.repo.Apply(f.bakes.ID, store.Change{QID: qs[i].ID, SetValue: true, Value: checklist.NA}); err != nil {
			t.Fatal(err)
		}
	}
	d := openBakes(t, f)
	calls := f.repo.Calls
	d.press("a")
	got, _ := f.repo.Get(f.bakes.ID)
	if got.Status != checklist.Completed || f.repo.Calls-calls != 1 {
		t.Errorf("status %s after %d writes, want completed in 1", got.Status, f.repo.Calls-calls)
	}

	// A session with every answer but left in progress.
	s := *got
	s.ID, s.Status, s.CompletedAt = "full", checklist.InProgress, time.Time{}
	f.repo.Add(&s)
	o := f.opts()
	o.Start = Start{Session: &s}
	d2 := newDriver(t, o, 80, 24)
	_ = d2
	full, _ := f.repo.Get("full")
	if full.Status != checklist.Completed {
		t.Errorf("a fully answered session left in progress was not completed on opening: %s", full.Status)
	}
}
