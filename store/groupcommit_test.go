package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// TestGroupCommit has 40 writers apply at the same moment into a store
// that shares commits, one of them with a change that conflicts: the
// conflict is refused alone, and every other answer is stored.
func TestGroupCommit(t *testing.T) {
	o := testOptions()
	o.GroupCommit = 5 * time.Millisecond
	s, err := Open(t.TempDir()+"/group.db", o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const writers, answers = 40, 5
	ids := make([]string, writers)
	for i := range ids {
		sess := &checklist.Session{Client: "Load Ltd", Assessor: fmt.Sprint(i), Pack: testPack,
			Answers: map[string]checklist.Answer{"q0": {Value: checklist.No}}}
		if err := s.Create(sess); err != nil {
			t.Fatal(err)
		}
		ids[i] = sess.ID
	}
	start := make(chan struct{})
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if i == 0 {
				// Replaces a value that is not the stored one.
				_, errs[i] = s.Apply(id, Change{QID: "q0", SetValue: true, OldValue: checklist.Yes, Value: checklist.Partly})
				return
			}
			for j := 1; j <= answers; j++ {
				if _, err := s.Apply(id, Change{QID: fmt.Sprintf("q%d", j), SetValue: true, Value: checklist.Yes}); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if !errors.Is(errs[0], ErrConflict) {
		t.Errorf("the conflicting change: %v, want ErrConflict", errs[0])
	}
	for i, id := range ids[1:] {
		if errs[i+1] != nil {
			t.Fatalf("writer %d: %v", i+1, errs[i+1])
		}
		sess, err := s.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(sess.Answers) != answers+1 {
			t.Errorf("writer %d stored %d answers, want %d", i+1, len(sess.Answers), answers+1)
		}
	}
	if sess, _ := s.Get(ids[0]); sess.Answers["q0"].Value != checklist.No {
		t.Errorf("the refused change was written: %q", sess.Answers["q0"].Value)
	}
}

// BenchmarkApplyConcurrent applies answers from 50 goroutines at once,
// each commit alone and with commits shared (Options.GroupCommit, as
// `servicecheck serve` opens its store): ns/op is per answer.
//
//	go test ./store -run '^$' -bench ApplyConcurrent
func BenchmarkApplyConcurrent(b *testing.B) {
	for _, gc := range []time.Duration{0, time.Millisecond} {
		b.Run("group="+gc.String(), func(b *testing.B) {
			o := testOptions()
			o.GroupCommit = gc
			s, err := Open(b.TempDir()+"/bench.db", o)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var mu sync.Mutex
			n := 0
			b.SetParallelism(25) // 50 goroutines on 2 cores
			b.RunParallel(func(pb *testing.PB) {
				sess := &checklist.Session{Client: "Load Ltd", Pack: testPack}
				if err := s.Create(sess); err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				n++
				mu.Unlock()
				j := 0
				for pb.Next() {
					j++
					if _, err := s.Apply(sess.ID, Change{QID: fmt.Sprintf("q%d", j%80), SetValue: true, Value: checklist.Yes}); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
