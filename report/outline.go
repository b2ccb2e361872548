package report

// The outline of the readable report a consultant hands over, in the order
// every paged format (PDF, DOCX) lays it out: cover, summary, findings,
// areas, action plan, sign-off, appendix. The outline is built once from the
// results model and its Words; the PDF and DOCX writers only place it, so
// the structure and every word of it have one home. Nothing internal (the
// session's id, the pack's version) appears before the appendix.

import (
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

// Branding names who hands the report over; every field is optional. It is
// filled from export's flags, and from the config file when it has them.
type Branding struct {
	Firm, Consultant, Contact string
	// Logo is a PNG or JPEG image, read by the caller (renderers read no
	// file); LogoType is "png" or "jpg".
	Logo     []byte
	LogoType string
	// LogoPath is the logo's file, for the DOCX: godocx reads images
	// from files.
	LogoPath string
}

// Options shape the paged reports (PDF, DOCX).
type Options struct {
	Branding Branding
	// Paper is "a4" (the default) or "letter".
	Paper string
	// Uncompressed leaves the PDF's content streams readable, for tests.
	Uncompressed bool
}

// tone says how an answer or a band reads: a finding is marked with a
// colour and a word, never with colour alone.
type tone int

const (
	toneNone tone = iota
	toneGood
	toneWarn
	toneBad
)

// tcell is one table cell.
type tcell struct {
	Text string
	Tone tone
	Bold bool
}

type blockKind int

const (
	bHeading   blockKind = iota // Level 1 or 2
	bPara                       // a paragraph
	bLead                       // a prominent paragraph: the total
	bFacts                      // label: value lines
	bTable                      // Head, Rows, Widths
	bBullets                    // Items
	bQuote                      // an indented text: the vision, an intro
	bChart                      // Bars
	bSign                       // Items are the signature lines' labels
	bSmall                      // a faint paragraph: a legend
	bFinding                    // one finding: Cells[0] the mark, Text, Items note/advice
	bCoverName                  // the client's name on the cover
)

type block struct {
	Kind   blockKind
	Level  int
	Text   string
	Facts  []results.Field
	Head   []string
	Rows   [][]tcell
	Widths []float64 // relative column widths
	// Classes name a table's columns for the HTML: "answer", "note".
	Classes []string
	Items   []string
	// MaxLines caps each of Items at that many lines in the PDF, the
	// last cut with "…" (0: no cap): the summary's lists.
	MaxLines int
	Mark     tcell
	Bars     []bar
	Legend   [2]string // this session, the previous one
	Scale    float64   // the bars' maximum
	Floor    float64   // the bars' minimum: the scale starts at 1, not 0
	// Line is the trend's totals for the HTML's line chart, beside its
	// table; the paged formats show the table alone.
	Line []linePoint
}

// linePoint is one session in the trend's line: its total, the range the
// line is drawn over (the lowest Min and highest Max of the trend), and
// the texts of its date and total.
type linePoint struct {
	Total, Lo, Hi              float64
	Date, Text, LoText, HiText string
}

// pos is where v lies on a chart's scale, 0 at Floor and 1 at Scale: a
// score of 3 on 1–5 is half way, not 60%.
func (b block) pos(v float64) float64 {
	if b.Scale <= b.Floor {
		return 0
	}
	return clamp01((v - b.Floor) / (b.Scale - b.Floor))
}

// bar is one area in the summary's chart: this session's score and the
// previous session's beside it.
type bar struct {
	Title     string
	Now, Prev scoring.Score
	NowText   string
	PrevText  string
	Band      string // the band's word beside the score
	Tone      tone
}

// part is one section of the report, starting on a page of its own.
type part struct {
	ID     string // cover, summary, findings, areas, team, plan, signoff, appendix
	Blocks []block
}

// outline is the report of d in its session's language.
type outline struct {
	Lang   string
	Title  string
	Footer string // the report's own footer: client · title · date
	Parts  []part
	// Date is the audit date as the cover says it, and DateISO the same
	// day for machines (the HTML's time element).
	Date, DateISO string
}

// buildOutline lays d out as the report a consultant hands over.
func buildOutline(d Document, b Branding) outline {
	w := d.Words()
	o := outline{Lang: w.Locale().Lang(), Title: w.Title(d)}
	o.Footer = w.T("report.footer", "Client", clean(orDash(d.Client)), "Title", clean(o.Title), "Date", w.Date(d.Date()))
	o.Date, o.DateISO = w.Locale().LongDate(d.Date()), isoDay(d.Date())
	fs := findingsOf(&d)
	o.Parts = []part{
		coverPart(w, &d, b, o.Title),
		summaryPart(w, &d, fs),
		findingsPart(w, &d, fs),
		areasPart(w, &d),
	}
	if d.Team != nil {
		o.Parts = append(o.Parts, teamPart(w, &d))
	}
	if d.Plan != nil {
		o.Parts = append(o.Parts, planPart(w, &d))
	}
	o.Parts = append(o.Parts, signPart(w), appendixPart(w, &d))
	return o
}

func heading(level int, text string) block { return block{Kind: bHeading, Level: level, Text: text} }
func para(text string) block               { return block{Kind: bPara, Text: text} }

func coverPart(w results.Words, d *Document, b Branding, title string) part {
	p := part{ID: "cover"}
	p.Blocks = append(p.Blocks, heading(1, title), block{Kind: bCoverName, Text: clean(orDash(d.Client))})
	facts := []results.Field{
		{Label: w.T("report.fact.client"), Text: clean(orDash(d.Client))},
		{Label: w.T("report.cover.audit_date"), Text: w.Locale().LongDate(d.Date())},
		{Label: w.T("report.fact.assessor"), Text: clean(orDash(d.Assessor))},
	}
	if site := strings.TrimSpace(clean(d.Site)); site != "" {
		facts = append(facts[:1], append([]results.Field{{Label: w.T("report.cover.site"), Text: site}}, facts[1:]...)...)
	}
	if len(d.Participants) > 0 {
		facts = append(facts, results.Field{Label: w.T("report.cover.participants"), Text: clean(strings.Join(d.Participants, ", "))})
	}
	if d.Status != checklist.Completed {
		facts = append(facts, results.Field{Label: w.T("report.cover.status"), Text: w.Status(d.Status)})
	}
	p.Blocks = append(p.Blocks, block{Kind: bFacts, Facts: facts})
	var by []results.Field
	for _, f := range []struct{ id, v string }{{"firm", b.Firm}, {"consultant", b.Consultant}, {"contact", b.Contact}} {
		if v := strings.TrimSpace(clean(f.v)); v != "" {
			by = append(by, results.Field{Label: w.T("report.cover." + f.id), Text: v})
		}
	}
	if len(by) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.cover.prepared_by")), block{Kind: bFacts, Facts: by})
	}
	return p
}

