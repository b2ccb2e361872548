package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// questionState is the walk through the open session: which question is on
// show, which choice is highlighted and the note being written.
type questionState struct {
	idx     int
	choice  int
	editing bool
	note    textarea.Model
}

func newQuestionState() questionState {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	// A note may be long (minutes pasted in), within what the store keeps
	// even when every character takes four bytes.
	ta.CharLimit = store.MaxNote / 4
	// enter saves the note; a new line inside a note is alt+enter.
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	q := questionState{note: ta}
	q.setDark(true)
	return q
}

func (q *questionState) setDark(isDark bool) {
	s := textarea.DefaultStyles(isDark)
	s.Cursor.Blink = false // a steady cursor: no timer, stable frames
	q.note.SetStyles(s)
}

func (q *questionState) resize(w, h int) {
	q.note.SetWidth(max(10, w))
	if h >= 18 {
		q.note.SetHeight(3)
	} else {
		q.note.SetHeight(1)
	}
}

func (q *questionState) updateNote(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	q.note, cmd = q.note.Update(msg)
	return cmd
}

// open makes s the open session and shows it where it was left: its
// results when completed, else the question at its cursor, else the first
// question without an answer.
func (m *Model) open(s *checklist.Session, p *checklist.Pack) {
	if s.Answers == nil {
		s.Answers = map[string]checklist.Answer{}
	}
	// The saver is kept: writes still queued for the session shown before
	// carry its id and go through all the same.
	m.sess, m.pack, m.qs = s, p, p.Questions()
	m.res = resultsState{view: m.res.view}
	m.q.editing = false
	at := 0
	for i, q := range m.qs {
		if q.ID == s.Cursor {
			at = i
			break
		}
	}
	if s.Cursor == "" {
		if open := s.Next(m.qs, -1); open >= 0 {
			at = open
		}
	}
	m.goTo(at)
	if s.Status == checklist.Completed {
		m.showResults()
		return
	}
	m.show(scrQuestion)
}

// current is the question on show.
func (m Model) current() (checklist.Question, bool) {
	if m.q.idx < 0 || m.q.idx >= len(m.qs) {
		return checklist.Question{}, false
	}
	return m.qs[m.q.idx], true
}

// goTo shows question i with its answer highlighted.
func (m *Model) goTo(i int) {
	if len(m.qs) == 0 {
		return
	}
	i = max(0, min(len(m.qs)-1, i))
	m.q.idx = i
	q := m.qs[i]
	m.q.choice = max(0, present.ChoiceIndex(q.Kind, m.sess.Answers[q.ID].Value))
}

func (m *Model) questionKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.q.editing {
		switch {
		case key.Matches(msg, k.SaveNote):
			return m.saveNote()
		case key.Matches(msg, k.CancelNote):
			m.q.editing = false
			m.q.note.Blur()
			return nil
		}
		return m.q.updateNote(msg)
	}
	q, ok := m.current()
	if !ok {
		return nil
	}
	choices := present.Choices(m.loc(), q.Kind)
	switch {
	case key.Matches(msg, k.Home):
		return m.goHome()
	case key.Matches(msg, k.Up):
		m.q.choice = (m.q.choice + len(choices) - 1) % len(choices)
	case key.Matches(msg, k.Down):
		m.q.choice = (m.q.choice + 1) % len(choices)
	case key.Matches(msg, k.Choose):
		return m.answer(choices[m.q.choice].Value)
	case key.Matches(msg, k.Back):
		if m.q.idx == 0 {
			m.notice = m.loc().T("tui.question.first")
			return nil
		}
		return m.move(m.q.idx - 1)
	case key.Matches(msg, k.Next):
		if m.q.idx == len(m.qs)-1 {
			return m.showResults()
		}
		return m.move(m.q.idx + 1)
	case key.Matches(msg, k.PrevPart):
		return m.move(m.partStart(m.q.idx, -1))
	case key.Matches(msg, k.NextPart):
		return m.move(m.partStart(m.q.idx, +1))
	case key.Matches(msg, k.Note):
		return m.startNote()
	case key.Matches(msg, k.ShowResults):
		return m.showResults()
	default:
		// Each language has its own answer keys (s/p/n/a in Italian); 0
		// is N/A in all of them, next to the ratings' 1-5.
		s := msg.String()
		for _, c := range choices {
			if s == c.Key || (s == "0" && c.Value == checklist.NA) {
				return m.answer(c.Value)
			}
		}
	}
	return nil
}

