package report

import (
	"image/color"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
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

// WriteTerminal writes d as styled text for a terminal, in the session's
// language: the same structure as the Markdown report, laid out in columns
// with bars for the areas.
func WriteTerminal(w io.Writer, d Document, opt TermOptions) error {
	t := newTermWriter(w, &d, opt)
	t.header()
	t.findings() // right after the summary (issue 10)
	t.areas()
	t.weakest()
	if c := d.Comparison; c != nil {
		t.e.printf("\n%s\n", t.st.heading.Render(changeSince(t.w, c)))
		writeTermComparison(t.e, t.w, t.st, c, t.width)
	}
	t.checklist()
	writeTermAnswers(t.e, t.w, t.st, &d, t.width)
	return t.e.err
}

// termWriter writes one document's sections for a terminal.
type termWriter struct {
	e     *errWriter
	w     results.Words
	st    termStyles
	d     *Document
	width int
}

func newTermWriter(w io.Writer, d *Document, opt TermOptions) *termWriter {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	return &termWriter{e: &errWriter{w: w}, w: d.Words(), st: newTermStyles(), d: d, width: width}
}

// header writes who, when and what, and the total.
func (t *termWriter) header() {
	d, e, st, w := t.d, t.e, t.st, t.w
	e.printf("%s\n", st.title.Render(oneLine(w.Title(*d))+": "+oneLine(orDash(d.Client))))
	e.print(renderLines(st.faint, indentWrap(w.T("report.term.header", "Assessor", oneLine(orDash(d.Assessor)),
		"Date", w.Date(d.Date()), "Status", w.Status(d.Status), "ID", d.ID, "Pack", d.Pack.ID,
		"Version", d.Pack.Version, "Lang", d.Pack.Lang), "", "", t.width)))
	if intro := strings.TrimSpace(d.Pack.Intro); intro != "" {
		e.print("\n")
		e.print(indentWrap(intro, "", "", t.width))
	}
	e.print("\n")
	e.printf("%s  ", st.heading.Render(w.T("results.heading.total")))
	if d.Total.Score.Valid {
		e.printf("%s  %s  %s\n", w.T("report.term.total", "Score", st.bold.Render(w.Score(d.Total.Score)),
			"Min", w.Num(d.Total.Min), "Max", w.Num(d.Total.Max)), w.TotalPosition(d.Total.Total),
			st.bandStyle(d, d.Total.Band).Render(d.Total.BandLabel))
	} else {
		e.printf("%s\n", w.NoTotal(d.Total.Total))
	}
	if d.Total.Complete && d.Total.Scored < d.Total.Areas {
		e.printf("%s\n", st.faint.Render(w.AreasSentence(d.Total.Total)))
	}
	if s := incompleteLine(w, d); s != "" {
		e.printf("%s\n", st.faint.Render(s))
	}
}

// areas writes one line per area with a bar of its percentage.
func (t *termWriter) areas() {
	d, e, st, w := t.d, t.e, t.st, t.w
	titleW := columnWidth(t.width, areaTitles(d))
	labelW := 0
	for _, b := range d.Bands {
		labelW = max(labelW, lipgloss.Width(b.Label))
	}
	// "  title bar  3.5  label": everything but the bar is fixed. No
	// percentage: an area's is its position on 1–5, not score / 5.
	barW := max(10, min(30, t.width-titleW-labelW-10))
	e.printf("\n%s\n", st.heading.Render(w.T("results.heading.areas")))
	for _, a := range d.Areas {
		filled := 0
		if a.Percent.Valid {
			filled = int(a.Percent.Value/100*float64(barW) + 0.5)
		}
		bar := st.bandStyle(d, a.Band).Render(strings.Repeat("█", filled)) + st.faint.Render(strings.Repeat("░", barW-filled))
		e.printf("  %s %s %4s  %s\n", pad(oneLine(a.Title), titleW), bar, w.Score(a.Score),
			st.bandStyle(d, a.Band).Render(a.BandLabel))
	}
}

// weakest writes the weakest areas with their actions.
func (t *termWriter) weakest() {
	d, e, st, w := t.d, t.e, t.st, t.w
	if len(d.Weakest) == 0 {
		return
	}
	e.printf("\n%s\n", st.heading.Render(w.T("report.heading.weakest")))
	for i, wk := range d.Weakest {
		e.printf("  %d. %s  %s  %s\n", i+1, st.label.Render(oneLine(wk.Title)), w.Score(wk.Score),
			st.bandStyle(d, wk.Band).Render(wk.BandLabel))
		for _, act := range wk.Actions {
			e.print(indentWrap(act, "     • ", "       ", t.width))
		}
	}
}

// checklist writes one line per checklist section.
func (t *termWriter) checklist() {
	d, e, st, w := t.d, t.e, t.st, t.w
	if len(d.Sections) == 0 {
		return
	}
	// The percentage is labelled for what it is, as on the results screen
	// (issue 10), when the line has room for it.
	head := w.T("results.heading.checklist")
	if label := w.T("results.screen.checklist_scale"); lipgloss.Width(head)+2+lipgloss.Width(label) <= t.width {
		head = st.heading.Render(head) + "  " + st.faint.Render(label)
	} else {
		head = st.heading.Render(head)
	}
	e.printf("\n%s\n", head)
	// "  title  62%  yes 1 · partly 1 · no 1 · n/a 0", with "2 of 8
	// answered · " first when a section is not finished, so that 100% is
	// not read as "all done". When that leaves too little room for the
	// titles, each line says only how many items are answered.
	full := make([]string, len(d.Sections))
	short := make([]string, len(d.Sections))
	fullW, shortW := 0, 0
	for i, s := range d.Sections {
		short[i] = w.T("report.term.answered", "Answered", w.SectionAnswered(s.Section))
		full[i] = w.T("report.term.counts", "Yes", w.Int(s.Yes), "Partly", w.Int(s.Partly), "No", w.Int(s.No), "NA", w.Int(s.NA))
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
		e.printf("  %s %4s  %s\n", pad(oneLine(s.Title), secW), w.Percent(s.Percent), st.faint.Render(counts[i]))
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
	wd := c.Words()
	e.printf("%s\n", st.title.Render(compareTitle(wd, &c, oneLine(orDash(c.B.Client)))))
	writeTermComparison(e, wd, st, &c, width)
	return e.err
}

func writeTermComparison(e *errWriter, w results.Words, st termStyles, c *Comparison, width int) {
	e.printf("%s\n", st.faint.Render(w.T("report.term.sessions", "A", c.A.ID, "AWhen", w.When(c.A), "B", c.B.ID, "BWhen", w.When(c.B))))
	if m := w.Mismatch(*c); m != "" {
		e.printf("%s\n", st.down.Render(w.T("report.term.mismatch", "Text", m)))
	}
	if len(c.Areas) == 0 {
		e.printf("  %s\n", w.T("report.term.no_common_area"))
		return
	}
	total := w.T("results.heading.total")
	titles := make([]string, 0, len(c.Areas)+1)
	for _, a := range c.Areas {
		titles = append(titles, a.Title)
	}
	titleW := columnWidth(width, append(titles, total))
	change := func(d scoring.Score, prec int) string {
		ch := w.Signed(d, prec)
		switch results.Direction(d, prec) {
		case 1:
			ch = st.up.Render(ch)
		case -1:
			ch = st.down.Render(ch)
		}
		return ch
	}
	row := func(title string, dl scoring.Delta, s lipgloss.Style) {
		e.printf("  %s %5s → %-5s %s\n", s.Render(pad(oneLine(title), titleW)), w.Score(dl.A), w.Score(dl.B), change(dl.Delta, 1))
	}
	for _, a := range c.Areas {
		row(a.Title, a, lipgloss.NewStyle())
	}
	row(total, c.Total, st.bold)
	if len(c.Sections) == 0 {
		return
	}
	e.printf("  %s\n", st.label.Render(w.T("results.heading.checklist")))
	for _, s := range c.Sections {
		e.printf("  %s %5s → %-5s %s\n", pad(oneLine(s.Title), titleW), w.Percent(s.A), w.Percent(s.B), change(s.Delta, 0))
	}
}

func writeTermAnswers(e *errWriter, w results.Words, st termStyles, d *Document, width int) {
	if hasStatements(d) {
		e.printf("\n%s\n", st.heading.Render(w.T("report.heading.statements")))
		for _, a := range d.Areas {
			e.printf("  %s\n", st.label.Render(oneLine(a.Title)))
			writeTermLines(e, w, st, a.Statements, width)
		}
	}
	if hasItems(d) {
		e.printf("\n%s\n", st.heading.Render(w.T("report.heading.items")))
		for _, s := range d.Sections {
			e.printf("  %s\n", st.label.Render(oneLine(s.Title)))
			writeTermLines(e, w, st, s.Items, width)
		}
	}
	if d.Plan != nil {
		writeTermPlan(e, w, st, d, width)
	}
}

func writeTermLines(e *errWriter, w results.Words, st termStyles, lines []Line, width int) {
	// The answer column fits the longest answer word of the language
	// ("Gedeeltelik"), and the text lines up after it.
	aw := 6
	for _, v := range []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA} {
		aw = max(aw, lipgloss.Width(w.Answer(v)))
	}
	indent := strings.Repeat(" ", 4+aw+1)
	for _, l := range lines {
		ans := pad(w.Answer(l.Value()), aw)
		if l.Answer == nil {
			ans = st.faint.Render(ans)
		} else {
			ans = st.bold.Render(ans)
		}
		e.printf("    %s ", ans)
		e.print(indentWrap(l.Text, "", indent, width))
		if l.Note != "" {
			e.print(renderLines(st.faint, indentWrap(w.T("report.term.note", "Text", l.Note), indent, indent, width)))
		}
	}
}
