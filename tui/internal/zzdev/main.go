package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

func main() {
	p := testpack.Pack()
	r := memrepo.New(time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC))
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	// an earlier completed session
	old := &checklist.Session{Client: "ACME Ltd", Assessor: "Jo", Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	r.Create(old)
	for i, q := range p.Questions() {
		v := checklist.Yes
		if q.Kind == checklist.KindStatement {
			v = checklist.Rating(1 + i%4)
		}
		r.Record(old.ID, q.ID, checklist.Answer{Value: v}, q.ID)
	}
	r.Complete(old.ID)
	out, err := tui.Run(context.Background(), tui.Options{Repo: r, Pack: p})
	fmt.Println(out, err)
	if s, _ := r.Get(out.SessionID); s != nil {
		fmt.Println(len(s.Answers), s.Cursor, s.Status)
	}
	os.Exit(0)
}
