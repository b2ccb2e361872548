package store

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// clock is a test clock that moves one second at each reading, so that
// every write has a distinct, predictable time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// countSummarize is a stand-in for scoring: it puts the number of rated
// statements in Total.Scored, so tests can see Summarize was applied.
func countSummarize(s *checklist.Session, _ PackSource) scoring.Total {
	n := 0
	for _, a := range s.Answers {
		if _, ok := a.Value.Rating(); ok {
			n++
		}
	}
	return scoring.Total{Scored: n, Areas: 8, Min: 8, Max: 40, Score: scoring.Of(float64(n)), Band: "b"}
}

func testOptions() Options {
	return Options{Now: newClock().Now, Summarize: countSummarize}
}

// openTest opens a new store in a temporary folder and closes it when the
// test ends.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "servicecheck.db")
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

var testPack = checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "en"}

func newSession(client string) *checklist.Session {
	return &checklist.Session{Client: client, Assessor: "Ann", Pack: testPack}
}

// questionIDs returns n question ids like a pack's: items then statements.
func questionIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		if i < 40 {
			ids[i] = fmt.Sprintf("item-%02d", i)
		} else {
			ids[i] = fmt.Sprintf("stmt-%02d", i)
		}
	}
	return ids
}

// answerFor returns a plausible answer for question i.
func answerFor(i int, id string) checklist.Answer {
	if id[:4] == "item" {
		return checklist.Answer{Value: []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}[i%4]}
	}
	return checklist.Answer{Value: checklist.Rating(i%5 + 1)}
}

// completedSession builds a full session of 72 answers, a few with notes.
func completedSession(client string, created time.Time) *checklist.Session {
	s := newSession(client)
	s.Status = checklist.Completed
	s.CreatedAt = created
	s.Answers = map[string]checklist.Answer{}
	for i, id := range questionIDs(72) {
		a := answerFor(i, id)
		a.At = created.Add(time.Duration(i) * 15 * time.Second)
		if i%9 == 0 {
			a.Note = "we do this only in the main shop, not online"
		}
		s.Answers[id] = a
	}
	s.UpdatedAt = created.Add(20 * time.Minute)
	s.CompletedAt = s.UpdatedAt
	s.Plan = checklist.Plan{Vision: "every customer hears back within a day",
		Goals: []checklist.Goal{{Problem: "slow replies", What: "reply time", Target: "under 4 hours", Note: "2025-09"}}}
	return s
}

func timeHours(n int) time.Duration { return time.Duration(n) * time.Hour }

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// mustDay is the day written "2006-01-02".
func mustDay(s string) checklist.Day {
	d, err := checklist.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}
