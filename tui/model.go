package tui

import (
	"io"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// The smallest window the app draws its screens in; below it, it says how
// big the window must be and keeps its state.
const (
	MinWidth  = 60
	MinHeight = 15
)

const kindStatement = checklist.KindStatement

type screenID int

const (
	scrHome screenID = iota
	scrResume
	scrSetup
	scrQuestion
	scrResults
	scrClients
	scrHistory
	scrCompare
	scrPlan
	scrTrend
	scrTeams   // the list of team audits (team.go)
	scrTeamNew // a new team audit (team_new.go)
	scrTeam    // a team audit's combined results
	scrSettle  // the consensus step (settle.go)
	// scrTeamAnswer is the form of a respondent who answers here
	// (team_answer.go).
	scrTeamAnswer
)

// Options configure the wizard.
type Options struct {
	// Repo stores sessions; required.
	Repo Repo
	// Pack is the content new sessions are answered with; required unless
	// PackFunc is set.
	Pack *checklist.Pack
	// PackFunc, when Pack is nil, gives it on first use: a built-in pack
	// can then be parsed while the first frame is drawn rather than
	// before. It must be safe to call from several goroutines.
	PackFunc func() *checklist.Pack
	// Intro, with PackFunc, is the intro of the pack PackFunc gives,
	// read on its own (content.Intro) so that home, which shows it, can
	// draw its first frame before the pack is parsed.
	Intro string
	// Lookup finds the pack a stored session was answered with; nil means
	// Pack is used when the ids match.
	Lookup func(checklist.Ref) (*checklist.Pack, error)
	// Start says what to show first.
	Start Start
	// Now is the clock for answer times; nil means time.Now.
	Now func() time.Time
	// RetryDelay is the wait before saving again after a failure; 0 means
	// one second.
	RetryDelay time.Duration
	// Assessor fills the assessor of the new-session form opened from the
	// home screen (the configured default); Start.Assessor fills it for
	// the form the wizard opens with.
	Assessor string
	// Screen, when set, is the terminal Run draws the first frame on
	// itself, before Bubble Tea starts (see drawFirstFrame); nil leaves
	// every frame to Bubble Tea.
	Screen *Terminal
	// Notices is where Run writes what it does after the screens are gone
	// (saving answers that could not be written yet); nil writes nothing.
	Notices io.Writer
	// Lang is the user's language (cmd's uiLang): the screens that belong
	// to no session (home, setup, the list of clients) are in it. A
	// session's screens are in the language of the pack it is answered
	// with. "" means Pack's language.
	Lang string
}

// Start says what the wizard opens with. The zero Start opens the home
// screen.
type Start struct {
	// Session opens this stored session: at its cursor when unfinished, at
	// its results when completed. SessionPack is the pack it was answered
	// with (nil means look it up).
	Session     *checklist.Session
	SessionPack *checklist.Pack
	// New opens the new-session form filled with Client and Assessor.
	New              bool
	Client, Assessor string
	// Date is the audit date to offer (YYYY-MM-DD); "" means today.
	Date string
	// Resume opens the list of unfinished sessions.
	Resume bool
	// Rev is Session's revision as read (store.Store.GetRev); 0 when not
	// known. Writes check it to tell the user of changes made elsewhere.
	Rev store.Rev
}

// Model is the wizard: one top-level model that routes each message to the
// screen on show. Screens keep their own state here and expose plain
// methods; every store call runs in a tea.Cmd.
type Model struct {
	opts Options
	ui   *i18n.Locale // the user's language
	keys keyMap
	st   styles
	help help.Model

	width, height int
	screen        screenID
	fullHelp      bool
	quitting      bool

	// The open session, its pack and the walk through it.
	sess *checklist.Session
	pack *checklist.Pack
	qs   []checklist.Question

	// sized is set once the first size has arrived.
	sized bool

	saver saver
	// decisions writes the consensus step's decisions (settle_save.go).
	decisions decisionSaver
	notice    string    // a one-off message for the status line
	ask       *askState // a yes-or-no question waiting for its answer (reopen.go)
	err       error     // the last failed load, for the status line

	home  homeState
	setup setupState
	q     questionState
	res   resultsState
	hist  historyState
	cmp   compareState
	trend trendState
	plan  planState

	teams  teamsState
	team   teamState
	settle settleState
}

// New builds the wizard model. opts.Repo and opts.Pack (or PackFunc) must
// be set.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RetryDelay <= 0 {
		opts.RetryDelay = time.Second
	}
	if _, ok := opts.Repo.(cleanRepo); !ok && opts.Repo != nil {
		opts.Repo = cleanRepo{opts.Repo}
	}
	ui := i18n.For(opts.Lang)
	if opts.Lang == "" && opts.Pack != nil {
		ui = i18n.For(opts.Pack.Lang)
	}
	m := Model{
		opts:   opts,
		ui:     ui,
		keys:   keysFor(ui),
		st:     newStyles(true),
		help:   help.New(),
		q:      newQuestionState(),
		plan:   planState{input: newPlanInput()},
		teams:  teamsState{form: teamForm{nameForm{name: newPlanInput()}}},
		settle: settleState{note: newQuestionState().note},
	}
	m.saver.loc = ui
	m.help.Styles = m.st.help
	m.res.view = newViewport()
	m.cmp.view = newViewport()
	m.team.view = newViewport()
	switch s := opts.Start; {
	case s.Session != nil:
		p := s.SessionPack
		if p == nil {
			var err error
			if p, err = m.packFor(s.Session.Pack); err != nil {
				m.err = err
				m.screen = scrHome
				break
			}
		}
		m.saver.setRev(s.Session.ID, s.Rev)
		m.open(s.Session, p)
	case s.New:
		m.screen = scrSetup
		m.setup = newSetup(m.ui, setupValues{Client: s.Client, Assessor: s.Assessor, Date: s.AuditDay(m.now())}, nil)
	case s.Resume:
		m.screen = scrResume
		m.home.loading = true
	default:
		m.screen = scrHome
		m.home.loading = true
	}
	return m
}

