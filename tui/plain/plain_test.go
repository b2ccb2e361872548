package plain

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

var epoch = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func setup(t *testing.T) (*memrepo.Repo, tui.Options) {
	t.Helper()
	p := testpack.Pack()
	r := memrepo.New(epoch)
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	return r, tui.Options{Repo: r, Pack: p, Now: func() time.Time { return epoch }, RetryDelay: time.Millisecond}
}

// answers builds the input lines for the whole test pack: items then
// statements.
func answers(item, statement string) []string {
	var lines []string
	for _, q := range testpack.Pack().Questions() {
		if q.Kind == checklist.KindStatement {
			lines = append(lines, statement)
		} else {
			lines = append(lines, item)
		}
	}
	return lines
}

func input(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

func only(t *testing.T, r *memrepo.Repo) *checklist.Session {
	t.Helper()
	list, err := r.List(store.Filter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("%d sessions (%v), want 1", len(list), err)
	}
	s, err := r.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestThroughAPipe answers a whole session through a real pipe, the way
// `printf ... | servicecheck new --client X` does.
func TestThroughAPipe(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "Kafe Shkodër ë", Assessor: "Ana"}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	lines := answers("yes", "4")
	lines[1], lines[2], lines[3] = "Partly", "3", "N/A" // words in any case, numbers
	go func() {
		for _, l := range lines {
			pw.WriteString(l + "\n")
		}
		pw.Close()
	}()
	var out bytes.Buffer
	got, err := Run(context.Background(), pr, &out, o)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	s := only(t, r)
	if got.SessionID != s.ID || !got.Completed {
		t.Errorf("outcome %+v, want session %s completed", got, s.ID)
	}
	if s.Client != "Kafe Shkodër ë" || s.Assessor != "Ana" || s.Status != checklist.Completed {
		t.Errorf("session %q %q %q", s.Client, s.Assessor, s.Status)
	}
	want := map[string]checklist.Value{"culture-training": checklist.Yes, "culture-internal": checklist.Partly,
		"culture-frontline": checklist.No, "identify-users": checklist.NA, "improvement-b": "4"}
	for id, v := range want {
		if s.Answers[id].Value != v {
			t.Errorf("%s = %q, want %q", id, s.Answers[id].Value, v)
		}
	}
	if n := len(s.Unanswered(o.Pack)); n != 0 {
		t.Errorf("%d unanswered", n)
	}
	for _, w := range []string{"Question 1 of 27. Checklist, Culture, 1 of 3, section 1 of 4.",
		"Purpose of this section: A customer-first culture", "Choices: 1 yes, 2 partly, 3 no, 4 na",
		"Saved: Partly.", "Rate 1 (never)", "Results for Kafe Shkodër ë.", "Total: 32.0 of 40 (range 8–40)",
		"Weakest areas and what to do:", "N/A answers: 1 checklist item, 0 statements."} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

func TestNoInput(t *testing.T) {
	tests := []struct {
		name  string
		in    *strings.Reader
		start tui.Start
	}{
		{"new with client", strings.NewReader(""), tui.Start{New: true, Client: "X"}},
		{"new without client", strings.NewReader(""), tui.Start{New: true}},
		{"home", strings.NewReader(""), tui.Start{}},
		// Lines that make no answer are no input either: `echo | servicecheck new`.
		{"empty client line", strings.NewReader("\n"), tui.Start{New: true}},
		{"empty answer line", strings.NewReader("\n"), tui.Start{New: true, Client: "X"}},
		{"home then resume list", strings.NewReader("2\n"), tui.Start{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, o := setup(t)
			o.Start = tt.start
			var out bytes.Buffer
			_, err := Run(context.Background(), tt.in, &out, o)
			if !errors.Is(err, ErrNoInput) {
				t.Fatalf("err = %v, want ErrNoInput", err)
			}
			if !strings.Contains(err.Error(), "the input ended before the first answer") {
				t.Errorf("unclear message: %v", err)
			}
			if list, _ := r.List(store.Filter{}); len(list) != 0 {
				t.Errorf("no input left %d sessions behind", len(list))
			}
		})
	}
	t.Run("unreadable", func(t *testing.T) {
		_, o := setup(t)
		_, err := Run(context.Background(), iotest.ErrReader(errors.New("bad file descriptor")), &bytes.Buffer{}, o)
		if !errors.Is(err, ErrNoInput) || !strings.Contains(err.Error(), "bad file descriptor") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestInvalidBackNoteQuit(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	in := input(
		"maybe",                // invalid: re-asked
		"",                     // nothing: re-asked
		"y",                    // culture-training = yes
		"b",                    // back to culture-training
		"n", "Ëmoji 🎉 note, ë", // a note on it
		"",   // keep yes
		"no", // culture-internal
		"7",  // invalid for an item
		"2",  // culture-frontline = partly
		"q",  // quit
		"ignored")
	var out bytes.Buffer
	got, err := Run(context.Background(), iotest.OneByteReader(strings.NewReader(in)), &out, o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	s := only(t, r)
	if got.SessionID != s.ID || got.Completed {
		t.Errorf("outcome %+v", got)
	}
	if a := s.Answers["culture-training"]; a.Value != checklist.Yes || a.Note != "Ëmoji 🎉 note, ë" {
		t.Errorf("culture-training = %+v", a)
	}
	if s.Answers["culture-internal"].Value != checklist.No || s.Answers["culture-frontline"].Value != checklist.Partly {
		t.Errorf("answers %+v", s.Answers)
	}
	if s.Cursor != "identify-users" {
		t.Errorf("cursor %q, want identify-users", s.Cursor)
	}
	o2 := out.String()
	for _, w := range []string{`"maybe" is not a checklist answer: use yes, partly, no or na.`,
		"Please give an answer. Choices:", `"7" is not a checklist answer`, "Note saved.",
		"Current answer: Yes. Press enter to keep it.", "Note: Ëmoji 🎉 note, ë"} {
		if !strings.Contains(o2, w) {
			t.Errorf("output lacks %q\n%s", w, o2)
		}
	}
	if strings.Contains(o2, "Question 5 of") {
		t.Error("asked on after q")
	}
}

func TestInputEndsHalfway(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	var out bytes.Buffer
	got, err := Run(context.Background(), strings.NewReader("yes\nno\npartly"), &out, o) // no final newline
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	s := only(t, r)
	if got.SessionID != s.ID || len(s.Answers) != 3 || s.Answers["culture-frontline"].Value != checklist.Partly {
		t.Errorf("outcome %+v, answers %+v", got, s.Answers)
	}
	if !strings.Contains(out.String(), "The input ended.") {
		t.Errorf("no word about the end of input:\n%s", out.String())
	}
}

func TestHomeNewAndResume(t *testing.T) {
	r, o := setup(t)
	var out bytes.Buffer
	if _, err := Run(context.Background(), strings.NewReader(input("5", "1", "", "Bakery", "", "yes", "yes", "q")), &out, o); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out.String(), "Please type 1, 2 or 3.") || !strings.Contains(out.String(), "The client's name cannot be empty.") {
		t.Errorf("no re-ask:\n%s", out.String())
	}
	s := only(t, r)
	if s.Client != "Bakery" || len(s.Answers) != 2 {
		t.Fatalf("session %+v", s)
	}
	// Resume it from the home menu and finish it.
	out.Reset()
	lines := append([]string{"2", "1"}, answers("no", "2")[2:]...)
	got, err := Run(context.Background(), strings.NewReader(input(lines...)), &out, o)
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, out.String())
	}
	if !got.Completed || got.SessionID != s.ID {
		t.Errorf("outcome %+v", got)
	}
	if !strings.Contains(out.String(), "1 Bakery, started 2 Mar 2026, 2 answered") {
		t.Errorf("no list of unfinished sessions:\n%s", out.String())
	}
	// A second completed session for the client is compared with the first.
	out.Reset()
	o.Start = tui.Start{New: true, Client: "bakery "}
	if _, err := Run(context.Background(), strings.NewReader(input(answers("yes", "3")...)), &out, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Change since 2 Mar 2026: up 8.0 (from 16.0 to 24.0).") {
		t.Errorf("no comparison:\n%s", out.String())
	}
}

func TestSaveRetried(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	var out bytes.Buffer
	in := input("yes", "no", "q")
	// The first write (Create) goes through; the next two fail.
	r.FailWrites(0, nil)
	rr := &failAfter{Repo: r, after: 1, n: 2}
	o.Repo = rr
	if _, err := Run(context.Background(), strings.NewReader(in), &out, o); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out.String(), "Not saved: data file in use by another servicecheck. Trying again.") {
		t.Errorf("no word of the retry:\n%s", out.String())
	}
	s := only(t, r)
	if s.Answers["culture-training"].Value != checklist.Yes || s.Answers["culture-internal"].Value != checklist.No {
		t.Errorf("answers lost: %+v", s.Answers)
	}
}

func TestSaveFailsForGood(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	o.Repo = &failAfter{Repo: r, after: 1, n: 1000}
	var out bytes.Buffer
	_, err := Run(context.Background(), strings.NewReader(input("yes", "no", "q")), &out, o)
	if !errors.Is(err, store.ErrInUse) {
		t.Fatalf("err = %v, want ErrInUse", err)
	}
	if !strings.Contains(out.String(), "The answers are kept and tried again.") {
		t.Errorf("output:\n%s", out.String())
	}
}

// failAfter lets the first `after` writes through, then fails n of them.
type failAfter struct {
	*memrepo.Repo
	after, n int
}

func (f *failAfter) fail() error {
	if f.after > 0 {
		f.after--
		return nil
	}
	if f.n > 0 {
		f.n--
		return store.ErrInUse
	}
	return nil
}

func (f *failAfter) Create(s *checklist.Session) error {
	if err := f.fail(); err != nil {
		return err
	}
	return f.Repo.Create(s)
}

func (f *failAfter) Apply(id string, c store.Change) (store.Applied, error) {
	if err := f.fail(); err != nil {
		return store.Applied{}, err
	}
	return f.Repo.Apply(id, c)
}

func TestNoteTooLong(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}
	long := strings.Repeat("ë", store.MaxNote) // two bytes each
	var out bytes.Buffer
	if _, err := Run(context.Background(), strings.NewReader(input("yes", "n", long, "n", "short one", "q")), &out, o); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out.String(), "The note is too long: 131072 bytes, at most 65536. It was not saved.") {
		t.Errorf("no word about the long note")
	}
	if got := only(t, r).Answers["culture-internal"].Note; got != "short one" {
		t.Errorf("note %q, want the short one", got)
	}
}

// TestInterrupt cancels the context while a prompt waits, as Ctrl+C does
// in the CLI: Run must stop waiting, keep what was answered and return no
// error, so the CLI says how to resume and exits 0.
func TestInterrupt(t *testing.T) {
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "Interrupted", Assessor: "Ana"}
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, pr, &out, o)
		done <- err
	}()
	if _, err := pw.Write([]byte("yes\nno\n")); err != nil {
		t.Fatal(err)
	}
	// Wait until the third question is asked: both answers are saved.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "Question 3 of") {
		if time.Now().After(deadline) {
			t.Fatalf("third question never asked:\n%s", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after interrupt: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
	s := only(t, r)
	if s.Answers["culture-training"].Value != checklist.Yes || s.Answers["culture-internal"].Value != checklist.No {
		t.Errorf("answers before the interrupt not saved: %+v", s.Answers)
	}
	if !strings.Contains(out.String(), "Interrupted.") {
		t.Errorf("no word of the interrupt:\n%s", out.String())
	}
}

// syncBuffer is a bytes.Buffer safe to write from Run's goroutine while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
