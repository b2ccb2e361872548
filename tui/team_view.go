package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

func (t *teamState) resize(w, h int) {
	t.view.SetWidth(max(1, w))
	t.view.SetHeight(max(1, h))
}

func (m Model) teamView(w, h int) []string {
	l := m.loc()
	if m.team.audit == nil {
		msg := l.T("teamtui.list.loading")
		if !m.team.loading {
			msg = ""
		}
		return []string{m.st.title.Render(l.T("teamtui.list.title")), "", m.st.muted.Render(msg)}
	}
	title := l.T("teamtui.team.title", "Client", m.team.audit.Client, "ID", m.team.audit.ID)
	return append([]string{m.scrollTitleIn(l, title, &m.team.view, w)}, strings.Split(m.team.view.View(), "\n")...)
}

// render lays the combined results out for the viewport's width: the
// respondents and the consensus, the disagreements with who answered what,
// then the areas and the sections as tables, then every other question.
// The words are the catalogue's team.show ones, as `team show` prints them.
func (t *teamState) render(m *Model) {
	w, l, a, p := t.view.Width(), m.teamLoc(), t.audit, t.pack
	var out []string
	text := func(indent int, st lipgloss.Style, s string) {
		lead := strings.Repeat(" ", indent)
		for _, line := range wrap(termtext.Line(s), max(10, w-indent)) {
			out = append(out, st.Render(lead+line))
		}
	}
	text(0, m.st.heading, l.T("team.show.respondents", "Answered", l.Int(t.res.Answered), "Total", l.Int(len(a.Respondents))))
	qs := []checklist.Question(nil)
	if p != nil {
		qs = p.Questions()
	}
	for i, r := range a.Respondents {
		who := l.T("team.show.respondent", "Name", teamtext.Name(l, a, i), "Role", teamtext.RoleWord(l, r.Role))
		s := t.sessions[r.SessionID]
		var state string
		switch {
		case r.SessionID == "":
			state = l.T("teamtui.team.not_answered")
		case s == nil:
			state = l.T("teamtui.team.session_gone")
		case s.Status == checklist.Completed:
			state = l.T("teamtui.team.completed")
		default:
			state = l.N("teamtui.team.in_progress", len(qs), "Done", l.Int(present.Answered(s, qs)))
		}
		out = append(out, "  "+m.st.text.Render(who)+m.st.muted.Render(" · "+state))
	}
	if len(a.Respondents) == 0 {
		text(2, m.st.muted, l.T("teamtui.team.no_respondents", "ID", a.ID))
	}
	if t.consensus != nil {
		text(0, m.st.text, l.T("teamtui.team.consensus", "Date", l.Date(t.consensus.UpdatedAt), "ID", t.consensus.ID))
	} else if t.res.Answered > 0 {
		text(0, m.st.muted, l.T("teamtui.team.not_settled"))
	}
	if t.res.Answered == 0 || p == nil {
		t.view.SetContent(strings.Join(out, "\n"))
		return
	}
	text(0, m.st.muted, l.T("team.show.legend"))

	texts := map[string]string{}
	for _, q := range qs {
		texts[q.ID] = q.Text
	}
	n := t.res.Disagreements()
	out = append(out, "")
	text(0, m.st.heading, l.N("team.show.disagreements", n))
	if n == 0 {
		text(2, m.st.muted, l.T("team.show.no_disagreements"))
	}
	for _, q := range t.res.Questions[:n] {
		for i, line := range wrap(termtext.Line(texts[q.ID]), max(10, w-4)) {
			lead := "    "
			if i == 0 {
				lead = m.st.warn.Render("  ! ")
			}
			out = append(out, lead+m.st.question.Render(line))
		}
		var given []string
		for _, g := range q.Given {
			given = append(given, l.T("team.show.given", "Name", teamtext.Name(l, a, g.Respondent),
				"Answer", present.AnswerLabel(l, q.Kind, g.Value)))
		}
		text(4, m.st.text, strings.Join(given, l.T("team.show.separator")))
		for _, g := range q.Given {
			if strings.TrimSpace(g.Note) != "" {
				text(4, m.st.muted, l.T("team.show.note", "Name", teamtext.Name(l, a, g.Respondent), "Note", flat(g.Note)))
			}
		}
		text(4, m.st.muted, teamtext.QuestionStats(l, q.Kind, q.Stats, q.NA))
	}

	cols := newTeamCols(l, w)
	out = append(out, "", cols.head(m, l.T("team.show.heading.areas")))
	for i, ar := range t.res.Areas {
		out = append(out, cols.row(m, l, p.Areas[i].Title, ar.Stats, 1, ar.Disagreements))
	}
	out = append(out, "", cols.head(m, l.T("teamtui.heading.sections")))
	for i, sec := range t.res.Sections {
		out = append(out, cols.row(m, l, p.Sections[i].Title, sec.Stats, 0, sec.Disagreements))
	}
	out = append(out, "", m.st.heading.Render(l.T("team.show.heading.questions")))
	for _, q := range t.res.Questions[n:] {
		out = append(out, "  "+m.st.text.Render(ansi.Truncate(termtext.Line(texts[q.ID]), max(1, w-2), "…")))
		out = append(out, m.st.muted.Render(ansi.Truncate("    "+teamtext.QuestionStats(l, q.Kind, q.Stats, q.NA), w, "…")))
	}
	t.view.SetContent(strings.Join(out, "\n"))
}

