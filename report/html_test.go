package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/servicecheck/servicecheck/checklist"
	"golang.org/x/net/html/atom"
)

// parseHTML renders d and parses it back with a real HTML5 parser.
func parseHTML(t *testing.T, d Document) (*html.Node, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, buf.String()
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if match(c) {
			out = append(out, c)
		}
	}
	return out
}

func elem(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

func withClass(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return elem(a)(n) && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func TestHTMLStructure(t *testing.T) {
	p := testPack()
	doc, raw := parseHTML(t, Build(p, laterSession(), earlierSession(), p))

	if !strings.HasPrefix(raw, "<!DOCTYPE html>") {
		t.Error("no doctype")
	}
	if h := findAll(doc, elem(atom.Html)); len(h) != 1 || attr(h[0], "lang") != "en" {
		t.Error("html element without lang")
	}
	styles := findAll(doc, elem(atom.Style))
	if len(styles) != 1 {
		t.Fatalf("%d style elements, want 1 inline", len(styles))
	}
	css := text(styles[0])
	for _, want := range []string{"@page", "@media print", "break-inside: avoid", "page-break-inside: avoid"} {
		if !strings.Contains(css, want) {
			t.Errorf("print css lacks %q", want)
		}
	}
	// Self-contained: no script, nothing loaded from anywhere.
	if n := findAll(doc, elem(atom.Script)); len(n) != 0 {
		t.Errorf("%d script elements", len(n))
	}
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q> loads or runs something", n.Data, a.Key, a.Val)
			}
		}
		if n.DataAtom == atom.Link || n.DataAtom == atom.Img || n.DataAtom == atom.Iframe {
			t.Errorf("external resource element <%s>", n.Data)
		}
	}
	if !strings.Contains(raw, `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`) &&
		!strings.Contains(raw, `http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Error("no content security policy forbidding scripts and network")
	}

	// Header facts, with the user text exactly as written.
	dd := findAll(doc, elem(atom.Dd))
	if len(dd) != 5 || text(dd[0]) != `Acme "Ltd" <b>` || text(dd[1]) != "Jörg Ëmil" || !strings.HasPrefix(text(dd[2]), "10 Apr 2025") {
		t.Errorf("facts = %q", func() []string {
			var s []string
			for _, n := range dd {
				s = append(s, text(n))
			}
			return s
		}())
	}
	if n := findAll(doc, elem(atom.B)); len(n) != 0 {
		t.Error("user text <b> became an element")
	}
	if got := text(findAll(doc, withClass(atom.P, "total"))[0]); got != "5.0 on a scale of 2 to 10 (38% of the way from 2 to 10): Critical" {
		t.Errorf("total = %q", got)
	}

	// The chart: one labelled svg, a bar per scored area.
	svgs := findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "svg" })
	if len(svgs) != 1 || attr(svgs[0], "role") != "img" {
		t.Fatalf("want one svg chart with role img, got %d", len(svgs))
	}
	bars := findAll(svgs[0], func(n *html.Node) bool { return n.Data == "rect" && strings.Contains(attr(n, "class"), "bar") })
	if len(bars) != 2 || attr(bars[0], "width") != "322.5" || attr(bars[1], "class") != "bar band-0" {
		t.Errorf("bars = %d, first %v", len(bars), bars)
	}
	if !strings.Contains(text(svgs[0]), "Continuous improvement") {
		t.Error("unscored area missing from the chart")
	}

	// Each area with its statements, ratings and notes.
	areas := findAll(doc, withClass(atom.Section, "area"))
	if len(areas) != len(p.Areas) {
		t.Fatalf("%d area sections, want %d", len(areas), len(p.Areas))
	}
	want := laterSession().Answers
	for i, a := range areas {
		rows := findAll(a, elem(atom.Tr))[1:]
		if len(rows) != len(p.Areas[i].Statements) {
			t.Errorf("area %d: %d rows", i, len(rows))
		}
		for j, r := range rows {
			td := findAll(r, elem(atom.Td))
			ans := want[p.Areas[i].Statements[j].ID]
			note := "" // an area with no note has no note column
			if len(td) > 2 {
				note = text(td[2])
			}
			if text(td[0]) != p.Areas[i].Statements[j].Text || text(td[1]) != ans.Value.Label() || note != ans.Note {
				t.Errorf("area %d row %d = %q %q %q", i, j, text(td[0]), text(td[1]), note)
			}
		}
	}
	// The checklist by section, notes kept with their line breaks.
	secs := findAll(doc, withClass(atom.Section, "section"))
	if len(secs) != len(p.Sections) {
		t.Fatalf("%d checklist sections, want %d", len(secs), len(p.Sections))
	}
	var notes []string
	for _, n := range findAll(doc, withClass(atom.Td, "note")) {
		notes = append(notes, text(n))
	}
	for _, n := range append(noteLines, noteMultiline, noteScript, noteFormula) {
		found := false
		for _, got := range notes {
			found = found || got == n
		}
		if !found {
			t.Errorf("note %q not found as text", n)
		}
	}
	if got := text(findAll(doc, elem(atom.H3))[0]); got != "Responsiveness: 3.5 (Needs work)" {
		t.Errorf("first area heading = %q", got)
	}

	// Weakest areas with their actions, then the comparison.
	weak := findAll(findAll(doc, withClass(atom.Ol, "weak"))[0], withClass(atom.Ul, "actions"))
	if len(weak) != 2 || len(findAll(weak[1], elem(atom.Li))) != 2 {
		t.Errorf("weakest actions = %d lists", len(weak))
	}
	cmp := findAll(doc, func(n *html.Node) bool { return elem(atom.Section)(n) && attr(n, "id") == "comparison" })
	if len(cmp) != 1 {
		t.Fatal("no comparison section")
	}
	tables := findAll(cmp[0], elem(atom.Table))
	if len(tables) != 2 {
		t.Fatalf("comparison tables = %d, want areas and checklist sections", len(tables))
	}
	if rows := findAll(tables[0], elem(atom.Tr)); len(rows) != 4 || text(rows[3]) != "Total4.05.0+1.0" {
		t.Errorf("comparison rows = %d, last %q", len(rows), text(rows[len(rows)-1]))
	}
	if rows := findAll(tables[1], elem(atom.Tr)); len(rows) != 2 || text(rows[1]) != "Culture33%50%+17" {
		t.Errorf("checklist comparison rows = %d, last %q", len(rows), text(rows[len(rows)-1]))
	}
	if plan := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "plan" }); len(plan) != 1 ||
		!strings.Contains(text(plan[0]), "Every customer\nleaves happy") {
		t.Error("plan missing")
	}
}

func TestHTMLWithoutComparison(t *testing.T) {
	doc, _ := parseHTML(t, Build(testPack(), unfinishedSession(), nil, nil))
	for _, id := range []string{"comparison", "plan"} {
		if n := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == id }); len(n) != 0 {
			t.Errorf("section %q shown without data", id)
		}
	}
	if got := text(findAll(doc, withClass(atom.P, "incomplete"))[0]); !strings.Contains(got, "9 answers missing") {
		t.Errorf("incomplete note = %q", got)
	}
	unanswered := findAll(doc, withClass(atom.Td, "unanswered"))
	if len(unanswered) != 9 {
		t.Errorf("%d unanswered cells, want 9", len(unanswered))
	}
}

func TestHTMLEscapesPackText(t *testing.T) {
	p := testPack()
	p.Areas[0].Title = `</text><script>alert(1)</script>`
	p.Lang = `en" onload="x`
	doc, raw := parseHTML(t, Build(p, laterSession(), nil, nil))
	if n := findAll(doc, elem(atom.Script)); len(n) != 0 {
		t.Error("script injected through an area title")
	}
	if strings.Contains(raw, "onload=\"x") {
		t.Error("attribute injected through the pack language")
	}
}

func TestBandClass(t *testing.T) {
	four := testPack().Bands
	tests := []struct {
		bands []checklist.Band
		id    string
		want  string
	}{
		{four, "critical", "band-0"}, {four, "needs-work", "band-1"}, {four, "good", "band-3"}, {four, "excellent", "band-4"},
		{four, "", "band-none"}, {four, "nosuch", "band-none"},
		{four[:1], "critical", "band-4"},
		{four[:2], "critical", "band-0"}, {four[:2], "needs-work", "band-4"},
	}
	for _, tt := range tests {
		if got := bandClass(tt.bands, tt.id); got != tt.want {
			t.Errorf("bandClass(%d bands, %q) = %q, want %q", len(tt.bands), tt.id, got, tt.want)
		}
	}
}
