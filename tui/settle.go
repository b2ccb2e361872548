package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// settleState is the consensus step of a team audit: a walk through the
// checklist items the respondents disagree on (team.Open), where the
// consultant settles each, and then stores the consensus as the audit's
// result (store.Store.SaveConsensus). Each decision, an answer chosen or a
// note confirmed, is stored as it is made (team.Audit.Settled, written by
// the decisionSaver), so leaving the step, or the program, loses nothing:
// the step starts again from the stored decisions.
type settleState struct {
	auditID string
	ids     []string // the items to settle, in team.Open order
	idx     int      // position in ids; len(ids) is the closing page
	choice  int      // the highlighted answer
	// decided is the audit's decisions (team.Audit.Settled), the ones
	// still being written included; it is the audit's own map.
	decided map[string]team.Settled
	editing bool
	note    textarea.Model
	saving  bool
	// storeNext asks for the consensus to be stored once the decisions
	// queued before it are written.
	storeNext bool
	saved     *checklist.Session // the consensus, once stored
}

// consensusSavedMsg says whether the consensus of an audit was stored.
type consensusSavedMsg struct {
	auditID string
	sess    *checklist.Session
	err     error
}

// chosen returns the answer settled on question id, "" when none is.
func (s *settleState) chosen(q team.Question) checklist.Value {
	if v := s.decided[q.ID].Value; v.ValidFor(q.Kind) {
		return v
	}
	return ""
}

// startSettle opens the consensus step of the team audit on show, from
// its stored decisions and those still being written: where it was left
// when it was left unfinished in this run, else from the first disputed
// item.
func (m *Model) startSettle() tea.Cmd {
	a := m.team.audit
	if m.team.res.Answered == 0 || m.team.pack == nil {
		m.notice = m.loc().T("teamtui.settle.nothing")
		return nil
	}
	idx := 0
	if m.settle.auditID == a.ID && m.settle.saved == nil {
		idx = m.settle.idx
	}
	if a.Settled == nil {
		a.Settled = map[string]team.Settled{}
		// An audit settled before decisions were kept: the consultant's
		// notes are read back from its consensus.
		for id, n := range keptNotes(m.team.res, m.team.consensus, m.noteLabel()) {
			a.Settled[id] = team.Settled{Note: n}
		}
	}
	for _, w := range m.decisions.queue {
		if w.audit != a.ID {
			continue
		}
		if w.d == nil {
			delete(a.Settled, w.qid)
		} else {
			a.Settled[w.qid] = *w.d
		}
	}
	m.settle = settleState{auditID: a.ID, ids: team.Open(m.team.res, nil), note: m.settle.note, decided: a.Settled, idx: idx}
	if !m.decisions.pending() {
		m.decisions.saved, m.decisions.refused = false, false
	}
	m.show(scrSettle)
	m.settleGoTo(m.settle.idx)
	return nil
}

// settleQuestion returns the combined answers to the item on show.
func (m Model) settleQuestion() (team.Question, bool) {
	s := &m.settle
	if s.idx < 0 || s.idx >= len(s.ids) {
		return team.Question{}, false
	}
	for _, q := range m.team.res.Questions {
		if q.ID == s.ids[s.idx] {
			return q, true
		}
	}
	return team.Question{}, false
}

// settleGoTo shows item i (or the closing page) with its answer
// highlighted: the one chosen, else the stored consensus's, else the
// proposed one (team.Proposed).
func (m *Model) settleGoTo(i int) {
	s := &m.settle
	s.idx = max(0, min(len(s.ids), i))
	q, ok := m.settleQuestion()
	if !ok {
		return
	}
	s.choice = max(0, present.ChoiceIndex(q.Kind, m.settleStart(q)))
}

// settleStart is the answer the item starts from.
func (m Model) settleStart(q team.Question) checklist.Value {
	if v := m.settle.chosen(q); v != "" {
		return v
	}
	if c := m.team.consensus; c != nil {
		if a, ok := c.Answers[q.ID]; ok && a.Value.ValidFor(q.Kind) {
			return a.Value
		}
	}
	v, _ := team.Proposed(q)
	return v
}

func (m *Model) settleKey(msg tea.KeyPressMsg) tea.Cmd {
	s, k := &m.settle, m.keys
	if s.editing {
		switch {
		case key.Matches(msg, k.SaveNote):
			s.editing = false
			s.note.Blur()
			m.keepSettleNote()
			return m.flushDecisions()
		case key.Matches(msg, k.CancelNote):
			s.editing = false
			s.note.Blur()
		default:
			var cmd tea.Cmd
			s.note, cmd = s.note.Update(msg)
			return cmd
		}
		return nil
	}
	if s.saving {
		return nil
	}
	if s.saved != nil {
		switch {
		case key.Matches(msg, k.Leave):
			return m.openTeam(s.auditID)
		case key.Matches(msg, k.Select), key.Matches(msg, k.ShowResults):
			return m.loadSession(s.saved.ID)
		}
		return nil
	}
	if key.Matches(msg, k.Leave) {
		m.show(scrTeam)
		m.team.render(m)
		if len(s.decided) > 0 {
			m.notice = m.loc().T("teamtui.settle.kept")
		}
		return nil
	}
	q, onItem := m.settleQuestion()
	if !onItem {
		// The closing page.
		switch {
		case key.Matches(msg, k.Back):
			if len(s.ids) > 0 {
				m.settleGoTo(len(s.ids) - 1)
			}
		case key.Matches(msg, k.Choose):
			return m.saveConsensus()
		}
		return nil
	}
	choices := present.Choices(m.loc(), q.Kind)
	switch {
	case key.Matches(msg, k.Up):
		s.choice = (s.choice + len(choices) - 1) % len(choices)
	case key.Matches(msg, k.Down):
		s.choice = (s.choice + 1) % len(choices)
	case key.Matches(msg, k.Choose):
		return m.settleOn(q, choices[s.choice].Value)
	case key.Matches(msg, k.Back):
		if s.idx == 0 {
			m.notice = m.loc().T("tui.question.first")
			return nil
		}
		m.settleGoTo(s.idx - 1)
	case key.Matches(msg, k.Next):
		if s.chosen(q) == "" {
			m.notice = m.loc().T("teamtui.settle.choose_first")
			return nil
		}
		m.settleGoTo(s.idx + 1)
	case key.Matches(msg, k.Note):
		s.editing = true
		s.note.Placeholder = m.loc().T("teamtui.settle.note_placeholder")
		s.note.SetValue(s.decided[q.ID].Note)
		s.note.MoveToEnd()
		return s.note.Focus()
	default:
		// The question screen's answer keys: the language's own, and 0
		// for N/A in every language.
		str := msg.String()
		for _, c := range choices {
			if str == c.Key || (str == "0" && c.Value == checklist.NA) {
				return m.settleOn(q, c.Value)
			}
		}
	}
	return nil
}