// flat puts a note on one line.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// teamCols lays the areas and sections out as a table: title, mean,
// range, spread, count and disputed, the title taking the room left.
type teamCols struct {
	title, mean, rng, spread, count, disputed int
	heads                                     [5]string
}

func newTeamCols(l *i18n.Locale, w int) teamCols {
	c := teamCols{heads: [5]string{l.T("teamtui.col.mean"), l.T("teamtui.col.range"), l.T("teamtui.col.spread"),
		l.T("teamtui.col.count"), l.T("teamtui.col.disputed")}}
	c.mean = max(5, lipgloss.Width(c.heads[0]))
	c.rng = max(9, lipgloss.Width(c.heads[1]))
	c.spread = max(5, lipgloss.Width(c.heads[2]))
	c.count = max(3, lipgloss.Width(c.heads[3]))
	c.disputed = max(3, lipgloss.Width(c.heads[4]))
	c.title = max(12, w-2-c.mean-c.rng-c.spread-c.count-c.disputed-10)
	return c
}

func (c teamCols) head(m *Model, title string) string {
	return m.st.heading.Render(pad(ansi.Truncate(title, c.title+2, "…"), c.title+2)) + m.st.muted.Render(
		"  "+padLeft(c.heads[0], c.mean)+"  "+padLeft(c.heads[1], c.rng)+"  "+padLeft(c.heads[2], c.spread)+
			"  "+padLeft(c.heads[3], c.count)+"  "+padLeft(c.heads[4], c.disputed))
}

// row draws one area (prec 1) or section (prec 0, percentages).
func (c teamCols) row(m *Model, l *i18n.Locale, title string, st team.Stats, prec, disputed int) string {
	f := func(s scoring.Score) string { return l.Decimal(s.Format(prec)) }
	mean, rng, spread := "–", "–", "–"
	if st.Count > 0 {
		mean, rng, spread = f(st.Mean), f(st.Min)+"–"+f(st.Max), f(st.Spread)
	}
	dis := l.Int(disputed)
	line := "  " + m.st.text.Render(pad(ansi.Truncate(termtext.Line(title), c.title, "…"), c.title)) +
		"  " + m.st.heading.Render(padLeft(mean, c.mean)) + "  " + m.st.text.Render(padLeft(rng, c.rng)) +
		"  " + m.st.text.Render(padLeft(spread, c.spread)) + "  " + m.st.text.Render(padLeft(l.Int(st.Count), c.count))
	if disputed > 0 {
		return line + "  " + m.st.warn.Render(padLeft("! "+dis, c.disputed))
	}
	return line + "  " + m.st.muted.Render(padLeft(dis, c.disputed))
}

// scrollTitleIn is scrollTitle with the position worded in l.
func (m Model) scrollTitleIn(l *i18n.Locale, title string, v viewportLike, w int) string {
	right := ""
	if v.TotalLineCount() > v.Height() {
		last := min(v.TotalLineCount(), v.YOffset()+v.Height())
		right = l.T("results.screen.scroll", "From", l.Int(v.YOffset()+1), "To", l.Int(last), "Total", l.Int(v.TotalLineCount()))
	}
	left := ansi.Truncate(title, max(1, w-lipgloss.Width(right)-2), "…")
	gap := max(1, w-lipgloss.Width(left)-lipgloss.Width(right))
	return m.st.title.Render(left) + strings.Repeat(" ", gap) + m.st.muted.Render(right)
}

// viewportLike is the part of a viewport a scroll title reads.
type viewportLike interface {
	TotalLineCount() int
	Height() int
	YOffset() int
}
