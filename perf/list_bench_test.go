package perf

import (
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// listSessions is the history size of the peak-memory target.
const listSessions = 100_000

// BenchmarkListProcess runs `servicecheck list --json` as a whole process
// over a data file of 100,000 completed sessions and reports, besides the
// time, the child's peak resident memory (getrusage's ru_maxrss) as
// peak-MB: the target is under 40 MB. Filling the file is not timed.
func BenchmarkListProcess(b *testing.B) {
	bins := shared.binaries(b)
	db := shared.historyFile(b)
	var peak int64
	var size int64
	for b.Loop() {
		cmd := exec.Command(bins.servicecheck, "--db", db, "list", "--json")
		cmd.Env = []string{"NO_COLOR=1"}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		size, _ = io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("list --json: %v", err)
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			b.Skip("no rusage on this system")
		}
		peak = max(peak, ru.Maxrss) // kilobytes on Linux
	}
	if size < listSessions*100 {
		b.Fatalf("list --json wrote %d bytes for %d sessions", size, listSessions)
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
	b.ReportMetric(float64(size)/listSessions, "out-B/session")
}

// historyFile is the data file of listSessions sessions, filled once.
func (f *fixtures) historyFile(b *testing.B) string {
	b.Helper()
	f.histOnce.Do(func() {
		dir, err := f.tempDir()
		if err != nil {
			f.histErr = err
			return
		}
		f.history = filepath.Join(dir, "history.db")
		f.histErr = fillHistory(f.history, listSessions)
	})
	if f.histErr != nil {
		b.Fatal(f.histErr)
	}
	return f.history
}

// fillHistory stores n completed sessions of the built-in pack, for n/4
// clients, a thousand per transaction, with the totals the CLI stores.
func fillHistory(path string, n int) error {
	p := content.Default()
	opts := store.Options{Summarize: func(s *checklist.Session, _ store.PackSource) scoring.Total { return scoring.Session(p, s).Total }}
	t0 := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	err := store.Do(path, opts, func(st *store.Store) error {
		for start := 0; start < n; start += 1000 {
			batch := make([]*checklist.Session, 0, 1000)
			for i := start; i < min(start+1000, n); i++ {
				batch = append(batch, completed(p, i, t0.Add(time.Duration(i)*time.Minute)))
			}
			if _, err := st.Import(batch); err != nil {
				return fmt.Errorf("sessions %d to %d: %w", start, start+len(batch), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("fill %s: %w", path, err)
	}
	return nil
}

// completed is session i: every question answered, a note on one in eight.
func completed(p *checklist.Pack, i int, at time.Time) *checklist.Session {
	s := &checklist.Session{ID: fmt.Sprintf("h%07d", i), Client: fmt.Sprintf("Client %d", i/4), Assessor: "Jo",
		Status: checklist.Completed, CreatedAt: at, UpdatedAt: at, CompletedAt: at, Pack: p.Ref(),
		Answers: map[string]checklist.Answer{}}
	items := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	for j, q := range p.Questions() {
		a := checklist.Answer{At: at}
		if q.Kind == checklist.KindItem {
			a.Value = items[(i+j)%len(items)]
		} else {
			a.Value = checklist.Rating(1 + (i+j)%5)
		}
		if j%8 == 0 {
			a.Note = "only at the main shop, not online"
		}
		s.Answers[q.ID] = a
	}
	return s
}
