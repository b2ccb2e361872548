package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// settleView draws the consensus step: one disputed item with each
// respondent's answer and note and the answers to settle on, or the
// closing page. It takes the first layout that fits, from roomy to tight.
func (m Model) settleView(w, h int) []string {
	q, ok := m.settleQuestion()
	if !ok {
		return m.settleEndView(w, h)
	}
	var lines []string
	for _, tight := range []int{0, 1, 2} {
		lines = m.settleLines(q, w, h, tight)
		if len(lines) <= h {
			break
		}
	}
	return lines
}

// settleLines lays item q out; tight 1 drops the blank lines, 2 also puts
// the answers on one line.
func (m Model) settleLines(q team.Question, w, h, tight int) []string {
	l, s, a := m.loc(), &m.settle, m.team.audit
	var out []string
	blank := func() {
		if tight == 0 {
			out = append(out, "")
		}
	}
	out = append(out, m.st.title.Render(ansi.Truncate(l.T("teamtui.settle.title", "N", l.Int(s.idx+1), "Total", l.Int(len(s.ids))), w, "…")))
	out = append(out, m.st.warn.Render(ansi.Truncate(l.T("teamtui.settle.honest"), w, "…")))
	blank()
	var pq checklist.Question
	for _, x := range m.team.pack.Questions() {
		if x.ID == q.ID {
			pq = x
		}
	}
	if title, _ := present.WhereParts(l, m.team.pack, pq); title != "" {
		out = append(out, m.st.muted.Render(ansi.Truncate(termtext.Line(title), w, "…")))
	}
	out = append(out, styleLines(m.st.question, wrap(termtext.Line(pq.Text), w))...)
	blank()

	// Who answered what, with their notes, in columns.
	names := make([]string, len(q.Given))
	labels := make([]string, len(q.Given))
	nw, lw := 0, 0
	for i, g := range q.Given {
		names[i] = ansi.Truncate(l.T("team.show.respondent", "Name", teamtext.Name(l, a, g.Respondent),
			"Role", teamtext.RoleWord(l, a.Respondents[g.Respondent].Role)), max(10, w/3), "…")
		labels[i] = present.AnswerLabel(l, q.Kind, g.Value)
		nw, lw = max(nw, lipgloss.Width(names[i])), max(lw, lipgloss.Width(labels[i]))
	}
	for i, g := range q.Given {
		line := "  " + m.st.text.Render(pad(names[i], nw)) + "  " + m.st.heading.Render(pad(labels[i], lw))
		if n := flat(termtext.Line(g.Note)); n != "" {
			line += m.st.muted.Render("  “" + n + "”")
		}
		out = append(out, ansi.Truncate(line, w, "…"))
	}
	out = append(out, m.st.muted.Render(ansi.Truncate("  "+teamtext.QuestionStats(l, q.Kind, q.Stats, q.NA), w, "…")))
	blank()

	proposed, _ := team.Proposed(q)
	out = append(out, m.st.heading.Render(ansi.Truncate(l.T("teamtui.settle.settle_on",
		"Proposed", present.AnswerLabel(l, q.Kind, proposed)), w, "…")))
	chosen := s.chosen(q)
	if tight < 2 {
		out = append(out, m.settleChoices(q, chosen)...)
	} else {
		out = append(out, m.settleChoicesCompact(q, chosen))
	}
	blank()
	out = append(out, m.settleNoteLines(q, w, tight == 0)...)
	return out
}

// settleChoices lists the answers as the question screen does, with the
// settled one marked and the highlighted one under the cursor.
func (m Model) settleChoices(q team.Question, chosen checklist.Value) []string {
	return m.choiceLines(present.Choices(m.loc(), q.Kind), chosen, m.settle.choice)
}

