package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/results"
)

// noteLines are the notes of the later session, which every renderer that
// shows notes must keep word for word.
var noteLines = []string{noteComma, noteAlbanian, noteCyrillic, noteEmoji}

func TestMarkdown(t *testing.T) {
	p := testPack()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, Build(p, laterSession(), earlierSession(), p)); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"# Test pack: Acme \"Ltd\" \\<b\\>\n",
		"- Assessor: Jörg Ëmil\n",
		"- Date: 10 Apr 2025 (completed)\n",
		"5.0 of 10, 38% of the way from 2 to 10, Critical. 2 of 3 areas scored, 1 not applicable.",
		"| Responsiveness | 3.5 | Needs work | 2 of 2 | 0 |\n",
		"| Continuous improvement | – | – | 0 of 1 | 1 |\n",
		"1. **Ease of contact**: 1.5, Critical\n   - Print the contact details on every invoice\n",
		"## Change since 10 Jan 2025\n",
		"| Ease of contact | 2.0 | 1.5 | -0.5 |\n",
		"| **Total** | 4.0 | 5.0 | +1.0 |\n",
		"| Identify – Kush janë klientët | 100% | 2 of 2 | 1 | 0 | 0 | 1 |\n",
		"- **4** Problems are solved quickly\n",
		"  Note: First line  \n  second line, with comma  \n  third \"quoted\" line  \n",
		`  Note: \<script\>alert("x")\</script\> & \<b\>bold\</b\>`,
		"- **N/A** Service goals are measurable\n",
		"> Every customer\n> leaves happy\n",
		"   - Target: 95% before the third ring\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	for _, n := range noteLines {
		if !strings.Contains(md, n) {
			t.Errorf("note %q lost", n)
		}
	}
	if strings.Contains(md, "<script>") || strings.Contains(md, "<b>") {
		t.Error("raw markup from user text would render as HTML")
	}
	// The formula note must not start a paragraph with "=", which would
	// turn the line above into a heading.
	if strings.Contains(md, "Note: =") {
		t.Error("line starting with = left unescaped")
	}
}

func TestMarkdownUnfinished(t *testing.T) {
	p := testPack()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, Build(p, unfinishedSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"(in progress)", "No total yet, the session is in progress: 1 of 3 areas scored so far, 2 to go.",
		"In progress: 1 of 3 areas scored so far, 2 to go; 9 answers missing.",
		"- **–** Customers can reach us by phone, e-mail & in person\n  Note: ask again"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "Change since") || strings.Contains(md, "## Plan") {
		t.Error("comparison or plan shown without data")
	}
}

