package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/results/resultstest"
)

var update = flag.Bool("update", false, "rewrite the golden reports")

// answered returns a session of client answered with p: every question
// gets a value that depends on n (so two sessions differ), the first of
// each part a note, and the later session a plan reviewing the earlier's.
func answered(p *checklist.Pack, id, client string, n int, at time.Time, ud func(string) string) *checklist.Session {
	s := &checklist.Session{ID: id, Client: ud(client), Assessor: ud("Giulia Bianchi"), Status: checklist.Completed,
		CreatedAt: at, UpdatedAt: at.Add(time.Hour), CompletedAt: at.Add(time.Hour), Pack: p.Ref(),
		Answers: map[string]checklist.Answer{}}
	items := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	for i, q := range p.Questions() {
		v := checklist.Rating(1 + (i+n)%5)
		if q.Kind == checklist.KindItem {
			v = items[(i+n)%len(items)]
		}
		a := checklist.Answer{Value: v, At: at}
		if i%7 == 0 {
			a.Note = ud("Ne abbiamo parlato con il titolare")
		}
		s.Answers[q.ID] = a
	}
	return s
}

// italianDocument is a completed session answered with the Italian pack,
// compared with the client's previous one, with a plan.
func italianDocument(t *testing.T, p *checklist.Pack, ud func(string) string) Document {
	t.Helper()
	earlier := answered(p, "S1", "Pasticceria Rossi", 0, t0, ud)
	earlier.Plan = checklist.Plan{Goals: []checklist.Goal{
		{Problem: ud("Il telefono squilla a vuoto"), What: ud("Una seconda linea a pranzo"), Target: ud("90% delle chiamate"), Owner: ud("Anna"), DueDate: mustDay(2025, 3, 31)},
		{Problem: ud("I reclami non vengono scritti"), What: ud("Un registro dei reclami")},
	}}
	later := answered(p, "S2", "Pasticceria Rossi", 2, t1, ud)
	later.Plan = checklist.Plan{Vision: ud("Ogni cliente esce contento"), Goals: []checklist.Goal{
		{Problem: ud("Nessuno richiama"), What: ud("Richiamare entro un giorno"), Target: ud("tutti i clienti"), Owner: ud("Marco"), DueDate: mustDay(2025, 6, 30), Status: checklist.StatusDone, Note: ud("giugno")},
	}, Review: []checklist.GoalReview{
		{From: "S1", FromDate: earlier.CompletedAt, Goal: earlier.Plan.Goals[0], Status: checklist.StatusDone, Note: ud("Funziona")},
		{From: "S1", FromDate: earlier.CompletedAt, Goal: earlier.Plan.Goals[1]},
	}}
	d := Build(p, later, earlier, p)
	// The trend of the total: the earlier session, then this one.
	d.SetTrend(p, later, []results.TrendPoint{results.Point(p, earlier)})
	return d
}

// renders writes d in every readable format: name → text.
func renders(t *testing.T, d Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"md":   func(b *bytes.Buffer) error { return WriteMarkdown(b, d) },
		"html": func(b *bytes.Buffer) error { return WriteHTML(b, d) },
		"csv":  func(b *bytes.Buffer) error { return WriteCSV(b, d) },
		"txt":  func(b *bytes.Buffer) error { return WriteTerminal(b, d, TermOptions{Width: 80}) },
		"compare.md": func(b *bytes.Buffer) error {
			return WriteComparisonMarkdown(b, *d.Comparison)
		},
		"compare.txt": func(b *bytes.Buffer) error {
			return WriteComparisonTerminal(b, *d.Comparison, TermOptions{Width: 80})
		},
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	return out
}

// TestGoldenItalianReports keeps every report format of an Italian session:
// headings, labels, numbers with a decimal comma, dates with Italian month
// names, the CSV split by semicolons.
func TestGoldenItalianReports(t *testing.T) {
	p, err := content.ForLang("it")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range renders(t, italianDocument(t, p, func(s string) string { return s })) {
		t.Run(name, func(t *testing.T) {
			if strings.HasSuffix(name, "txt") {
				got = ansi.Strip(got)
			}
			path := filepath.Join("testdata", "report_it."+name)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./report -update writes it)", err)
			}
			if string(want) != got {
				t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got:\n%s", path, got)
			}
		})
	}
}

var (
	styleBlock = regexp.MustCompile(`(?s)<style>.*?</style>`)
	tag        = regexp.MustCompile(`(?s)<[^>]*>`)
)

// readable is the text of a report a person reads: HTML without its markup
// and style sheet, CSV without the id and date columns.
func readable(t *testing.T, name, s string) string {
	switch name {
	case "html":
		s = styleBlock.ReplaceAllString(s, " ")
		s = strings.Replace(s, "<!DOCTYPE html>", "", 1)
		return html.UnescapeString(tag.ReplaceAllString(s, " "))
	case "csv":
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, utf8BOM)))
		r.Comma = ';'
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("csv: %v", err)
		}
		var b strings.Builder
		for _, row := range rows {
			for i, c := range row {
				if i != 0 && i != 2 && i != 4 && i != 5 { // session, date, group and item ids
					b.WriteString(c + "\n")
				}
			}
		}
		return b.String()
	}
	return s
}

// TestPseudoLocaleReports renders every report format of a pack in the
// pseudo-locale, with user data marked too, and finds no text that did not
// come through the catalogue. The codes of the pack (its id and language)
// are allowed where the header names them.
func TestPseudoLocaleReports(t *testing.T) {
	p := resultstest.Pseudo(testPack())
	p.Intro = resultstest.Wrap("About this check")
	for name, got := range renders(t, italianDocument(t, p, resultstest.Wrap)) {
		text := readable(t, name, got)
		for _, leak := range resultstest.Leaks(text, "testpack", "qps") {
			t.Errorf("%s: %q is not from the catalogue: %q", name, leak, resultstest.Context(text, leak))
		}
	}
}