// The summary keeps to one page (cover p1, summary p2, findings p3) in
// every language and on A4 and Letter: it lists the first topFindings
// findings and topGoals goals, each in at most summaryLines lines of the
// paged formats, and says how many more the later parts hold.
const (
	topFindings  = 5
	topGoals     = 3
	summaryLines = 2
)

func summaryPart(w results.Words, d *Document, fs []finding) part {
	p := part{ID: "summary", Blocks: []block{heading(1, w.T("report.heading.summary"))}}
	p.Blocks = append(p.Blocks, block{Kind: bLead, Text: w.TotalLine(d.Total)})
	if s := incompleteLine(w, d); s != "" {
		p.Blocks = append(p.Blocks, para(s))
	}
	p.Blocks = append(p.Blocks, para(summaryParagraph(w, d, fs)))
	p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.chart")), areaChart(w, d))
	if len(d.Trend) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.trend")))
		p.Blocks = append(p.Blocks, trendTable(w, d)...)
	}
	if len(fs) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.top_findings")))
		var items []string
		for _, f := range fs[:min(len(fs), topFindings)] {
			items = append(items, f.Mark.Text+": "+f.Text)
		}
		if len(fs) > topFindings {
			items = append(items, w.N("report.more_findings", len(fs)-topFindings))
		}
		p.Blocks = append(p.Blocks, block{Kind: bBullets, Items: items, MaxLines: summaryLines})
	}
	if d.Plan != nil && len(d.Plan.Goals) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.goals")))
		var items []string
		for _, g := range d.Plan.Goals[:min(len(d.Plan.Goals), topGoals)] {
			items = append(items, goalLine(w, g))
		}
		if n := len(d.Plan.Goals) - topGoals; n > 0 {
			items = append(items, w.N("report.more_goals", n))
		}
		p.Blocks = append(p.Blocks, block{Kind: bBullets, Items: items, MaxLines: summaryLines})
	}
	return p
}