func (m Model) settleChoicesCompact(q team.Question, chosen checklist.Value) string {
	var b strings.Builder
	for i, c := range present.Choices(m.loc(), q.Kind) {
		mark := "( )"
		if c.Value == chosen {
			mark = m.st.chosen.Render("(•)")
		}
		if i > 0 {
			b.WriteString(" ")
		}
		if i == m.settle.choice {
			b.WriteString(m.st.cursor.Render("›") + mark + m.st.selected.Render(c.Label))
		} else {
			b.WriteString(" " + mark + m.st.text.Render(c.Label))
		}
	}
	return b.String()
}

func (m Model) settleNoteLines(q team.Question, w int, roomy bool) []string {
	l := m.loc()
	if m.settle.editing {
		return append([]string{m.st.heading.Render(l.T("tui.question.note"))}, strings.Split(m.settle.note.View(), "\n")...)
	}
	note := m.settle.decided[q.ID].Note
	if note == "" && roomy {
		return styleLines(m.st.muted, wrap(l.T("teamtui.settle.note_add"), w))
	}
	if note == "" {
		return []string{m.st.muted.Render(ansi.Truncate(l.T("teamtui.settle.note_add"), w, "…"))}
	}
	head := l.T("tui.question.note") + " "
	return []string{m.st.heading.Render(head) + m.st.text.Render(ansi.Truncate(flat(note), max(1, w-lipgloss.Width(head)), "…"))}
}

// settleEndView is the closing page: what will be stored, then, once it
// is, that it was and what to do next.
func (m Model) settleEndView(w, h int) []string {
	l, s := m.loc(), &m.settle
	out := []string{m.st.title.Render(ansi.Truncate(l.T("teamtui.settle.end_title"), w, "…")), ""}
	text := func(st lipgloss.Style, str string) { out = append(out, styleLines(st, wrap(str, w))...) }
	switch {
	case s.saved != nil:
		text(m.st.saved, l.T("teamtui.settle.saved", "ID", s.saved.ID))
		out = append(out, "")
		text(m.st.text, l.T("teamtui.settle.saved_next"))
		return out
	case s.saving:
		text(m.st.muted, l.T("teamtui.settle.saving"))
		return out
	}
	if len(s.ids) == 0 {
		text(m.st.text, l.T("teamtui.settle.none_open"))
	} else {
		text(m.st.text, l.N("teamtui.settle.settled", m.settledCount()))
	}
	out = append(out, "")
	texts := map[string]string{}
	for _, q := range m.team.pack.Questions() {
		texts[q.ID] = q.Text
	}
	// The settled items, as many as fit above the closing lines.
	room := max(0, h-len(out)-6)
	for i, id := range s.ids {
		if i == room && len(s.ids) > room {
			out = append(out, m.st.muted.Render("  …"))
			break
		}
		v := present.AnswerLabel(l, checklist.KindItem, s.chosen(team.Question{ID: id, Kind: checklist.KindItem}))
		line := "  " + m.st.heading.Render(pad(v, 8)) + " " + m.st.text.Render(termtext.Line(texts[id]))
		out = append(out, ansi.Truncate(line, w, "…"))
	}
	if len(s.ids) > 0 {
		out = append(out, "")
	}
	// Questions nobody answered have no consensus: the session says so as
	// any incomplete one does, and so does this page, before it is stored.
	if n := unanswered(m.team.res); n > 0 {
		text(m.st.warn, l.N("teamtui.settle.unanswered", n))
	}
	if m.team.consensus != nil {
		text(m.st.muted, l.T("teamtui.settle.replaces", "ID", m.team.consensus.ID))
	} else {
		text(m.st.muted, l.T("teamtui.settle.will_store", "Client", m.team.audit.Client))
	}
	text(m.st.heading, l.T("teamtui.settle.enter_saves"))
	return out
}

// settledCount counts the disputed items settled.
func (m Model) settledCount() int {
	n := 0
	for _, id := range m.settle.ids {
		if m.settle.chosen(team.Question{ID: id, Kind: checklist.KindItem}) != "" {
			n++
		}
	}
	return n
}
