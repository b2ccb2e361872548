package tui

import (
	"io"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
)

// benchModel is the model of a session open on a statement, the screen
// users spend most of their time on, at 120×40.
func benchModel(b *testing.B, keys ...string) Model {
	b.Helper()
	f := newFixture(b)
	o := f.opts()
	o.Start.Session = f.bakes
	m := New(o)
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range keys {
		tm, _ = tm.Update(keyMsg(k))
	}
	return tm.(Model)
}

// BenchmarkQuestionView renders the assessment screen at 120×40.
func BenchmarkQuestionView(b *testing.B) {
	m := benchModel(b, "]", "]", "]")
	if q, _ := m.current(); q.Kind != kindStatement {
		b.Fatalf("on %s, want a statement", q.ID)
	}
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkResultsView renders the results screen at 120×40 from the
// prepared content (scrolling re-renders only the visible part).
func BenchmarkResultsView(b *testing.B) {
	m := benchModel(b, "r")
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkAnswer is one answer and one step back: update, write (to the
// in-memory repo), redraw, twice.
func BenchmarkAnswer(b *testing.B) {
	m := benchModel(b, "]", "]", "]")
	var tm tea.Model = m
	press := func(k string) {
		var cmd tea.Cmd
		tm, cmd = tm.Update(keyMsg(k))
		if cmd != nil {
			if msg, ok := cmd().(savedMsg); ok { // the write, to the in-memory repo
				tm, _ = tm.Update(msg)
			}
		}
		_ = tm.View()
	}
	for b.Loop() {
		press("4")
		press("left")
	}
}

// BenchmarkStartup is start-up to the first frame: build the model for a
// resumed session, take the window size, render.
func BenchmarkStartup(b *testing.B) {
	f := newFixture(b)
	o := f.opts()
	o.Start.Session = f.bakes
	for b.Loop() {
		m := New(o)
		_ = m.Init()
		tm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = tm.View()
	}
}

// quitAfterFirst ends the program as soon as it starts; the program still
// renders the first (and last) frame.
type quitAfterFirst struct{ Model }

func (q quitAfterFirst) Init() tea.Cmd { return tea.Quit }

// BenchmarkProgramFirstFrame runs a whole Bubble Tea program to its first
// frame and out again, without a terminal.
func BenchmarkProgramFirstFrame(b *testing.B) {
	f := newFixture(b)
	o := f.opts()
	o.Start.Session = f.bakes
	for b.Loop() {
		p := tea.NewProgram(quitAfterFirst{New(o)}, tea.WithInput(nil), tea.WithOutput(io.Discard),
			tea.WithWindowSize(120, 40), tea.WithoutSignalHandler())
		if _, err := p.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuestionViewEnglishPack renders the assessment screen at
// 120×40 with the built-in English pack, whose texts are longer.
func BenchmarkQuestionViewEnglishPack(b *testing.B) {
	p := content.Default()
	r := memrepo.New(epoch)
	s := &checklist.Session{Client: "Bakery Rossi", Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	if err := r.Create(s); err != nil {
		b.Fatal(err)
	}
	qs := p.Questions()
	for i := len(p.Sections[0].Items) + len(p.Sections[1].Items); i < len(qs); i++ {
		if qs[i].Kind == kindStatement {
			s.Cursor = qs[i].ID
			break
		}
	}
	m := New(Options{Repo: r, Pack: p, Start: Start{Session: s, SessionPack: p}})
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = tm.(Model)
	if q, _ := m.current(); q.Kind != kindStatement {
		b.Fatalf("on %s, want a statement", q.ID)
	}
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkResultsRender lays out the whole results content, as on
// opening the screen or resizing the window: the view model is built and
// every line worded in the session's language.
func BenchmarkResultsRender(b *testing.B) {
	m := benchModel(b, "r")
	for b.Loop() {
		_ = m.showResults()
	}
}
