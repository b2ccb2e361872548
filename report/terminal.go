package report

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/scoring"
)

// TermOptions shape the styled text for a terminal.
type TermOptions struct {
	// Width is the terminal's width in cells; 0 means 80.
	Width int
}

// termStyles uses the 16 basic ANSI colours, which every terminal maps to
// its own theme, so the text reads on light and dark backgrounds alike.
type termStyles struct {
	title, heading, label, faint, bold lipgloss.Style
	band                               []lipgloss.Style
	up, down                           lipgloss.Style
}

func newTermStyles() termStyles {
	fg := func(c string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(c)) }
	bandColors := []color.Color{lipgloss.Red, lipgloss.Yellow, lipgloss.Yellow, lipgloss.Green, lipgloss.Green}
	st := termStyles{
		title:   lipgloss.NewStyle().Bold(true),
		heading: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Blue),
		label:   lipgloss.NewStyle().Bold(true),
		faint:   lipgloss.NewStyle().Faint(true),
		bold:    lipgloss.NewStyle().Bold(true),
		up:      fg("2"),
		down:    fg("1"),
	}
	for _, c := range bandColors {
		st.band = append(st.band, lipgloss.NewStyle().Foreground(c))
	}
	return st
}

// bandStyle picks the colour of a band by its class (see bandClass).
func (st termStyles) bandStyle(d *Document, band string) lipgloss.Style {
	cls := bandClass(d.Bands, band)
	if n := strings.TrimPrefix(cls, "band-"); len(n) == 1 && n[0] >= '0' && n[0] <= '4' {
		return st.band[n[0]-'0']
	}
	return st.faint
}

// WriteTerminal writes d as styled text for a terminal: the same structure
// as the Markdown report, laid out in columns with bars for the areas.
func WriteTerminal(w io.Writer, d Document, opt TermOptions) error {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	st := newTermStyles()
	e := &errWriter{w: w}
	e.printf("%s\n", st.title.Render("Customer service check: "+oneLine(orDash(d.Client))))
	e.print(renderLines(st.faint, indentWrap(fmt.Sprintf("Assessor %s · %s · %s · session %s · %s %s (%s)",
		oneLine(orDash(d.Assessor)), day(d.Date()), statusLabel(d.Status), d.ID, d.Pack.ID, d.Pack.Version, d.Pack.Lang),
		"", "", width)))
	e.print("\n")

	e.printf("%s  ", st.heading.Render("Total"))
	if d.Total.Score.Valid {
		e.printf("%s of %s–%s  %s  %s\n", st.bold.Render(d.Total.Score.Format(1)), trimFloat(d.Total.Min),
			trimFloat(d.Total.Max), pct(d.Total.Percent), st.bandStyle(&d, d.Total.Band).Render(d.Total.BandLabel))
	} else {
		e.print("no area has been rated yet\n")
	}
	if s := incompleteLine(&d); s != "" {
		e.printf("%s\n", st.faint.Render(s))
	}

	titleW := columnWidth(width, areaTitles(&d))
	labelW := 0
	for _, b := range d.Bands {
		labelW = max(labelW, lipgloss.Width(b.Label))
	}
	// "  title bar  3.5  62%  label": everything but the bar is fixed.
	barW := max(10, min(30, width-titleW-labelW-15))
	e.printf("\n%s\n", st.heading.Render("Areas"))
	for _, a := range d.Areas {
		filled := 0
		if a.Percent.Valid {
			filled = int(a.Percent.Value/100*float64(barW) + 0.5)
		}
		bar := st.bandStyle(&d, a.Band).Render(strings.Repeat("█", filled)) + st.faint.Render(strings.Repeat("░", barW-filled))
		e.printf("  %s %s %4s %4s  %s\n", pad(oneLine(a.Title), titleW), bar, a.Score.Format(1), pct(a.Percent),
			st.bandStyle(&d, a.Band).Render(a.BandLabel))
	}

	if len(d.Weakest) > 0 {
		e.printf("\n%s\n", st.heading.Render("Weakest areas"))
		for i, wk := range d.Weakest {
			e.printf("  %d. %s  %s  %s\n", i+1, st.label.Render(oneLine(wk.Title)), wk.Score.Format(1),
				st.bandStyle(&d, wk.Band).Render(wk.BandLabel))
			for _, act := range wk.Actions {
				e.print(indentWrap(act, "     • ", "       ", width))
			}
		}
	}

	if c := d.Comparison; c != nil {
		e.printf("\n%s\n", st.heading.Render("Change since "+day(c.A.Date())))
		writeTermComparison(e, st, c, width)
	}

	if len(d.Sections) > 0 {
		e.printf("\n%s\n", st.heading.Render("Checklist"))
		secW := columnWidth(width, sectionTitles(&d))
		for _, s := range d.Sections {
			e.printf("  %s %4s  %s\n", pad(oneLine(s.Title), secW), pct(s.Percent),
				st.faint.Render(fmt.Sprintf("yes %d · partly %d · no %d · n/a %d", s.Yes, s.Partly, s.No, s.NA)))
		}
	}

	writeTermAnswers(e, st, &d, width)
	return e.err
}

