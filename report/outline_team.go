package report

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// teamPart is the "Team view" of a team audit's report (Document.Team):
// the respondents as the audit's naming shows them, each disputed
// question with who answered what, their notes and the answer agreed on,
// then every area and checklist section with the figures over the
// respondents. It follows the areas part, whose scores are the agreed
// ones.
func teamPart(w results.Words, d *Document) part {
	t := d.Team
	p := part{ID: "team", Blocks: []block{heading(1, w.T("team.report.heading")), para(w.T("team.report.intro"))}}

	p.Blocks = append(p.Blocks, heading(2, w.T("team.report.heading_respondents")),
		para(w.T("team.show.respondents", "Answered", w.Int(t.Answered), "Total", w.Int(len(t.Respondents)))))
	var who []string
	for _, r := range t.Respondents {
		who = append(who, clean(w.TeamRespondent(r)))
	}
	p.Blocks = append(p.Blocks, block{Kind: bBullets, Items: who})

	p.Blocks = append(p.Blocks, heading(2, w.T("team.report.heading_disagreements")),
		para(w.N("team.show.disagreements", len(t.Disagreements))))
	if len(t.Disagreements) == 0 {
		p.Blocks = append(p.Blocks, para(w.T("team.show.no_disagreements")))
	}
	agreed := agreedAnswers(d)
	for _, q := range t.Disagreements {
		items := []string{clean(w.TeamGiven(q))}
		for _, n := range w.TeamNotes(q) {
			items = append(items, clean(n))
		}
		items = append(items, w.TeamQuestionStats(q))
		if v, ok := agreed[q.ID]; ok {
			items = append(items, w.T("team.report.agreed", "Answer", answerCell(w, v).Text))
		}
		p.Blocks = append(p.Blocks, block{Kind: bFinding, Mark: tcell{Text: w.T("team.report.disputed_mark"), Tone: toneWarn},
			Text: clean(q.Text), Items: items})
	}

	p.Blocks = append(p.Blocks, heading(2, w.T("results.heading.areas")), block{Kind: bSmall, Text: w.T("team.show.legend")},
		teamTable(w, w.T("report.col.area"), t.Areas, false))
	if len(t.Sections) > 0 {
		p.Blocks = append(p.Blocks, heading(2, w.T("results.heading.checklist")), teamTable(w, w.T("report.col.section"), t.Sections, true))
	}
	return p
}

// teamTable is the figures of areas or sections over the respondents:
// mean, range, spread, how many scored it and how many of its questions
// are disputed, the row of a disputed one in bold.
func teamTable(w results.Words, first string, rows []results.TeamRow, percent bool) block {
	t := block{Kind: bTable, Widths: []float64{3.6, 1.2, 1.6, 1.8, 1.6, 1.7},
		Head: []string{first, w.T("team.report.col.mean"), w.T("team.report.col.range"), w.T("team.report.col.spread"),
			w.T("team.report.col.count"), w.T("team.report.col.disputed")}}
	for _, r := range rows {
		disputed := tcell{Text: w.Int(r.Disputed)}
		if r.Disputed > 0 {
			disputed.Tone, disputed.Bold = toneWarn, true
		}
		t.Rows = append(t.Rows, []tcell{{Text: clean(r.Title), Bold: r.Disputed > 0}, {Text: w.TeamFigure(r.Stats.Mean, percent)},
			{Text: w.TeamRange(r.Stats, percent)}, {Text: w.TeamSpread(r.Stats, percent)}, {Text: w.Int(r.Stats.Count)}, disputed})
	}
	return t
}

// agreedAnswers are the document's answers by question id: in a team
// audit's report, the answers the team settled on.
func agreedAnswers(d *Document) map[string]checklist.Value {
	out := map[string]checklist.Value{}
	add := func(lines []Line) {
		for _, l := range lines {
			if v := l.Value(); v != "" {
				out[l.ID] = v
			}
		}
	}
	for _, s := range d.Sections {
		add(s.Items)
	}
	for _, a := range d.Areas {
		add(a.Statements)
	}
	return out
}
