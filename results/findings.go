package results

import (
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// The words of the findings and strengths (i18n/catalog/findings.*.yaml),
// as the results screen, the plain prompts and the reports say them.

// FindingsHeading is "Findings (3)".
func (w Words) FindingsHeading(n int) string { return w.T("findings.heading", "Count", w.Int(n)) }

// FindingsCount is "3 findings".
func (w Words) FindingsCount(n int) string { return w.N("findings.count", n) }

// FindingAnswer is what made a finding: "No", "Partly", "2 rarely".
func (w Words) FindingAnswer(v checklist.Value) string {
	if id := v.MessageID(); id != "" {
		return w.T(id)
	}
	return string(v)
}

// FindingWhere is the answer and where the finding is: "No · Complaints".
func (w Words) FindingWhere(f scoring.Finding) string {
	return w.T("findings.where", "Answer", w.FindingAnswer(f.Answer), "Group", f.GroupTitle)
}

// FindingNote is "Note: …", "" when the finding has no note.
func (w Words) FindingNote(f scoring.Finding) string {
	if strings.TrimSpace(f.Note) == "" {
		return ""
	}
	return w.T("findings.note", "Text", f.Note)
}

// FindingAdvice is "What to do: …", "" when the pack gives no advice.
func (w Words) FindingAdvice(f scoring.Finding) string {
	if strings.TrimSpace(f.Advice) == "" {
		return ""
	}
	return w.T("findings.advice", "Text", f.Advice)
}

// StrengthLines say the strengths briefly: the areas at the top band in
// one sentence, and how many items were answered Yes; one line saying
// there are none yet otherwise.
func (w Words) StrengthLines(ss []Strength) []string {
	var areas []string
	items := 0
	for _, s := range ss {
		switch s.Kind {
		case scoring.KindArea:
			areas = append(areas, s.Text+" ("+w.Score(s.Score)+")")
		case scoring.KindItem:
			items++
		}
	}
	var out []string
	if len(areas) > 0 {
		out = append(out, w.T("findings.strengths.areas", "List", strings.Join(areas, ", ")))
	}
	if items > 0 {
		out = append(out, w.N("findings.strengths.items", items))
	}
	if len(out) == 0 {
		out = append(out, w.T("findings.strengths.none"))
	}
	return out
}
