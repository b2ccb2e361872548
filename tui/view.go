package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
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
	if m.screen == scrQuestion && m.q.editing || m.screen == scrPlan {
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
	case scrPlan:
		return m.planView(w, h)
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
	switch m.screen {
	case scrResume:
		return "Resume"
	case scrSetup:
		return "New session"
	case scrQuestion:
		if q, ok := m.current(); ok && m.sess != nil {
			return m.sess.Client + " · " + partName(q)
		}
	case scrResults:
		if m.sess != nil {
			return m.sess.Client + " · Results"
		}
	case scrClients:
		return "History"
	case scrHistory:
		return m.hist.client + " · History"
	case scrCompare:
		return m.hist.client + " · Compare"
	case scrPlan:
		if m.sess != nil {
			return m.sess.Client + " · Plan"
		}
	}
	return ""
}

func partName(q checklist.Question) string {
	if q.Kind == kindStatement {
		return "Self-assessment"
	}
	return "Checklist"
}

func (m Model) statusView(w int) string {
	switch {
	case m.gone():
		return ansi.Truncate(m.st.warn.Render(goneNotice), w, "…")
	case m.saver.err != nil && !permanent(m.saver.err):
		return ansi.Truncate(m.st.warn.Render("not saved: "+describe(m.saver.err)+" — retrying"), w, "…")
	case m.err != nil:
		return ansi.Truncate(m.st.err.Render(describe(m.err)), w, "…")
	case m.notice != "":
		return ansi.Truncate(m.st.status.Render(m.notice), w, "…")
	}
	return ""
}

// helpView is the one line of keys at the bottom. It drops whole keys
// that do not fit rather than cutting one in half.
func (m Model) helpView(w int) string {
	short, _ := m.helpFor()
	hs := m.st.help
	sep := hs.ShortSeparator.Render(" • ")
	tail := hs.Ellipsis.Render(" …")
	var b strings.Builder
	used := 0
	for i, kb := range short {
		item := hs.ShortKey.Render(kb.Help().Key) + " " + hs.ShortDesc.Render(kb.Help().Desc)
		if i > 0 {
			item = sep + item
		}
		iw := lipgloss.Width(item)
		room := w
		if i < len(short)-1 {
			room -= lipgloss.Width(tail)
		}
		if used+iw > room {
			b.WriteString(tail)
			break
		}
		b.WriteString(item)
		used += iw
	}
	return b.String()
}

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
