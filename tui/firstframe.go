package tui

import (
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// Terminal is the terminal the wizard runs on, for drawing its first frame
// straight away (see drawFirstFrame).
type Terminal struct {
	In, Out *os.File
	// Profile is the colour profile Bubble Tea draws with: give it the
	// same one (tea.WithColorProfile) so that both frames agree.
	Profile colorprofile.Profile
}

// drawFirstFrame draws m's first frame on the terminal before Bubble Tea
// starts. It returns the model to run, which has the window's size
// already: keys typed as soon as the frame shows may reach it before
// Bubble Tea's first size does, and a model without a size takes the
// window for too small and ignores them. It also returns what to do once
// Bubble Tea has ended.
//
// Bubble Tea writes frames only on its renderer's ticks (60 a second): the
// first one reaches the screen up to 17 ms after the program has it, on
// top of the time to start, and a person at the keyboard waits about 30 ms
// for the wizard against 3 ms for a hello-world (docs/benchmarks.md).
// Drawing the same frame here, as soon as the model can, makes the wait
// that of a hello-world; Bubble Tea's first tick then redraws it whole,
// with the same content, in one write.
//
// The terminal is put in raw mode first, as Bubble Tea would: a key typed
// at once is neither echoed over the frame nor turned into a signal (ctrl+c
// would kill the program in the alternate screen), and waits for the
// wizard. Bubble Tea saves that raw state as the one to restore, so the
// returned function restores the real one, and leaves the alternate screen
// when Bubble Tea ended with an error, perhaps before it had drawn (and so
// entered) it at all. Leaving it twice is harmless: each screen keeps its
// own saved cursor.
func drawFirstFrame(t *Terminal, m Model) (Model, func(runErr error)) {
	nothing := func(error) {}
	if t == nil || t.In == nil || t.Out == nil {
		return m, nothing
	}
	w, h, err := term.GetSize(int(t.Out.Fd()))
	if err != nil || w <= 0 || h <= 0 {
		return m, nothing
	}
	// Sized as by Bubble Tea's first WindowSizeMsg, which still comes and
	// still counts as the first (see Model.sized).
	m.resize(w, h)
	v := m.View()
	if !v.AltScreen || v.Content == "" {
		return m, nothing
	}
	state, err := term.MakeRaw(int(t.In.Fd()))
	if err != nil {
		return m, nothing
	}
	var b strings.Builder
	b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.EraseEntireScreen + ansi.CursorHomePosition)
	// Raw mode: a line feed does not return the carriage.
	b.WriteString(strings.ReplaceAll(v.Content, "\n", "\r\n"))
	cw := &colorprofile.Writer{Forward: t.Out, Profile: t.Profile}
	_, _ = cw.WriteString(b.String())
	return m, func(runErr error) {
		if runErr != nil {
			_, _ = t.Out.WriteString(ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor)
		}
		_ = term.Restore(int(t.In.Fd()), state)
	}
}
