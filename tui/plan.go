package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/planform"
)

// planState is the plan screen: the form being filled in, the field on
// show and the text input that edits it. Navigation between fields is the
// Model's, so going back is always possible.
type planState struct {
	form    *planform.Form
	at      int // the field on show
	input   textinput.Model
	choice  int // the highlighted status on a status field
	loading bool
	// suggestions are the problems suggested from the results, listed
	// under a problem field when there is room.
	suggestions []checklist.GoalSource
	// before is the value of the field on show when it was focused: esc
	// keeps the text only when the user changed it.
	before string
	// typedAhead holds keys pressed while last time's goals were looked
	// up, for the first field.
	typedAhead []tea.KeyPressMsg
}

func newPlanInput() textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	// Up to the store's 64 KiB; characters of more than one byte are
	// counted again when the field is kept (see fitNote).
	ti.CharLimit = store.MaxNote
	ti.SetStyles(planInputStyles(true))
	return ti
}

func planInputStyles(isDark bool) textinput.Styles {
	s := textinput.DefaultStyles(isDark)
	s.Cursor.Blink = false // a steady cursor: no timer, stable frames
	return s
}

// field is the field on show.
func (p *planState) field() (planform.Field, bool) {
	if p.form == nil || p.at < 0 || p.at >= p.form.Len() {
		return planform.Field{}, false
	}
	return p.form.Field(p.at), true
}

// onStatus reports whether the field on show asks where a goal stands.
func (p *planState) onStatus() bool {
	f, ok := p.field()
	return ok && !f.Kind.Text()
}

// inVisionHelper reports whether the field on show is a step of the vision
// helper.
func (p *planState) inVisionHelper() bool {
	f, ok := p.field()
	return ok && f.Kind.VisionStep()
}

// typing reports whether keys go into a text field.
func (p *planState) typing() bool {
	f, ok := p.field()
	return ok && f.Kind.Text()
}

// PreviousPlan returns the newest of the client's completed sessions before
// s (in audit order) whose plan has goals, or nil when there is none: the
// goals a new plan looks back on.
func PreviousPlan(r Repo, s *checklist.Session) (*checklist.Session, error) {
	list, err := clientAudits(r, s)
	if err != nil {
		return nil, err
	}
	for _, sum := range audit.Before(storedStamp(s, list), list, store.Summary.Stamp) {
		prev, err := r.Get(sum.ID)
		if err != nil {
			return nil, fmt.Errorf("read session %s: %w", sum.ID, err)
		}
		if len(prev.Plan.Goals) > 0 {
			return prev, nil
		}
	}
	return nil, nil
}

// openPlan shows the plan screen of the open session. The client's last
// goals are looked up first, unless the plan has reviewed them already.
func (m *Model) openPlan() tea.Cmd {
	input := m.plan.input
	m.plan = planState{input: input, loading: true}
	m.show(scrPlan)
	cur := *m.sess
	if len(cur.Plan.Review) > 0 {
		m.planLoaded(planLoadedMsg{forID: cur.ID})
		return nil
	}
	r := m.opts.Repo
	return func() tea.Msg {
		prev, err := PreviousPlan(r, &cur)
		return planLoadedMsg{forID: cur.ID, prev: prev, err: err}
	}
}

// planLoaded builds the form once the earlier goals are known. Without
// them (or when they cannot be read) the plan is written all the same.
func (m *Model) planLoaded(msg planLoadedMsg) tea.Cmd {
	if m.sess == nil || msg.forID != m.sess.ID || m.screen != scrPlan {
		return nil // the user has moved on
	}
	if msg.err != nil {
		m.err = msg.err
	}
	m.plan.loading = false
	m.plan.suggestions = scoring.SuggestProblems(m.pack, m.sess, scoring.Session(m.pack, m.sess))
	m.plan.form = planform.New(m.sess.Plan, msg.prev, m.plan.suggestions, m.problem)
	cmds := []tea.Cmd{m.focusPlan(0)}
	keys := m.plan.typedAhead
	m.plan.typedAhead = nil
	for _, k := range keys {
		cmds = append(cmds, m.planKey(k))
	}
	return tea.Batch(cmds...)
}

