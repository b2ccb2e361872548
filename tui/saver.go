package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// saveOp is one write the wizard owes the store: a change to one session,
// naming the parts it replaces with the values the user saw, so that a
// second window on the same session is never overwritten (see
// store.Change).
type saveOp struct {
	id string // session id
	c  store.Change
}

// what says in l what op would save, for a message: "the answer to
// culture.training", "the plan".
func (op saveOp) what(l *i18n.Locale) string {
	switch {
	case op.c.SetValue:
		return l.T("tui.save.what.answer", "ID", op.c.QID)
	case op.c.SetNote:
		return l.T("tui.save.what.note", "ID", op.c.QID)
	case op.c.SetPlan:
		return l.T("tui.save.what.plan")
	case op.c.Complete:
		return l.T("tui.save.what.completion")
	}
	return l.T("tui.save.what.position")
}

// cursorOnly reports whether op only moves the position to resume at.
func (op saveOp) cursorOnly() bool {
	c := op.c
	return !c.SetValue && !c.SetNote && !c.SetPlan && !c.Complete
}

// saver queues writes and sends them one batch at a time, in order, so that
// a later answer never lands before an earlier one. A write that failed for
// a passing reason (the file busy) stays at the head of the queue and is
// retried; one refused for good (changed in another window, invalid) is
// dropped and remembered in lost; writes to a session deleted meanwhile
// are kept, unsent, until the user saves them as a new session.
type saver struct {
	queue    []saveOp
	inFlight int   // how many ops at the head of the queue are being written
	err      error // why the last write failed; nil after a success
	retrying bool  // a retry is scheduled
	saved    bool  // at least one write went through
	// revs is each session's revision as last written or read.
	revs map[string]store.Rev
	// flight is closed when the batch being written is done: Run waits
	// for it before writing what is left itself.
	flight chan struct{}
	// gone is the id of the open session once a write found it deleted.
	gone string
	// lost says what was refused for good, for the status line and the
	// message at the end.
	lost []string
	// loc is the language of what it says: the open session's.
	loc *i18n.Locale
}

// l is the language the saver speaks; English before a session opens.
func (s *saver) l() *i18n.Locale {
	if s.loc == nil {
		return i18n.For(i18n.Default)
	}
	return s.loc
}

// add queues op. A cursor move or a plan replaces one of its kind for the
// same session queued just before it that is not being written yet: only
// the latest counts (a replaced plan's starting point is kept).
func (s *saver) add(op saveOp) {
	if len(s.queue) > s.inFlight {
		last := &s.queue[len(s.queue)-1]
		switch {
		case last.id != op.id:
		case op.cursorOnly() && last.cursorOnly():
			*last = op
			return
		case op.c.SetPlan && last.c.SetPlan && !last.c.SetValue && !last.c.SetNote && !last.c.Complete &&
			!op.c.SetValue && !op.c.SetNote && !op.c.Complete:
			op.c.OldPlan = last.c.OldPlan
			*last = op
			return
		}
	}
	s.queue = append(s.queue, op)
}

// pending reports whether writes are waiting or under way.
func (s *saver) pending() bool { return len(s.queue) > 0 }

// rev returns the revision known for session id.
func (s *saver) rev(id string) store.Rev { return s.revs[id] }

// setRev records the revision of session id read or written.
func (s *saver) setRev(id string, r store.Rev) {
	if s.revs == nil {
		s.revs = map[string]store.Rev{}
	}
	if r != 0 {
		s.revs[id] = r
	}
}

// next returns the command writing the queue, or nil when there is nothing
// to write, a write is under way, a retry is scheduled or the session is
// gone.
func (s *saver) next(r Repo) tea.Cmd {
	if s.inFlight > 0 || s.retrying || len(s.queue) == 0 || s.gone != "" {
		return nil
	}
	ops := append([]saveOp(nil), s.queue...)
	s.inFlight = len(ops)
	revs := map[string]store.Rev{}
	for _, op := range ops {
		revs[op.id] = s.revs[op.id]
	}
	done := make(chan struct{})
	s.flight = done
	return func() tea.Msg {
		defer close(done)
		msg := writeOps(r, ops, revs)
		return msg
	}
}

