package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// tooSmallView replaces every screen when the window is below the minimum.
// It fits any size, down to one cell, and the app keeps its state.
func (m Model) tooSmallView() string {
	w := max(1, m.width)
	text := []string{
		fmt.Sprintf("Window too small: %d×%d.", m.width, m.height),
		fmt.Sprintf("servicecheck needs at least %d×%d.", MinWidth, MinHeight),
		"Make the window bigger; your answers are kept. q quits.",
	}
	if w < 40 || m.height < 4 {
		text = []string{
			fmt.Sprintf("Too small: %d×%d", m.width, m.height),
			fmt.Sprintf("Needs %d×%d", MinWidth, MinHeight),
			"q quits",
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
