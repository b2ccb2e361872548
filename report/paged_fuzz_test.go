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
	// Other scripts: Hebrew with points, a mixed line, stacked marks,
	// flags and joined emoji, right-to-left words longer than a line,
	// and a 64 KiB note (the longest the wizard keeps) in four scripts.
	"בְּרֵאשִׁית בָּרָא ‏(אֱלֹהִים)‎ 2024",
	"Ann (אנה) 12.5% مرحبا بالعالم 123 Zoë 前台 Երևան",
	"e\u0301\u0301\u0301\u0301 Z̷̢͚a̴l̶g̷o̵ \u0301 ب\u064e\u064e",
	"🏳️‍🌈 🇦🇱 👨‍👩‍👧 1️⃣ ❤️",
	strings.Repeat("ש", 5000) + " " + strings.Repeat("لا", 3000),
	strings.Repeat("שלום עולם مرحبا بكم 前台很友好 Klientët ", 1600)[:65536],
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
		res, err := WritePDFReport(&b, d, Options{Paper: paper, Uncompressed: true})
		if err != nil {
			t.Fatalf("pdf: %v", err)
		}
		pages := res.Pages
		// What DejaVu Sans draws is never lost; what is lost is counted.
		if drawable(d.Client) && res.Unshown != 0 {
			t.Fatalf("pdf: %d characters lost of %+q, which DejaVu Sans draws", res.Unshown, d.Client)
		}
		if !drawable(d.Client) && strings.Contains(d.Client, "前") && res.Unshown == 0 {
			t.Fatalf("pdf: no character counted lost of %+q", d.Client)
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
	// A bad byte is one U+FFFD in the DOCX, as a range over the string
	// gives, and so are U+FFFE and U+FFFF, which XML may not hold.
	noXML := func(r rune) rune {
		if r == 0xfffe || r == 0xffff {
			return '\uFFFD'
		}
		return r
	}
	if c := strings.Join(strings.Fields(strings.Map(noXML, clean(string([]rune(d.Client))))), " "); c != "" && len(c) < 200 &&
		!strings.Contains(text, c) {
		t.Errorf("docx: the client %q is not in document.xml", c)
	}
}

// drawable reports whether both weights of DejaVu Sans draw every
// visible character of s.
func drawable(s string) bool {
	for _, r := range shapeArabic(s) {
		if r != '\n' && !invisible(r) && !(dejavuRegular.has(r) && dejavuBold.has(r)) {
			return false
		}
	}
	return true
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
		// Long texts (a 10,000-character word, a 64 KiB note) are in the
		// table above; an input of a few KiB already fills pages in every
		// field, and keeps the fuzzer at more than a few runs a second.
		if len(s) > 4096 {
			return
		}
		checkPaged(t, hostileDocument(s))
	})
}
