package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/store"
)

// resultsState is the results of the open session, compared with the
// client's previous completed session when there is one.
type resultsState struct {
	view viewport.Model
	// doc is the results view model the screen shows.
	doc  results.Document
	prev *checklist.Session
	cmp  *results.Comparison // doc.Comparison
	// finding is the index of the finding under the cursor, -1 for none;
	// findingAt is the content line each finding starts at.
	finding   int
	findingAt []int
}

// scroll moves v for the scrolling keys of the results and compare screens
// and reports whether msg was one of them.
func scroll(v *viewport.Model, k keyMap, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		v.ScrollUp(1)
	case key.Matches(msg, k.Down):
		v.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		v.PageUp()
	case key.Matches(msg, k.PageDown):
		v.PageDown()
	case key.Matches(msg, k.Top):
		v.GotoTop()
	case key.Matches(msg, k.Bottom):
		v.GotoBottom()
	default:
		return false
	}
	return true
}

func newViewport() viewport.Model {
	v := viewport.New()
	v.KeyMap = viewport.KeyMap{} // keys are handled by the screens
	v.SoftWrap = false
	return v
}

func (r *resultsState) resize(w, h int) {
	r.view.SetWidth(max(1, w))
	r.view.SetHeight(max(1, h))
}

// showResults scores the open session and shows it.
func (m *Model) showResults() tea.Cmd {
	m.q.editing = false
	m.res.doc = results.Build(m.pack, m.sess, nil, nil)
	m.res.prev, m.res.cmp = nil, nil
	m.res.finding = -1
	m.show(scrResults)
	m.res.render(m)
	m.res.view.GotoTop()
	return m.loadPrevious()
}

// loadPrevious finds the client's newest completed session before the open
// one, to compare with.
func (m Model) loadPrevious() tea.Cmd {
	if m.sess == nil {
		return nil
	}
	r, lookup := m.opts.Repo, m.packFor
	cur := *m.sess
	return func() tea.Msg {
		prev, p, err := Previous(r, &cur, lookup)
		return previousMsg{forID: cur.ID, sess: prev, pack: p, err: err}
	}
}

// Previous returns the client's previous completed session (see
// audit.Previous) with its pack, or nil when there is none.
func Previous(r Repo, s *checklist.Session, lookup func(checklist.Ref) (*checklist.Pack, error)) (*checklist.Session, *checklist.Pack, error) {
	list, err := clientAudits(r, s)
	if err != nil {
		return nil, nil, err
	}
	if sum, ok := audit.Previous(storedStamp(s, list), list, store.Summary.Stamp); ok {
		prev, err := r.Get(sum.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("read session %s: %w", sum.ID, err)
		}
		p, err := lookup(prev.Pack)
		if err != nil {
			return nil, nil, fmt.Errorf("session %s: %w", sum.ID, err)
		}
		return prev, p, nil
	}
	return nil, nil, nil
}

// clientAudits lists the client's sessions that can be s's last time:
// those that stand for an audit of the client (store.Filter.Audits leaves
// out the team respondents' own), s among them. A team respondent's own
// session has no last time at all: a respondent answers on their own, so
// neither another respondent's answers nor the team's agreed result (of
// this audit, settled before they came, or of an earlier one) is put in
// front of them, as over SSH, where a respondent sees only their sessions.
func clientAudits(r Repo, s *checklist.Session) ([]store.Summary, error) {
	// All statuses, so that s is found even while it is being answered.
	list, err := r.List(store.Filter{Client: s.Client})
	if err != nil {
		return nil, fmt.Errorf("read earlier sessions: %w", err)
	}
	out := list[:0]
	for _, sum := range list {
		switch {
		case sum.ID == s.ID && sum.Respondent:
			return nil, nil
		case !sum.Respondent:
			out = append(out, sum)
		}
	}
	return out, nil
}

// storedStamp is s's stamp as the store has it when list holds it: the
// store, not the screen's copy, sets the completion time, and the order
// of sessions follows the stored times.
func storedStamp(s *checklist.Session, list []store.Summary) audit.Stamp {
	for _, sum := range list {
		if sum.ID == s.ID {
			return sum.Stamp()
		}
	}
	return audit.Of(s)
}

func (m *Model) previousLoaded(msg previousMsg) {
	if m.sess == nil || msg.forID != m.sess.ID {
		return // the user has moved on to another session
	}
	if msg.err != nil {
		m.err = msg.err
		return
	}
	if msg.sess == nil {
		return
	}
	m.res.doc = results.Build(m.pack, m.sess, msg.sess, msg.pack)
	m.res.prev, m.res.cmp = msg.sess, m.res.doc.Comparison
	if m.screen == scrResults {
		m.res.render(m)
	}
}

func (m *Model) resultsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Home):
		return m.goHome()
	case scroll(&m.res.view, k, msg):
	case key.Matches(msg, k.NextFinding):
		m.res.moveFinding(m, 1)
	case key.Matches(msg, k.PrevFinding):
		m.res.moveFinding(m, -1)
	case key.Matches(msg, k.History):
		return m.openHistory(m.sess.Client, scrResults)
	case key.Matches(msg, k.Plan):
		return m.openPlan()
	case key.Matches(msg, k.Edit):
		return m.editSession()
	}
	return nil
}

func (m Model) resultsView(w, h int) []string {
	wd := m.words()
	title := wd.T("results.screen.title", "Client", m.sess.Client, "Date", wd.Date(m.sessionDate(m.sess)))
	if m.sess.Assessor != "" {
		title = wd.T("results.screen.title_assessor", "Client", m.sess.Client, "Assessor", m.sess.Assessor,
			"Date", wd.Date(m.sessionDate(m.sess)))
	}
	return append([]string{m.scrollTitle(title, m.res.view, w)}, strings.Split(m.res.view.View(), "\n")...)
}

// scrollTitle is a screen title with the scroll position on the right when
// the content does not fit.
func (m Model) scrollTitle(title string, v viewport.Model, w int) string {
	right := ""
	if v.TotalLineCount() > v.Height() {
		last := min(v.TotalLineCount(), v.YOffset()+v.Height())
		wd := m.words()
		right = wd.T("results.screen.scroll", "From", wd.Int(v.YOffset()+1), "To", wd.Int(last), "Total", wd.Int(v.TotalLineCount()))
	}
	left := ansi.Truncate(title, max(1, w-lipgloss.Width(right)-2), "…")
	gap := max(1, w-lipgloss.Width(left)-lipgloss.Width(right))
	return m.st.title.Render(left) + strings.Repeat(" ", gap) + m.st.muted.Render(right)
}

// sessionDate is the day a session is dated by (audit.Date).
func (m Model) sessionDate(s *checklist.Session) time.Time {
	return audit.Date(audit.Of(s))
}
