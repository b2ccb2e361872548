package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// RunServed runs the wizard as Run does, on a terminal that is not this
// process's own (an SSH session): its window sizes arrive on sizes, which
// the caller closes or stops sending on when the session ends; progOpts
// must set the input, output and first window size. Everything still
// waiting to be saved is written before it returns, as with Run.
func RunServed(ctx context.Context, opts Options, sizes <-chan tea.WindowSizeMsg, progOpts ...tea.ProgramOption) (Outcome, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return run(ctx, opts, func(p *tea.Program) {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case sz, ok := <-sizes:
					if !ok {
						return
					}
					p.Send(sz)
				}
			}
		}()
	}, progOpts...)
}
