package report

// Text layout for the terminal: wrapping, padding and column widths that
// count wide characters (emoji, CJK) as two cells, and removal of control
// characters from user text.

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// indentWrap wraps s to width, the first line after first, the rest after
// rest, keeping the writer's own line breaks. Terminal control characters
// in user text are removed so a note cannot move the cursor or recolour the
// screen.
func indentWrap(s, first, rest string, width int) string {
	s = termtext.Clean(s)
	avail := max(20, width-lipgloss.Width(rest))
	var b strings.Builder
	prefix := first
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		for _, ln := range strings.Split(lipgloss.Wrap(para, avail, " "), "\n") {
			b.WriteString(prefix + ln + "\n")
			prefix = rest
		}
	}
	return b.String()
}

// renderLines styles each line of s on its own: a style rendered over
// several lines would pad them all to one width.
func renderLines(style lipgloss.Style, s string) string {
	var b strings.Builder
	for _, ln := range strings.SplitAfter(s, "\n") {
		body := strings.TrimSuffix(ln, "\n")
		if body != "" {
			b.WriteString(style.Render(body))
		}
		b.WriteString(ln[len(body):])
	}
	return b.String()
}

// oneLine makes user text safe for a single line of a column.
func oneLine(s string) string {
	return strings.TrimSuffix(indentWrap(strings.ReplaceAll(s, "\n", " "), "", "", 1<<20), "\n")
}

// pad truncates or pads s to exactly n cells, counting wide characters.
func pad(s string, n int) string {
	s = ansi.Truncate(s, n, "…")
	if w := lipgloss.Width(s); w < n {
		s += strings.Repeat(" ", n-w)
	}
	return s
}

// columnWidth is the width of a title column: the widest title, capped so
// the numbers still fit on an 80-column line.
func columnWidth(width int, titles []string) int {
	w := 8
	for _, t := range titles {
		w = max(w, lipgloss.Width(oneLine(t)))
	}
	return min(w, max(12, width*2/5))
}

func areaTitles(d *Document) []string {
	out := make([]string, len(d.Areas))
	for i, a := range d.Areas {
		out[i] = a.Title
	}
	return out
}

func sectionTitles(d *Document) []string {
	out := make([]string, len(d.Sections))
	for i, s := range d.Sections {
		out[i] = s.Title
	}
	return out
}
