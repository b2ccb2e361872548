package results

import (
	"strings"

	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// The figures of a team view (Team) in one language, for every renderer:
// an area's are scores on 1–5 with one decimal, a section's percentages.

// TeamFigure is one figure of a row: a score ("3,5") or, for a checklist
// section, a percentage ("61%"); "–" when there is none.
func (w Words) TeamFigure(s scoring.Score, percent bool) string {
	if percent {
		return w.Percent(s)
	}
	if !s.Valid {
		return "–"
	}
	return w.Score(s)
}

// TeamRange is the lowest to the highest figure: "2,0–5,0", "44–100%";
// "–" when nobody's figure counts.
func (w Words) TeamRange(st team.Stats, percent bool) string {
	if st.Count == 0 {
		return "–"
	}
	if percent {
		return w.T("team.report.range_percent", "Min", w.Locale().Decimal(st.Min.Format(0)), "Max", w.Locale().Decimal(st.Max.Format(0)))
	}
	return w.T("team.report.range", "Min", w.Score(st.Min), "Max", w.Score(st.Max))
}

// TeamSpread is the standard deviation, in the unit of the figures.
func (w Words) TeamSpread(st team.Stats, percent bool) string {
	if st.Count == 0 {
		return "–"
	}
	if percent {
		return w.Locale().Decimal(st.Spread.Format(0))
	}
	return w.Score(st.Spread)
}

// TeamRespondent is a respondent with their role: "Ana (owner)",
// "Respondent 4 (staff, not answered yet)".
func (w Words) TeamRespondent(r TeamRespondent) string {
	id := "team.show.respondent"
	if !r.Answered {
		id = "team.show.respondent_missing"
	}
	return w.T(id, "Name", r.Label, "Role", teamtext.RoleWord(w.Locale(), r.Role))
}

// TeamGiven is who answered what to a disputed question, on one line:
// "Ana: Yes · Respondent 2: No".
func (w Words) TeamGiven(q TeamQuestion) string {
	given := make([]string, len(q.Given))
	for i, g := range q.Given {
		given[i] = w.T("team.show.given", "Name", g.Label, "Answer", w.T(g.Value.MessageID()))
	}
	return strings.Join(given, w.T("team.show.separator"))
}

// TeamNotes are the respondents' notes on a disputed question, one line
// each: "Respondent 2's note: Nobody trains new staff".
func (w Words) TeamNotes(q TeamQuestion) []string {
	var out []string
	for _, g := range q.Given {
		if n := strings.TrimSpace(g.Note); n != "" {
			out = append(out, w.T("team.show.note", "Name", g.Label, "Note", n))
		}
	}
	return out
}

// TeamQuestionStats is a disputed question's statistics as `team show`
// words them.
func (w Words) TeamQuestionStats(q TeamQuestion) string {
	k := checklistKind(q)
	return teamtext.QuestionStats(w.Locale(), k, q.Stats, q.NA)
}
