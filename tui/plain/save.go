package plain

import (
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
)

// record saves one change the user made to the open session, creating
// the session first when it was only planned. It reports whether the
// change is stored: only then may the walk say "Saved".
func (r *runner) record(c store.Change) (bool, error) {
	if r.lazy {
		s := r.sess
		answers := s.Answers
		s.Answers = map[string]checklist.Answer{}
		if err := r.opts.Repo.Create(s); err != nil {
			s.Answers = answers
			return false, fmt.Errorf("create session: %w", err)
		}
		s.Answers = answers
		r.lazy = false
		r.say("Session %s for %s started.", s.ID, s.Client)
	}
	return r.save(c)
}

func (r *runner) cursor(i int) error {
	if r.lazy || i >= len(r.qs) {
		return nil
	}
	_, err := r.save(store.Change{Cursor: r.qs[i].ID})
	return err
}

// save writes c after any write that failed before it, in order, and
// reports whether c is stored. A write that keeps failing for a passing
// reason (the file busy) is kept for later and the walk goes on: the
// answer is in memory and is tried again with the next one and at the
// end. One refused for good is said and dropped.
func (r *runner) save(c store.Change) (bool, error) {
	r.pending = append(r.pending, c)
	dropped, err := r.flush(3)
	if err != nil {
		return false, err
	}
	return len(r.pending) == 0 && !dropped, nil
}

// flush writes the pending writes, trying up to tries times, and reports
// whether the last of them was refused for good (and dropped).
func (r *runner) flush(tries int) (dropped bool, err error) {
	for t := 0; t < tries && len(r.pending) > 0; t++ {
		if t > 0 {
			r.say("Not saved: %s. Trying again.", describe(err))
			time.Sleep(r.opts.RetryDelay)
		}
		for len(r.pending) > 0 {
			c := r.pending[0]
			c.Base = r.rev
			res, werr := r.opts.Repo.Apply(r.sess.ID, c)
			err = werr
			switch {
			case werr == nil:
				r.pending = r.pending[1:]
				r.rev = res.Rev
				dropped = false
				if res.Moved {
					r.reload("This session was changed elsewhere too (another window?): its latest answers are loaded.")
				}
				continue
			case errors.Is(werr, store.ErrNotFound):
				return false, r.gone()
			case errors.Is(werr, store.ErrConflict) || errors.Is(werr, store.ErrInvalid):
				r.pending = r.pending[1:]
				dropped = true
				r.say("Not saved: %s.", what(c))
				r.reload(fmt.Sprintf("%s: the stored one is kept and shown.", describe(werr)))
				err = nil
				continue
			}
			break
		}
	}
	if len(r.pending) > 0 {
		r.say("Not saved yet: %s. The answers are kept and tried again.", describe(err))
		if tries >= 5 {
			return false, fmt.Errorf("%s not saved: %w", pendingWhat(r.pending), err)
		}
	}
	return dropped, nil
}

// what says what c would save.
func what(c store.Change) string {
	switch {
	case c.SetValue:
		return "your answer to " + c.QID
	case c.SetNote:
		return "your note on " + c.QID
	case c.SetPlan:
		return "the plan"
	case c.Complete:
		return "the completion"
	}
	return "the position"
}

// pendingWhat counts what the pending writes would save.
func pendingWhat(cs []store.Change) string {
	n, other := 0, []string{}
	for _, c := range cs {
		switch {
		case c.SetValue || c.SetNote:
			n++
		case c.SetPlan || c.Complete:
			other = append(other, what(c))
		}
	}
	parts := []string{}
	if n > 0 {
		parts = append(parts, countOf(n, "answer", "answers"))
	}
	parts = append(parts, other...)
	if len(parts) == 0 {
		return "the position"
	}
	return strings.Join(parts, " and ")
}

// reload reads the open session again after a write found it changed
// elsewhere, lays the writes still pending over it, and says why.
func (r *runner) reload(why string) {
	fresh, rev, err := r.opts.Repo.GetRev(r.sess.ID)
	if err != nil {
		r.say("%s", why)
		return
	}
	for _, c := range r.pending {
		_ = c.ApplyTo(fresh, r.opts.Now())
	}
	if fresh.Answers == nil {
		fresh.Answers = map[string]checklist.Answer{}
	}
	*r.sess = *fresh
	r.rev = rev
	r.say("%s", why)
}

// gone is what happens when the open session was deleted elsewhere: the
// user is told at once and asked whether to save the answers given as a
// new session; otherwise the walk ends with an error saying what was not
// saved.
func (r *runner) gone() error {
	old := r.sess
	unsaved := pendingWhat(r.pending)
	r.say("")
	r.say("This session was deleted elsewhere while it was open: %s not saved.", unsaved)
	for {
		line, err := r.ask("Save your answers as a new session? (y/n): ")
		if err != nil || strings.EqualFold(line, "n") || strings.EqualFold(line, "no") || line == "q" {
			r.pending = nil
			return &tui.GoneError{ID: old.ID, Unsaved: unsaved}
		}
		if strings.EqualFold(line, "y") || strings.EqualFold(line, "yes") {
			break
		}
		r.say("Please type y or n.")
	}
	s := &checklist.Session{Client: old.Client, Assessor: old.Assessor, Pack: old.Pack,
		Answers: maps.Clone(old.Answers), Cursor: old.Cursor, Plan: old.Plan}
	if len(r.qs) > 0 && s.Next(r.qs, -1) < 0 {
		s.Status, s.CompletedAt = checklist.Completed, r.opts.Now()
	}
	if err := r.opts.Repo.Create(s); err != nil {
		r.pending = nil
		return fmt.Errorf("save as a new session: %w (%w)", err, &tui.GoneError{ID: old.ID, Unsaved: unsaved})
	}
	*old = *s
	r.pending, r.rev = nil, 0
	r.say("Your answers are saved as the new session %s.", s.ID)
	return nil
}
