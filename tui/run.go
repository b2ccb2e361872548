package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
)

// Outcome is where the user left the wizard.
type Outcome struct {
	// SessionID is the session open at the end, "" when none was opened.
	SessionID string
	// Completed reports whether that session is completed, as stored: a
	// completion that could not be written does not count.
	Completed bool
}

// Run runs the wizard until the user quits, then writes whatever is still
// waiting to be saved, including the text typed but not confirmed (a note
// being written, a plan field). Ctrl+C, q, SIGTERM and SIGHUP all end it
// this way; Ctrl+C is an ordinary way out and returns a nil error. An
// error means something was not saved (it says what: a *GoneError when
// the session was deleted meanwhile), or the terminal failed.
func Run(ctx context.Context, opts Options, progOpts ...tea.ProgramOption) (Outcome, error) {
	return run(ctx, opts, nil, progOpts...)
}

// run is Run; started, when not nil, gets the program before it runs
// (RunServed sends it the window sizes of a remote terminal).
func run(ctx context.Context, opts Options, started func(*tea.Program), progOpts ...tea.ProgramOption) (Outcome, error) {
	if opts.Repo == nil || opts.Pack == nil && opts.PackFunc == nil {
		return Outcome{}, errors.New("wizard: no repository or content pack")
	}
	m, done := drawFirstFrame(opts.Screen, New(opts))
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	if started != nil {
		started(p)
	}
	// Bubble Tea ends on SIGTERM (and SIGINT) by itself, returning the
	// model; SIGHUP, a closed terminal, would kill the process before
	// anything typed is saved.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	stopHup := make(chan struct{})
	go func() {
		select {
		case <-hup:
			p.Quit()
		case <-stopHup:
		}
	}()
	final, err := p.Run()
	close(stopHup)
	signal.Stop(hup)
	done(err)
	if fm, ok := final.(Model); ok {
		m = fm
	}
	m.keepDrafts()
	// The consensus step's decisions, the note being typed among them.
	derr := m.writeDecisionsLeft()
	out := Outcome{}
	if m.sess != nil {
		out.SessionID = m.sess.ID
		out.Completed = m.sess.Status == checklist.Completed
	}
	if m.saver.inFlight > 0 && m.saver.flight != nil {
		// The program ended (a signal) while a batch was being written:
		// let it finish. Its outcome is lost with the program, so the
		// batch is written again below; a change already stored lands
		// once (store.Change.ApplyTo).
		select {
		case <-m.saver.flight:
		case <-time.After(10 * time.Second):
		}
		m.saver.inFlight = 0
	}
	if m.saver.pending() || len(m.saver.lost) > 0 || m.saver.gone != "" {
		// Writes still queued when the program ended: try a little longer,
		// the data file may only be busy for a moment.
		if opts.Notices != nil && m.saver.err != nil && m.saver.gone == "" {
			fmt.Fprintln(opts.Notices, m.loc().T("tui.saving_last", "Reason", m.describe(m.saver.err)))
		}
		completing := false
		for _, op := range m.saver.queue {
			completing = completing || op.c.Complete
		}
		if ferr := m.saver.flushNow(m.opts.Repo, 5, time.Second); ferr != nil {
			if completing && m.saver.pending() {
				out.Completed = false
			}
			return out, errors.Join(fmt.Errorf("save answers: %w", ferr), derr)
		}
	}
	if derr != nil {
		return out, derr
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) {
		return out, fmt.Errorf("run wizard: %w", err)
	}
	return out, nil
}

// writeDecisionsLeft writes the consensus step's decisions still queued
// when the program ended, once the batch being written, if any, is done
// (its outcome is lost with the program, so it is written again: a
// decision stored already changes nothing).
func (m *Model) writeDecisionsLeft() error {
	d := &m.decisions
	if d.inFlight > 0 && d.flight != nil {
		select {
		case <-d.flight:
		case <-time.After(10 * time.Second):
		}
		d.inFlight = 0
	}
	if !d.pending() {
		return nil
	}
	if err := d.flushNow(m.teamRepo(), m.teamLoc(), 5, time.Second); err != nil {
		return fmt.Errorf("save the consensus decisions: %w", err)
	}
	return nil
}
