package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
)

type opKind int

const (
	opRecord opKind = iota
	opCursor
	opComplete
	opPlan
)

// saveOp is one write the wizard owes the store.
type saveOp struct {
	kind   opKind
	id     string // session id
	qid    string
	ans    checklist.Answer
	cursor string
	plan   checklist.Plan
}

func (op saveOp) apply(r Repo) error {
	switch op.kind {
	case opRecord:
		return r.Record(op.id, op.qid, op.ans, op.cursor)
	case opCursor:
		return r.SetCursor(op.id, op.cursor)
	case opComplete:
		return r.Complete(op.id)
	case opPlan:
		return r.SetPlan(op.id, op.plan)
	}
	return fmt.Errorf("unknown save operation %d", op.kind)
}

// saver queues writes and sends them one batch at a time, in order, so that
// a later answer never lands before an earlier one. A failed write stays at
// the head of the queue and is retried; nothing is dropped.
type saver struct {
	queue    []saveOp
	inFlight int   // how many ops at the head of the queue are being written
	err      error // why the last write failed; nil after a success
	retrying bool  // a retry is scheduled
	saved    bool  // at least one write went through
}

// add queues op. A cursor move or a plan replaces one of its kind for the
// same session queued just before it that is not being written yet: only
// the latest counts.
func (s *saver) add(op saveOp) {
	if (op.kind == opCursor || op.kind == opPlan) && len(s.queue) > s.inFlight {
		if last := &s.queue[len(s.queue)-1]; last.kind == op.kind && last.id == op.id {
			*last = op
			return
		}
	}
	s.queue = append(s.queue, op)
}

// pending reports whether writes are waiting or under way.
func (s *saver) pending() bool { return len(s.queue) > 0 }

// next returns the command writing the queue, or nil when there is nothing
// to write, a write is under way or a retry is scheduled.
func (s *saver) next(r Repo) tea.Cmd {
	if s.inFlight > 0 || s.retrying || len(s.queue) == 0 {
		return nil
	}
	ops := append([]saveOp(nil), s.queue...)
	s.inFlight = len(ops)
	return func() tea.Msg {
		for i, op := range ops {
			if err := op.apply(r); err != nil {
				return savedMsg{n: i, err: err}
			}
		}
		return savedMsg{n: len(ops)}
	}
}

// done takes in the outcome of a write.
func (s *saver) done(msg savedMsg) {
	n := min(msg.n, len(s.queue))
	s.queue = s.queue[n:]
	s.inFlight = 0
	s.err = msg.err
	if n > 0 {
		s.saved = true
	}
}

// flushNow writes the queue synchronously, trying up to tries times with
// wait in between; Run uses it for what is left when the program ends.
func (s *saver) flushNow(r Repo, tries int, wait time.Duration) error {
	for t := 0; len(s.queue) > 0; t++ {
		for len(s.queue) > 0 {
			if err := s.queue[0].apply(r); err != nil {
				s.err = err
				break
			}
			s.queue = s.queue[1:]
			s.err = nil
		}
		if len(s.queue) == 0 {
			return nil
		}
		if t+1 >= tries {
			return fmt.Errorf("%s not saved: %w", unsaved(s.queue), s.err)
		}
		time.Sleep(wait)
	}
	return nil
}

// unsaved says what ops would have saved: "2 answers", "the plan", "1
// answer and the plan".
func unsaved(ops []saveOp) string {
	n, plan := 0, false
	for _, op := range ops {
		switch op.kind {
		case opRecord:
			n++
		case opPlan:
			plan = true
		}
	}
	switch {
	case plan && n == 0:
		return "the plan"
	case plan:
		return plural(n, "answer", "answers") + " and the plan"
	}
	return plural(n, "answer", "answers")
}

// flush starts writing the queue if it can.
func (m *Model) flush() tea.Cmd {
	return m.saver.next(m.opts.Repo)
}

// saved takes in a write's outcome: on failure it schedules a retry, on
// success it writes what was queued meanwhile, and it ends the app when the
// user asked to quit.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saver.done(msg)
	if m.quitting {
		return tea.Quit
	}
	if msg.err != nil {
		m.saver.retrying = true
		return tea.Tick(m.opts.RetryDelay, func(time.Time) tea.Msg { return retrySaveMsg{} })
	}
	return m.flush()
}

// saveMark is the header's quiet word on saving.
func (m Model) saveMark() string {
	switch {
	case m.saver.err != nil:
		return m.st.warn.Render(m.loc().T("tui.header.not_saved"))
	case m.saver.pending():
		return m.st.status.Render(m.loc().T("tui.header.saving"))
	case m.saver.saved:
		return m.st.saved.Render(m.loc().T("tui.header.saved"))
	}
	return ""
}
