package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// answerAll answers every question from the one on show to the end with
// the given keys for items and statements.
func answerAll(d *driver, item, statement string) {
	for range 200 {
		if d.m.screen != scrQuestion {
			return
		}
		q, _ := d.m.current()
		if q.Kind == checklist.KindStatement {
			d.press(statement)
		} else {
			d.press(item)
		}
	}
}

func TestFlowNewSessionToResults(t *testing.T) {
	f := newFixture(t)
	d := newDriver(t, f.opts(), 80, 24)
	d.press("1")
	if d.m.screen != scrSetup {
		t.Fatalf("screen %v after 1, want setup", d.m.screen)
	}
	d.typeText("Kafe Shkodër ë")
	d.press("enter")
	d.typeText("Ana")
	d.press("enter")
	if d.m.screen != scrQuestion {
		t.Fatalf("screen %v after the form, want the first question:\n%s", d.m.screen, d.screen())
	}
	id := d.m.sess.ID
	if !contains(d.screen(), "Culture · 1 of 3 · section 1 of 4") {
		t.Errorf("first question not shown:\n%s", d.screen())
	}
	answerAll(d, "y", "4")
	if d.m.screen != scrResults {
		t.Fatalf("screen %v after the last answer, want results:\n%s", d.m.screen, d.screen())
	}
	s, err := f.repo.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if s.Client != "Kafe Shkodër ë" || s.Assessor != "Ana" {
		t.Errorf("client %q assessor %q", s.Client, s.Assessor)
	}
	if s.Status != checklist.Completed {
		t.Errorf("status %q, want completed", s.Status)
	}
	for _, q := range f.pack.Questions() {
		want := checklist.Yes
		if q.Kind == checklist.KindStatement {
			want = checklist.Rating(4)
		}
		if got := s.Answers[q.ID].Value; got != want {
			t.Errorf("%s saved as %q, want %q", q.ID, got, want)
		}
	}
	scr := d.screen()
	for _, want := range []string{"Total  32.0 of 40 (range 8–40)", "75% of the way from 8 to 40 · 8 of 8 areas scored",
		"0 findings · press p to set your plan", "✓ saved"} {
		if !contains(scr, want) {
			t.Errorf("results lack %q:\n%s", want, scr)
		}
	}
}

func TestFlowSetupNeedsClient(t *testing.T) {
	f := newFixture(t)
	d := newDriver(t, f.opts(), 80, 24)
	d.press("1", "enter")
	if d.m.screen != scrSetup || !contains(d.screen(), "enter the client's name") {
		t.Fatalf("empty client accepted:\n%s", d.screen())
	}
	d.press("esc")
	if d.m.screen != scrHome {
		t.Errorf("esc from the form: screen %v, want home", d.m.screen)
	}
}

func TestFlowBackAlwaysPossible(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	first := d.m.q.idx
	if first != 3 {
		t.Fatalf("resumed at question %d, want 3 (the cursor)", first)
	}
	// Back over the section boundary, into the first section, and change
	// an answer there.
	d.press("left", "b", "shift+tab")
	if d.m.q.idx != 0 {
		t.Fatalf("after three steps back at %d, want 0", d.m.q.idx)
	}
	d.press("left")
	if !contains(d.screen(), "This is the first question") {
		t.Errorf("no word at the first question:\n%s", d.screen())
	}
	d.press("n")
	s, _ := f.repo.Get(f.bakes.ID)
	if got := s.Answers["culture-training"]; got.Value != checklist.No || got.Note == "" {
		t.Errorf("changed answer saved as %+v, want no with the old note kept", got)
	}
	if s.Cursor != "culture-internal" {
		t.Errorf("cursor %q, want culture-internal", s.Cursor)
	}
	// Sections: ] jumps ahead, [ back to the start of a part.
	d.press("]", "]")
	if q, _ := d.m.current(); q.ID != "classify-private" {
		t.Errorf("after ] ] at %s, want classify-private", q.ID)
	}
	d.press("right", "[")
	if q, _ := d.m.current(); q.ID != "classify-private" {
		t.Errorf("after [ at %s, want classify-private", q.ID)
	}
	d.press("[")
	if q, _ := d.m.current(); q.ID != "identify-users" {
		t.Errorf("after [ [ at %s, want identify-users", q.ID)
	}
}