// partStart finds the first question of the section or area before (dir
// -1) or after (+1) the one question i is in; going back from inside a
// part goes to the part's own start.
func (m Model) partStart(i, dir int) int {
	part := func(j int) [2]int { return [2]int{m.qs[j].Section, m.qs[j].Area} }
	start := i
	for start > 0 && part(start-1) == part(i) {
		start--
	}
	if dir < 0 {
		if start < i {
			return start
		}
		if start == 0 {
			return 0
		}
		j := start - 1
		for j > 0 && part(j-1) == part(start-1) {
			j--
		}
		return j
	}
	j := i
	for j < len(m.qs) && part(j) == part(i) {
		j++
	}
	return min(j, len(m.qs)-1)
}

// move shows question i and saves the position.
func (m *Model) move(i int) tea.Cmd {
	m.goTo(i)
	m.saver.add(saveOp{kind: opCursor, id: m.sess.ID, cursor: m.qs[m.q.idx].ID})
	return m.flush()
}

// answer records v for the question on show and moves on: to the next
// question, to the first one still open after the last, or to the results
// once every question has an answer.
func (m *Model) answer(v checklist.Value) tea.Cmd {
	q, _ := m.current()
	a := m.sess.Answers[q.ID]
	a.Value, a.At = v, m.now()
	m.sess.Answers[q.ID] = a
	open := m.sess.Next(m.qs, -1)
	if open < 0 && m.sess.Status != checklist.Completed {
		m.saver.add(saveOp{kind: opRecord, id: m.sess.ID, qid: q.ID, ans: a, cursor: q.ID})
		return tea.Batch(m.finish(), m.flush())
	}
	next := m.q.idx + 1
	if next >= len(m.qs) {
		if open < 0 {
			m.saver.add(saveOp{kind: opRecord, id: m.sess.ID, qid: q.ID, ans: a, cursor: q.ID})
			return tea.Batch(m.flush(), m.showResults())
		}
		next = open
		n := len(m.sess.Unanswered(m.pack))
		m.notice = m.loc().N("tui.question.still_open", n)
	}
	m.goTo(next)
	m.saver.add(saveOp{kind: opRecord, id: m.sess.ID, qid: q.ID, ans: a, cursor: m.qs[next].ID})
	return m.flush()
}

// finish marks the open session completed and shows its results.
func (m *Model) finish() tea.Cmd {
	m.sess.Status = checklist.Completed
	m.sess.CompletedAt = m.now()
	m.saver.add(saveOp{kind: opComplete, id: m.sess.ID})
	m.notice = m.loc().T("tui.question.complete")
	return m.showResults()
}

func (m *Model) startNote() tea.Cmd {
	q, ok := m.current()
	if !ok {
		return nil
	}
	m.q.editing = true
	m.q.note.Placeholder = m.loc().T("tui.question.note_placeholder")
	m.q.note.SetValue(m.sess.Answers[q.ID].Note)
	m.q.note.MoveToEnd()
	return m.q.note.Focus()
}

// saveNote keeps the note with the question's answer, given or not.
func (m *Model) saveNote() tea.Cmd {
	m.q.editing = false
	m.q.note.Blur()
	q, _ := m.current()
	note := strings.TrimSpace(m.q.note.Value())
	a, had := m.sess.Answers[q.ID]
	if note == a.Note {
		return nil
	}
	a.Note = note
	if !had || a.At.IsZero() {
		a.At = m.now()
	}
	m.sess.Answers[q.ID] = a
	m.saver.add(saveOp{kind: opRecord, id: m.sess.ID, qid: q.ID, ans: a, cursor: q.ID})
	return m.flush()
}
