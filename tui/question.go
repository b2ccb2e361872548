package tui

import (
	"fmt"
	"maps"
	"strings"
	"unicode/utf8"

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
	// A note may be long (minutes pasted in): up to the store's 64 KiB.
	// Characters of more than one byte are counted again when the note
	// is kept (see fitNote).
	ta.CharLimit = store.MaxNote
	ta.MaxHeight = 0 // no limit on lines but the textarea's own

	// enter saves the note; a new line inside a note is alt+enter.
	ta.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	q := questionState{note: ta}
	q.setDark(true)
	return q
}

func (q *questionState) setDark(isDark bool) {
	q.note.SetStyles(noteStyles(isDark))
}

// noteStyles are the styles of a note's text area.
func noteStyles(isDark bool) textarea.Styles {
	s := textarea.DefaultStyles(isDark)
	s.Cursor.Blink = false // a steady cursor: no timer, stable frames
	return s
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
	cleanSession(s)
	m.sess, m.pack, m.qs = s, p, p.Questions()
	m.saver.loc = present.Locale(p, m.ui)
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
	if s.Status != checklist.Completed && len(m.qs) > 0 && s.Next(m.qs, -1) < 0 {
		// Every question was answered but the completion was never
		// written (a crash between the two, in an older version):
		// complete it now.
		s.Status, s.CompletedAt = checklist.Completed, m.now()
		m.queue(store.Change{Complete: true})
		m.notice = m.loc().T("tui.question.completed_now")
	}
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
	if m.gone() {
		// The session was deleted elsewhere: no answer can be saved to
		// it any more.
		switch {
		case key.Matches(msg, k.Home):
			return m.goHome()
		case msg.String() == "s":
			return m.saveAsNew()
		}
		m.notice = m.loc().T("tui.gone.notice")
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
	m.queue(store.Change{Cursor: m.qs[m.q.idx].ID})
	return m.flush()
}

// answer records v for the question on show and moves on: to the next
// question, to the first one still open after the last, or to the results
// once every question has an answer. The answer that completes the session
// is saved together with the completion.
func (m *Model) answer(v checklist.Value) tea.Cmd {
	q, _ := m.current()
	a := m.sess.Answers[q.ID]
	c := store.Change{QID: q.ID, SetValue: true, OldValue: a.Value, Value: v, At: m.now(), Cursor: q.ID}
	a.Value, a.At = v, c.At
	m.sess.Answers[q.ID] = a
	open := m.sess.Next(m.qs, -1)
	if open < 0 && m.sess.Status != checklist.Completed {
		c.Complete = true
		m.queue(c)
		return tea.Batch(m.finish(), m.flush())
	}
	next := m.q.idx + 1
	if next >= len(m.qs) {
		if open < 0 {
			m.queue(c)
			return tea.Batch(m.flush(), m.showResults())
		}
		next = open
		n := len(m.sess.Unanswered(m.pack))
		m.notice = m.loc().N("tui.question.still_open", n)
	}
	m.goTo(next)
	c.Cursor = m.qs[next].ID
	m.queue(c)
	return m.flush()
}

// finish shows the open session, completed, with its results; the caller
// has queued the completion with the last answer.
func (m *Model) finish() tea.Cmd {
	m.sess.Status = checklist.Completed
	m.sess.CompletedAt = m.now()
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
	m.keepNote()
	return m.flush()
}

// keepNote queues the note in the editor, when it changed, for the
// question on show: on enter, and as a draft when the app ends with the
// note open (q, ctrl+c, a signal). Only the note is written, never the
// answer beside it.
func (m *Model) keepNote() {
	q, ok := m.current()
	if !ok || m.gone() {
		return
	}
	note, cut := fitNote(strings.TrimSpace(m.q.note.Value()))
	if cut {
		m.notice = m.loc().T("tui.question.note_cut")
	}
	a, had := m.sess.Answers[q.ID]
	if note == a.Note {
		return
	}
	c := store.Change{QID: q.ID, SetNote: true, OldNote: a.Note, Note: note, At: m.now(), Cursor: q.ID}
	a.Note = note
	if !had || a.At.IsZero() {
		a.At = c.At
	}
	m.sess.Answers[q.ID] = a
	m.queue(c)
}

// fitNote cuts s to the store's limit on a note, at a character boundary,
// and reports whether it had to.
func fitNote(s string) (string, bool) {
	if len(s) <= store.MaxNote {
		return s, false
	}
	cut := store.MaxNote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}

// gone reports whether the open session was deleted while it was open.
func (m Model) gone() bool {
	return m.sess != nil && m.saver.gone == m.sess.ID
}

// saveAsNew stores the open session, deleted elsewhere, as a new session
// with every answer, note and plan it holds on screen, and opens it; the
// writes still owed to the deleted one are dropped.
func (m *Model) saveAsNew() tea.Cmd {
	old := *m.sess
	s := &checklist.Session{Client: old.Client, Assessor: old.Assessor, Pack: old.Pack,
		Answers: maps.Clone(old.Answers), Cursor: old.Cursor, Plan: old.Plan}
	if s.Next(m.qs, -1) < 0 && len(m.qs) > 0 {
		s.Status, s.CompletedAt = checklist.Completed, m.now()
	}
	r, p := m.opts.Repo, m.pack
	m.notice = m.loc().T("tui.gone.saving")
	return func() tea.Msg {
		err := r.Create(s)
		return savedAsNewMsg{from: old.ID, sess: s, pack: p, err: err}
	}
}

// savedAsNew opens the session saved by saveAsNew.
func (m *Model) savedAsNew(msg savedAsNewMsg) tea.Cmd {
	if msg.err != nil {
		m.err = fmt.Errorf("save as a new session: %w", msg.err)
		return nil
	}
	kept := m.saver.queue[:0]
	for _, op := range m.saver.queue {
		if op.id != msg.from {
			kept = append(kept, op)
		}
	}
	m.saver.queue, m.saver.gone, m.saver.err = kept, "", nil
	m.saver.saved = true
	idx := m.q.idx
	m.open(msg.sess, msg.pack)
	if m.screen == scrQuestion {
		m.goTo(idx)
	}
	m.notice = m.loc().T("tui.gone.saved", "ID", msg.sess.ID)
	return m.flush()
}
