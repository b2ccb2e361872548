package tui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
)

// decisionWrite is one decision of the consensus step the wizard owes the
// store (store.Store.SetSettledFrom); d nil removes the decision. base is
// the decision as the wizard read it with the audit, nil for none: what
// the store must still hold for the write to go through, unless this
// wizard wrote the question since (decisionSaver.known).
type decisionWrite struct {
	audit, qid string
	base, d    *team.Settled
}

// key names the question a write is for.
func (w decisionWrite) key() string { return w.audit + "\x00" + w.qid }

// decisionSaver writes the consensus step's decisions as they are made,
// one after the other and in order, as the saver writes a session's
// answers: a write that failed for a passing reason (the file busy) stays
// at the head of the queue and is tried again; one refused for good is
// dropped and said. What is left when the program ends, and the note
// being typed, is written by Run (flushNow).
type decisionSaver struct {
	queue    []decisionWrite
	inFlight int // how many writes at the head of the queue are being written
	// flight is closed when the batch being written is done: Run waits
	// for it before writing what is left itself.
	flight   chan struct{}
	err      error          // why the last write failed; nil after a success
	retrying bool           // a retry is scheduled
	saved    bool           // a write went through since the step was opened
	refused  bool           // the last write was refused for good
	dropped  *decisionWrite // the write refused for good, for the screen
	// known is each question's decision as this wizard last wrote it
	// (decisionWrite.key; nil: removed): a later write expects it, not
	// what the audit held when it was read.
	known map[string]*team.Settled
}

// from is what the store must hold for w to be written, after the writes
// in wrote (this batch's, not yet in known).
func (s *decisionSaver) from(w decisionWrite, wrote map[string]*team.Settled) *team.Settled {
	if d, ok := wrote[w.key()]; ok {
		return d
	}
	if d, ok := s.known[w.key()]; ok {
		return d
	}
	return w.base
}

// wrote records that w is in the file.
func (s *decisionSaver) wrote(w decisionWrite) {
	if s.known == nil {
		s.known = map[string]*team.Settled{}
	}
	s.known[w.key()] = w.d
}

// decisionsSavedMsg says how many queued decisions were written, and why
// the next was not.
type decisionsSavedMsg struct {
	n   int
	err error
}

// retryDecisionsMsg says it is time to try a failed decision again.
type retryDecisionsMsg struct{}

// add queues w. A decision on the same question queued before and not
// being written yet is replaced: only the latest counts.
func (s *decisionSaver) add(w decisionWrite) {
	for i := s.inFlight; i < len(s.queue); i++ {
		if s.queue[i].audit == w.audit && s.queue[i].qid == w.qid {
			s.queue = append(s.queue[:i], s.queue[i+1:]...)
			break
		}
	}
	s.queue = append(s.queue, w)
}

// pending reports whether decisions are waiting or being written.
func (s *decisionSaver) pending() bool { return len(s.queue) > 0 }

// next returns the command writing the queue, or nil when there is nothing
// to write, a write is under way or a retry is scheduled.
func (s *decisionSaver) next(r TeamRepo) tea.Cmd {
	if s.inFlight > 0 || s.retrying || len(s.queue) == 0 || r == nil {
		return nil
	}
	ws := append([]decisionWrite(nil), s.queue...)
	froms := make([]*team.Settled, len(ws))
	batch := map[string]*team.Settled{}
	for i, w := range ws {
		froms[i] = s.from(w, batch)
		batch[w.key()] = w.d
	}
	s.inFlight = len(ws)
	done := make(chan struct{})
	s.flight = done
	return func() tea.Msg {
		defer close(done)
		for i, w := range ws {
			if err := r.SetSettledFrom(w.audit, w.qid, froms[i], w.d); err != nil {
				return decisionsSavedMsg{n: i, err: err}
			}
		}
		return decisionsSavedMsg{n: len(ws)}
	}
}

