package report

import (
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// teamRows are the CSV rows of a team audit's report (Document.Team),
// each kind of its own so that a spreadsheet can filter them:
//
//	team respondent  text: the respondent as the naming shows them; answer: their role
//	team answer      one per answer to a disputed question: group and item id,
//	                 the question, the answer, the respondent's note, and the
//	                 respondent in the owner column (who gave it)
//	team area        group: the area; text: its title; score: the mean;
//	                 answer: the range; note: the figures in words
//	team section     the same for a checklist section, in percent
func teamRows(w results.Words, d Document) [][]string {
	t := d.Team
	if t == nil {
		return nil
	}
	date, l := isoDay(d.Date()), w.Locale()
	row := func(kind string) []string {
		r := make([]string, len(csvColumns))
		r[0], r[1], r[2], r[3] = d.ID, cell(d.Client), date, w.T("team.report.csv."+kind)
		return r
	}
	var rows [][]string
	for _, resp := range t.Respondents {
		r := row("respondent")
		r[6], r[7] = cell(resp.Label), teamtext.RoleWord(l, resp.Role)
		rows = append(rows, r)
	}
	for _, q := range t.Disagreements {
		for _, g := range q.Given {
			r := row("answer")
			r[4], r[5], r[6], r[7], r[8], r[12] = q.Group, q.ID, cell(q.Text), w.T(g.Value.MessageID()), cell(g.Note), cell(g.Label)
			rows = append(rows, r)
		}
	}
	stats := func(kind string, tr results.TeamRow, percent bool, words string) []string {
		r := row(kind)
		r[4], r[6], r[8] = tr.ID, cell(tr.Title), words
		if tr.Stats.Count > 0 {
			r[7], r[9] = w.TeamRange(tr.Stats, percent), w.TeamFigure(tr.Stats.Mean, percent)
		}
		return r
	}
	for _, a := range t.Areas {
		rows = append(rows, stats("area", a, false, teamtext.AreaStats(l, a.Stats, a.Disputed)))
	}
	for _, s := range t.Sections {
		rows = append(rows, stats("section", s, true, teamtext.SectionStats(l, s.Stats, s.Disputed)))
	}
	return rows
}
