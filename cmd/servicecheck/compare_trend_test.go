package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/trend"
)

func trendSession(id string, day int, v func(i int) checklist.Value, p *checklist.Pack) *checklist.Session {
	at := time.Date(2026, 3, day, 10, 0, 0, 0, time.UTC)
	s := &checklist.Session{ID: id, Client: resultstest.Wrap("Acme"), Status: checklist.Completed, CreatedAt: at,
		UpdatedAt: at, CompletedAt: at, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	for i, q := range p.Questions() {
		val := v(i)
		if q.Kind == checklist.KindStatement {
			val = checklist.Rating(1 + i%5)
		}
		s.Answers[q.ID] = checklist.Answer{Value: val}
	}
	return s
}

// The trend and the list of changed answers speak only the catalogue's
// words, the pack's texts and numbers.
func TestTrendAndChangesPseudoLocale(t *testing.T) {
	p := resultstest.Pseudo(content.Default())
	p.Lang = i18n.Pseudo
	a := trendSession("a", 2, func(int) checklist.Value { return checklist.Yes }, p)
	b := trendSession("b", 9, func(i int) checklist.Value { return []checklist.Value{checklist.No, checklist.Yes}[i%2] }, p)
	var out bytes.Buffer
	byID := map[string]*checklist.Session{"a": a, "b": b}
	tr, err := trend.Load([]string{"b", "a"}, func(id string) (*checklist.Session, error) { return byID[id], nil },
		func(*checklist.Session) (*checklist.Pack, error) { return p, nil }, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeTrend(&out, tr); err != nil {
		t.Fatal(err)
	}
	if err := writeAnswerChanges(&out, report.Compare(p, a, p, b)); err != nil {
		t.Fatal(err)
	}
	if leaks := resultstest.Leaks(out.String()); len(leaks) > 0 {
		t.Errorf("English outside the catalogue: %q\n%s", leaks, out.String())
	}
}
