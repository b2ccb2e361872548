package teamtext

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/team"
)

// QuestionStats words one question's statistics as `team show` does:
// "mean 3.5 · range 2.0–5.0 · spread 1.5 · 2 answers, 1 N/A"; checklist
// items as the percentage of Yes (Partly counting half).
func QuestionStats(l *i18n.Locale, k checklist.Kind, st team.Stats, na int) string {
	return stats(l, k, st, na)
}

// The wizard's team screen, `team show`, `compare AUDIT` and the reports
// all word the figures through these three: one home for how a team's
// statistics read.

// AreaStats words an area's statistics over the respondents' area scores,
// with its number of disputed statements.
func AreaStats(l *i18n.Locale, st team.Stats, disputed int) string { return areaStats(l, st, disputed) }

// SectionStats words a checklist section's statistics over the
// respondents' percentages, with its number of disputed items.
func SectionStats(l *i18n.Locale, st team.Stats, disputed int) string {
	return sectionStats(l, st, disputed)
}
