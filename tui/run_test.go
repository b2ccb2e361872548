package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// typist hands out its input a key at a time, like a person, each only
// once its condition holds (the screen it is meant for is up), so that
// the test does not depend on how fast the machine is.
type typist struct {
	t     *testing.T
	steps []step
	dump  func() string
}

type step struct {
	keys  string
	ready func() bool // nil: at once
}

func (r *typist) Read(p []byte) (int, error) {
	if len(r.steps) == 0 {
		time.Sleep(50 * time.Millisecond)
		return 0, io.EOF
	}
	s := r.steps[0]
	for deadline := time.Now().Add(10 * time.Second); s.ready != nil && !s.ready(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			r.t.Errorf("gave up waiting to type %q", s.keys)
			if r.dump != nil {
				r.t.Log(r.dump())
			}
			return 0, io.EOF
		}
	}
	time.Sleep(10 * time.Millisecond)
	n := copy(p, s.keys)
	r.steps = r.steps[1:]
	return n, nil
}

// onlcr turns "\n" into "\r\n" on the way to the emulated terminal, as a
// real terminal's line discipline does.
type onlcr struct{ w io.Writer }

func (o onlcr) Write(p []byte) (int, error) {
	if _, err := o.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// TestRunWithStore runs the real program over a real data file: a new
// session from the home screen, two answers, quit. The answers are in the
// file and the file is not held open between answers.
func TestRunWithStore(t *testing.T) {
	p := testpack.Pack()
	path := filepath.Join(t.TempDir(), "data", "servicecheck.db")
	repo := StoreRepo{Path: path, Opts: store.Options{
		Summarize: func(s *checklist.Session, _ store.PackSource) scoring.Total { return scoring.Session(p, s).Total }}}
	// The program draws on an emulated 80×24 terminal; the typist reads it.
	screen := vt.NewSafeEmulator(80, 24)
	// The terminal's replies to the program's queries are dropped. The
	// emulator is not closed: its Close races with a pending Read.
	go func() { _, _ = io.Copy(io.Discard, screen) }()
	shows := func(text string) func() bool {
		return func() bool { return strings.Contains(ansi.Strip(screen.Render()), text) }
	}
	in := &typist{t: t, steps: []step{{keys: "1", ready: shows("Start a new session")},
		{keys: "Kafe Shkodër ë", ready: shows("Who is this audit for?")}, {keys: "\r"}, {keys: "Ana"},
		{keys: "\r"}, {keys: "y", ready: shows("0 of 27 answered")}, {keys: "p", ready: shows("1 of 27 answered")},
		{keys: "q", ready: shows("2 of 27 answered")}}, dump: func() string { return screen.Render() }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := Run(ctx, Options{Repo: repo, Pack: p}, tea.WithInput(in), tea.WithOutput(onlcr{screen}),
		tea.WithWindowSize(80, 24))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if out.SessionID == "" || out.Completed {
		t.Fatalf("outcome %+v", out)
	}
	s, err := repo.Get(out.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Client != "Kafe Shkodër ë" || s.Assessor != "Ana" {
		t.Errorf("client %q assessor %q", s.Client, s.Assessor)
	}
	if s.Answers["culture-training"].Value != checklist.Yes || s.Answers["culture-internal"].Value != checklist.Partly {
		t.Errorf("answers %+v", s.Answers)
	}
	if s.Cursor != "culture-frontline" {
		t.Errorf("cursor %q, want culture-frontline", s.Cursor)
	}
	// Another writer gets the file at once: nobody holds it.
	err = store.Do(path, store.Options{Timeout: 10 * time.Millisecond}, func(*store.Store) error { return nil })
	if err != nil {
		t.Errorf("data file still held: %v", err)
	}
}

// TestStoreRepoReadsWithoutAFile: before the first session there is no data
// file, and reading must neither fail nor create one.
func TestStoreRepoReadsWithoutAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	r := StoreRepo{Path: path}
	if c, err := r.Clients(); err != nil || len(c) != 0 {
		t.Errorf("Clients = %v, %v", c, err)
	}
	if l, err := r.List(store.Filter{}); err != nil || len(l) != 0 {
		t.Errorf("List = %v, %v", l, err)
	}
	if _, err := r.Get("abc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get = %v, want ErrNotFound", err)
	}
	if m, _ := filepath.Glob(path); len(m) != 0 {
		t.Error("a read created the data file")
	}
}

// TestRunSavesWhatIsLeftAtTheEnd: writes still queued when the program
// ends are written by Run, or reported when they cannot be.
func TestRunSavesWhatIsLeftAtTheEnd(t *testing.T) {
	f := newFixture(t)
	var s saver
	s.add(saveOp{id: f.bakes.ID, c: store.Change{QID: "identify-db", SetValue: true,
		OldValue: f.bakes.Answers["identify-db"].Value, Value: checklist.No, Cursor: "classify-private"}})
	f.repo.FailWrites(1, store.ErrInUse)
	if err := s.flushNow(f.repo, 3, time.Millisecond); err != nil {
		t.Fatalf("flushNow: %v", err)
	}
	got, _ := f.repo.Get(f.bakes.ID)
	if got.Answers["identify-db"].Value != checklist.No {
		t.Error("queued answer not written")
	}
	s.add(saveOp{id: f.bakes.ID, c: store.Change{QID: "classify-private", SetValue: true,
		OldValue: f.bakes.Answers["classify-private"].Value, Value: checklist.No}})
	f.repo.FailWrites(100, store.ErrInUse)
	err := s.flushNow(f.repo, 2, time.Millisecond)
	if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), "1 answer not saved") {
		t.Errorf("flushNow = %v", err)
	}
}