func TestFlowArrowsAndEnter(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	d.press("down", "down", "enter") // No
	d.press("down", "space")         // Partly on the next one
	s, _ := f.repo.Get(f.bakes.ID)
	if s.Answers["identify-users"].Value != checklist.No || s.Answers["identify-db"].Value != checklist.Partly {
		t.Errorf("answers %+v", s.Answers)
	}
	// A statement: number keys and a for N/A.
	d.press("]", "]")
	d.press("5", "a", "0")
	s, _ = f.repo.Get(f.bakes.ID)
	if s.Answers["responsiveness-a"].Value != "5" || s.Answers["responsiveness-b"].Value != checklist.NA ||
		s.Answers["responsiveness-c"].Value != checklist.NA {
		t.Errorf("ratings %v %v %v", s.Answers["responsiveness-a"], s.Answers["responsiveness-b"], s.Answers["responsiveness-c"])
	}
}

func TestFlowSkippedQuestionsAreOfferedAtTheEnd(t *testing.T) {
	f := newFixture(t)
	fresh := f.session(t, "Fresh", "", epoch, func(int, checklist.Question) checklist.Value { return "" }, false)
	o := f.opts()
	o.Start.Session = fresh
	d := newDriver(t, o, 80, 24)
	d.press("right") // leave the first question open
	for range len(d.m.qs) - 1 {
		if q, _ := d.m.current(); q.Kind == checklist.KindStatement {
			d.press("3")
		} else {
			d.press("p")
		}
	}
	if d.m.screen != scrQuestion {
		t.Fatalf("screen %v, want the open question", d.m.screen)
	}
	if q, _ := d.m.current(); q.ID != "culture-training" {
		t.Errorf("at %s, want culture-training", q.ID)
	}
	if !contains(d.screen(), "1 question still open") {
		t.Errorf("no word about open questions:\n%s", d.screen())
	}
	d.press("y")
	if d.m.screen != scrResults {
		t.Errorf("screen %v after the last open one, want results", d.m.screen)
	}
	s, _ := f.repo.Get(fresh.ID)
	if s.Status != checklist.Completed {
		t.Errorf("status %q", s.Status)
	}
	if n := len(s.Unanswered(f.pack)); n != 0 {
		t.Errorf("%d questions unanswered after completion", n)
	}
}

func TestNoteLongUnicodeAndPaste(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	long := strings.Repeat("Ëmoji 🎉 and accents é à ü, ", 20)
	d.press("right", "tab")
	d.typeText("q is typed, not quit. ")
	d.send(tea.PasteMsg{Content: long})
	if d.quit {
		t.Fatal("q in a note quit the app")
	}
	d.press("enter")
	s, _ := f.repo.Get(f.bakes.ID)
	want := strings.TrimSpace("q is typed, not quit. " + long)
	if got := s.Answers["identify-db"].Note; got != want {
		t.Errorf("note saved as %q\nwant %q", got, want)
	}
	if s.Answers["identify-db"].Value != "" {
		t.Errorf("a note alone gave the answer %q", s.Answers["identify-db"].Value)
	}
	// Pasting on a question opens its note with the text.
	d.press("right")
	d.send(tea.PasteMsg{Content: "pasted straight in"})
	if !d.m.q.editing || d.m.q.note.Value() != "pasted straight in" {
		t.Errorf("paste on a question: editing %v, note %q", d.m.q.editing, d.m.q.note.Value())
	}
	d.press("esc")
	if d.m.q.editing || d.m.screen != scrQuestion {
		t.Error("esc did not leave the note")
	}
	s, _ = f.repo.Get(f.bakes.ID)
	if s.Answers["classify-private"].Note != "" {
		t.Error("a cancelled note was saved")
	}
	checkFits(t, d.screen(), 80, 24)
}

func TestQuitKeys(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		quit bool
	}{
		{"q on a question", []string{"q"}, true},
		{"ctrl+c on a question", []string{"ctrl+c"}, true},
		{"q in a note", []string{"tab", "q"}, false},
		{"ctrl+c in a note", []string{"tab", "ctrl+c"}, true},
		{"q on home", []string{"esc", "q"}, true},
		{"q in the form", []string{"esc", "1", "q"}, false},
		{"ctrl+c in the form", []string{"esc", "1", "ctrl+c"}, true},
		{"4 on home", []string{"esc", "4"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			o := f.opts()
			o.Start.Session = f.bakes
			d := newDriver(t, o, 80, 24)
			d.press(tt.keys...)
			if d.quit != tt.quit {
				t.Errorf("quit = %v, want %v", d.quit, tt.quit)
			}
		})
	}
}