// problem words a goal's problem in the session's language with its pack
// (plantext, the one home of that wording).
func (m *Model) problem(g checklist.Goal) string {
	return plantext.Problem(m.loc(), m.pack, g)
}

// focusPlan shows field i with its value in the input. A problem taken
// from a suggestion shows the suggestion as the placeholder: typing
// replaces it, enter on the empty field takes it.
func (m *Model) focusPlan(i int) tea.Cmd {
	p := &m.plan
	p.at = i
	f, ok := p.field()
	if !ok {
		return nil
	}
	p.before = p.form.Value(f)
	if !f.Kind.Text() {
		p.input.Blur()
		p.choice = 0
		cur := checklist.GoalStatus(p.before)
		if f.Kind == planform.ReviewStatus && cur == "" {
			cur = p.form.Review[f.Index].Goal.Status // start from where it stood
		}
		for j, s := range checklist.GoalStatuses() {
			if s == cur {
				p.choice = j
			}
		}
		return nil
	}
	p.input.SetValue(p.before)
	p.input.CursorEnd()
	p.input.Placeholder = planPlaceholder(m.loc(), f.Kind)
	if f.Kind == planform.Problem {
		if sugg := p.form.Suggestion(f.Index); sugg != "" {
			p.input.Placeholder = strings.Join(strings.Fields(sugg), " ")
		}
	}
	return p.input.Focus()
}

func planPlaceholder(l *i18n.Locale, k planform.Kind) string {
	switch k {
	case planform.Problem, planform.What, planform.Target, planform.Owner, planform.Due:
		return l.T("actionplan.placeholder." + k.ID())
	}
	return l.T("actionplan.placeholder.optional")
}

// keepPlanField puts what was typed in the field on show into the form and
// queues the plan as queuePlan does. It reports false, with a notice, when
// the text is not a value of the field (a due date that is not a date);
// the field keeps the text to be corrected.
func (m *Model) keepPlanField() bool {
	f, ok := m.plan.field()
	if !ok || !f.Kind.Text() {
		return true
	}
	v, cut := fitNote(m.plan.input.Value())
	if cut {
		m.notice = m.loc().T("tui.plan.field_cut")
	}
	if err := m.plan.form.Set(f, v); err != nil {
		m.notice = m.loc().T("actionplan.bad_due")
		return false
	}
	m.queuePlan()
	return true
}

// keepPlanDraft keeps what was typed in the field on show when the
// program ends: a due date that is not a date yet is kept at the start of
// the goal's note, as the upgrade of older plans keeps such text, so that
// nothing typed is lost.
func (m *Model) keepPlanDraft() {
	if m.keepPlanField() {
		return
	}
	f, _ := m.plan.field()
	g := &m.plan.form.Goals[f.Index]
	text := strings.TrimSpace(m.plan.input.Value())
	if note := strings.TrimSpace(g.Note); note != "" {
		text += " · " + note
	}
	_ = m.plan.form.Set(planform.Field{Kind: planform.GoalNote, Index: f.Index}, text)
	m.queuePlan()
}

// queuePlan queues the plan for the store when it differs from the one the
// session holds: each confirmed field is one write. The caller flushes.
func (m *Model) queuePlan() {
	plan := m.plan.form.Plan()
	if planform.Equal(plan, m.sess.Plan) {
		return
	}
	m.queue(store.Change{SetPlan: true, OldPlan: m.sess.Plan, Plan: plan})
	m.sess.Plan = plan
}

// movePlan keeps the field on show and goes to the next field (dir +1)
// or the one before (-1), as the form walks them with what was just
// typed: past the last field the plan is done, before the first it stays.
func (m *Model) movePlan(dir int) tea.Cmd {
	if !m.keepPlanField() {
		return m.flush()
	}
	i := m.plan.form.Next(m.plan.at)
	if dir < 0 {
		i = m.plan.form.Prev(m.plan.at)
	}
	return m.goPlan(i)
}

