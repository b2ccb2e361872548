package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"sync"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate is parsed once, on first use rather than at start-up, which
// every command (--version included) would otherwise pay for. html/template
// escapes every user text by its context (element, attribute, SVG text),
// which is why no text is escaped by hand here.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"iso":      isoDay,
		"dash":     orDash,
		"add1":     func(i int) int { return i + 1 },
		"num":      func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
		"addf":     func(a, b float64) float64 { return a + b },
		"answered": answeredClass,
		"add":      func(a, b int) int { return a + b },
		"hasNotes": hasNotes,
		// The words of the session's language, its Words passed first:
		// plain functions, which templates call much faster than methods.
		"t":          func(w results.Words, id string) string { return w.T(id) },
		"score":      results.Words.Score,
		"pct":        results.Words.Percent,
		"int":        results.Words.Int,
		"of":         results.Words.Of,
		"signed":     results.Words.Signed,
		"answer":     results.Words.Answer,
		"date":       results.Words.Date,
		"status":     results.Words.Status,
		"outcome":    results.Words.Outcome,
		"goalstatus": results.Words.GoalStatus,
		"details":    results.Words.GoalDetails,
		"from":       results.Words.ReviewFrom,
		"met":        results.Words.Met,
		"fields":     results.Words.GoalFields,
		"counts":     sectionCounts,
	}).Parse(htmlSource))
})

// WriteHTML writes d as one self-contained HTML page in the session's
// language (its lang attribute says which): inline CSS, an inline SVG chart
// of the areas, no script and nothing fetched from the network. It prints
// on A4 and Letter alike.
func WriteHTML(w io.Writer, d Document) error {
	wd := d.Words()
	data := htmlData{Doc: d, W: wd, Title: wd.Title(d), Incomplete: incompleteLine(wd, &d), Chart: buildChart(wd, &d),
		Scale: wd.T("report.scale", "Min", wd.Num(d.Total.Min), "Max", wd.Num(d.Total.Max), "Percent", wd.TotalPosition(d.Total.Total))}
	if c := d.Comparison; c != nil {
		data.ChangeSince = changeSince(wd, c)
		data.Sessions = wd.T("report.sessions_this", "A", c.A.ID, "AWhen", wd.When(c.A), "B", c.B.ID, "BWhen", wd.When(c.B))
		if m := wd.Mismatch(*c); m != "" {
			data.Mismatch = wd.T("report.note", "Text", m)
		}
	}
	if err := htmlTemplate().Execute(w, data); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

type htmlData struct {
	Doc   Document
	W     results.Words
	Title string
	Scale string // "on a scale of 8 to 40 (46%)"
	// The comparison's heading, its sessions and a note when they were
	// answered with different content.
	ChangeSince, Sessions, Mismatch string
	Incomplete                      string
	Chart                           chart
}

// chart is the SVG bar chart of the areas, laid out in Go so that the
// template only places numbers. Each title sits above its bar, so a long
// title never runs into the bars.
type chart struct {
	Width, Height float64
	BarX, BarW    float64 // where the 1–5 scale starts and how wide it is
	AxisY         float64 // the scale's baseline, under the last bar
	Rows          []chartRow
	Ticks         []chartTick
}

type chartRow struct {
	Title      string
	TitleX     float64
	Value      string // "3.5 (62%)" or "–"
	Y          float64
	TextY      float64
	W          float64 // bar width; 0 when the area has no score
	BandClass  string
	Scored     bool
	Percentage string
}

type chartTick struct {
	X     float64
	Label string
}

const (
	chartWidth = 640.0
	chartRowH  = 34.0
	chartBarH  = 12.0
	chartTop   = 6.0
	chartAxisH = 18.0
)

func buildChart(w results.Words, d *Document) chart {
	// The bars start a little in from the left so that the "1" tick
	// label, centred on its tick, is not cut off.
	c := chart{Width: chartWidth, BarX: 14, BarW: chartWidth - 124}
	for i, a := range d.Areas {
		y := chartTop + float64(i)*chartRowH
		r := chartRow{Title: a.Title, TextY: y + 12, Y: y + 17, Scored: a.Score.Valid, Value: "–"}
		r.TitleX = c.BarX
		if a.Score.Valid {
			r.W = round1(c.BarW * a.Percent.Value / 100)
			// An area's percentage is its position on 1–5, not score / 5:
			// the score alone is shown (issue 10).
			r.Value = w.Score(a.Score)
			r.Percentage = w.Percent(a.Percent)
		}
		r.BandClass = bandClass(d.Bands, a.Band)
		c.Rows = append(c.Rows, r)
	}
	c.AxisY = chartTop + float64(len(d.Areas))*chartRowH
	c.Height = c.AxisY + chartAxisH
	// The bars are the areas' positions on 1–5, so the ticks are the
	// scale's points: 1 at the left, 5 at the right.
	for v := scoring.MinRating; v <= scoring.MaxRating; v++ {
		c.Ticks = append(c.Ticks, chartTick{X: round1(c.BarX + c.BarW*float64(v-scoring.MinRating)/float64(scoring.MaxRating-scoring.MinRating)),
			Label: w.Int(v)})
	}
	return c
}

func round1(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 1, 64), 64)
	return v
}

// bandClass maps a band to one of five colour classes, lowest band red,
// highest green, however many bands the pack defines.
func bandClass(bands []checklist.Band, id string) string {
	if id == "" {
		return "band-none"
	}
	for i, b := range bands {
		if b.ID == id {
			if len(bands) == 1 {
				return "band-4"
			}
			// Rounded to the nearest class, so that with four bands the
			// third ("good") is green rather than amber.
			n := len(bands) - 1
			return "band-" + strconv.Itoa((i*4+n/2)/n)
		}
	}
	return "band-none"
}

func answeredClass(l Line) string {
	switch v := l.Value(); {
	case v == "":
		return "unanswered"
	case v == checklist.NA:
		return "na"
	default:
		return "answered"
	}
}

// sectionCounts says how a section was answered: "yes 1, partly 1, no 0,
// n/a 0", after how many are answered when the section is not finished,
// so that 100% is not read as "all done".
func sectionCounts(w results.Words, s Section) string {
	counts := w.T("report.section_counts", "Yes", w.Int(s.Yes), "Partly", w.Int(s.Partly), "No", w.Int(s.No), "NA", w.Int(s.NA))
	if s.Answered+s.NA < s.Total {
		return w.T("report.section_answered", "Answered", w.SectionAnswered(s.Section), "Counts", counts)
	}
	return counts
}

// hasNotes reports whether any of lines has a note, which the HTML gives
// a wider column.
func hasNotes(lines []Line) bool {
	for _, l := range lines {
		if l.Note != "" {
			return true
		}
	}
	return false
}