func TestSaveFailureIsShownRetriedAndKept(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	o.RetryDelay = time.Hour // the driver drops the timer: retry by hand
	d := newDriver(t, o, 80, 24)
	f.repo.FailWrites(1000, store.ErrInUse)
	d.press("y", "n")
	scr := d.screen()
	if !contains(scr, "not saved: data file in use by another servicecheck — retrying") {
		t.Errorf("no word of the failure:\n%s", scr)
	}
	if !contains(scr, "! not saved") {
		t.Errorf("header does not say not saved:\n%s", scr)
	}
	// Both answers are kept in memory, in order.
	if got := len(d.m.saver.queue); got != 2 {
		t.Errorf("%d writes queued, want 2", got)
	}
	f.repo.FailWrites(0, nil)
	d.send(retrySaveMsg{})
	s, _ := f.repo.Get(f.bakes.ID)
	if s.Answers["identify-users"].Value != checklist.Yes || s.Answers["identify-db"].Value != checklist.No {
		t.Errorf("after the retry: %v %v", s.Answers["identify-users"], s.Answers["identify-db"])
	}
	if scr := d.screen(); contains(scr, "not saved") || !contains(scr, "✓ saved") {
		t.Errorf("after the retry:\n%s", scr)
	}
}

func TestQuitWaitsForTheWriteInFlight(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	m := New(o)
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm, save := tm.Update(keyMsg("y"))
	if save == nil {
		t.Fatal("an answer started no write")
	}
	tm, cmd := tm.Update(keyMsg("q"))
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("quit while a write was in flight")
		}
	}
	tm, cmd = tm.Update(save())
	if cmd == nil {
		t.Fatal("no quit after the write came back")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("no quit after the write came back")
	}
	if v := tm.View(); v.Content != "" {
		t.Errorf("quitting view not empty: %q", v.Content)
	}
	s, _ := f.repo.Get(f.bakes.ID)
	if s.Answers["identify-users"].Value != checklist.Yes {
		t.Error("answer lost on quit")
	}
}

func TestTooSmallKeepsStateAndOnlyQuits(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 40, 10)
	d.press("y", "n", "left")
	if q, _ := d.m.current(); q.ID != "identify-users" {
		t.Errorf("keys acted on a hidden screen: at %s", q.ID)
	}
	if !contains(d.screen(), "60×15") {
		t.Errorf("too-small screen does not say the size needed:\n%s", d.screen())
	}
	d.press("q")
	if !d.quit {
		t.Error("q did not quit on the too-small screen")
	}
}

func TestEverySizeFits(t *testing.T) {
	f := newFixture(t)
	for _, sc := range screens {
		o := sc.start(f)
		d := newDriver(t, o, 80, 24)
		d.press(sc.keys...)
		for w := 0; w <= 130; w += 7 {
			for h := 0; h <= 45; h += 4 {
				if w == 0 && h == 0 {
					continue // no size at all: TestZeroSizeIsNoSize
				}
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, d.screen(), w, h)
			}
		}
	}
}

func TestHistoryCompareMarked(t *testing.T) {
	f := newFixture(t)
	third := f.session(t, "ACME Ltd", "Jo Doe", epoch, func(i int, q checklist.Question) checklist.Value {
		if q.Kind == checklist.KindItem {
			return checklist.Yes
		}
		return checklist.Rating(5)
	}, true)
	d := newDriver(t, f.opts(), 120, 40)
	d.press("3", "enter")
	scr := d.screen()
	if !contains(scr, "Trend of the total, oldest to newest: ▃▆█") {
		t.Errorf("no trend:\n%s", scr)
	}
	// Mark the newest and the oldest and compare them.
	d.press("space", "down", "down", "x", "c")
	if d.m.screen != scrCompare {
		t.Fatalf("screen %v, want compare", d.m.screen)
	}
	if d.m.cmp.a.ID != f.older.ID || d.m.cmp.b.ID != third.ID {
		t.Errorf("compared %s with %s, want %s with %s", d.m.cmp.a.ID, d.m.cmp.b.ID, f.older.ID, third.ID)
	}
	if scr := d.screen(); !contains(scr, "↑ +23.5") {
		t.Errorf("no total change:\n%s", scr)
	}
	d.press("esc", "esc")
	if d.m.screen != scrClients {
		t.Errorf("esc esc: screen %v, want clients", d.m.screen)
	}
}

