package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/servicecheck/servicecheck/checklist"
)

// Answer tables have fixed columns: with automatic table layout a long
// note took the width and squeezed the question into a word per line.
// Tables with a note give it a wide column; the others have no note column
// and give the question the room (on a phone a fixed empty column pushed
// the page sideways).
func TestHTMLAnswerTablesHaveFixedColumns(t *testing.T) {
	s := laterSession()
	s.Answers["culture.training"] = checklist.Answer{Value: checklist.Yes, At: t1,
		Note: strings.Repeat("AVeryLongWordWithoutSpaces", 40)}
	doc, raw := parseHTML(t, Build(testPack(), s, nil, nil))

	if !strings.Contains(raw, "table.answers { table-layout: fixed; }") {
		t.Error("answer tables are not laid out with fixed columns")
	}
	for _, id := range []string{"section-culture", "area-responsiveness", "area-improve"} {
		sec := findAll(doc, func(n *html.Node) bool { return elem(atom.Section)(n) && attr(n, "id") == id })
		if len(sec) != 1 {
			t.Fatalf("%s: %d sections", id, len(sec))
		}
		tables := findAll(sec[0], withClass(atom.Table, "answers"))
		if len(tables) != 1 {
			t.Fatalf("%s: %d answer tables", id, len(tables))
		}
		cols := findAll(tables[0], elem(atom.Col))
		var classes []string
		for _, c := range cols {
			classes = append(classes, attr(c, "class"))
		}
		notes := strings.Contains(" "+attr(tables[0], "class")+" ", " notes ")
		want, wantCols := id != "area-improve", "text answer note"
		if !want {
			wantCols = "text answer"
		}
		if notes != want {
			t.Errorf("%s: notes class %v, want %v", id, notes, want)
		}
		if strings.Join(classes, " ") != wantCols {
			t.Errorf("%s: columns %v, want %s", id, classes, wantCols)
		}
		if n := len(findAll(tables[0], withClass(atom.Td, "note"))); want != (n > 0) {
			t.Errorf("%s: %d note cells", id, n)
		}
	}
}
