package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/servicecheck/servicecheck/checklist"
)

// slowRecord makes the first Record take a while, so that the user can
// quit while that answer is still on its way to the data file.
type slowRecord struct {
	Repo
	calls atomic.Int32
}

func (r *slowRecord) Record(id, qid string, a checklist.Answer, cursor string) error {
	if r.calls.Add(1) == 1 {
		time.Sleep(400 * time.Millisecond)
	}
	return r.Repo.Record(id, qid, a, cursor)
}

// TestRunQuitWhileSaving: q pressed while answers are still being written
// (no error yet) ends the program normally; Run writes what is left and
// says so, instead of failing on the missing error.
func TestRunQuitWhileSaving(t *testing.T) {
	f := newFixture(t)
	repo := &slowRecord{Repo: f.repo}
	screen := vt.NewSafeEmulator(80, 24)
	go func() { _, _ = io.Copy(io.Discard, screen) }()
	shows := func(text string) func() bool {
		return func() bool { return strings.Contains(ansi.Strip(screen.Render()), text) }
	}
	// The second answer is queued behind the first, slow one; q waits for
	// the first to come back and leaves the second to Run.
	in := &typist{t: t, steps: []step{{keys: "y", ready: shows("0 of 27 answered")},
		{keys: "p", ready: shows("1 of 27 answered")}, {keys: "q", ready: shows("2 of 27 answered")}},
		dump: func() string { return screen.Render() }}
	var notices bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	opts := Options{Repo: repo, Pack: f.pack, Notices: &notices, Start: Start{Session: f.bakes, SessionPack: f.pack}}
	// The bakery session stands at its fifth question; start it afresh
	// so that the first answer is the one being saved.
	opts.Start.Session = &checklist.Session{ID: f.bakes.ID, Client: f.bakes.Client, Pack: f.pack.Ref(),
		Status: checklist.InProgress, Answers: map[string]checklist.Answer{}, CreatedAt: f.bakes.CreatedAt}
	out, err := Run(ctx, opts, tea.WithInput(in), tea.WithOutput(onlcr{screen}), tea.WithWindowSize(80, 24))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if out.SessionID != f.bakes.ID {
		t.Errorf("outcome %+v", out)
	}
	if got := notices.String(); got != "saving the last answers…\n" {
		t.Errorf("notices %q", got)
	}
	got, _ := f.repo.Get(f.bakes.ID)
	if got.Answers["culture-training"].Value != checklist.Yes || got.Answers["culture-internal"].Value != checklist.Partly {
		t.Errorf("the answers given before q were not saved: %+v", got.Answers)
	}
}