func TestResultsCompareWithPrevious(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.older
	d := newDriver(t, o, 100, 30)
	if d.m.res.cmp != nil {
		t.Error("the first session is compared with a later one")
	}
	o.Start.Session = f.newer
	d = newDriver(t, o, 100, 30)
	if d.m.res.prev == nil || d.m.res.prev.ID != f.older.ID {
		t.Fatalf("not compared with the earlier session")
	}
	if scr := d.screen(); !contains(scr, "↑ +12.5  since 2 Dec 2025") {
		t.Errorf("no change since last time:\n%s", scr)
	}
	// h opens the client's history, esc comes back.
	d.press("h")
	if d.m.screen != scrHistory || d.m.hist.client != "ACME Ltd" {
		t.Fatalf("h: screen %v client %q", d.m.screen, d.m.hist.client)
	}
	d.press("esc")
	if d.m.screen != scrResults {
		t.Errorf("esc from history: screen %v, want results", d.m.screen)
	}
}

func TestBackgroundColourAndHelp(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	dark := d.m.View().Content
	d.send(tea.BackgroundColorMsg{Color: lightBg{}})
	if d.m.st.isDark {
		t.Fatal("a light background was taken for dark")
	}
	if d.m.View().Content == dark {
		t.Error("the colours did not change for a light background")
	}
	d.press("?")
	if scr := d.screen(); !contains(scr, "previous section") {
		t.Errorf("? shows no full help:\n%s", scr)
	}
}

type lightBg struct{}

func (lightBg) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// TestQueuedWritesSurviveOpeningAnotherSession: an answer still waiting to
// be written is not dropped when the user moves to another session.
func TestQueuedWritesSurviveOpeningAnotherSession(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	o.RetryDelay = time.Hour
	d := newDriver(t, o, 80, 24)
	f.repo.FailWrites(1000, store.ErrInUse)
	d.press("n", "esc", "3", "enter", "enter") // answer, home, history, ACME, open newest
	if d.m.screen != scrResults || d.m.sess.ID != f.newer.ID {
		t.Fatalf("screen %v session %s, want the results of %s", d.m.screen, d.m.sess.ID, f.newer.ID)
	}
	f.repo.FailWrites(0, nil)
	d.send(retrySaveMsg{})
	s, _ := f.repo.Get(f.bakes.ID)
	if s.Answers["identify-users"].Value != checklist.No {
		t.Errorf("queued answer lost: %+v", s.Answers["identify-users"])
	}
}

// TestSetupTypedFast: keys typed right after enter land in the next field,
// and keys typed while the session is being created reach its first
// question, as when a form is filled by a fast typist or a script.
func TestSetupTypedFast(t *testing.T) {
	f := newFixture(t)
	m := New(f.opts())
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var pending []tea.Cmd // commands not run until the end: the slowest machine
	send := func(msg tea.Msg) {
		var cmd tea.Cmd
		tm, cmd = tm.Update(msg)
		pending = append(pending, cmd)
	}
	send(keyMsg("1"))
	for _, r := range "Kafe" {
		send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	send(keyMsg("enter"))
	for _, r := range "Ana" {
		send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	send(keyMsg("enter"))
	send(keyMsg("y"))
	send(keyMsg("p"))
	// Now let the commands run; the creation among them.
	d := &driver{t: t, m: tm.(Model)}
	for _, c := range pending {
		d.run(c)
	}
	if d.m.screen != scrQuestion {
		t.Fatalf("screen %v, want a question:\n%s", d.m.screen, d.screen())
	}
	s, err := f.repo.Get(d.m.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Client != "Kafe" || s.Assessor != "Ana" {
		t.Errorf("client %q assessor %q", s.Client, s.Assessor)
	}
	if s.Answers["culture-training"].Value != checklist.Yes || s.Answers["culture-internal"].Value != checklist.Partly {
		t.Errorf("typed-ahead answers: %+v", s.Answers)
	}
}

func TestResultsEditGoesBack(t *testing.T) {
	f := newFixture(t)
	o := f.opts()
	o.Start.Session = f.bakes
	d := newDriver(t, o, 80, 24)
	d.press("y", "r")
	if d.m.screen != scrResults || !contains(d.screen(), "incomplete: 23 questions not answered yet") {
		t.Fatalf("partial results:\n%s", d.screen())
	}
	d.press("e")
	if q, _ := d.m.current(); d.m.screen != scrQuestion || q.ID != "identify-db" {
		t.Errorf("e on unfinished results: screen %v at %s, want identify-db", d.m.screen, q.ID)
	}
	o.Start.Session = f.newer
	d = newDriver(t, o, 80, 24)
	d.press("e", "y") // reopen it (reopen_test.go)
	if q, _ := d.m.current(); d.m.screen != scrQuestion || q.ID != "culture-training" {
		t.Errorf("e on completed results: screen %v at %s, want the first question", d.m.screen, q.ID)
	}
}
