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
	"github.com/servicecheck/servicecheck/tui/internal/present"
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
		r.sayT("plain.setup.started", "ID", s.ID, "Client", s.Client)
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
			r.sayT("plain.walk.retry", "Reason", r.describe(err))
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
					r.reload(r.t("plain.save.moved"))
				}
				continue
			case errors.Is(werr, store.ErrNotFound):
				return false, r.gone()
			case errors.Is(werr, store.ErrConflict) || errors.Is(werr, store.ErrInvalid):
				r.pending = r.pending[1:]
				dropped = true
				r.sayT("plain.save.dropped", "What", r.what(c))
				r.reload(r.t("plain.save.kept_stored", "Reason", r.describe(werr)))
				err = nil
				continue
			}
			break
		}
	}
	if len(r.pending) > 0 {
		r.sayT("plain.walk.kept", "Reason", r.describe(err))
		if tries >= 5 {
			return false, fmt.Errorf("%s: %w", r.t("tui.save.not_saved", "What", r.pendingWhat(r.pending)), err)
		}
	}
	return dropped, nil
}

// what says what c would save.
func (r *runner) what(c store.Change) string {
	switch {
	case c.SetValue:
		return r.t("plain.save.what.answer", "ID", c.QID)
	case c.SetNote:
		return r.t("plain.save.what.note", "ID", c.QID)
	case c.SetPlan:
		return r.t("tui.save.what.plan")
	case c.Complete:
		return r.t("tui.save.what.completion")
	}
	return r.t("tui.save.what.position")
}

// pendingWhat counts what the pending writes would save.
func (r *runner) pendingWhat(cs []store.Change) string {
	n, other := 0, []string{}
	for _, c := range cs {
		switch {
		case c.SetValue || c.SetNote:
			n++
		case c.SetPlan || c.Complete:
			other = append(other, r.what(c))
		}
	}
	parts := []string{}
	if n > 0 {
		parts = append(parts, r.loc().N("tui.save.answers", n))
	}
	parts = append(parts, other...)
	switch len(parts) {
	case 0:
		return r.t("tui.save.what.position")
	case 1:
		return parts[0]
	}
	return r.t("tui.save.and", "A", strings.Join(parts[:len(parts)-1], ", "), "B", parts[len(parts)-1])
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
	unsaved := r.pendingWhat(r.pending)
	lang := r.loc().Lang()
	r.say("")
	r.sayT("plain.save.gone", "What", unsaved)
	yes, no := r.yesNo()
	for {
		line, err := r.ask(r.t("plain.save.gone_ask", "Yes", yes, "No", no))
		v, _ := present.ParseAnswer(r.loc(), checklist.KindItem, line)
		if err != nil || v == checklist.No || r.is(line, "quit") {
			r.pending = nil
			return &tui.GoneError{ID: old.ID, Unsaved: unsaved, Lang: lang}
		}
		if v == checklist.Yes {
			break
		}
		r.sayT("plain.plan.offer_again", "Yes", yes, "No", no)
	}
	s := &checklist.Session{Client: old.Client, Assessor: old.Assessor, Pack: old.Pack,
		Answers: maps.Clone(old.Answers), Cursor: old.Cursor, Plan: old.Plan}
	if len(r.qs) > 0 && s.Next(r.qs, -1) < 0 {
		s.Status, s.CompletedAt = checklist.Completed, r.opts.Now()
	}
	if err := r.opts.Repo.Create(s); err != nil {
		r.pending = nil
		return fmt.Errorf("%s: %w (%w)", r.t("plain.save.as_new"), err, &tui.GoneError{ID: old.ID, Unsaved: unsaved, Lang: lang})
	}
	*old = *s
	r.pending, r.rev = nil, 0
	r.sayT("plain.save.saved_new", "ID", s.ID)
	return nil
}
