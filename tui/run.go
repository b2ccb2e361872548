package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
)

// Outcome is where the user left the wizard.
type Outcome struct {
	// SessionID is the session open at the end, "" when none was opened.
	SessionID string
	// Completed reports whether that session is completed.
	Completed bool
}

// Run runs the wizard until the user quits, then writes whatever answer
// is still waiting to be saved. Ctrl+C is an ordinary way out: it returns
// a nil error. An error means answers could not be saved, or the terminal
// failed.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) (Outcome, error) {
	if opts.Repo == nil || opts.Pack == nil && opts.PackFunc == nil {
		return Outcome{}, errors.New("wizard: no repository or content pack")
	}
	m, done := drawFirstFrame(opts.Screen, New(opts))
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	final, err := p.Run()
	done(err)
	if fm, ok := final.(Model); ok {
		m = fm
	}
	out := Outcome{}
	if m.sess != nil {
		out.SessionID = m.sess.ID
		out.Completed = m.sess.Status == checklist.Completed
	}
	if m.saver.pending() {
		// Writes still queued when the program ended: try a little longer,
		// the data file may only be busy for a moment.
		// The queue may hold an answer given just before quitting whose
		// write has not failed, only not finished: there is no reason to
		// give then.
		if opts.Notices != nil && m.saver.err != nil {
			fmt.Fprintf(opts.Notices, "saving the last answers (%s)…\n", describe(m.saver.err))
		}
		if ferr := m.saver.flushNow(opts.Repo, 5, time.Second); ferr != nil {
			return out, fmt.Errorf("save answers: %w", ferr)
		}
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) {
		return out, fmt.Errorf("run wizard: %w", err)
	}
	return out, nil
}