// slowRepo is a data file whose writes take a while, like a busy disk.
type slowRepo struct {
	StoreRepo
	delay time.Duration
}

func (r slowRepo) Apply(id string, c store.Change) (store.Applied, error) {
	time.Sleep(r.delay)
	return r.StoreRepo.Apply(id, c)
}

// TestQuitWhileAnAnswerIsSaving gives two answers and quits at once: the
// first is being written, the second queued behind it. Run must write the
// queued one after the program ends and return cleanly (it once described
// the missing error of a write that had not failed, and crashed).
func TestQuitWhileAnAnswerIsSaving(t *testing.T) {
	p := testpack.Pack()
	path := filepath.Join(t.TempDir(), "servicecheck.db")
	repo := slowRepo{StoreRepo: StoreRepo{Path: path}, delay: 300 * time.Millisecond}
	screen := vt.NewSafeEmulator(80, 24)
	go func() { _, _ = io.Copy(io.Discard, screen) }()
	shows := func(text string) func() bool {
		return func() bool { return strings.Contains(ansi.Strip(screen.Render()), text) }
	}
	in := &typist{t: t, steps: []step{{keys: "1", ready: shows("Start a new session")},
		{keys: "Slow disk", ready: shows("Who is this audit for?")}, {keys: "\r"}, {keys: "\r"},
		{keys: "y", ready: shows("0 of 27 answered")}, {keys: "p"}, {keys: "q"}}, dump: func() string { return screen.Render() }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var notices bytes.Buffer
	out, err := Run(ctx, Options{Repo: repo, Pack: p, Notices: &notices}, tea.WithInput(in),
		tea.WithOutput(onlcr{screen}), tea.WithWindowSize(80, 24))
	if err != nil {
		t.Fatalf("Run: %v (notices %q)", err, notices.String())
	}
	s, err := repo.Get(out.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Answers["culture-training"].Value != checklist.Yes || s.Answers["culture-internal"].Value != checklist.Partly {
		t.Errorf("answers given just before quitting were lost: %+v", s.Answers)
	}
}

// TestRunKeepsSettleNoteOnCtrlC runs the real program on a team audit: a
// decision, then a note typed on the consensus step and not confirmed,
// then ctrl+c. Both are in the data file when Run returns.
func TestRunKeepsSettleNoteOnCtrlC(t *testing.T) {
	f := newTeamFixture(t, testpack.Pack(), func(s string) string { return s })
	screen := vt.NewSafeEmulator(80, 24)
	go func() { _, _ = io.Copy(io.Discard, screen) }()
	shows := func(text string) func() bool {
		return func() bool { return strings.Contains(ansi.Strip(screen.Render()), text) }
	}
	in := &typist{t: t, steps: []step{{keys: "4", ready: shows("Team audits")}, {keys: "\r", ready: shows("Bakery Rossi")},
		{keys: "s", ready: shows("3 disagreements")}, {keys: "n", ready: shows("disputed item 1 of 2")},
		{keys: "\t", ready: shows("disputed item 2 of 2")}, {keys: "Ben will check the rota"},
		{keys: "\x03", ready: shows("Ben will check the rota")}}, dump: func() string { return screen.Render() }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := Run(ctx, f.opts("en"), tea.WithInput(in), tea.WithOutput(onlcr{screen}), tea.WithWindowSize(80, 24)); err != nil {
		t.Fatalf("Run: %v", err)
	}
	a, err := f.repo.Team(f.audit.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Settled[f.disputed[0]]; got != (team.Settled{Value: checklist.No}) {
		t.Errorf("first decision %+v, want No", got)
	}
	if got := a.Settled[f.disputed[1]]; got != (team.Settled{Note: "Ben will check the rota"}) {
		t.Errorf("note typed before ctrl+c: %+v, want it stored (alone: no answer was chosen)", got)
	}
}
