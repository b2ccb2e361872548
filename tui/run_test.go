package tui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

// slowReader hands out its input a little at a time, like a person typing,
// so that each key reaches the screen it was meant for.
type slowReader struct {
	chunks []string
}

func (r *slowReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		time.Sleep(50 * time.Millisecond)
		return 0, io.EOF
	}
	time.Sleep(30 * time.Millisecond)
	n := copy(p, r.chunks[0])
	r.chunks = r.chunks[1:]
	return n, nil
}

// TestRunWithStore runs the real program over a real data file: a new
// session from the home screen, two answers, quit. The answers are in the
// file and the file is not held open between answers.
func TestRunWithStore(t *testing.T) {
	p := testpack.Pack()
	path := filepath.Join(t.TempDir(), "data", "servicecheck.db")
	repo := StoreRepo{Path: path, Opts: store.Options{
		Summarize: func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }}}
	in := &slowReader{chunks: []string{"1", "Kafe Shkodër ë", "\r", "Ana", "\r", "y", "p", "q"}}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := Run(ctx, Options{Repo: repo, Pack: p}, tea.WithInput(in), tea.WithOutput(io.Discard),
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
	s.add(saveOp{kind: opRecord, id: f.bakes.ID, qid: "identify-db", ans: checklist.Answer{Value: checklist.No}, cursor: "classify-private"})
	f.repo.FailWrites(1, store.ErrInUse)
	if err := s.flushNow(f.repo, 3, time.Millisecond); err != nil {
		t.Fatalf("flushNow: %v", err)
	}
	got, _ := f.repo.Get(f.bakes.ID)
	if got.Answers["identify-db"].Value != checklist.No {
		t.Error("queued answer not written")
	}
	s.add(saveOp{kind: opRecord, id: f.bakes.ID, qid: "classify-private", ans: checklist.Answer{Value: checklist.No}})
	f.repo.FailWrites(100, store.ErrInUse)
	err := s.flushNow(f.repo, 2, time.Millisecond)
	if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), "1 answer not saved") {
		t.Errorf("flushNow = %v", err)
	}
}
