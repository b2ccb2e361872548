package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// qLayout is one way to lay a question out; questionView takes the first
// that fits the height, from roomy to tight.
type qLayout struct {
	blanks   bool
	intro    int // lines of the section's purpose; 0 hides it
	hint     bool
	compact  bool
	progress bool
}

var qLayouts = []qLayout{
	{blanks: true, intro: 3, hint: true, progress: true},
	{intro: 3, hint: true, progress: true},
	{intro: 1, hint: true, progress: true},
	{intro: 1, progress: true},
	{intro: 1, compact: true, progress: true},
	{compact: true, progress: true},
	{compact: true},
}

func (m Model) questionView(w, h int) []string {
	var lines []string
	for _, l := range qLayouts {
		lines = m.questionLines(w, l)
		if len(lines) <= h {
			break
		}
	}
	return lines
}

func (m Model) questionLines(w int, l qLayout) []string {
	q, ok := m.current()
	if !ok {
		return nil
	}
	var out []string
	blank := func() {
		if l.blanks {
			out = append(out, "")
		}
	}
	title, counts := present.WhereParts(m.loc(), m.pack, q)
	title = ansi.Truncate(title, max(1, w-lipgloss.Width(counts)), "…")
	out = append(out, m.st.heading.Render(ansi.Truncate(title+counts, w, "…")))
	if l.progress {
		out = append(out, m.progressLine(w))
	}
	if intro := present.Intro(m.pack, q); intro != "" && l.intro > 0 {
		blank()
		il := wrap(intro, w)
		if len(il) > l.intro {
			il = il[:l.intro]
			il[len(il)-1] = ansi.Truncate(il[len(il)-1]+" …", w, "…")
		}
		out = append(out, styleLines(m.st.muted.Italic(true), il)...)
	}
	blank()
	out = append(out, styleLines(m.st.question, wrap(q.Text, w))...)
	if l.hint && q.Help != "" {
		out = append(out, styleLines(m.st.muted, wrap(q.Help, w))...)
	}
	blank()
	if l.compact {
		out = append(out, m.choicesCompact(q, w)...)
	} else {
		out = append(out, m.choicesList(q)...)
	}
	out = append(out, m.lastTimeLine(q, w)...)
	blank()
	out = append(out, m.noteLines(q, w)...)
	return out
}

// progressLine is the overall bar: "████░░░ 12 of 60 answered".
func (m Model) progressLine(w int) string {
	done, total := present.Answered(m.sess, m.qs), len(m.qs)
	label := m.loc().N("tui.question.progress", total, "Done", done)
	bw := min(60, w-lipgloss.Width(label))
	f := 0.0
	if total > 0 {
		f = float64(done) / float64(total)
	}
	return m.bar(f, bw) + m.st.muted.Render(label)
}

// bar draws a styled bar; its shape alone tells the fraction.
func (m Model) bar(f float64, w int) string {
	b := present.Bar(f, w)
	full := strings.Count(b, "█")
	return m.st.barFull.Render(strings.Repeat("█", full)) + m.st.barEmpty.Render(strings.Repeat("░", w-full))
}

func (m Model) choicesList(q checklist.Question) []string {
	return m.choiceLines(present.Choices(m.loc(), q.Kind), m.sess.Answers[q.ID].Value, m.q.choice)
}

// choiceLines draws answers as the question screen lists them, one a
// line: the given one marked (•), the one at cursor highlighted, and each
// answer's key beside it unless its label starts with the key. The
// consensus step lists its answers the same way.
func (m Model) choiceLines(choices []present.Choice, given checklist.Value, cursor int) []string {
	width := 0
	for _, c := range choices {
		width = max(width, lipgloss.Width(c.Label))
	}
	out := make([]string, len(choices))
	for i, c := range choices {
		mark := "( )"
		if c.Value == given {
			mark = m.st.chosen.Render("(•)")
		}
		label := c.Label + strings.Repeat(" ", width-lipgloss.Width(c.Label))
		hint := ""
		if !strings.HasPrefix(c.Label, c.Key) {
			hint = m.st.keyHint.Render("  " + c.Key)
		}
		if i == cursor {
			out[i] = m.st.cursor.Render("› ") + mark + " " + m.st.selected.Render(label) + hint
		} else {
			out[i] = "  " + mark + " " + m.st.text.Render(label) + hint
		}
	}
	return out
}

// choicesCompact puts the choices on one line (two for ratings, with the
// scale's words below) for short windows.
func (m Model) choicesCompact(q checklist.Question, w int) []string {
	choices := present.Choices(m.loc(), q.Kind)
	given := m.sess.Answers[q.ID].Value
	var line strings.Builder
	for i, c := range choices {
		label := c.Label
		if q.Kind == kindStatement && c.Value != checklist.NA {
			label = c.Key
		}
		mark := "( )"
		if c.Value == given {
			mark = m.st.chosen.Render("(•)")
		}
		if i > 0 {
			line.WriteString(" ")
		}
		if i == m.q.choice {
			line.WriteString(m.st.cursor.Render("›") + mark + m.st.selected.Render(label))
		} else {
			line.WriteString(" " + mark + m.st.text.Render(label))
		}
	}
	out := []string{line.String()}
	if q.Kind == kindStatement {
		out = append(out, m.st.muted.Render(ansi.Truncate(present.RatingScale(m.loc()), w, "…")))
	}
	return out
}

func (m Model) noteLines(q checklist.Question, w int) []string {
	l := m.loc()
	if m.q.editing {
		return append([]string{m.st.heading.Render(l.T("tui.question.note"))}, strings.Split(m.q.note.View(), "\n")...)
	}
	note := m.sess.Answers[q.ID].Note
	if note == "" {
		return []string{m.st.muted.Render(l.T("tui.question.note_add"))}
	}
	flat := strings.Join(strings.Fields(note), " ")
	head := l.T("tui.question.note") + " "
	return []string{m.st.heading.Render(head) + m.st.text.Render(ansi.Truncate(flat, max(1, w-lipgloss.Width(head)), "…"))}
}
