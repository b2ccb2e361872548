package results

import "github.com/servicecheck/servicecheck/checklist"

// LineFinding is one finding read from the answers the document carries:
// the line and the title of its section or area.
//
// INTERIM (issue 11, waiting for issue 10): the findings rule belongs to
// Build, which is gaining Document.Findings (scoring.Findings, with each
// item's advice). Until that lands on main, the reports read the findings
// here; when it does, this file goes and report/findings.go maps
// d.Findings instead.
type LineFinding struct {
	GroupTitle string
	Line
}

// InterimFindings lists the checklist items answered No or Partly and the
// statements rated 1 or 2, in the pack's order, with their notes. See
// LineFinding: interim.
func (d Document) InterimFindings() []LineFinding {
	var out []LineFinding
	add := func(group string, lines []Line) {
		for _, l := range lines {
			switch l.Value() {
			case checklist.No, checklist.Partly, "1", "2":
				out = append(out, LineFinding{GroupTitle: group, Line: l})
			}
		}
	}
	for _, s := range d.Sections {
		add(s.Title, s.Items)
	}
	for _, a := range d.Areas {
		add(a.Title, a.Statements)
	}
	return out
}