// trendTable is the total of the client's completed sessions up to this
// one (Document.Trend), oldest first, one column a session: its date,
// total and range. It keeps the newest trendColumns sessions, as the
// areas' trend does, and a line says how many older ones it leaves out.
func trendTable(w results.Words, d *Document) []block {
	pts := d.Trend
	hidden := max(0, len(pts)-trendColumns)
	pts = pts[hidden:]
	t := block{Kind: bTable, Widths: []float64{2.2}, Head: []string{w.T("report.trend.date")}}
	total := []tcell{{Text: w.T("report.trend.total"), Bold: true}}
	rng := []tcell{{Text: w.T("report.trend.range"), Bold: true}}
	lo, hi := 0.0, 0.0
	for _, pt := range pts {
		if pt.Total.Valid && (lo == 0 || pt.Min < lo) {
			lo = pt.Min
		}
		hi = max(hi, pt.Max)
	}
	for _, pt := range pts {
		if pt.Total.Valid && hi > lo {
			t.Line = append(t.Line, linePoint{Total: pt.Total.Value, Lo: lo, Hi: hi, Date: w.Date(pt.Date),
				Text: w.Score(pt.Total), LoText: w.Num(lo), HiText: w.Num(hi)})
		}
	}
	for _, pt := range pts {
		t.Widths = append(t.Widths, 1.6)
		t.Head = append(t.Head, w.Date(pt.Date))
		// A session with no total (no area applies) has no range either.
		tc, rc := tcell{Text: "–", Bold: pt.ID == d.ID}, tcell{Text: "–"}
		if pt.Total.Valid {
			tc.Text = w.Score(pt.Total)
			rc.Text = w.T("report.trend.range_value", "Min", w.Num(pt.Min), "Max", w.Num(pt.Max))
		}
		total, rng = append(total, tc), append(rng, rc)
	}
	t.Rows = [][]tcell{total, rng}
	out := []block{t}
	if hidden > 0 {
		out = append(out, block{Kind: bSmall, Text: w.N("report.trend.hidden", hidden)})
	}
	return out
}

// goalLine is a goal in one line: "Calls ring out: answer calls (target:
// 95%, by: 2025-06-30)".
func goalLine(w results.Words, g checklist.Goal) string {
	var parts []string
	for _, f := range w.GoalFields(g) {
		parts = append(parts, f.Label+": "+clean(f.Text))
	}
	return w.T("report.goal_line", "Problem", clean(orDash(g.Problem)), "Fields", strings.Join(parts, "; "))
}

// summaryParagraph is the one paragraph written from the results: the
// total and its band, the change since last time, how many findings, the
// weakest area and the number of goals, each sentence a catalogue template.
func summaryParagraph(w results.Words, d *Document, fs []finding) string {
	var s []string
	if d.Total.Score.Valid {
		s = append(s, w.T("report.para.total", "Client", clean(orDash(d.Client)), "Total", w.Range(d.Total.Total),
			"Band", w.Band(d.Bands, d.Total.Band)))
	} else if len(d.Unanswered) > 0 {
		s = append(s, w.T("report.para.unfinished", "Client", clean(orDash(d.Client))))
	} else {
		s = append(s, w.T("report.para.no_total", "Client", clean(orDash(d.Client))))
	}
	if c := d.Comparison; c != nil && c.Total.Delta.Valid {
		s = append(s, w.T("report.para.change", "Change", w.Change(c.Total.Delta, 1), "Date", w.Date(c.A.Date())))
	}
	s = append(s, w.N("report.para.findings", len(fs)))
	if len(d.Weakest) > 0 {
		s = append(s, w.T("report.para.weakest", "Area", clean(d.Weakest[0].Title), "Score", w.Score(d.Weakest[0].Score)))
	}
	if d.Plan != nil && len(d.Plan.Goals) > 0 {
		s = append(s, w.N("report.para.goals", len(d.Plan.Goals)))
	}
	if t := d.Team; t != nil {
		// The reader must know the scores are a team's agreement, not
		// one person's view, before reading them.
		s = append(s, w.N("team.report.para", t.Answered, "Disputed", w.Int(len(t.Disagreements))))
	}
	return strings.Join(s, " ")
}

