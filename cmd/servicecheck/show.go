package main

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// showOptions are the inputs of `servicecheck show`.
type showOptions struct {
	Out     io.Writer
	Session string // an id, an id prefix or "latest"
	Client  string // with "latest": that client's newest session
	JSON    bool
	Term    terminal
}

func newShowCmd(a *app) *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID|latest|AUDIT",
		Short: "Show the full result of a session, or a team audit's combined results",
		Long: "Show the full result of a session: total and band, every area, the checklist,\n" +
			"the weakest areas with what to do, the change since the client's previous\n" +
			"completed session, every answer with its note, and the plan.\n\n" +
			"Given a team audit's id instead (see servicecheck team), it shows the audit's\n" +
			"combined results as 'team show' does, and where its agreed result is.\n\n" +
			"On a terminal the result is styled; in a pipe or a file it is Markdown.\n" +
			"--json prints the stable JSON document described in docs/json.md.",
		Example: "  servicecheck show latest\n" +
			"  servicecheck show latest --client \"Acme Ltd\"\n" +
			"  servicecheck show 06fjya6 --json | jq .total",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.Session = cmd.OutOrStdout(), args[0]
			opts.Term = stdoutTerminal(opts.Out)
			if opts.Term.Styled {
				opts.Out = a.colorWriter(opts.Out)
			}
			return runShow(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "with latest: the newest session of this client")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	return cmd
}

func runShow(a *app, opts *showOptions) error {
	if err := checkSessionArgs(opts.Session, opts.Client); err != nil {
		return err
	}
	return a.orTeam(opts.Session, func() error {
		doc, err := a.loadDocument(opts.Session, opts.Client, !opts.JSON)
		if err != nil {
			return err
		}
		return writeShow(opts.Out, doc, opts.JSON, opts.Term, a.loc)
	}, func(_ *store.Store, t loadedTeam) error {
		// A team audit: its combined results, as team show prints them.
		if opts.JSON {
			return report.WriteTeamJSON(opts.Out, t.view(t.pack, t.audit.Lang))
		}
		return writeTeamShow(opts.Out, t)
	})
}

// writeShow prints a result as `show` does; `answer` prints the session
// it stored the same way.
func writeShow(w io.Writer, doc report.Document, asJSON bool, t terminal, loc *time.Location) error {
	switch {
	case asJSON:
		return report.WriteSummaryJSON(w, doc)
	case t.Styled:
		return report.WriteTerminal(w, doc.In(loc), report.TermOptions{Width: t.Width})
	default:
		return report.WriteMarkdown(w, doc.In(loc))
	}
}