// Init asks for the background colour and loads what the first screen needs.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.saver.pending() {
		// open queued a write (the completion of a fully answered
		// session): start the saver from Update, which keeps its state.
		cmds = append(cmds, func() tea.Msg { return retrySaveMsg{} })
	}
	switch m.screen {
	case scrHome, scrResume:
		cmds = append(cmds, m.loadHome())
	case scrSetup:
		cmds = append(cmds, m.setup.form.Init(), m.loadHome())
	case scrResults, scrQuestion:
		cmds = append(cmds, m.loadPrevious())
	}
	return tea.Batch(cmds...)
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width == 0 && msg.Height == 0 && m.width > 0 {
			// No terminal is 0×0: a pty whose size was never set (an SSH
			// client that sent no terminal speeds) reads so. The size
			// the window had stays.
			return m, nil
		}
		changed := msg.Width != m.width || msg.Height != m.height
		m.resize(msg.Width, msg.Height)
		if !m.sized || changed {
			// Bubble Tea reads the size as it starts, sends it from a
			// goroutine and watches for changes only a little later: a
			// window resized in between (as soon as the first frame
			// shows, which Run draws early) could keep the old size, or
			// get it back from that goroutine after the new one. So the
			// size is read again after the first size and after every
			// change, until a read finds no change: the last size the
			// model gets is the window's.
			m.sized = true
			return m, tea.RequestWindowSize
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		m.help.Styles = m.st.help
		m.q.setDark(msg.IsDark())
		m.plan.input.SetStyles(planInputStyles(msg.IsDark()))
		m.teams.form.name.SetStyles(planInputStyles(msg.IsDark()))
		m.settle.note.SetStyles(noteStyles(msg.IsDark()))
		if m.screen == scrSetup {
			return m, m.updateForm(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m, m.paste(msg)
	case savedMsg:
		return m, m.saved(msg)
	case savedAsNewMsg:
		return m, m.savedAsNew(msg)
	case retrySaveMsg:
		m.saver.retrying = false
		return m, m.flush()
	case homeLoadedMsg:
		m.homeLoaded(msg)
		return m, nil
	case sessionMsg:
		return m, m.sessionLoaded(msg)
	case previousMsg:
		m.previousLoaded(msg)
		return m, nil
	case discardMsg:
		return m, m.discarded(msg)
	case historyMsg:
		m.historyLoaded(msg)
		return m, nil
	case compareMsg:
		m.compareLoaded(msg)
		return m, nil
	case trendMsg:
		m.trendLoaded(msg)
		return m, nil
	case planLoadedMsg:
		return m, m.planLoaded(msg)
	case teamsMsg:
		m.teamsLoaded(msg)
		return m, nil
	case teamMsg:
		m.teamLoaded(msg)
		return m, nil
	case teamCreatedMsg:
		return m, m.teamCreated(msg)
	case consensusSavedMsg:
		m.consensusSaved(msg)
		return m, nil
	case decisionsSavedMsg:
		return m, m.decisionsSaved(msg)
	case retryDecisionsMsg:
		m.decisions.retrying = false
		return m, m.flushDecisions()
	}
	if m.screen == scrSetup {
		return m, m.updateForm(msg)
	}
	if m.screen == scrQuestion && m.q.editing {
		return m, m.q.updateNote(msg)
	}
	if m.screen == scrPlan {
		return m, m.updatePlanInput(msg)
	}
	if m.screen == scrTeamNew {
		return m, m.updateTeamInput(msg)
	}
	if m.screen == scrTeamAnswer {
		return m, m.updateRespondentInput(msg)
	}
	if m.screen == scrSettle && m.settle.editing {
		var cmd tea.Cmd
		m.settle.note, cmd = m.settle.note.Update(msg)
		return m, cmd
	}
	return m, nil
}

// key handles a key press: ctrl+c always quits, q quits outside text
// fields, and the rest belongs to the screen on show.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m, m.quit()
	}
	if m.ask != nil {
		return m, m.askKey(msg)
	}
	typing := m.screen == scrSetup || (m.screen == scrQuestion && m.q.editing) ||
		(m.screen == scrPlan && m.plan.typing()) || (m.screen == scrTeamNew && m.teams.form.typing()) ||
		(m.screen == scrSettle && m.settle.editing) || (m.screen == scrTeamAnswer && m.team.answer.typing())
	if m.tooSmall() {
		if !typing && key.Matches(msg, m.keys.Quit) {
			return m, m.quit()
		}
		return m, nil
	}
	if !typing {
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m, m.quit()
		case key.Matches(msg, m.keys.Help):
			m.fullHelp = !m.fullHelp
			return m, nil
		}
	}
	m.notice, m.err = "", nil
	var cmd tea.Cmd
	switch m.screen {
	case scrHome:
		cmd = m.homeKey(msg)
	case scrResume:
		cmd = m.resumeKey(msg)
	case scrSetup:
		cmd = m.setupKey(msg)
	case scrQuestion:
		cmd = m.questionKey(msg)
	case scrResults:
		cmd = m.resultsKey(msg)
	case scrClients:
		cmd = m.clientsKey(msg)
	case scrHistory:
		cmd = m.historyKey(msg)
	case scrCompare:
		cmd = m.compareKey(msg)
	case scrTrend:
		cmd = m.trendKey(msg)
	case scrPlan:
		cmd = m.planKey(msg)
	case scrTeams:
		cmd = m.teamsKey(msg)
	case scrTeamNew:
		cmd = m.teamNewKey(msg)
	case scrTeam:
		cmd = m.teamKey(msg)
	case scrSettle:
		cmd = m.settleKey(msg)
	case scrTeamAnswer:
		cmd = m.respondentKey(msg)
	}
	return m, cmd
}

