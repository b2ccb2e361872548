package tui

import (
	"sync"

	"charm.land/bubbles/v2/key"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// keyMap holds every key of the app. Screens pick the bindings they use;
// the footer shows them through the help bubble.
type keyMap struct {
	// everywhere
	Quit      key.Binding // q: not inside a text field
	ForceQuit key.Binding // ctrl+c: always
	Help      key.Binding
	Home      key.Binding
	Leave     key.Binding // esc on a screen below another one

	// lists and menus
	Up     key.Binding
	Down   key.Binding
	Select key.Binding

	// questions
	Choose      key.Binding // enter on a question: give the highlighted answer
	Answer      key.Binding // help only: the choices' own shortcut keys
	Rate        key.Binding // help only: 1-5 and a
	Back        key.Binding
	Next        key.Binding
	PrevPart    key.Binding
	NextPart    key.Binding
	Note        key.Binding
	SaveNote    key.Binding
	CancelNote  key.Binding
	ShowResults key.Binding

	// results, history, compare
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	History  key.Binding
	Edit     key.Binding
	Mark     key.Binding
	Compare  key.Binding
	Trend    key.Binding
	Plan     key.Binding // p on the results

	// team audits
	NewTeam key.Binding // n on the list of team audits
	Settle  key.Binding // s on a team audit: the consensus step
	// AnswerHere is a on a team audit: a respondent answers in this wizard.
	AnswerHere key.Binding
	// SaveConsensus is enter on the consensus step's closing page.
	SaveConsensus key.Binding

	// findings on the results
	NextFinding key.Binding
	PrevFinding key.Binding

	// plan
	PlanNext   key.Binding // confirm the field and go to the next
	PlanPrev   key.Binding // confirm the field and go back
	PlanDone   key.Binding // back to the results, keeping what was typed
	PlanStatus key.Binding // 1–4 on a status: open, in progress, done, dropped
	PlanChoice key.Binding // ←/→ between the statuses
	PlanPick   key.Binding // enter on a status: give the highlighted one
	PlanMove   key.Binding // tab/↓ on a status: on without giving one
	PlanClear  key.Binding // ctrl+x: empty the field (a problem: leave the goal out)
	PlanSkip   key.Binding // ctrl+s in the vision helper: on to the statement

	// setup form (help only: huh handles them)
	FormNext     key.Binding
	FormTab      key.Binding // like enter, not shown
	FormDetails  key.Binding // tab, shown: on to the session's details
	Discard      key.Binding // d on the resume list: discard an empty session
	FormPrev     key.Binding
	FormComplete key.Binding
}

// keyMaps caches the key map of each language: the keys are the same in
// every language but the answers', and the help says what they do in it.
var keyMaps sync.Map // lang → keyMap

// keysFor returns the key map whose help is in l.
func keysFor(l *i18n.Locale) keyMap {
	if km, ok := keyMaps.Load(l.Lang()); ok {
		return km.(keyMap)
	}
	km, _ := keyMaps.LoadOrStore(l.Lang(), newKeyMap(l))
	return km.(keyMap)
}

func newKeyMap(l *i18n.Locale) keyMap {
	b := func(keys []string, k, id string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, l.T("tui.keys."+id)))
	}
	// The answers' keys are the language's own (s/p/n/a in Italian); these
	// two bindings only show them in the help.
	answerKeys := func(k checklist.Kind) []string {
		var keys []string
		for _, c := range present.Choices(l, k) {
			keys = append(keys, c.Key)
		}
		return keys
	}
	return keyMap{
		Quit:      b([]string{"q"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:      b([]string{"?"}, "?", "more"),
		Home:      b([]string{"esc"}, "esc", "home"),
		Leave:     b([]string{"esc"}, "esc", "back"),

		Up:     b([]string{"up", "k"}, "↑/k", "up"),
		Down:   b([]string{"down", "j"}, "↓/j", "down"),
		Select: b([]string{"enter", "space"}, "enter", "choose"),

		Choose:      b([]string{"enter", "space"}, "enter", "pick"),
		Answer:      b(answerKeys(checklist.KindItem), present.AnswerKeys(l, checklist.KindItem), "answer"),
		Rate:        b(answerKeys(checklist.KindStatement), present.AnswerKeys(l, checklist.KindStatement), "rate"),
		Back:        b([]string{"left", "b", "shift+tab", "pgup"}, "←/b", "back"),
		Next:        b([]string{"right", "pgdown"}, "→", "next"),
		PrevPart:    b([]string{"["}, "[", "prev_section"),
		NextPart:    b([]string{"]"}, "]", "next_section"),
		Note:        b([]string{"tab"}, "tab", "note"),
		SaveNote:    b([]string{"enter"}, "enter", "save_note"),
		CancelNote:  b([]string{"esc"}, "esc", "cancel"),
		ShowResults: b([]string{"r"}, "r", "results"),

		PageUp:        b([]string{"pgup", "b"}, "pgup", "page_up"),
		PageDown:      b([]string{"pgdown", "space", "f"}, "pgdn", "page_down"),
		Top:           b([]string{"home", "g"}, "g", "top"),
		Bottom:        b([]string{"end", "G"}, "G", "bottom"),
		History:       b([]string{"h"}, "h", "history"),
		Edit:          b([]string{"e"}, "e", "edit"),
		Mark:          b([]string{"space", "x"}, "space", "mark"),
		Compare:       b([]string{"c"}, "c", "compare"),
		Trend:         key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T("trend.key"))),
		Plan:          b([]string{"p"}, "p", "plan"),
		NewTeam:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("teamtui.keys.new"))),
		SaveConsensus: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("teamtui.keys.save"))),
		Settle:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T("teamtui.keys.settle"))),
		AnswerHere:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T("teamtui.keys.answer"))),

		NextFinding: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("findings.keys.next"))),
		PrevFinding: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", l.T("findings.keys.prev"))),

		PlanNext: b([]string{"enter", "tab", "down"}, "enter", "next"),
		PlanPrev: b([]string{"shift+tab", "up"}, "↑", "back"),
		PlanDone: b([]string{"esc"}, "esc", "done"),
		PlanStatus: key.NewBinding(key.WithKeys("1", "2", "3", "4"),
			key.WithHelp("1-4", l.T("actionplan.key.status"))),
		PlanClear:  key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", l.T("actionplan.key.clear"))),
		PlanSkip:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", l.T("actionplan.key.skip"))),
		PlanChoice: b([]string{"left", "right"}, "←/→", "choose"),
		PlanPick:   b([]string{"enter", "space"}, "enter", "pick"),
		PlanMove:   b([]string{"tab", "down"}, "↓", "next"),

		FormNext:     b([]string{"enter"}, "enter", "next"),
		FormTab:      b([]string{"tab"}, "tab", "next"),
		Discard:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T("session.keys.discard"))),
		FormDetails:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T("session.keys.details"))),
		FormPrev:     b([]string{"shift+tab"}, "shift+tab", "back"),
		FormComplete: b([]string{"ctrl+e"}, "ctrl+e", "complete_name"),
	}
}

