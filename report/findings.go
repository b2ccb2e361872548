package report

import (
	"strings"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// finding is one finding as the paged reports list it.
type finding struct {
	Group, Text, Note, Advice string
	Mark                      tcell
}

// findingsOf lists d's findings (results.Document.Findings, the one
// definition of a finding) as the paged reports show them: each with its
// mark (the answer's word and tone), its group, its note and its advice.
func findingsOf(d *Document) []finding {
	w := d.Words()
	out := make([]finding, 0, len(d.Findings))
	for _, f := range d.Findings {
		out = append(out, finding{Group: clean(f.GroupTitle), Text: clean(f.Text), Note: clean(f.Note),
			Advice: clean(f.Advice), Mark: answerCell(w, f.Answer)})
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
