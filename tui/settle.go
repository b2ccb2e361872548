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
// result (store.Store.SaveConsensus). Nothing is stored before that last
// step; the choices stay here while the program runs, so leaving the step
// and coming back finds them again.
type settleState struct {
	auditID string
	ids     []string // the items to settle, in team.Open order
	idx     int      // position in ids; len(ids) is the closing page
	choice  int      // the highlighted answer
	values  map[string]checklist.Value
	notes   map[string]string
	editing bool
	note    textarea.Model
	saving  bool
	saved   *checklist.Session // the consensus, once stored
	// touched is set by the first choice or note: from then on, leaving
	// loses something.
	touched bool
}

// consensusSavedMsg says whether the consensus of an audit was stored.
type consensusSavedMsg struct {
	auditID string
	sess    *checklist.Session
	err     error
}

// pending reports whether choices were made that are not stored yet.
func (s *settleState) pending() bool {
	return s.saved == nil && s.touched
}

// startSettle opens the consensus step of the team audit on show: where it
// was left when it was left unfinished, else from the first disputed item.
func (m *Model) startSettle() tea.Cmd {
	a := m.team.audit
	if m.team.res.Answered == 0 || m.team.pack == nil {
		m.notice = m.loc().T("teamtui.settle.nothing")
		return nil
	}
	if m.settle.auditID != a.ID || m.settle.saved != nil {
		m.settle = settleState{auditID: a.ID, ids: team.Open(m.team.res, nil), note: m.settle.note,
			values: map[string]checklist.Value{}, notes: keptNotes(m.team.res, m.team.consensus, m.noteLabel())}
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
	if v, ok := m.settle.values[q.ID]; ok {
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
			if q, ok := m.settleQuestion(); ok {
				note, cut := fitNote(strings.TrimSpace(s.note.Value()))
				if cut {
					m.notice = m.loc().T("tui.question.note_cut")
				}
				s.notes[q.ID], s.touched = note, true
			}
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
		if s.pending() {
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
		m.settleOn(q, choices[s.choice].Value)
	case key.Matches(msg, k.Back):
		if s.idx == 0 {
			m.notice = m.loc().T("tui.question.first")
			return nil
		}
		m.settleGoTo(s.idx - 1)
	case key.Matches(msg, k.Next):
		if _, ok := s.values[q.ID]; !ok {
			m.notice = m.loc().T("teamtui.settle.choose_first")
			return nil
		}
		m.settleGoTo(s.idx + 1)
	case key.Matches(msg, k.Note):
		s.editing = true
		s.note.Placeholder = m.loc().T("teamtui.settle.note_placeholder")
		s.note.SetValue(s.notes[q.ID])
		s.note.MoveToEnd()
		return s.note.Focus()
	default:
		// The question screen's answer keys: the language's own, and 0
		// for N/A in every language.
		str := msg.String()
		for _, c := range choices {
			if str == c.Key || (str == "0" && c.Value == checklist.NA) {
				m.settleOn(q, c.Value)
				return nil
			}
		}
	}
	return nil
}

// settleOn settles the item on show on v and moves on.
func (m *Model) settleOn(q team.Question, v checklist.Value) {
	m.settle.values[q.ID], m.settle.touched = v, true
	m.settleGoTo(m.settle.idx + 1)
}

// saveConsensus stores the consensus: the settled items with the
// consultant's notes (else the respondents'), every other question its
// proposed answer. The wizard's assessor is the consultant; the audit date
// is today. The first time it makes a completed session; later it updates
// that one, each change in its edit log.
func (m *Model) saveConsensus() tea.Cmd {
	s, t := &m.settle, &m.team
	settled := make(map[string]team.Settled, len(s.values))
	for id, v := range s.values {
		settled[id] = team.Settled{Value: v, Note: s.notes[id]}
	}
	answers := team.Consensus(t.res, settled, m.noteLabel())
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

// settleMark is the header's mark on the consensus step: whether what was
// chosen is stored.
func (m Model) settleMark() string {
	l := m.loc()
	switch s := &m.settle; {
	case s.saved != nil:
		return m.st.saved.Render(l.T("tui.header.saved"))
	case s.saving:
		return m.st.status.Render(l.T("tui.header.saving"))
	case s.pending():
		return m.st.warn.Render(l.T("teamtui.settle.not_stored"))
	}
	return ""
}

// askLeaveSettle asks before q ends the program with choices not stored.
func (m *Model) askLeaveSettle() {
	l := m.loc()
	m.ask = &askState{question: l.N("teamtui.settle.quit_ask", len(m.settle.values)), keys: l.T("teamtui.settle.quit_keys"),
		yes: func(m *Model) tea.Cmd { return m.quit() }}
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
