package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/servicecheck/servicecheck/checklist"
)

const (
	clientHebrew = "מרפאת שלום"             // "Shalom clinic"
	noteArabic   = "الموظفون ودودون جدا 24" // "the staff are very friendly 24"
	noteCJK      = "前台很友好"                  // five characters no embedded font has
	siteArmenian = "Երևան, Աբովյան 1"
	notePersian  = "کارکنان خیلی مهربان هستند" // Persian letters (peh, gaf, farsi yeh) join too
)

// scriptsDocument is the English session of a Hebrew-named client with an
// Arabic note, a CJK note, a Persian note and an Armenian site.
func scriptsDocument() Document {
	later := laterSession()
	later.Client, later.Site = clientHebrew, siteArmenian
	later.Answers["culture.training"] = ans(checklist.Yes, noteArabic)
	later.Answers["contact.channels"] = ans(checklist.Rating(2), noteCJK)
	later.Answers["culture.front-line"] = ans(checklist.Partly, notePersian)
	return Build(testPack(), later, earlierSession(), testPack())
}

func TestVisualLine(t *testing.T) {
	for _, c := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{"plain text", false, "plain text"},
		{"abc אבג", false, "abc גבא"},
		{"שלום עולם", true, "םלוע םולש"},
		{"גרסה 12", true, "12 הסרג"},
		{"Client: שלום (2024)", false, "Client: (2024) םולש"}, // the brackets go with the Hebrew (N0)
		{"Client: abc (שלום)", false, "Client: abc (םולש)"},
		{"שלום (בית)", true, "(תיב) םולש"},
		{"אב 12.5% גד", true, "דג 12.5% בא"},
		{"abc אבג def", true, "def גבא abc"},
		{"\u05d1\u05bc\u05d0", true, "\u05d0\u05d1\u05bc"}, // the dagesh stays on its bet
		{"", true, ""},
	} {
		if got := visualLine(c.in, c.rtl); got != c.want {
			t.Errorf("visualLine(%q, %v) = %q, want %q", c.in, c.rtl, got, c.want)
		}
	}
}

func TestShapeArabic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// beh alone; beh-beh: initial, final; beh-alef-beh: initial,
		// final alef, isolated beh (alef does not join forward).
		{"ب", "\uFE8F"},
		{"بب", "\uFE91\uFE90"},
		{"باب", "\uFE91\uFE8E\uFE8F"},
		{"ببب", "\uFE91\uFE92\uFE90"},
		{"لا", "\uFEFB"},              // lam-alef, isolated
		{"بلا", "\uFE91\uFEFC"},       // after a joining letter: final
		{"بَب", "\uFE91\u064E\uFE90"}, // a fatha between does not break the join
		{"abc", "abc"},
	} {
		if got := shapeArabic(c.in); got != c.want {
			t.Errorf("shapeArabic(%q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		n    int
	}{
		{"Klientët", "Klientët", 0},
		{"前台很友好", "?????", 5},
		{"team 👩🏽‍💻🎉 ok", "team ?? ok", 2}, // a ZWJ sequence with its skin tone is one character
		{"a\u200bb\x07c", "abc", 0},        // what draws nothing is left out, not counted
	} {
		got, runs := placeholders(c.in, goRegular)
		n := 0
		for _, r := range runs {
			n += lostCount(r)
		}
		if got != c.want || n != c.n {
			t.Errorf("placeholders(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.n)
		}
	}
}

// TestPDFDrawsOtherScripts: Hebrew, Arabic, Persian and Armenian are drawn
// (in DejaVu Sans, right to left where they read so); CJK is "?" and
// counted; the Go fonts still draw the rest.
func TestPDFDrawsOtherScripts(t *testing.T) {
	d := scriptsDocument()
	var b bytes.Buffer
	res, err := WritePDFReport(&b, d, Options{Uncompressed: true})
	if err != nil {
		t.Fatal(err)
	}
	pdf := b.Bytes()
	ss := pdfStrings(t, pdf)
	text := flat(ss)
	// fpdf writes the characters as drawn, left to right: the Hebrew
	// name reads reversed, word order too.
	if want := visualLine(clientHebrew, true); want != "םולש תאפרמ" || !strings.Contains(text, want) {
		t.Errorf("the PDF does not hold the Hebrew client %q as %q", clientHebrew, want)
	}
	if !strings.Contains(text, siteArmenian) {
		t.Errorf("the PDF does not hold the Armenian site %q", siteArmenian)
	}
	arabic := visualLine(shapeArabic(noteArabic), true)
	if !strings.Contains(text, arabic) {
		t.Errorf("the PDF does not hold the Arabic note, shaped and right to left: %+q", arabic)
	}
	if !strings.HasPrefix(arabic, "24 ") {
		t.Errorf("the number does not end the Arabic line on the left: %+q", arabic)
	}
	if persian := visualLine(shapeArabic(notePersian), true); !strings.Contains(text, persian) {
		t.Errorf("the PDF does not hold the Persian note %+q", persian)
	}
	if !strings.Contains(text, "?????") {
		t.Errorf("the CJK note is not five placeholders")
	}
	if res.Unshown != 5 {
		t.Errorf("Unshown = %d, want the CJK note's 5 characters", res.Unshown)
	}
	if !bytes.Contains(pdf, []byte("/BaseFont /utf8dejavu")) {
		t.Errorf("DejaVu Sans is not embedded")
	}
	// The rest stays in the Go fonts, and a Latin report embeds no DejaVu.
	if !strings.Contains(text, "Customer-first thinking is trained at every level") {
		t.Errorf("the Latin text is missing")
	}
	var latin bytes.Buffer
	if _, err := WritePDF(&latin, fixedDocuments(t)["it"], Options{Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(latin.Bytes(), []byte("DejaVu")) {
		t.Errorf("an Italian report embeds DejaVu Sans")
	}
}

// TestWrapRightToLeft: a Hebrew paragraph longer than a line breaks in
// logical order — its first words on the first line — and each line reads
// from the right; no line is wider than the cell.
func TestWrapRightToLeft(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	f.AddPage()
	r := &pdfRenderer{f: f, registered: map[string]bool{}, unshown: map[string]int{}}
	r.font("", 10)
	words := strings.Fields(strings.Repeat("אחת שתיים שלוש ארבע חמש ", 8))
	lines := r.lines(strings.Join(words, " "), 60)
	if len(lines) < 3 {
		t.Fatalf("%d lines, want the paragraph wrapped", len(lines))
	}
	first := strings.Fields(lines[0])
	if first[len(first)-1] != visualLine(words[0], true) {
		t.Errorf("the first line %q does not end (on the right) with the first word", lines[0])
	}
	n := 0
	for _, l := range lines {
		n += len(strings.Fields(l))
		if w := f.GetStringWidth(l); w > 60 {
			t.Errorf("line %q is %.1f mm wide, in a 60 mm cell", l, w)
		}
	}
	if n != len(words) {
		t.Errorf("%d words drawn, want %d", n, len(words))
	}
}