// WriteComparisonTerminal writes a comparison as `compare` shows it on a
// terminal.
func WriteComparisonTerminal(w io.Writer, c Comparison, opt TermOptions) error {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	st := newTermStyles()
	e := &errWriter{w: w}
	e.printf("%s\n", st.title.Render(oneLine(orDash(c.B.Client))+": "+day(c.A.Date())+" to "+day(c.B.Date())))
	writeTermComparison(e, st, &c, width)
	return e.err
}

func writeTermComparison(e *errWriter, st termStyles, c *Comparison, width int) {
	e.printf("%s\n", st.faint.Render("earlier "+c.A.ID+" ("+day(c.A.Date())+"), later "+c.B.ID+" ("+day(c.B.Date())+")"))
	if c.Mismatch != "" {
		e.printf("%s\n", st.down.Render("note: "+c.Mismatch))
	}
	if len(c.Areas) == 0 {
		e.print("  no area is scored in both sessions\n")
		return
	}
	titles := make([]string, 0, len(c.Areas)+1)
	for _, a := range c.Areas {
		titles = append(titles, a.Title)
	}
	titleW := columnWidth(width, append(titles, "Total"))
	row := func(title string, dl scoring.Delta, s lipgloss.Style) {
		ch := signed(dl.Delta)
		switch {
		case strings.HasPrefix(ch, "+"):
			ch = st.up.Render(ch)
		case strings.HasPrefix(ch, "-"):
			ch = st.down.Render(ch)
		}
		e.printf("  %s %5s → %-5s %s\n", s.Render(pad(oneLine(title), titleW)), dl.A.Format(1), dl.B.Format(1), ch)
	}
	for _, a := range c.Areas {
		row(a.Title, a, lipgloss.NewStyle())
	}
	row("Total", c.Total, st.bold)
}

func writeTermAnswers(e *errWriter, st termStyles, d *Document, width int) {
	if hasStatements(d) {
		e.printf("\n%s\n", st.heading.Render("Self-assessment answers"))
		for _, a := range d.Areas {
			e.printf("  %s\n", st.label.Render(oneLine(a.Title)))
			writeTermLines(e, st, a.Statements, width)
		}
	}
	if hasItems(d) {
		e.printf("\n%s\n", st.heading.Render("Checklist answers"))
		for _, s := range d.Sections {
			e.printf("  %s\n", st.label.Render(oneLine(s.Title)))
			writeTermLines(e, st, s.Items, width)
		}
	}
	if d.Plan != nil {
		e.printf("\n%s\n", st.heading.Render("Plan"))
		if d.Plan.Vision != "" {
			e.print(indentWrap("Vision: "+d.Plan.Vision, "  ", "  ", width))
		}
		for i, g := range d.Plan.Goals {
			e.print(indentWrap(fmt.Sprintf("%d. %s", i+1, orDash(g.Problem)), "  ", "     ", width))
			e.print(indentWrap("what: "+orDash(g.What)+"; target: "+orDash(g.Target), "     ", "     ", width))
			if g.Due != "" {
				e.print(indentWrap("by: "+g.Due, "     ", "     ", width))
			}
			if met := metLabel(g.Met); met != "" {
				e.print(indentWrap("met: "+met, "     ", "     ", width))
			}
		}
	}
}

func writeTermLines(e *errWriter, st termStyles, lines []Line, width int) {
	for _, l := range lines {
		ans := pad(l.Value().Label(), 6)
		if l.Answer == nil {
			ans = st.faint.Render(ans)
		} else {
			ans = st.bold.Render(ans)
		}
		e.printf("    %s ", ans)
		e.print(indentWrap(l.Text, "", "           ", width))
		if l.Note != "" {
			e.print(renderLines(st.faint, indentWrap("note: "+l.Note, "           ", "           ", width)))
		}
	}
}

// indentWrap wraps s to width, the first line after first, the rest after
// rest, keeping the writer's own line breaks. Terminal control characters
// in user text are removed so a note cannot move the cursor or recolour the
// screen.
func indentWrap(s, first, rest string, width int) string {
	s = ansi.Strip(s)
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
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
	return min(w, max(12, width/3))
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
