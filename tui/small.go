package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// tooSmallView replaces every screen when the window is below the minimum.
// It fits any size, down to one cell, and the app keeps its state.
func (m Model) tooSmallView() string {
	w := max(1, m.width)
	l := m.loc()
	text := []string{
		l.T("tui.small.title", "W", m.width, "H", m.height),
		l.T("tui.small.needs", "W", MinWidth, "H", MinHeight),
		l.T("tui.small.keep"),
	}
	if w < 40 || m.height < 4 {
		text = []string{
			l.T("tui.small.short_title", "W", m.width, "H", m.height),
			l.T("tui.small.short_needs", "W", MinWidth, "H", MinHeight),
			l.T("tui.small.short_quit"),
		}
	}
	var lines []string
	for i, t := range text {
		st := m.st.muted
		if i == 0 {
			st = m.st.warn
		}
		lines = append(lines, styleLines(st, wrap(t, w))...)
	}
	if len(lines) > m.height {
		lines = lines[:max(0, m.height)]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}