func TestComparisonMarkdown(t *testing.T) {
	pa, pb := testPack(), testPack()
	pb.Version = "1.1.0"
	var buf bytes.Buffer
	if err := WriteComparisonMarkdown(&buf, Compare(pa, earlierSession(), pb, laterSession())); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"10 Jan 2025 to 10 Apr 2025", "Note: answered with different content: testpack 1.0.0 and testpack 1.1.0",
		"| Responsiveness | 2.0 | 3.5 | +1.5 |", "| Checklist section | Before | Now | Change |", "| Culture | 33% | 50% | +17 |"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("comparison lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	sess := laterSession()
	if err := WriteCSV(&buf, Build(testPack(), sess, nil, nil)); err != nil {
		t.Fatal(err)
	}
	data, ok := bytes.CutPrefix(buf.Bytes(), []byte(utf8BOM))
	if !ok {
		t.Fatal("no UTF-8 byte order mark")
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("rows not ended with CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader("en"), ",") {
		t.Errorf("header = %v", rows[0])
	}
	// The plan's rows follow the answers; TestPlanCSV checks them.
	rows = rows[1:]
	for len(rows) > 0 && rows[len(rows)-1][3] != "item" && rows[len(rows)-1][3] != "statement" {
		rows = rows[:len(rows)-1]
	}
	if len(rows) != len(sess.Answers) {
		t.Fatalf("%d rows, want one per answer (%d)", len(rows), len(sess.Answers))
	}
	kinds := map[string]int{}
	for _, r := range rows {
		a := sess.Answers[r[5]]
		if r[0] != "S2" || r[1] != `Acme "Ltd" <b>` || r[2] != "2025-04-10" {
			t.Errorf("row %v: wrong session columns", r)
		}
		if want := results.In("en").Answer(a.Value); r[7] != want {
			t.Errorf("%s answer = %q, want %q", r[5], r[7], want)
		}
		wantNote := a.Note
		if a.Note == noteFormula {
			wantNote = "'" + noteFormula
		}
		if r[8] != wantNote {
			t.Errorf("%s note = %q, want %q", r[5], r[8], wantNote)
		}
		kinds[r[3]+"/"+r[4]]++
	}
	if kinds["item/culture"] != 3 || kinds["statement/contact"] != 2 || kinds["statement/improve"] != 1 {
		t.Errorf("kind/group counts = %v", kinds)
	}
	if rows[0][3] != "item" || rows[len(rows)-1][3] != "statement" {
		t.Error("checklist items must come before statements")
	}
}

func TestCSVSkipsUnanswered(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Build(testPack(), unfinishedSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte(utf8BOM)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// One rated statement and one note without a value; the scores follow.
	if len(rows) < 3 || rows[3][3] != "total" || rows[1][5] != "responsiveness.quick" || rows[2][5] != "contact.channels" || rows[2][7] != "" || rows[2][8] != "ask again" {
		t.Errorf("rows = %q", rows)
	}
}

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"plain", "plain"}, {"=1+1", "'=1+1"}, {"+44 20", "'+44 20"}, {"-5%", "'-5%"},
		{"@sum", "'@sum"}, {"\tx", "'\tx"}, {"a=b", "a=b"}, {"ëmoji 🎉", "ëmoji 🎉"},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminal(t *testing.T) {
	p := testPack()
	sess := laterSession()
	sess.Answers["contact.complain"] = ans("1", "moves the cursor\x1b[2J\x1b[31mred\x07")
	var buf bytes.Buffer
	if err := WriteTerminal(&buf, Build(p, sess, earlierSession(), p), TermOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if strings.Contains(raw, "\x1b[2J") || strings.Contains(raw, "\x07") {
		t.Error("control sequences from a note reach the terminal")
	}
	plain := ansi.Strip(raw)
	for _, want := range []string{
		"Test pack: Acme \"Ltd\" <b>",
		"Total  5.0 of 2–10  38% of the way from 2 to 10  Critical",
		"2 of 3 areas scored, 1 not applicable.",
		"Responsiveness", "3.5  Needs work",
		"1. Ease of contact  1.5  Critical",
		"• Print the contact details on every invoice",
		"Change since 10 Jan 2025",
		"note: First line\n           second line, with comma\n",
		"note: moves the cursorred",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("terminal text lacks %q", want)
		}
	}
	for i, ln := range strings.Split(plain, "\n") {
		if w := ansi.StringWidth(ln); w > 60 {
			t.Errorf("line %d is %d cells wide, over 60: %q", i, w, ln)
		}
	}
	buf.Reset()
	if err := WriteTerminal(&buf, Build(p, sess, nil, nil), TermOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	for _, n := range noteLines {
		if !strings.Contains(ansi.Strip(buf.String()), n) {
			t.Errorf("note %q lost", n)
		}
	}
}

func TestPad(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc  "}, {"abcdef", 4, "abc…"}, {"ëë", 3, "ëë "}, {"🎉🎉🎉", 4, "🎉… "},
	}
	for _, tt := range tests {
		if got := pad(tt.in, tt.n); got != tt.want || ansi.StringWidth(got) != tt.n {
			t.Errorf("pad(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestComparisonTerminalChecklist(t *testing.T) {
	p := testPack()
	var buf bytes.Buffer
	if err := WriteComparisonTerminal(&buf, Compare(p, earlierSession(), p, laterSession()), TermOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	i := strings.Index(out, "Checklist")
	if i < 0 || !strings.Contains(out[i:], "Culture") || !strings.Contains(out[i:], "33% → 50%") ||
		!strings.Contains(out[i:], "+17") {
		t.Errorf("no checklist change after the areas:\n%s", out)
	}
}