// goPlan flushes and shows field i: past the last field the plan is done,
// before the first it stays.
func (m *Model) goPlan(i int) tea.Cmd {
	switch {
	case i < 0:
		m.notice = m.loc().T("tui.plan.first_field")
		return m.flush()
	case i >= m.plan.form.Len():
		return tea.Batch(m.flush(), m.leavePlan())
	}
	return tea.Batch(m.flush(), m.focusPlan(i))
}

// leavePlan goes back to the results, saying what the plan holds.
func (m *Model) leavePlan() tea.Cmd {
	m.plan.input.Blur()
	if !m.sess.Plan.IsZero() {
		m.notice = m.loc().T("tui.plan.saved", "Summary", planform.Summary(m.loc(), m.sess.Plan))
	}
	m.show(scrResults)
	m.res.render(m)
	return nil
}

// pickStatus records where a goal stands (its own, or last time's under
// review) and moves on.
func (m *Model) pickStatus(s checklist.GoalStatus) tea.Cmd {
	f, _ := m.plan.field()
	_ = m.plan.form.Set(f, string(s))
	m.queuePlan()
	return m.goPlan(m.plan.form.Next(m.plan.at))
}

func (m *Model) planKey(msg tea.KeyPressMsg) tea.Cmd {
	k, p := m.keys, &m.plan
	if p.form == nil {
		if key.Matches(msg, k.PlanDone) {
			return m.leavePlan()
		}
		if len(p.typedAhead) < 64 {
			p.typedAhead = append(p.typedAhead, msg)
		}
		return nil
	}
	if p.onStatus() {
		statuses := checklist.GoalStatuses()
		switch {
		case key.Matches(msg, k.PlanDone):
			return m.leavePlan()
		case key.Matches(msg, k.PlanPick):
			return m.pickStatus(statuses[p.choice])
		case key.Matches(msg, k.PlanMove):
			return m.movePlan(+1)
		case key.Matches(msg, k.PlanPrev):
			return m.movePlan(-1)
		case msg.String() == "left":
			p.choice = (p.choice + len(statuses) - 1) % len(statuses)
		case msg.String() == "right":
			p.choice = (p.choice + 1) % len(statuses)
		case key.Matches(msg, k.PlanStatus):
			if s, ok := checklist.ParseGoalStatus(msg.String()); ok {
				return m.pickStatus(s)
			}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.PlanDone):
		if p.input.Value() != p.before {
			m.keepPlanField()
		}
		return tea.Batch(m.flush(), m.leavePlan())
	case key.Matches(msg, k.PlanClear):
		return m.clearPlanField()
	case key.Matches(msg, k.PlanSkip) && p.inVisionHelper():
		if !m.keepPlanField() {
			return m.flush()
		}
		return m.goPlan(p.form.SkipVisionHelper())
	case key.Matches(msg, k.PlanNext):
		return m.movePlan(+1)
	case key.Matches(msg, k.PlanPrev):
		return m.movePlan(-1)
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// clearPlanField empties the field on show. On a problem whose input is
// already empty it also drops the suggestion: the goal is left out.
func (m *Model) clearPlanField() tea.Cmd {
	p := &m.plan
	f, _ := p.field()
	if p.input.Value() != "" {
		p.input.SetValue("")
		return nil
	}
	if f.Kind == planform.Problem && p.form.Suggestion(f.Index) != "" {
		p.form.Clear(f)
		m.queuePlan()
		return tea.Batch(m.flush(), m.focusPlan(p.at))
	}
	return nil
}

// updatePlanInput passes anything else (a paste, a cursor message) to the
// text field on show.
func (m *Model) updatePlanInput(msg tea.Msg) tea.Cmd {
	if !m.plan.typing() {
		return nil
	}
	if paste, ok := msg.(tea.PasteMsg); ok {
		// A field is one line: pasted lines join with spaces.
		msg = tea.PasteMsg{Content: strings.Join(strings.Fields(paste.Content), " ")}
	}
	var cmd tea.Cmd
	m.plan.input, cmd = m.plan.input.Update(msg)
	return cmd
}
