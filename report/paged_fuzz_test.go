package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// hostile are the texts a note or a name may hold that break naive
// layouts: control characters and escape sequences, a 10,000-character
// word, right-to-left text with bidirectional overrides, emoji with
// joiners, invalid UTF-8, characters XML may not hold.
var hostile = []string{
	"\x00\x01\x07\x1b[31mred\x1b[0m\x7f\u0085\u009b2J",
	strings.Repeat("W", 10000),
	strings.Repeat("ë", 3000) + " " + strings.Repeat("x", 5000),
	"שלום עולם \u202eevil\u202c مرحبا بالعالم",
	"👩🏽‍💻🎉 family 👨‍👩‍👧‍👦",
	"bad \xff\xfe utf-8 \uFFFE\uFFFF",
	"line\r\nbreaks\rand\ttabs\n\n\n",
	"",
	"(parens) \\ backslash ) unbalanced (",
	"<w:p>]]></w:t>&amp;",
}

// hostileDocument puts s in every free text of a session: client,
// assessor, every note, the plan's goal and vision.
func hostileDocument(s string) Document {
	later, earlier := laterSession(), earlierSession()
	later.Client, later.Assessor = s, s
	for id, a := range later.Answers {
		a.Note = s
		later.Answers[id] = a
	}
	later.Plan = checklist.Plan{Vision: s, Goals: []checklist.Goal{{Problem: s, What: s, Target: s, Due: s}}}
	return Build(testPack(), later, earlier, testPack())
}

// td is where a piece of text starts on the page, in points.
var td = regexp.MustCompile(`BT ([-0-9.]+) ([-0-9.]+) Td`)

// checkPaged renders d as PDF and DOCX and checks both files: the PDF
// ends properly and writes every piece of text inside its page's
// margins; the DOCX is a package of well-formed XML that holds the text.
func checkPaged(t *testing.T, d Document) {
	t.Helper()
	for _, paper := range []string{"a4", "letter"} {
		var b bytes.Buffer
		pages, err := WritePDF(&b, d, Options{Paper: paper, Uncompressed: true})
		if err != nil {
			t.Fatalf("pdf: %v", err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b.Bytes()), []byte("%%EOF")) {
			t.Fatal("pdf: not a complete PDF file")
		}
		if pages < 5 || pages > 1000 {
			t.Fatalf("pdf: %d pages", pages)
		}
		width, height := 595.28, 841.89
		if paper == "letter" {
			width, height = 612, 792
		}
		for _, m := range td.FindAllSubmatch(b.Bytes(), -1) {
			x, _ := strconv.ParseFloat(string(m[1]), 64)
			y, _ := strconv.ParseFloat(string(m[2]), 64)
			// The margins are 18 mm (51 pt); text starts a little inside
			// a cell's padding and ends before the right margin.
			if x < 45 || x > width-45 || y < 20 || y > height-40 {
				t.Fatalf("pdf (%s): text at (%.1f, %.1f), outside the page's margins", paper, x, y)
			}
		}
	}
	// The HTML and Markdown reports: no control character gets through,
	// and user text never becomes markup.
	var h, m bytes.Buffer
	if err := WriteHTMLReport(&h, d, Options{}); err != nil {
		t.Fatalf("html: %v", err)
	}
	if err := WriteMarkdownReport(&m, d, Options{}); err != nil {
		t.Fatalf("md: %v", err)
	}
	for name, out := range map[string]string{"html": h.String(), "md": m.String()} {
		if i := strings.IndexFunc(out, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || r == 0x202e }); i >= 0 {
			t.Fatalf("%s: control character %q at %d", name, out[i], i)
		}
	}
	if strings.Contains(h.String(), "<w:p>") || strings.Contains(h.String(), "<script") {
		t.Fatal("html: user text became markup")
	}
	var b bytes.Buffer
	if err := WriteDOCX(&b, d, Options{}); err != nil {
		t.Fatalf("docx: %v", err)
	}
	text := flat(docxParagraphs(t, b.Bytes()))
	if c := strings.Join(strings.Fields(clean(strings.ToValidUTF8(d.Client, "\uFFFD"))), " "); c != "" && len(c) < 200 &&
		!strings.Contains(text, c) && !strings.ContainsRune(c, '\uFFFE') {
		t.Errorf("docx: the client %q is not in document.xml", c)
	}
}

func TestPagedReportsSurviveHostileText(t *testing.T) {
	for i, s := range hostile {
		t.Run(strconv.Itoa(i), func(t *testing.T) { checkPaged(t, hostileDocument(s)) })
	}
}

func FuzzPagedReports(f *testing.F) {
	for _, s := range hostile {
		if len(s) < 200 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 20000 {
			return
		}
		checkPaged(t, hostileDocument(s))
	})
}
