package tui

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/store"
)

// cleanRepo hands the wizard only text fit for a terminal: whatever a data
// file holds (a crafted one passes the store's checks of its own writes),
// no control character read from it reaches the screen.
type cleanRepo struct{ Repo }

func (r cleanRepo) Get(id string) (*checklist.Session, error) {
	s, err := r.Repo.Get(id)
	if s != nil {
		cleanSession(s)
	}
	return s, err
}

func (r cleanRepo) GetRev(id string) (*checklist.Session, store.Rev, error) {
	s, rev, err := r.Repo.GetRev(id)
	if s != nil {
		cleanSession(s)
	}
	return s, rev, err
}

func (r cleanRepo) List(f store.Filter) ([]store.Summary, error) {
	list, err := r.Repo.List(f)
	for i := range list {
		list[i].Client = termtext.Line(list[i].Client)
		list[i].Assessor = termtext.Line(list[i].Assessor)
	}
	return list, err
}

func (r cleanRepo) Clients() ([]string, error) {
	names, err := r.Repo.Clients()
	for i, n := range names {
		names[i] = termtext.Line(n)
	}
	return names, err
}

// cleanSession removes control characters from every text of s, in place.
func cleanSession(s *checklist.Session) {
	s.Client, s.Assessor = termtext.Line(s.Client), termtext.Line(s.Assessor)
	for id, a := range s.Answers {
		if c := termtext.Clean(a.Note); c != a.Note {
			a.Note = c
			s.Answers[id] = a
		}
	}
	p := &s.Plan
	p.Vision = termtext.Clean(p.Vision)
	if v := p.VisionSteps; v != nil {
		c := checklist.VisionSteps{Business: termtext.Clean(v.Business), Customers: termtext.Clean(v.Customers),
			Steps: termtext.Clean(v.Steps), Keywords: termtext.Clean(v.Keywords)}
		p.VisionSteps = &c
	}
	for i := range p.Goals {
		cleanGoal(&p.Goals[i])
	}
	for i := range p.Review {
		cleanGoal(&p.Review[i].Goal)
		p.Review[i].Note = termtext.Clean(p.Review[i].Note)
	}
}

func cleanGoal(g *checklist.Goal) {
	g.Problem, g.What = termtext.Line(g.Problem), termtext.Line(g.What)
	g.Target, g.Due = termtext.Line(g.Target), termtext.Line(g.Due)
	g.Owner, g.Note = termtext.Line(g.Owner), termtext.Line(g.Note)
}