// writeOps writes ops in order until one fails. When a write finds that
// the session changed elsewhere, the session is read again in the same
// goroutine, before any other write of this wizard can land, so that the
// screen shows what is stored.
func writeOps(r Repo, ops []saveOp, revs map[string]store.Rev) savedMsg {
	msg := savedMsg{revs: revs}
	reload := ""
	for i, op := range ops {
		op.c.Base = revs[op.id]
		res, err := r.Apply(op.id, op.c)
		if err != nil {
			msg.n, msg.err = i, err
			if errors.Is(err, store.ErrConflict) {
				reload = op.id
			}
			break
		}
		revs[op.id] = res.Rev
		if res.Moved {
			reload, msg.moved = op.id, true
		}
		msg.n = i + 1
	}
	if reload != "" {
		if fresh, rev, err := r.GetRev(reload); err == nil {
			msg.fresh, revs[reload] = fresh, rev
		}
	}
	return msg
}

// done takes in the outcome of a write.
func (s *saver) done(msg savedMsg) {
	n := min(msg.n, len(s.queue))
	s.queue = s.queue[n:]
	s.inFlight = 0
	s.err = msg.err
	s.flight = nil
	for id, r := range msg.revs {
		s.setRev(id, r)
	}
	if n > 0 {
		s.saved = true
	}
	if msg.err == nil || len(s.queue) == 0 {
		return
	}
	head := s.queue[0]
	switch {
	case errors.Is(msg.err, store.ErrNotFound):
		s.gone = head.id
	case permanent(msg.err):
		s.lost = append(s.lost, s.l().T("tui.save.lost", "What", head.what(s.l()), "Reason", present.Error(s.l(), msg.err)))
		s.queue = s.queue[1:]
	}
}

// permanent reports whether a write failed for a reason that trying again
// cannot mend.
func permanent(err error) bool {
	return errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrInvalid)
}

// flushNow writes the queue synchronously, trying up to tries times with
// wait in between; Run uses it for what is left when the program ends.
// Writes refused for good are dropped into lost; it returns an error
// saying what was not saved.
func (s *saver) flushNow(r Repo, tries int, wait time.Duration) error {
	for t := 0; len(s.queue) > 0 && s.gone == ""; t++ {
		for len(s.queue) > 0 {
			op := s.queue[0]
			op.c.Base = s.revs[op.id]
			res, err := r.Apply(op.id, op.c)
			if err != nil {
				s.err = err
				if errors.Is(err, store.ErrNotFound) {
					s.gone = op.id
					break
				}
				if permanent(err) {
					s.lost = append(s.lost, s.l().T("tui.save.lost", "What", op.what(s.l()), "Reason", present.Error(s.l(), err)))
					s.queue = s.queue[1:]
					continue
				}
				break
			}
			s.setRev(op.id, res.Rev)
			s.queue = s.queue[1:]
			s.err = nil
		}
		if len(s.queue) == 0 || s.gone != "" {
			break
		}
		if t+1 >= tries {
			return fmt.Errorf("%s: %w", s.l().T("tui.save.not_saved", "What", unsaved(s.l(), s.queue)), s.err)
		}
		time.Sleep(wait)
	}
	if s.gone != "" {
		return &GoneError{ID: s.gone, Unsaved: unsaved(s.l(), s.queue), Lang: s.l().Lang()}
	}
	if len(s.lost) > 0 {
		return errors.New(s.l().T("tui.save.lost_list", "List", joinAnd(s.l(), s.lost)))
	}
	return nil
}

// GoneError says that the open session was deleted (by another
// servicecheck) while the wizard had it open, and what was not saved.
type GoneError struct {
	ID      string
	Unsaved string // "2 answers", "" when nothing was waiting
	Lang    string // the language Error speaks; "" is English
}

func (e *GoneError) Error() string {
	l := i18n.For(e.Lang)
	if e.Unsaved == "" {
		return l.T("tui.save.gone", "ID", e.ID)
	}
	return l.T("tui.save.gone_unsaved", "ID", e.ID, "What", e.Unsaved)
}

// Unwrap makes a GoneError match store.ErrNotFound.
func (e *GoneError) Unwrap() error { return store.ErrNotFound }

