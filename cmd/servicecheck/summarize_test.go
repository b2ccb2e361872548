package main

import (
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
)

func TestSummarizeTotal(t *testing.T) {
	p := content.Default()
	s := &checklist.Session{Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	for i, q := range p.Questions() {
		if q.Kind == checklist.KindStatement && i%3 != 0 {
			s.Answers[q.ID] = checklist.Answer{Value: checklist.Rating(1 + i%5)}
		}
	}
	got, want := summarizeTotal(s), scoring.Session(p, s).Total
	if got != want || !got.Score.Valid {
		t.Errorf("summary total %+v, want %+v", got, want)
	}
	s.Pack.Version = "0.0.1"
	if got := summarizeTotal(s); got.Score.Valid || got.Max != 0 {
		t.Errorf("total for an unknown pack = %+v, want none", got)
	}
	if newApp(nil, nil, nil, nil).summarize == nil {
		t.Error("the app does not give the store its summarize function")
	}
}