// done takes in the outcome of a write; it returns the error of a
// decision refused for good, which is dropped from the queue.
func (s *decisionSaver) done(msg decisionsSavedMsg) error {
	n := min(msg.n, len(s.queue))
	for _, w := range s.queue[:n] {
		s.wrote(w)
	}
	s.queue = s.queue[n:]
	s.inFlight, s.flight, s.err = 0, nil, msg.err
	if n > 0 {
		s.saved, s.refused = true, false
	}
	if msg.err == nil || len(s.queue) == 0 || !refusedForGood(msg.err) {
		return nil
	}
	head := s.queue[0]
	s.queue, s.refused, s.dropped = s.queue[1:], true, &head
	return fmt.Errorf("save the decision on %s: %w", head.qid, msg.err)
}

// refusedForGood reports whether a decision failed for a reason that
// trying again cannot mend: invalid, or the audit gone.
func refusedForGood(err error) bool {
	return permanent(err) || errors.Is(err, store.ErrNotFound)
}

// flushNow writes the queue synchronously, trying up to tries times with
// wait in between; Run uses it for what is left when the program ends. It
// returns an error saying, in l, how many decisions were not saved.
func (s *decisionSaver) flushNow(r TeamRepo, l *i18n.Locale, tries int, wait time.Duration) error {
	var refused []error
	for t := 0; len(s.queue) > 0 && r != nil; t++ {
		for len(s.queue) > 0 {
			w := s.queue[0]
			if err := r.SetSettledFrom(w.audit, w.qid, s.from(w, nil), w.d); err != nil {
				s.err = err
				if refusedForGood(err) {
					refused = append(refused, fmt.Errorf("%s: %w", w.qid, err))
					s.queue = s.queue[1:]
					continue
				}
				break
			}
			s.wrote(w)
			s.queue, s.err = s.queue[1:], nil
		}
		if len(s.queue) == 0 {
			break
		}
		if t+1 >= tries {
			break
		}
		time.Sleep(wait)
	}
	if n := len(s.queue) + len(refused); n > 0 {
		cause := errors.Join(append(refused, s.err)...)
		return fmt.Errorf("%s: %w", l.N("teamtui.settle.not_saved", n), cause)
	}
	return nil
}

// flushDecisions starts writing the queued decisions if it can.
func (m *Model) flushDecisions() tea.Cmd {
	return m.decisions.next(m.teamRepo())
}

// decisionsSaved takes in a write's outcome: on a passing failure it
// schedules a retry, on success it writes what was queued meanwhile and,
// once everything is written, stores the consensus when the closing page
// asked for it; it ends the app when the user asked to quit.
func (m *Model) decisionsSaved(msg decisionsSavedMsg) tea.Cmd {
	if err := m.decisions.done(msg); err != nil {
		m.err = err
		if w := m.decisions.dropped; w != nil && w.audit == m.settle.auditID && m.settle.decided != nil {
			// The screen must not show as decided what is not in the
			// file: the question shows as it was read until the step
			// is opened again.
			if w.base != nil {
				m.settle.decided[w.qid] = *w.base
			} else {
				delete(m.settle.decided, w.qid)
			}
		}
		m.decisions.dropped = nil
		if m.settle.storeNext {
			// The consensus waits for decisions that will not come.
			m.settle.storeNext, m.settle.saving = false, false
		}
	}
	if m.quitting {
		if m.saver.inFlight > 0 {
			return nil // its outcome ends the app
		}
		return tea.Quit
	}
	if msg.err != nil && !refusedForGood(msg.err) {
		m.decisions.retrying = true
		return tea.Tick(m.opts.RetryDelay, func(time.Time) tea.Msg { return retryDecisionsMsg{} })
	}
	if !m.decisions.pending() && m.settle.storeNext {
		m.settle.storeNext = false
		return m.saveConsensusNow()
	}
	return m.flushDecisions()
}

// decide records d as the decision on question qid of the audit on show
// and queues its write (flushDecisions starts it): the screen shows it at
// once, the header says "saved" once it is in the file.
func (m *Model) decide(qid string, d team.Settled) {
	s := &m.settle
	if old, ok := s.decided[qid]; ok && old == d {
		return
	}
	w := decisionWrite{audit: s.auditID, qid: qid}
	if b, ok := m.team.read[qid]; ok && m.team.audit != nil && m.team.audit.ID == s.auditID {
		w.base = &b
	}
	if d == (team.Settled{}) {
		delete(s.decided, qid)
	} else {
		s.decided[qid] = d
		w.d = &d
	}
	m.decisions.add(w)
}
