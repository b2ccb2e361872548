package tui

import (
	"github.com/charmbracelet/x/ansi"
)

// changeLines lists the questions whose answer changed between the two
// sessions (results.Comparison.Changes): "Text  Partly → Yes", one a line,
// the text cut to leave the change whole.
func (c *compareState) changeLines(m *Model, w int) []string {
	wd := c.words()
	out := []string{"", m.st.heading.Render(wd.T("session.changes.heading"))}
	if len(c.cmp.Changes) == 0 {
		return append(out, m.st.muted.Render(wd.T("session.changes.none")))
	}
	for _, ch := range c.cmp.Changes {
		change := wd.AnswerChange(ch)
		room := max(8, w-ansi.StringWidth(change)-4)
		out = append(out, "  "+m.st.text.Render(ansi.Truncate(ch.Text, room, "…"))+"  "+m.st.muted.Render(change))
	}
	return out
}