// areaChart is the bars of the areas, with the previous session's score
// beside each when there is one.
func areaChart(w results.Words, d *Document) block {
	b := block{Kind: bChart, Floor: scoring.MinRating, Scale: scoring.MaxRating, Legend: [2]string{w.T("report.chart.now"), ""}}
	prev := map[string]scoring.Score{}
	if c := d.Comparison; c != nil {
		b.Legend[1] = w.T("report.chart.prev", "Date", w.Date(c.A.Date()))
		for _, a := range c.Areas {
			prev[a.ID] = a.A
		}
	}
	for _, a := range d.Areas {
		br := bar{Title: clean(a.Title), Now: a.Score, NowText: w.Score(a.Score), Tone: bandTone(d.Bands, a.Band)}
		if a.Band != "" {
			br.Band = clean(a.BandLabel)
		}
		if pv, ok := prev[a.ID]; ok {
			br.Prev, br.PrevText = pv, w.Score(pv)
		}
		b.Bars = append(b.Bars, br)
	}
	return b
}

// bandTone colours a band: the lowest band bad, the middle ones a
// warning, the top ones good.
func bandTone(bands []checklist.Band, id string) tone {
	switch bandClass(bands, id) {
	case "band-0":
		return toneBad
	case "band-1", "band-2":
		return toneWarn
	case "band-3", "band-4":
		return toneGood
	}
	return toneNone
}

func findingsPart(w results.Words, d *Document, fs []finding) part {
	p := part{ID: "findings", Blocks: []block{heading(1, w.T("report.heading.findings"))}}
	if len(fs) == 0 {
		p.Blocks = append(p.Blocks, para(w.T("report.no_findings")))
	} else {
		p.Blocks = append(p.Blocks, findingBlocks(w, fs)...)
	}
	// The strengths, briefly, after the findings: what to keep doing.
	p.Blocks = append(p.Blocks, heading(2, w.T("findings.strengths.heading")))
	var items []string
	for _, l := range w.StrengthLines(d.Strengths) {
		items = append(items, clean(l))
	}
	p.Blocks = append(p.Blocks, block{Kind: bBullets, Items: items})
	return p
}

// findingBlocks are the findings grouped by section or area, each with its
// note and advice.
func findingBlocks(w results.Words, fs []finding) []block {
	p := part{}
	p.Blocks = append(p.Blocks, block{Kind: bSmall, Text: w.T("report.findings_legend")})
	group := ""
	for _, f := range fs {
		if f.Group != group {
			group = f.Group
			p.Blocks = append(p.Blocks, heading(2, f.Group))
		}
		var extra []string
		if f.Note != "" {
			extra = append(extra, w.T("report.finding.note", "Text", f.Note))
		}
		if f.Advice != "" {
			extra = append(extra, w.T("report.finding.advice", "Text", f.Advice))
		}
		p.Blocks = append(p.Blocks, block{Kind: bFinding, Mark: f.Mark, Text: f.Text, Items: extra})
	}
	return p.Blocks
}

func areasPart(w results.Words, d *Document) part {
	p := part{ID: "areas", Blocks: []block{heading(1, w.T("results.heading.areas"))}}
	actions := map[string][]string{}
	for _, wk := range d.Weakest {
		actions[wk.ID] = wk.Actions
	}
	t := block{Kind: bTable, Widths: []float64{3, 1.5, 1.9, 4.6},
		Head: []string{w.T("report.col.area"), w.T("report.col.score"), w.T("report.col.band"), w.T("report.col.todo")}}
	for _, a := range d.Areas {
		todo := "–"
		if acts := actions[a.ID]; len(acts) > 0 {
			cl := make([]string, len(acts))
			for i, s := range acts {
				cl[i] = "• " + clean(s)
			}
			todo = strings.Join(cl, "\n")
		}
		t.Rows = append(t.Rows, []tcell{{Text: clean(a.Title), Bold: true}, {Text: w.Score(a.Score)},
			{Text: w.Band(d.Bands, a.Band), Tone: bandTone(d.Bands, a.Band)}, {Text: todo}})
	}
	p.Blocks = append(p.Blocks, t)
	if len(d.Sections) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("results.heading.checklist")))
		st := block{Kind: bTable, Widths: []float64{4, 1.3, 1.3, 1, 1, 1, 1},
			Head: []string{w.T("report.col.section"), w.T("report.col.score"), w.T("report.col.answered"),
				w.T("report.col.yes"), w.T("report.col.partly"), w.T("report.col.no"), w.T("report.col.na")}}
		for _, s := range d.Sections {
			no := tcell{Text: w.Int(s.No)}
			if s.No > 0 {
				no.Tone, no.Bold = toneBad, true
			}
			st.Rows = append(st.Rows, []tcell{{Text: clean(s.Title)}, {Text: w.Percent(s.Percent)},
				{Text: w.SectionAnswered(s.Section)}, {Text: w.Int(s.Yes)}, {Text: w.Int(s.Partly)}, no, {Text: w.Int(s.NA)}})
		}
		p.Blocks = append(p.Blocks, st, block{Kind: bSmall, Text: w.T("results.checklist_note")})
	}
	if len(d.Trend) > 1 {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.area_trend")))
		p.Blocks = append(p.Blocks, areaTrend(w, d)...)
	}
	return p
}

