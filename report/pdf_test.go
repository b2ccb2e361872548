package report

import (
	"bytes"
	"github.com/servicecheck/servicecheck/results"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// tj is one text-showing operation of an uncompressed content stream, as
// fpdf writes it: a literal string (UTF-16BE for the UTF-8 fonts), Tj.
var tj = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\)\s*Tj`)

// pdfStrings returns the text the PDF shows, one string per Tj, in order.
func pdfStrings(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, m := range tj.FindAllSubmatch(pdf, -1) {
		raw := unescapePDF(m[1])
		if len(raw)%2 != 0 {
			t.Fatalf("odd UTF-16 string %q", raw)
		}
		u := make([]uint16, len(raw)/2)
		for i := range u {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

func unescapePDF(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch b[i] {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default:
			out = append(out, b[i])
		}
	}
	return out
}

// pdfText is s as the PDF draws it in the Go fonts: one "?" a character
// they lack.
func pdfText(s string) string {
	t, _ := placeholders(s, goRegular)
	return t
}

// flat joins the strings with spaces and collapses white space, so that a
// text wrapped over lines is found whole.
func flat(ss []string) string { return strings.Join(strings.Fields(strings.Join(ss, " ")), " ") }

func renderPDF(t *testing.T, d Document, opt Options) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	opt.Uncompressed = true
	n, err := WritePDF(&b, d, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.Contains(b.Bytes()[b.Len()-32:], []byte("%%EOF")) {
		t.Fatalf("not a PDF file")
	}
	if dir := os.Getenv("SERVICECHECK_REPORT_DIR"); dir != "" {
		// For looking at by hand: pdftoppm -png the files.
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+".pdf"), b.Bytes(), 0o644)
	}
	return b.Bytes(), n
}

// fixedDocuments are the sessions the paged reports are tested on: the
// English test pack and the Italian content pack, each with a previous
// session and a plan.
func fixedDocuments(t *testing.T) map[string]Document {
	p, err := content.ForLang("it")
	if err != nil {
		t.Fatal(err)
	}
	// The English session has its details: a site, participants and a
	// change made after completion (the appendix's edit log).
	later := laterSession()
	later.Site, later.Participants = "Via Roma 1, Tirana", []string{"Jo", "Ann"}
	later.Edits = []checklist.Edit{{QID: "culture.internal", At: t1.Add(2 * time.Hour), OldValue: checklist.Partly, Value: checklist.No}}
	en := Build(testPack(), later, earlierSession(), testPack())
	en.SetTrend(testPack(), later, []results.TrendPoint{results.Point(testPack(), earlierSession())})
	return map[string]Document{
		"en": en,
		"it": italianDocument(t, p, func(s string) string { return s }),
	}
}

// mustHold lists what a paged report must say: the client, the total, every
// finding and every goal.
func mustHold(d Document) []string {
	w := d.Words()
	want := []string{clean(d.Client), w.Score(d.Total.Score)}
	if d.Site != "" {
		want = append(want, d.Site)
	}
	for _, e := range d.Edits {
		want = append(want, e.Text)
	}
	for _, f := range findingsOf(&d) {
		want = append(want, f.Text)
		if f.Note != "" {
			want = append(want, strings.Join(strings.Fields(f.Note), " "))
		}
	}
	if d.Plan != nil {
		for _, g := range d.Plan.Goals {
			want = append(want, g.Problem, g.What, g.Target)
		}
	}
	return want
}

func TestPDFHoldsTheReport(t *testing.T) {
	for lang, d := range fixedDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			pdf, pages := renderPDF(t, d, Options{Branding: Branding{Firm: "Qualità & Co", Consultant: "Anna Kë", Contact: "anna@example.com"}})
			text := flat(pdfStrings(t, pdf))
			for _, s := range mustHold(d) {
				if s = strings.Join(strings.Fields(pdfText(s)), " "); !strings.Contains(text, s) {
					t.Errorf("the PDF does not hold %q", s)
				}
			}
			if pages < 5 {
				t.Errorf("%d pages, want a page for each part", pages)
			}
			// Nothing internal before the appendix.
			appendix := strings.Index(text, d.Words().T("report.heading.appendix"))
			if i := strings.Index(text, d.Pack.Version); i >= 0 && i < appendix {
				t.Errorf("the pack's version shows before the appendix")
			}
			if i := strings.Index(text, " "+d.ID+" "); i >= 0 && i < appendix {
				t.Errorf("the session id shows before the appendix")
			}
			golden(t, filepath.Join("testdata", "report_"+lang+".pdf.txt"), strings.Join(pdfStrings(t, pdf), "\n")+"\n")
		})
	}
}

func TestPDFLetter(t *testing.T) {
	d := fixedDocuments(t)["en"]
	a4, _ := renderPDF(t, d, Options{})
	letter, _ := renderPDF(t, d, Options{Paper: "letter"})
	if !bytes.Contains(a4, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Errorf("A4 is not the default size")
	}
	if !bytes.Contains(letter, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Errorf("--paper letter is not Letter")
	}
}

// TestPDFNoMarkMeansNo: a No reads as a word on its own colour, never as
// colour alone.
func TestPDFNoReadsAsAWord(t *testing.T) {
	d := fixedDocuments(t)["en"]
	pdf, _ := renderPDF(t, d, Options{})
	ss := pdfStrings(t, pdf)
	no := d.Words().Answer(checklist.No)
	n := 0
	for _, s := range ss {
		if s == no {
			n++
		}
	}
	if n < 2 { // the finding's mark and the appendix's answer
		t.Errorf("%q appears %d times, want it on the finding and in the appendix", no, n)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
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
}