// unsaved says in l what ops would have saved: "2 answers", "the plan",
// "1 answer and the plan", "2 answers and the completion"; "" for nothing.
func unsaved(l *i18n.Locale, ops []saveOp) string {
	n, notes, plan, complete := 0, 0, false, false
	for _, op := range ops {
		switch {
		case op.c.SetValue:
			n++
		case op.c.SetNote:
			notes++
		}
		plan = plan || op.c.SetPlan
		complete = complete || op.c.Complete
	}
	var parts []string
	if n > 0 {
		parts = append(parts, l.N("tui.save.answers", n))
	}
	if notes > 0 {
		parts = append(parts, l.N("tui.save.notes", notes))
	}
	if plan {
		parts = append(parts, l.T("tui.save.what.plan"))
	}
	if complete {
		parts = append(parts, l.T("tui.save.what.completion"))
	}
	return joinAnd(l, parts)
}

// joinAnd joins "a", "b", "c" as "a, b and c" in l.
func joinAnd(l *i18n.Locale, parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return l.T("tui.save.and", "A", strings.Join(parts[:len(parts)-1], ", "), "B", parts[len(parts)-1])
}

// flush starts writing the queue if it can.
func (m *Model) flush() tea.Cmd {
	return m.saver.next(m.opts.Repo)
}

// queue adds a change to the open session to the saver.
func (m *Model) queue(c store.Change) {
	m.logLocal(c)
	m.saver.add(saveOp{id: m.sess.ID, c: c})
}

// saved takes in a write's outcome: on a passing failure it schedules a
// retry, on success it writes what was queued meanwhile, and it ends the
// app when the user asked to quit. A session changed elsewhere is shown
// as stored; one deleted elsewhere stops the walk.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	lost := len(m.saver.lost)
	m.saver.done(msg)
	if msg.fresh != nil {
		m.refresh(msg.fresh)
	}
	switch {
	case len(m.saver.lost) > lost:
		// The session is shown as stored (refresh above).
		m.notice = m.loc().T("tui.save.notice_lost", "What", m.saver.lost[len(m.saver.lost)-1])
	case msg.moved:
		m.notice = m.loc().T("tui.save.moved")
	}
	if m.saver.gone != "" && m.sess != nil && m.saver.gone == m.sess.ID {
		m.notice = m.loc().T("tui.gone.notice")
	}
	if m.quitting {
		return tea.Quit
	}
	if msg.err != nil && !permanent(msg.err) && m.saver.gone == "" {
		m.saver.retrying = true
		return tea.Tick(m.opts.RetryDelay, func(time.Time) tea.Msg { return retrySaveMsg{} })
	}
	return m.flush()
}

// refresh shows fresh, the open session as stored, with the changes still
// queued laid over it, keeping the question on show.
func (m *Model) refresh(fresh *checklist.Session) {
	if m.sess == nil || fresh.ID != m.sess.ID {
		return
	}
	if fresh.Answers == nil {
		fresh.Answers = map[string]checklist.Answer{}
	}
	cleanSession(fresh)
	for _, op := range m.saver.queue {
		if op.id == fresh.ID {
			_ = op.c.ApplyTo(fresh, m.now())
		}
	}
	*m.sess = *fresh
	if !m.q.editing {
		m.goTo(m.q.idx) // the highlight follows the stored answer
	}
	if m.screen == scrResults {
		m.res.render(m)
	}
}

// saveMark is the header's quiet word on saving.
func (m Model) saveMark() string {
	switch {
	case m.screen == scrSettle:
		// Decisions and the consensus are not the saver's.
		return m.settleMark()
	case m.screen == scrTeam && (m.decisions.pending() || m.decisions.err != nil || m.decisions.refused):
		// Left the consensus step with a decision still being written.
		return m.settleMark()
	case m.saver.gone != "":
		return m.st.warn.Render(m.loc().T("tui.header.deleted"))
	case m.saver.err != nil && !permanent(m.saver.err):
		return m.st.warn.Render(m.loc().T("tui.header.not_saved"))
	case m.saver.pending():
		return m.st.status.Render(m.loc().T("tui.header.saving"))
	case len(m.saver.lost) > 0 && m.saver.err != nil:
		return m.st.warn.Render(m.loc().T("tui.header.not_saved"))
	case m.saver.saved:
		return m.st.saved.Render(m.loc().T("tui.header.saved"))
	}
	return ""
}