// trendColumns is the most sessions the areas' trend shows side by side,
// so that it fits a portrait page; the newest are kept.
const trendColumns = 6

// areaTrend is each area's score in each of the client's completed
// sessions up to this one (Document.Trend), oldest first, one column a
// session; a line says how many older sessions did not fit.
func areaTrend(w results.Words, d *Document) []block {
	pts := d.Trend
	hidden := max(0, len(pts)-trendColumns)
	pts = pts[hidden:]
	t := block{Kind: bTable, Widths: []float64{3}, Head: []string{w.T("report.col.area")}}
	for _, pt := range pts {
		t.Widths = append(t.Widths, 1.2)
		t.Head = append(t.Head, w.Date(pt.Date))
	}
	for _, a := range d.Areas {
		row := []tcell{{Text: clean(a.Title), Bold: true}}
		for _, pt := range pts {
			cell := tcell{Text: "–", Bold: pt.ID == d.ID}
			for _, ta := range pt.Areas {
				if ta.ID == a.ID {
					cell.Text = w.Score(ta.Score)
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	out := []block{t}
	if hidden > 0 {
		out = append(out, block{Kind: bSmall, Text: w.N("report.trend.hidden", hidden)})
	}
	return out
}

func planPart(w results.Words, d *Document) part {
	p := part{ID: "plan", Blocks: []block{heading(1, w.T("results.heading.plan"))}}
	if len(d.Plan.Goals) > 0 {
		t := block{Kind: bTable, Widths: []float64{2.3, 2.5, 2.2, 2.3, 1.7, 1.5},
			Head: []string{w.T("report.col.problem"), w.T("results.goal.what"), w.T("results.goal.target"),
				w.T("actionplan.cmd.column.owner"), w.T("actionplan.cmd.column.due"), w.T("actionplan.cmd.column.status")}}
		for _, g := range d.Plan.Goals {
			due := w.DueDate(g)
			if due == "" {
				due = g.Due
			}
			problem := clean(orDash(g.Problem))
			if n := strings.TrimSpace(g.Note); n != "" {
				problem += "\n" + w.T("report.finding.note", "Text", clean(n))
			}
			t.Rows = append(t.Rows, []tcell{{Text: problem, Bold: true}, {Text: clean(orDash(g.What))},
				{Text: clean(orDash(g.Target))}, {Text: clean(orDash(g.Owner))}, {Text: clean(orDash(due))},
				{Text: orDash(goalStatus(w, g)), Tone: statusTone(g.Status)}})
		}
		p.Blocks = append(p.Blocks, t)
	}
	if len(d.Plan.Review) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("results.heading.review")))
		t := block{Kind: bTable, Widths: []float64{3, 3, 1.6, 3},
			Head: []string{w.T("report.col.problem"), w.T("results.goal.what"), w.T("report.col.outcome"), w.T("report.col.note")}}
		for _, r := range d.Plan.Review {
			t.Rows = append(t.Rows, []tcell{{Text: clean(orDash(r.Goal.Problem))}, {Text: clean(orDash(r.Goal.What))},
				{Text: w.GoalStatus(r.Status), Tone: statusTone(r.Status)}, {Text: clean(orDash(r.Note))}})
		}
		p.Blocks = append(p.Blocks, t)
	}
	if v := strings.TrimSpace(d.Plan.Vision); v != "" {
		p.Blocks = append(p.Blocks, heading(2, w.T("results.goal.vision")), block{Kind: bQuote, Text: clean(v)})
	}
	return p
}

// statusTone colours where a goal stands: done good, in progress a
// warning; open and dropped plain.
func statusTone(s checklist.GoalStatus) tone {
	switch s {
	case checklist.StatusDone:
		return toneGood
	case checklist.StatusInProgress:
		return toneWarn
	}
	return toneNone
}

func signPart(w results.Words) part {
	return part{ID: "signoff", Blocks: []block{heading(1, w.T("report.heading.signoff")),
		para(w.T("report.signoff_text")),
		{Kind: bSign, Items: []string{w.T("report.sign.assessor"), w.T("report.sign.client"), w.T("report.sign.date")}}}}
}

func appendixPart(w results.Words, d *Document) part {
	p := part{ID: "appendix", Blocks: []block{heading(1, w.T("report.heading.appendix"))}}
	p.Blocks = append(p.Blocks, block{Kind: bFacts, Facts: []results.Field{
		{Label: w.T("report.fact.content"), Text: w.T("report.content_line", "Title", clean(orDash(d.Pack.Title)),
			"ID", clean(d.Pack.ID), "Version", clean(d.Pack.Version), "Lang", clean(d.Pack.Lang))},
		{Label: w.T("report.fact.session"), Text: clean(d.ID)},
		{Label: w.T("report.fact.date"), Text: w.T("report.date_status", "Date", w.Date(d.Date()), "Status", w.Status(d.Status))},
	}})
	answers := func(title string, lines []Line) {
		if len(lines) == 0 {
			return
		}
		p.Blocks = append(p.Blocks, heading(2, clean(title)))
		t := block{Kind: bTable, Widths: []float64{5, 1.4, 3.6}, Classes: []string{"", "answer", "note"},
			Head: []string{w.T("report.col.question"), w.T("report.col.answer"), w.T("report.col.note")}}
		for _, l := range lines {
			mark := answerCell(w, l.Value())
			t.Rows = append(t.Rows, []tcell{{Text: clean(l.Text)}, mark, {Text: clean(l.Note)}})
		}
		p.Blocks = append(p.Blocks, t)
	}
	for _, s := range d.Sections {
		answers(s.Title, s.Items)
	}
	for _, a := range d.Areas {
		answers(a.Title, a.Statements)
	}
	if len(d.Edits) > 0 {
		// The edit log: every change made after the session was completed.
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.edits")))
		t := block{Kind: bTable, Widths: []float64{1.8, 4, 1.6, 1.6, 2.5},
			Head: []string{w.T("report.col.when"), w.T("report.col.question"), w.T("report.col.before"),
				w.T("report.col.now"), w.T("report.col.note")}}
		for _, ed := range d.Edits {
			old, now := answerCell(w, value(ed.OldAnswer)), answerCell(w, value(ed.Answer))
			note := ""
			if ed.OldNote != ed.Note {
				note = clean(orDash(ed.OldNote)) + " → " + clean(orDash(ed.Note))
			}
			t.Rows = append(t.Rows, []tcell{{Text: w.Locale().DateTime(ed.At)}, {Text: clean(ed.Text)}, old, now, {Text: note}})
		}
		p.Blocks = append(p.Blocks, t)
	}
	if notes := strings.TrimSpace(d.Notes); notes != "" {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.session_notes")), block{Kind: bQuote, Text: clean(notes)})
	}
	if intro := strings.TrimSpace(d.Pack.Intro); intro != "" {
		p.Blocks = append(p.Blocks, heading(2, w.T("report.heading.intro")), block{Kind: bQuote, Text: clean(intro)})
	}
	return p
}

func value(v *checklist.Value) checklist.Value {
	if v == nil {
		return ""
	}
	return *v
}

// answerCell words an answer with its tone: No and a rating of 1 read as
// bad, Partly and 2 as a warning, Yes and 4–5 as good; a rating reads as
// its word ("1 never") rather than a bare digit.
func answerCell(w results.Words, v checklist.Value) tcell {
	c := tcell{Text: w.Answer(v)}
	switch v {
	case checklist.Yes:
		c.Tone = toneGood
	case checklist.Partly:
		c.Tone = toneWarn
	case checklist.No:
		c.Tone, c.Bold = toneBad, true
	case checklist.NA, "":
	default:
		c.Text = w.T("answer.rating." + string(v))
		switch string(v) {
		case "1":
			c.Tone, c.Bold = toneBad, true
		case "2":
			c.Tone = toneWarn
		case "4", "5":
			c.Tone = toneGood
		}
	}
	return c
}
