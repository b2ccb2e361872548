package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/results/resultstest"
)

func TestMarkdownReportGolden(t *testing.T) {
	for lang, d := range fixedDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteMarkdownReport(&b, d, Options{Branding: Branding{Firm: "Qualità & Co", Consultant: "Anna Kë"}}); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, s := range mustHold(d) {
				if s = strings.Join(strings.Fields(s), " "); !strings.Contains(strings.Join(strings.Fields(got), " "), s) &&
					!strings.Contains(got, mdText(s)) {
					t.Errorf("the Markdown does not hold %q", s)
				}
			}
			golden(t, filepath.Join("testdata", "report_"+lang+".report.md"), got)
		})
	}
}

// TestMarkdownNamesAsWritten: ordinary names and notes show no backslash;
// markup in user text is still neutralised.
func TestMarkdownNamesAsWritten(t *testing.T) {
	for _, s := range []string{"Rossi & Figli_Srl (#1)", "O'Brien's Café – ë ç", "snake_case_name", "Acme [UK] Ltd.",
		"50% off, 3 + 4 = 7", "C:\\Users\\jo", "2025-06-30", "x < y", "AT&T"} {
		if got := mdText(s); got != s {
			t.Errorf("mdText(%q) = %q, want it as written", s, got)
		}
	}
	for s, want := range map[string]string{
		"*bold*":           `\*bold\*`,
		"<script>":         `\<script>`,
		"[link](http://x)": `\[link](http://x)`,
		"# heading":        `\# heading`,
		"- item":           `\- item`,
		"1. first":         `\1. first`,
		"_emph_":           `\_emph\_`,
		"&amp;":            `\&amp;`,
		"`code`":           "\\`code\\`",
	} {
		if got := mdText(s); got != want {
			t.Errorf("mdText(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPseudoLocalePagedReports renders the outline every paged format is
// made from, in the pseudo-locale with user data marked too, and finds no
// text that did not come through the catalogue.
func TestPseudoLocalePagedReports(t *testing.T) {
	p := resultstest.Pseudo(testPack())
	p.Intro = resultstest.Wrap("About this check")
	d := italianDocument(t, p, resultstest.Wrap)
	var b bytes.Buffer
	if err := WriteMarkdownReport(&b, d, Options{Branding: Branding{Firm: resultstest.Wrap("Firm")}}); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, leak := range resultstest.Leaks(text, "testpack", "qps") {
		t.Errorf("%q is not from the catalogue: %q", leak, resultstest.Context(text, leak))
	}
	hasTrendAndStrengths(t, text)
	var pdf bytes.Buffer
	if _, err := WritePDF(&pdf, d, Options{Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
}

func TestHTMLReport(t *testing.T) {
	for lang, d := range fixedDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteHTMLReport(&b, d, Options{Branding: Branding{Firm: "Qualità & Co", Consultant: "Anna Kë"}}); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			text := strings.Join(strings.Fields(readable(t, "html", got)), " ")
			for _, s := range mustHold(d) {
				if s = strings.Join(strings.Fields(s), " "); !strings.Contains(text, s) {
					t.Errorf("the HTML does not hold %q", s)
				}
			}
			// One offline file: an SVG chart, a page per part in print,
			// nothing to run or fetch.
			for _, want := range []string{`<svg class="chart" role="img"`, "section.part { break-before: page;", `<section class="part" id="appendix">`} {
				if !strings.Contains(got, want) {
					t.Errorf("no %s", want)
				}
			}
			for _, bad := range []string{"<script", "href=", "url(", "@import"} {
				if strings.Contains(got, bad) {
					t.Errorf("the page holds %s", bad)
				}
			}
			golden(t, filepath.Join("testdata", "report_"+lang+".report.html"), got)
		})
	}
}

func TestPseudoLocaleHTMLReport(t *testing.T) {
	p := resultstest.Pseudo(testPack())
	d := italianDocument(t, p, resultstest.Wrap)
	var b bytes.Buffer
	if err := WriteHTMLReport(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	text := readable(t, "html", b.String())
	for _, leak := range resultstest.Leaks(text, "testpack", "qps") {
		t.Errorf("%q is not from the catalogue: %q", leak, resultstest.Context(text, leak))
	}
	hasTrendAndStrengths(t, text)
}

// hasTrendAndStrengths checks that a pseudo-locale render holds the trend
// of the total and the strengths, so that the leak check covers them.
func hasTrendAndStrengths(t *testing.T, text string) {
	t.Helper()
	for _, want := range []string{"⟦Trend of the total⟧", "⟦Range⟧", "⟦Strengths⟧"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pseudo-locale report lacks %s", want)
		}
	}
}
