package report

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

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
	t := newTermWriter(w, &d, opt)
	t.header()
	t.areas()
	t.weakest()
	if c := d.Comparison; c != nil {
		t.e.printf("\n%s\n", t.st.heading.Render("Change since "+day(c.A.Date())))
		writeTermComparison(t.e, t.st, c, t.width)
	}
	t.checklist()
	writeTermAnswers(t.e, t.st, &d, t.width)
	return t.e.err
}

// termWriter writes one document's sections for a terminal.
type termWriter struct {
	e     *errWriter
	st    termStyles
	d     *Document
	width int
}

func newTermWriter(w io.Writer, d *Document, opt TermOptions) *termWriter {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	return &termWriter{e: &errWriter{w: w}, st: newTermStyles(), d: d, width: width}
}

// header writes who, when and what, and the total.
func (t *termWriter) header() {
	d, e, st := t.d, t.e, t.st
	e.printf("%s\n", st.title.Render(oneLine(d.title())+": "+oneLine(orDash(d.Client))))
	e.print(renderLines(st.faint, indentWrap(fmt.Sprintf("Assessor %s · %s · %s · session %s · %s %s (%s)",
		oneLine(orDash(d.Assessor)), day(d.Date()), statusLabel(d.Status), d.ID, d.Pack.ID, d.Pack.Version, d.Pack.Lang),
		"", "", t.width)))
	e.print("\n")
	e.printf("%s  ", st.heading.Render("Total"))
	if d.Total.Score.Valid {
		e.printf("%s of %s–%s  %s  %s\n", st.bold.Render(d.Total.Score.Format(1)), trimFloat(d.Total.Min),
			trimFloat(d.Total.Max), pct(d.Total.Percent), st.bandStyle(d, d.Total.Band).Render(d.Total.BandLabel))
	} else {
		e.print("no area has been rated yet\n")
	}
	if s := incompleteLine(d); s != "" {
		e.printf("%s\n", st.faint.Render(s))
	}
}

// areas writes one line per area with a bar of its percentage.
func (t *termWriter) areas() {
	d, e, st := t.d, t.e, t.st
	titleW := columnWidth(t.width, areaTitles(d))
	labelW := 0
	for _, b := range d.Bands {
		labelW = max(labelW, lipgloss.Width(b.Label))
	}
	// "  title bar  3.5  62%  label": everything but the bar is fixed.
	barW := max(10, min(30, t.width-titleW-labelW-15))
	e.printf("\n%s\n", st.heading.Render("Areas"))
	for _, a := range d.Areas {
		filled := 0
		if a.Percent.Valid {
			filled = int(a.Percent.Value/100*float64(barW) + 0.5)
		}
		bar := st.bandStyle(d, a.Band).Render(strings.Repeat("█", filled)) + st.faint.Render(strings.Repeat("░", barW-filled))
		e.printf("  %s %s %4s %4s  %s\n", pad(oneLine(a.Title), titleW), bar, a.Score.Format(1), pct(a.Percent),
			st.bandStyle(d, a.Band).Render(a.BandLabel))
	}
}

// weakest writes the weakest areas with their actions.
func (t *termWriter) weakest() {
	d, e, st := t.d, t.e, t.st
	if len(d.Weakest) == 0 {
		return
	}
	e.printf("\n%s\n", st.heading.Render("Weakest areas"))
	for i, wk := range d.Weakest {
		e.printf("  %d. %s  %s  %s\n", i+1, st.label.Render(oneLine(wk.Title)), wk.Score.Format(1),
			st.bandStyle(d, wk.Band).Render(wk.BandLabel))
		for _, act := range wk.Actions {
			e.print(indentWrap(act, "     • ", "       ", t.width))
		}
	}
}

// checklist writes one line per checklist section.
func (t *termWriter) checklist() {
	d, e, st := t.d, t.e, t.st
	if len(d.Sections) == 0 {
		return
	}
	e.printf("\n%s\n", st.heading.Render("Checklist"))
	// "  title  62%  yes 1 · partly 1 · no 1 · n/a 0", with "2 of 8
	// answered · " first when a section is not finished, so that 100% is
	// not read as "all done". When that leaves too little room for the
	// titles, each line says only how many items are answered.
	full := make([]string, len(d.Sections))
	short := make([]string, len(d.Sections))
	fullW, shortW := 0, 0
	for i, s := range d.Sections {
		short[i] = sectionAnswered(s) + " answered"
		full[i] = fmt.Sprintf("yes %d · partly %d · no %d · n/a %d", s.Yes, s.Partly, s.No, s.NA)
		if s.Answered+s.NA < s.Total {
			full[i] = short[i] + " · " + full[i]
		}
		fullW = max(fullW, lipgloss.Width(full[i]))
		shortW = max(shortW, lipgloss.Width(short[i]))
	}
	const fixed = 2 + 1 + 4 + 2 // indent, space, percentage, gap
	titles := columnWidth(t.width, sectionTitles(d))
	counts, secW := full, min(titles, t.width-fixed-fullW)
	if secW < min(titles, 16) {
		counts, secW = short, min(titles, t.width-fixed-shortW)
	}
	secW = max(8, secW)
	for i, s := range d.Sections {
		e.printf("  %s %4s  %s\n", pad(oneLine(s.Title), secW), pct(s.Percent), st.faint.Render(counts[i]))
	}
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
	e.printf("%s\n", st.faint.Render("earlier "+c.A.ID+" ("+c.A.when()+"), later "+c.B.ID+" ("+c.B.when()+")"))
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
	if len(c.Sections) == 0 {
		return
	}
	e.printf("  %s\n", st.label.Render("Checklist"))
	for _, s := range c.Sections {
		ch := signedPoints(s.Delta)
		switch {
		case strings.HasPrefix(ch, "+"):
			ch = st.up.Render(ch)
		case strings.HasPrefix(ch, "-"):
			ch = st.down.Render(ch)
		}
		e.printf("  %s %5s → %-5s %s\n", pad(oneLine(s.Title), titleW), pct(s.A), pct(s.B), ch)
	}
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
		writeTermPlan(e, st, d, width)
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