// paste sends pasted text to the text field on show; on a question it
// opens the note with the text in it.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	switch m.screen {
	case scrSetup:
		return m.updateForm(msg)
	case scrQuestion:
		if m.gone() {
			return nil
		}
		var cmd tea.Cmd
		if !m.q.editing {
			cmd = m.startNote()
		}
		if m.q.note.Length()+utf8.RuneCountInString(msg.Content) > m.q.note.CharLimit {
			m.notice = m.loc().T("tui.paste.note_cut")
		}
		return tea.Batch(cmd, m.q.updateNote(msg))
	case scrPlan:
		if m.plan.typing() && len([]rune(m.plan.input.Value()))+utf8.RuneCountInString(msg.Content) > m.plan.input.CharLimit {
			m.notice = m.loc().T("tui.paste.field_cut")
		}
		return m.updatePlanInput(msg)
	case scrTeamNew:
		return m.updateTeamInput(msg)
	case scrTeamAnswer:
		return m.updateRespondentInput(msg)
	case scrSettle:
		if m.settle.editing {
			var cmd tea.Cmd
			m.settle.note, cmd = m.settle.note.Update(msg)
			return cmd
		}
	}
	return nil
}

// quit ends the app once the save in flight, if any, has come back; what
// is still queued, and the text typed but not confirmed, is saved by Run
// after the program ends (keepDrafts).
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	if m.saver.inFlight > 0 || m.decisions.inFlight > 0 {
		return nil
	}
	return tea.Quit
}

