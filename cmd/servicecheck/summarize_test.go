package main

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// keptPacksMap is a store.PackSource over a map, as the store's transaction
// would read it.
type keptPacksMap map[checklist.Ref][]byte

func (m keptPacksMap) Pack(ref checklist.Ref) ([]byte, error) {
	if y, ok := m[ref]; ok {
		return y, nil
	}
	return nil, store.ErrNotFound
}

func TestSummarizeTotal(t *testing.T) {
	p := content.Default()
	s := &checklist.Session{Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	// Every question answered (a total exists only then), some N/A.
	for i, q := range p.Questions() {
		switch {
		case q.Kind != checklist.KindStatement:
			s.Answers[q.ID] = checklist.Answer{Value: checklist.Yes}
		case i%3 != 0:
			s.Answers[q.ID] = checklist.Answer{Value: checklist.Rating(1 + i%5)}
		default:
			s.Answers[q.ID] = checklist.Answer{Value: checklist.NA}
		}
	}
	r := newPackResolver()
	got, want := r.summarize(s, nil), scoring.Session(p, s).Total
	if got != want || !got.Score.Valid {
		t.Errorf("summary total %+v, want %+v", got, want)
	}

	// A pack of the user's own, read through the transaction: its bands
	// (one band from 0) give the total its label.
	own, ownYAML := ownPack(t, "9.0.0")
	s.Pack = own.Ref()
	got, want = r.summarize(s, keptPacksMap{own.Ref(): ownYAML}), scoring.Session(own, s).Total
	if got != want || got.Band != "all" {
		t.Errorf("summary total with a kept pack %+v, want %+v", got, want)
	}

	s.Pack.Version = "0.0.1"
	if got := r.summarize(s, keptPacksMap{own.Ref(): ownYAML}); got.Score.Valid || got.Max != 0 {
		t.Errorf("total for an unknown pack = %+v, want none", got)
	}
	if newApp(nil, nil, nil, nil).summarize == nil {
		t.Error("the app does not give the store its summarize function")
	}
}

// BenchmarkSummarize scores a full session for the summary index, as every
// write does: with a built-in pack, and with a pack of one's own read
// through the transaction (its YAML copied out and hashed; parsed once).
func BenchmarkSummarize(b *testing.B) {
	own, y := ownPack(b, "9.0.0")
	for _, bc := range []struct {
		name string
		pack *checklist.Pack
	}{{"builtin", content.Default()}, {"own", own}} {
		b.Run(bc.name, func(b *testing.B) {
			s := &checklist.Session{Pack: bc.pack.Ref(), Answers: map[string]checklist.Answer{}}
			for i, q := range bc.pack.Questions() {
				s.Answers[q.ID] = checklist.Answer{Value: checklist.Rating(1 + i%5)}
				if q.Kind == checklist.KindItem {
					s.Answers[q.ID] = checklist.Answer{Value: checklist.Yes}
				}
			}
			r, kept := newPackResolver(), keptPacksMap{own.Ref(): y}
			for b.Loop() {
				if t := r.summarize(s, kept); !t.Score.Valid {
					b.Fatal("no total")
				}
			}
		})
	}
}
