package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results"
)

// worstGoals are the goals of the worst case's plan in each language:
// long problems and the language's long words, every field filled.
var worstGoals = map[string][]string{
	"en": {"Calls ring out at lunch and nobody calls the customers back", "A second line staffed over the lunch break", "95% of calls answered before the third ring"},
	"it": {"Il telefono squilla a vuoto durante la pausa pranzo e nessuno richiama", "Una seconda linea presidiata durante la pausa pranzo", "il novantacinque percento delle chiamate"},
	"sq": {"Telefoni bie pa përgjigje gjatë pushimit të drekës dhe askush nuk i rikthen thirrjet", "Një linjë e dytë telefonike gjatë pushimit të drekës", "nëntëdhjetë e pesë përqind e thirrjeve"},
	"af": {"Die telefoon lui onbeantwoord gedurende etenstyd en niemand skakel kliënte terug", "'n Tweede telefoonlyn met personeelbemanning gedurende etenstyd", "vyf-en-negentig persent van oproepe binne drie luie"},
}

// worstDocument is the fullest summary a real client gives, in lang: the
// built-in pack with every area scored, ten sessions (a long trend, the
// previous one beside each bar), more findings than the summary lists, a
// plan of more goals than it lists, each with every field filled, and a
// long client name. An unfinished session adds the line on what is left
// to answer (its trend is then the nine before it).
func worstDocument(t *testing.T, lang string, unfinished bool) Document {
	t.Helper()
	p, err := content.ForLang(lang)
	if err != nil {
		t.Fatal(err)
	}
	id := func(s string) string { return s }
	const client = "Pasticceria, Gelateria e Caffetteria Artigianale dei Fratelli Rossi & Figli S.r.l."
	var sessions []*checklist.Session
	var points []results.TrendPoint
	for i := range 10 {
		s := answered(p, fmt.Sprintf("S%02d", i), client, i, t0.AddDate(0, 2*i, i), id)
		sessions = append(sessions, s)
		points = append(points, results.Point(p, s))
	}
	later, earlier := sessions[len(sessions)-1], sessions[len(sessions)-2]
	g := worstGoals[lang]
	for i := range 6 {
		later.Plan.Goals = append(later.Plan.Goals, checklist.Goal{Problem: g[0], What: g[1], Target: g[2],
			Owner: "Maria Giovanna Bianchi-Ferraresi", DueDate: mustDay(2026, 12, 31-i), Status: checklist.StatusInProgress,
			Note: g[1]})
	}
	if unfinished {
		later.Status, later.CompletedAt = checklist.InProgress, time.Time{}
		for _, q := range p.Questions()[:3] {
			delete(later.Answers, q.ID)
		}
	}
	d := Build(p, later, earlier, p)
	d.SetTrend(p, later, points[:len(points)-1])
	want := 10
	if unfinished {
		want = 9
		if incompleteLine(d.Words(), &d) == "" {
			t.Fatal("an unfinished session has no line on what is left")
		}
		// Every area is rated: the paragraph must not say none is.
		if para, want := summaryParagraph(d.Words(), &d, findingsOf(&d)), d.Words().T("report.para.unfinished", "Client", d.Client); !strings.Contains(para, want) {
			t.Errorf("the summary of an unfinished session says %q, want %q in it", para, want)
		}
	}
	if len(d.Trend) != want {
		t.Fatalf("the trend has %d sessions, want %d", len(d.Trend), want)
	}
	return d
}

// pageOf is the page the exact text s starts on, in a PDF of pages pages
// whose text is ss: the cover has no footer, every later page ends with
// its "Page N of M".
func pageOf(d Document, ss []string, pages int, s string) int {
	w := d.Words()
	footers := map[string]bool{}
	for n := 2; n <= pages; n++ {
		footers[w.T("report.page", "N", fmt.Sprint(n), "Total", fmt.Sprint(pages))] = true
	}
	page := 2 // the cover's text is followed by the summary's
	for _, x := range ss {
		if x == s {
			return page
		}
		if footers[x] {
			page++
		}
	}
	return 0
}

// TestPDFSummaryFitsOnePage: in every language and on A4 and Letter, the
// fullest summary (worstDocument) stays on page 2: the findings start on
// page 3.
func TestPDFSummaryFitsOnePage(t *testing.T) {
	for _, lang := range []string{"en", "it", "sq", "af"} {
		for _, unfinished := range []bool{false, true} {
			d := worstDocument(t, lang, unfinished)
			w := d.Words()
			for _, paper := range []string{"a4", "letter"} {
				name := lang + "_" + paper
				if unfinished {
					name += "_unfinished"
				}
				t.Run(name, func(t *testing.T) {
					pdf, pages := renderPDF(t, d, Options{Paper: paper})
					ss := pdfStrings(t, pdf)
					if got := pageOf(d, ss, pages, w.T("report.heading.summary")); got != 2 {
						t.Errorf("the summary starts on page %d, want 2", got)
					}
					if got := pageOf(d, ss, pages, w.T("report.heading.findings")); got != 3 {
						t.Errorf("the findings start on page %d, want 3: the summary takes more than one page", got)
					}
				})
			}
		}
	}
}

// TestSummaryCaps: the summary's trend keeps the newest trendColumns
// sessions, this one's total in bold, and says how many it leaves out; its
// lists keep topFindings findings and topGoals goals and say how many
// more the later parts hold.
func TestSummaryCaps(t *testing.T) {
	d := worstDocument(t, "en", false)
	w := d.Words()
	p := summaryPart(w, &d, findingsOf(&d))
	var trend, small, bullets []block
	for _, b := range p.Blocks {
		switch {
		case b.Kind == bTable:
			trend = append(trend, b)
		case b.Kind == bSmall:
			small = append(small, b)
		case b.Kind == bBullets:
			bullets = append(bullets, b)
		}
	}
	if len(trend) != 1 || len(small) != 1 || len(bullets) != 2 {
		t.Fatalf("%d tables, %d small lines, %d lists; want the trend, its hidden line, findings and goals", len(trend), len(small), len(bullets))
	}
	tb := trend[0]
	last := d.Trend[len(d.Trend)-1]
	if len(tb.Head) != 1+trendColumns || tb.Head[trendColumns] != w.Date(last.Date) || len(tb.Line) != trendColumns {
		t.Errorf("trend head = %q, %d points on the line; want the newest %d", tb.Head, len(tb.Line), trendColumns)
	}
	if got := tb.Rows[0][trendColumns]; got.Text != w.Score(last.Total) || !got.Bold {
		t.Errorf("this session's total = %+v, want it in bold", got)
	}
	if got, want := small[0].Text, "4 earlier sessions are not shown."; got != want {
		t.Errorf("hidden line = %q, want %q", got, want)
	}
	fs, gs := bullets[0], bullets[1]
	if n := len(findingsOf(&d)); len(fs.Items) != topFindings+1 || fs.Items[topFindings] != w.N("report.more_findings", n-topFindings) {
		t.Errorf("findings = %q", fs.Items)
	}
	if len(gs.Items) != topGoals+1 || gs.Items[topGoals] != "… and 3 more goals, in the plan" {
		t.Errorf("goals = %q", gs.Items)
	}
	if fs.MaxLines != summaryLines || gs.MaxLines != summaryLines {
		t.Errorf("the summary's lists are not capped at %d lines", summaryLines)
	}
}