func (m *Model) show(s screenID) {
	m.screen = s
	m.fullHelp = false
}

func (m *Model) resize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	bw, bh := m.bodySize()
	m.help.SetWidth(bw)
	m.q.resize(bw, bh)
	m.res.resize(bw, bh-1)
	m.cmp.resize(bw, bh-1)
	m.team.resize(bw, bh-1)
	m.settle.note.SetWidth(max(10, bw))
	m.settle.note.SetHeight(2)
	m.teams.form.name.SetWidth(max(10, min(bw-4, 60)))
	m.team.answer.name.SetWidth(max(10, min(bw-4, 60)))
	if m.screen == scrResults {
		m.res.render(m)
	}
	if m.screen == scrCompare {
		m.cmp.render(m)
	}
	if m.screen == scrTeam && m.team.audit != nil {
		m.team.render(m)
	}
	if m.setup.form != nil {
		m.setup.form.WithWidth(min(bw, 72))
	}
	m.plan.input.SetWidth(max(10, bw-planLabelWidth-4))
	// The input scrolls its text only as the cursor moves: place the
	// cursor again so that the text fits the new width.
	pos := m.plan.input.Position()
	m.plan.input.SetCursor(0)
	m.plan.input.SetCursor(pos)
}

// loc is the language of the screen on show: a session's screens are in
// its pack's language, home and the screens before a session in the user's.
func (m Model) loc() *i18n.Locale {
	switch m.screen {
	case scrHome, scrResume, scrSetup, scrClients, scrTeams, scrTeamNew:
		return m.ui
	case scrTeam, scrSettle, scrTeamAnswer:
		return m.teamLoc()
	}
	if m.pack == nil {
		return m.ui
	}
	return present.Locale(m.pack, m.ui)
}

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// bodySize is the room between the header and the footer.
func (m Model) bodySize() (int, int) {
	return max(0, m.width-2), max(0, m.height-3)
}

func (m Model) now() time.Time { return m.opts.Now() }

// packFor returns the pack a stored session was answered with.
func (m Model) packFor(ref checklist.Ref) (*checklist.Pack, error) {
	if m.opts.Lookup != nil {
		return m.opts.Lookup(ref)
	}
	return m.newPack(), nil
}

// newIntro is the intro of the pack new sessions are answered with,
// without waiting for that pack when it is still being parsed.
func (m Model) newIntro() string {
	if m.opts.Pack == nil && m.opts.Intro != "" {
		return m.opts.Intro
	}
	return m.newPack().Intro
}

// newPack is the pack new sessions are answered with.
func (m Model) newPack() *checklist.Pack {
	if m.opts.Pack != nil {
		return m.opts.Pack
	}
	return m.opts.PackFunc()
}

// keepDrafts queues the text typed but not confirmed — a note being
// written, a plan field being edited, a note on a consensus decision — so
// that leaving the app by any way (q, ctrl+c, SIGTERM, SIGHUP) keeps it.
// Run calls it on the final model.
func (m *Model) keepDrafts() {
	if m.screen == scrSettle && m.settle.editing {
		m.keepSettleNote()
		return
	}
	if m.sess == nil || m.gone() {
		return
	}
	switch {
	case m.screen == scrQuestion && m.q.editing:
		m.keepNote()
	case m.screen == scrPlan && m.plan.form != nil && m.plan.input.Value() != m.plan.before:
		m.keepPlanDraft()
	}
}
