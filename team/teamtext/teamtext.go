// Package teamtext words the combined results of a team audit as plain
// text, in a locale: what `servicecheck team show` prints. Disagreements
// come first, each with who answered what; then the areas, the checklist
// sections and every question with its statistics.
package teamtext

import (
	"fmt"
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/team"
)

// Render writes a's combined results r, answered with p, in l's language.
// Names, notes and pack texts pass through termtext: nothing a respondent
// typed can drive the terminal.
func Render(w io.Writer, l *i18n.Locale, p *checklist.Pack, a *team.Audit, r team.Result) error {
	var b strings.Builder
	line := func(indent int, s string) {
		b.WriteString(strings.Repeat("  ", indent))
		b.WriteString(termtext.Line(s))
		b.WriteByte('\n')
	}
	line(0, l.T("team.show.title", "ID", a.ID, "Client", a.Client))
	line(0, l.T("team.show.respondents", "Answered", r.Answered, "Total", len(a.Respondents)))
	for i, resp := range a.Respondents {
		if resp.SessionID == "" {
			line(1, l.T("team.show.respondent_missing", "Name", Name(l, a, i), "Role", RoleWord(l, resp.Role)))
		} else {
			line(1, l.T("team.show.respondent", "Name", Name(l, a, i), "Role", RoleWord(l, resp.Role)))
		}
	}
	line(0, l.T("team.show.legend"))
	b.WriteByte('\n')

	texts := questionTexts(p)
	n := r.Disagreements()
	line(0, l.N("team.show.disagreements", n))
	if n == 0 {
		line(1, l.T("team.show.no_disagreements"))
	}
	for _, q := range r.Questions[:n] {
		line(1, "! "+texts[q.ID])
		var given []string
		for _, g := range q.Given {
			given = append(given, l.T("team.show.given", "Name", Name(l, a, g.Respondent), "Answer", l.T(g.Value.MessageID())))
		}
		line(2, strings.Join(given, l.T("team.show.separator")))
		for _, g := range q.Given {
			if g.Note != "" {
				line(2, l.T("team.show.note", "Name", Name(l, a, g.Respondent), "Note", g.Note))
			}
		}
		line(2, stats(l, q.Kind, q.Stats, q.NA))
	}
	b.WriteByte('\n')

	line(0, l.T("team.show.heading.areas"))
	for i, ar := range r.Areas {
		line(1, p.Areas[i].Title)
		line(2, areaStats(l, ar.Stats, ar.Disagreements))
	}
	b.WriteByte('\n')
	line(0, l.T("team.show.heading.sections"))
	for i, sec := range r.Sections {
		line(1, p.Sections[i].Title)
		line(2, sectionStats(l, sec.Stats, sec.Disagreements))
	}
	b.WriteByte('\n')
	line(0, l.T("team.show.heading.questions"))
	for _, q := range r.Questions[n:] {
		line(1, texts[q.ID])
		line(2, stats(l, q.Kind, q.Stats, q.NA))
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write the combined results: %w", err)
	}
	return nil
}

// Name is how respondent i of a appears: their name, or "Respondent 2"
// when the audit's naming hides them (staff, by default) or they gave none.
func Name(l *i18n.Locale, a *team.Audit, i int) string {
	r := a.Respondents[i]
	if r.Shown(a.Naming) && strings.TrimSpace(r.Name) != "" {
		return r.Name
	}
	return l.T("team.show.anonymous", "N", l.Int(i+1))
}

// RoleWord is the word for a role.
func RoleWord(l *i18n.Locale, r team.Role) string {
	if _, ok := team.ParseRole(string(r)); !ok {
		return l.T("team.role.unknown")
	}
	return l.T("team.role." + string(r))
}

func questionTexts(p *checklist.Pack) map[string]string {
	out := map[string]string{}
	for _, q := range p.Questions() {
		out[q.ID] = q.Text
	}
	return out
}

// stats words one question's statistics: ratings as they are, checklist
// answers as the percentage of Yes (Partly counting half).
func stats(l *i18n.Locale, k checklist.Kind, st team.Stats, na int) string {
	if st.Count == 0 {
		return l.N("team.show.no_answers", na)
	}
	if k == checklist.KindItem {
		pc := func(s scoring.Score) string { return l.Decimal(scoring.Of(s.Value * 100).Format(0)) }
		return l.T("team.show.stats_percent", "Mean", pc(st.Mean), "Min", pc(st.Min), "Max", pc(st.Max),
			"Spread", pc(st.Spread), "Answers", l.N("team.show.answers", st.Count), "NA", l.N("team.show.na", na))
	}
	return l.T("team.show.stats", "Mean", l.Decimal(st.Mean.Format(1)), "Min", l.Decimal(st.Min.Format(1)),
		"Max", l.Decimal(st.Max.Format(1)), "Spread", l.Decimal(st.Spread.Format(1)),
		"Answers", l.N("team.show.answers", st.Count), "NA", l.N("team.show.na", na))
}

func areaStats(l *i18n.Locale, st team.Stats, disputed int) string {
	if st.Count == 0 {
		return l.T("team.show.not_scored")
	}
	return l.T("team.show.area_stats", "Mean", l.Decimal(st.Mean.Format(1)), "Min", l.Decimal(st.Min.Format(1)),
		"Max", l.Decimal(st.Max.Format(1)), "Spread", l.Decimal(st.Spread.Format(1)),
		"Respondents", l.N("team.show.scored_by", st.Count), "Disputed", l.N("team.show.disputed", disputed))
}

func sectionStats(l *i18n.Locale, st team.Stats, disputed int) string {
	if st.Count == 0 {
		return l.T("team.show.not_scored")
	}
	f := func(s scoring.Score) string { return l.Decimal(s.Format(0)) }
	return l.T("team.show.section_stats", "Mean", f(st.Mean), "Min", f(st.Min), "Max", f(st.Max), "Spread", f(st.Spread),
		"Respondents", l.N("team.show.scored_by", st.Count), "Disputed", l.N("team.show.disputed", disputed))
}