// helpFor returns the short and the full help of a screen.
func (m *Model) helpFor() (short []key.Binding, full [][]key.Binding) {
	k := keysFor(m.loc())
	switch m.screen {
	case scrHome, scrResume, scrClients:
		short = []key.Binding{k.Up, k.Down, k.Select, k.Leave, k.Quit}
		if m.screen == scrHome {
			short = []key.Binding{k.Up, k.Down, k.Select, k.Quit}
		}
		if m.screen == scrResume {
			short = []key.Binding{k.Up, k.Down, k.Select, k.Discard, k.Leave, k.Quit}
		}
		full = [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Leave, k.Quit, k.ForceQuit, k.Help}}
	case scrSetup:
		short = []key.Binding{k.FormNext, k.FormDetails, k.FormPrev, k.FormComplete, k.Home, k.ForceQuit}
		full = [][]key.Binding{{k.FormNext, k.FormDetails, k.FormPrev, k.FormComplete}, {k.Home, k.ForceQuit}}
	case scrQuestion:
		if m.q.editing {
			short = []key.Binding{k.SaveNote, k.CancelNote, k.ForceQuit}
			full = [][]key.Binding{{k.SaveNote, k.CancelNote, k.ForceQuit}}
			return short, full
		}
		ans := k.Answer
		if q, ok := m.current(); ok && q.Kind == kindStatement {
			ans = k.Rate
		}
		short = []key.Binding{ans, k.Choose, k.Back, k.Next, k.Note, k.Quit, k.Help}
		full = [][]key.Binding{
			{ans, k.Up, k.Down, k.Choose},
			{k.Back, k.Next, k.PrevPart, k.NextPart},
			{k.Note, k.ShowResults, k.Home, k.Quit, k.ForceQuit},
		}
	case scrResults:
		short = []key.Binding{k.Up, k.Down, k.NextFinding, k.Plan, k.History, k.Home, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.NextFinding, k.PrevFinding}, {k.Plan, k.History, k.Edit, k.Home, k.Quit}}
	case scrPlan:
		if m.plan.onStatus() {
			short = []key.Binding{k.PlanStatus, k.PlanPick, k.PlanMove, k.PlanPrev, k.PlanDone, k.Quit}
			full = [][]key.Binding{{k.PlanStatus, k.PlanChoice, k.PlanPick}, {k.PlanMove, k.PlanPrev, k.PlanDone, k.Quit, k.ForceQuit}}
			return short, full
		}
		short = []key.Binding{k.PlanNext, k.PlanPrev, k.PlanClear, k.PlanDone, k.ForceQuit}
		full = [][]key.Binding{{k.PlanNext, k.PlanPrev, k.PlanClear, k.PlanDone, k.ForceQuit}}
		if m.plan.inVisionHelper() {
			short = []key.Binding{k.PlanNext, k.PlanPrev, k.PlanSkip, k.PlanClear, k.PlanDone, k.ForceQuit}
			full = [][]key.Binding{{k.PlanNext, k.PlanPrev, k.PlanSkip, k.PlanClear, k.PlanDone, k.ForceQuit}}
		}
	case scrHistory:
		// ↑/↓ give way to the trend in the short help: the full help has them.
		short = []key.Binding{k.Select, k.Mark, k.Compare, k.Trend, k.Leave, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.Select}, {k.Mark, k.Compare, k.Trend}, {k.Leave, k.Quit}}
	case scrTrend:
		short = []key.Binding{k.Leave, k.Quit}
		full = [][]key.Binding{{k.Leave, k.Quit}}
	case scrTeams:
		short = []key.Binding{k.Up, k.Down, k.Select, k.NewTeam, k.Leave, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.Select, k.NewTeam}, {k.Leave, k.Quit, k.ForceQuit}}
	case scrTeamNew:
		short = []key.Binding{k.FormNext, k.FormTab, k.Leave, k.ForceQuit}
		if !m.teams.form.typing() {
			short = []key.Binding{k.Up, k.Down, k.FormNext, k.FormTab, k.Leave, k.Quit}
		}
		full = [][]key.Binding{short}
	case scrTeam:
		// ↑/↓ give way to a in the short help: the full help has them.
		short = []key.Binding{k.AnswerHere, k.Settle, k.ShowResults, k.Leave, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.AnswerHere, k.Settle, k.ShowResults, k.Leave, k.Quit}}
	case scrTeamAnswer:
		short = []key.Binding{k.FormNext, k.FormTab, k.Leave, k.ForceQuit}
		if !m.team.answer.typing() {
			short = []key.Binding{k.Up, k.Down, k.FormNext, k.FormTab, k.Leave, k.Quit}
		}
		full = [][]key.Binding{short}
	case scrSettle:
		switch {
		case m.settle.editing:
			short = []key.Binding{k.SaveNote, k.CancelNote, k.ForceQuit}
		case m.settle.saved != nil:
			short = []key.Binding{k.Select, k.Leave, k.Quit}
		case m.settle.idx >= len(m.settle.ids):
			short = []key.Binding{k.SaveConsensus, k.Back, k.Leave, k.Quit}
		default:
			short = []key.Binding{k.Answer, k.Choose, k.Back, k.Note, k.Leave, k.Quit, k.Help}
		}
		full = [][]key.Binding{short, {k.Up, k.Down, k.Next, k.ForceQuit}}
	case scrCompare:
		short = []key.Binding{k.Up, k.Down, k.Leave, k.Quit}
		full = [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Leave, k.Quit}}
	}
	return short, full
}
