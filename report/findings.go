package report

import (
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
)

// finding is one finding as the paged reports list it.
type finding struct {
	Group, Text, Note, Advice string
	Mark                      tcell
}

// findingsOf lists d's findings: checklist items answered No or Partly and
// statements rated 1 or 2, in the pack's order, each with its note.
//
// INTERIM: the findings rule belongs to package results (issue 10 is adding
// Document.Findings with each item's advice); until it lands this reads
// the answers the document already carries, and gives no advice. Replace
// the body with a mapping of d.Findings when it does.
func findingsOf(d *Document) []finding {
	w := d.Words()
	var out []finding
	add := func(group string, l Line) {
		switch v := l.Value(); {
		case v == checklist.No, v == checklist.Partly, v == "1", v == "2":
			out = append(out, finding{Group: clean(group), Text: clean(l.Text), Note: clean(l.Note), Mark: answerCell(w, v)})
		}
	}
	for _, s := range d.Sections {
		for _, l := range s.Items {
			add(s.Title, l)
		}
	}
	for _, a := range d.Areas {
		for _, l := range a.Statements {
			add(a.Title, l)
		}
	}
	return out
}

// clean makes user and pack text fit for a document: control characters
// (termtext's rule: C0, C1, bidirectional overrides) are dropped, except
// line breaks; tabs become spaces.
func clean(s string) string {
	if i, _ := termtext.Find(s, true); i < 0 && !strings.ContainsAny(s, "\t\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case termtext.IsControl(r):
			return -1
		}
		return r
	}, s)
}
