package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// View draws the frame: header, the screen's body, status line and keys.
func (m Model) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "servicecheck"
	if m.quitting || m.width == 0 || m.height == 0 {
		return v
	}
	if m.tooSmall() {
		v.SetContent(m.tooSmallView())
		return v
	}
	bw, bh := m.bodySize()
	var body []string
	if m.fullHelp {
		_, full := m.helpFor()
		body = strings.Split(m.help.FullHelpView(full), "\n")
	} else {
		body = m.body(bw, bh)
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.headerView(bw))
	lines = append(lines, fit(body, bw, bh)...)
	lines = append(lines, m.statusView(bw), m.helpView(bw))
	for i, l := range lines {
		lines[i] = " " + l
	}
	v.SetContent(strings.Join(lines, "\n"))
	if m.screen == scrQuestion && m.q.editing || m.screen == scrPlan || m.screen == scrTeamNew || m.screen == scrTeamAnswer ||
		m.screen == scrSettle && m.settle.editing {
		v.Cursor = nil
	}
	return v
}

func (m Model) body(w, h int) []string {
	switch m.screen {
	case scrHome:
		return m.homeView(w, h)
	case scrResume:
		return m.resumeView(w, h)
	case scrSetup:
		return m.setupView(w, h)
	case scrQuestion:
		return m.questionView(w, h)
	case scrResults:
		return m.resultsView(w, h)
	case scrClients:
		return m.clientsView(w, h)
	case scrHistory:
		return m.historyView(w, h)
	case scrCompare:
		return m.compareView(w, h)
	case scrTrend:
		return m.trendView(w, h)
	case scrPlan:
		return m.planView(w, h)
	case scrTeams:
		return m.teamsView(w, h)
	case scrTeamNew:
		return m.teamNewView(w, h)
	case scrTeam:
		return m.teamView(w, h)
	case scrSettle:
		return m.settleView(w, h)
	case scrTeamAnswer:
		return m.respondentView(w, h)
	}
	return nil
}

func (m Model) headerView(w int) string {
	left := m.st.brand.Render("servicecheck")
	if c := m.context(); c != "" {
		left += m.st.context.Render(" · " + c)
	}
	right := m.saveMark()
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(0, w-lipgloss.Width(right)-1), "…")
		gap = max(1, w-lipgloss.Width(left)-lipgloss.Width(right))
	}
	return left + strings.Repeat(" ", gap) + right
}

// context names where the user is, for the header.
func (m Model) context() string {
	l := m.loc()
	switch m.screen {
	case scrResume:
		return l.T("tui.header.resume")
	case scrSetup:
		return l.T("tui.header.new")
	case scrQuestion:
		if q, ok := m.current(); ok && m.sess != nil {
			return m.sess.Client + " · " + present.Part(l, q)
		}
	case scrResults:
		if m.sess != nil {
			return m.sess.Client + " · " + l.T("tui.header.results")
		}
	case scrClients:
		return l.T("tui.header.history")
	case scrHistory:
		return m.hist.client + " · " + l.T("tui.header.history")
	case scrCompare:
		return m.hist.client + " · " + l.T("tui.header.compare")
	case scrTrend:
		return m.hist.client + " · " + l.T("session.trend.heading")
	case scrPlan:
		if m.sess != nil {
			return m.sess.Client + " · " + l.T("tui.header.plan")
		}
	case scrTeams, scrTeamNew:
		return l.T("teamtui.header.teams")
	case scrTeam, scrSettle, scrTeamAnswer:
		if m.team.audit != nil {
			return m.team.audit.Client + " · " + l.T("teamtui.header.team")
		}
	}
	return ""
}

func (m Model) statusView(w int) string {
	switch {
	case m.gone():
		return ansi.Truncate(m.st.warn.Render(m.loc().T("tui.gone.notice")), w, "…")
	case m.saver.err != nil && !permanent(m.saver.err):
		return ansi.Truncate(m.st.warn.Render(m.loc().T("tui.header.retrying", "Reason", m.describe(m.saver.err))), w, "…")
	case m.err != nil:
		return ansi.Truncate(m.st.err.Render(m.describe(m.err)), w, "…")
	case m.ask != nil:
		return ansi.Truncate(m.st.warn.Render(m.ask.question), w, "…")
	case m.notice != "":
		return ansi.Truncate(m.st.status.Render(m.notice), w, "…")
	case m.screen == scrResults && m.sess != nil && len(m.sess.Edits) > 0:
		return ansi.Truncate(m.st.muted.Render(m.editedLine()), w, "…")
	}
	return ""
}

// helpView is the one line of keys at the bottom. It drops whole keys
// that do not fit rather than cutting one in half.
func (m Model) helpView(w int) string {
	if m.ask != nil {
		return ansi.Truncate(m.st.help.ShortDesc.Render(m.ask.keys), w, "…")
	}
	short, _ := m.helpFor()
	hs := m.st.help
	sep := hs.ShortSeparator.Render(" • ")
	tail := hs.Ellipsis.Render(" …")
	render := func(kb key.Binding) string {
		return hs.ShortKey.Render(kb.Help().Key) + " " + hs.ShortDesc.Render(kb.Help().Desc)
	}
	// "? more" opens the help, where every key dropped here is listed:
	// it stays, after the "…", when others must go.
	last := ""
	if n := len(short); n > 1 && short[n-1].Help().Key == "?" {
		last = sep + render(short[n-1])
	}
	var b strings.Builder
	used := 0
	for i, kb := range short {
		item := render(kb)
		if i > 0 {
			item = sep + item
		}
		iw := lipgloss.Width(item)
		room := w
		if i < len(short)-1 {
			room -= lipgloss.Width(tail)
			if last != "" {
				room -= lipgloss.Width(last)
			}
		}
		if used+iw > room {
			b.WriteString(tail)
			if last != "" && i < len(short)-1 {
				b.WriteString(last)
			}
			break
		}
		b.WriteString(item)
		used += iw
	}
	return b.String()
}

// describe turns an error into the words of the status line.
func (m Model) describe(err error) string { return present.Error(m.loc(), err) }

// fit makes lines exactly h lines of at most w cells: long lines are cut,
// missing lines are blank.
func fit(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = ansi.Truncate(lines[i], w, "…")
		}
	}
	return out
}

// wrap breaks s into lines of at most w cells.
func wrap(s string, w int) []string {
	if s == "" {
		return nil
	}
	if w < 1 {
		w = 1
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// styleLines applies st to each line.
func styleLines(st lipgloss.Style, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = st.Render(l)
	}
	return out
}
