package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// lastTimeLine is last time's answer to q and its note, quietly, from the
// client's previous completed session (audit.Previous, loaded with the
// session as m.res.prev): "Last time: Partly · only on weekdays". No line
// when there is no previous session or it did not answer q.
func (m Model) lastTimeLine(q checklist.Question, w int) []string {
	prev := m.res.prev
	if prev == nil || m.sess == nil || prev.ID == m.sess.ID {
		return nil
	}
	a, ok := prev.Answers[q.ID]
	if !ok || (a.Value == "" && a.Note == "") {
		return nil
	}
	l := m.loc()
	word := results.WordsOf(l).Answer(a.Value)
	if _, rated := a.Value.Rating(); rated {
		word = l.T("answer.rating." + string(a.Value))
	}
	line := l.T("session.last_time", "Answer", word)
	if note := strings.Join(strings.Fields(a.Note), " "); note != "" {
		line = l.T("session.last_time_note", "Answer", word, "Note", note)
	}
	return []string{m.st.muted.Render(ansi.Truncate(line, max(1, w), "…"))}
}
