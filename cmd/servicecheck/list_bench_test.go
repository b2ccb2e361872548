package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// benchSession answers every question of the built-in pack.
func benchSession(p *checklist.Pack, id, client string, rating int, at time.Time) *checklist.Session {
	s := &checklist.Session{ID: id, Client: client, Assessor: "Jo", Status: checklist.Completed,
		CreatedAt: at, UpdatedAt: at, CompletedAt: at, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	choices := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	for i, q := range p.Questions() {
		a := checklist.Answer{At: at}
		if q.Kind == checklist.KindItem {
			a.Value = choices[i%len(choices)]
		} else {
			a.Value = checklist.Rating(1 + (i+rating)%5)
		}
		if i%5 == 0 {
			a.Note = "Phones ring out at lunch, \"every day\" – Клиенты 🎉"
		}
		s.Answers[q.ID] = a
	}
	return s
}

// benchStore writes n full sessions, of n/2 clients, into a new data file.
func benchStore(b *testing.B, n int) string {
	b.Helper()
	p := content.Default()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	sessions := make([]*checklist.Session, n)
	for i := range sessions {
		sessions[i] = benchSession(p, fmt.Sprintf("s%05d", i), fmt.Sprintf("Client %d", i/2), i, start.Add(time.Duration(i)*time.Hour))
	}
	db := filepath.Join(b.TempDir(), "bench.db")
	err := store.Do(db, store.Options{Summarize: newPackResolver().summarize}, func(st *store.Store) error {
		_, err := st.Import(sessions)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkListJSONProcess10000 runs `servicecheck list --json` as a whole
// process over 10,000 sessions: start-up, opening the file, reading the
// summary index and writing the JSON.
func BenchmarkListJSONProcess10000(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "servicecheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	db := benchStore(b, 10_000)
	var size int64
	for b.Loop() {
		cmd := exec.Command(bin, "--db", db, "list", "--json")
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		size, _ = io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "bytes/out")
}