// settleOn settles the item on show on v, storing the decision with its
// note, and moves on.
func (m *Model) settleOn(q team.Question, v checklist.Value) tea.Cmd {
	d := m.settle.decided[q.ID]
	d.Value = v
	m.decide(q.ID, d)
	m.settleGoTo(m.settle.idx + 1)
	return m.flushDecisions()
}

// keepSettleNote queues the note in the editor, when it changed, as the
// note of the decision on the item on show, beside the answer chosen: on
// enter, and as a draft when the app ends with the note open (q, ctrl+c,
// a signal; see keepDrafts). An item not settled yet gets the note alone,
// which settles nothing: no answer is stored that the consultant did not
// choose.
func (m *Model) keepSettleNote() {
	q, ok := m.settleQuestion()
	if !ok {
		return
	}
	note, cut := fitNote(strings.TrimSpace(m.settle.note.Value()))
	if cut {
		m.notice = m.loc().T("tui.question.note_cut")
	}
	d := m.settle.decided[q.ID]
	d.Note = note
	m.decide(q.ID, d)
}

// saveConsensus stores the consensus once the decisions still being
// written are in the file, so that it is made of stored decisions only.
func (m *Model) saveConsensus() tea.Cmd {
	m.settle.saving = true
	if m.decisions.pending() {
		m.settle.storeNext = true
		return m.flushDecisions()
	}
	return m.saveConsensusNow()
}

// saveConsensusNow stores the consensus: the settled items with the
// consultant's notes (else the respondents'), every other question its
// proposed answer. The wizard's assessor is the consultant; the audit date
// is today. The first time it makes a completed session; later it updates
// that one, each change in its edit log.
func (m *Model) saveConsensusNow() tea.Cmd {
	s, t := &m.settle, &m.team
	answers := team.Consensus(t.res, s.decided, m.noteLabel())
	base := &checklist.Session{Assessor: m.opts.Assessor, Pack: t.pack.Ref(), AuditDate: checklist.AuditDateOf(m.now())}
	s.saving = true
	r, id := m.teamRepo(), t.audit.ID
	return func() tea.Msg {
		sess, err := r.SaveConsensus(id, base, answers)
		if err != nil {
			return consensusSavedMsg{auditID: id, err: fmt.Errorf("save the consensus of team audit %s: %w", id, err)}
		}
		return consensusSavedMsg{auditID: id, sess: sess}
	}
}

func (m *Model) consensusSaved(msg consensusSavedMsg) {
	if msg.auditID != m.settle.auditID {
		return
	}
	m.settle.saving = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.settle.saved = msg.sess
	if m.team.audit != nil && m.team.audit.ID == msg.auditID {
		m.team.audit.Consensus = msg.sess.ID
		m.team.consensus = msg.sess
	}
}

// settleMark is the header's mark on the consensus step, as the question
// screen's: "saved" only once the decisions (or the consensus) are in the
// file.
func (m Model) settleMark() string {
	l, d := m.loc(), &m.decisions
	switch s := &m.settle; {
	case s.saved != nil:
		return m.st.saved.Render(l.T("tui.header.saved"))
	case d.err != nil && !refusedForGood(d.err), d.refused:
		return m.st.warn.Render(l.T("tui.header.not_saved"))
	case s.saving, d.pending():
		return m.st.status.Render(l.T("tui.header.saving"))
	case d.saved:
		return m.st.saved.Render(l.T("tui.header.saved"))
	}
	return ""
}

// unanswered counts the questions of r nobody answered: the consensus has
// no answer for them (team.Consensus leaves them out).
func unanswered(r team.Result) int {
	n := 0
	for _, q := range r.Questions {
		if _, ok := team.Proposed(q); !ok {
			n++
		}
	}
	return n
}

// noteLabel names respondent i in the consensus's notes as the audit's
// naming shows them.
func (m Model) noteLabel() func(int) string {
	l, a := m.teamLoc(), m.team.audit
	return func(i int) string { return teamtext.Name(l, a, i) }
}

// keptNotes are the consultant's notes of a stored consensus c on the
// disputed items, so that settling again keeps them: a note that is not
// the respondents' notes gathered (team.Consensus's own) was written on
// the consensus step.
func keptNotes(r team.Result, c *checklist.Session, label func(int) string) map[string]string {
	out := map[string]string{}
	if c == nil {
		return out
	}
	gathered := team.Consensus(r, nil, label)
	for _, id := range team.Open(r, nil) {
		if n := c.Answers[id].Note; n != "" && n != gathered[id].Note {
			out[id] = n
		}
	}
	return out
}
