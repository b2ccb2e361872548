package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// compareOptions are the inputs of `servicecheck compare`.
type compareOptions struct {
	Out    io.Writer
	A, B   string // session ids or prefixes; empty with Client
	Client string // compare this client's last two completed sessions
	JSON   bool
	Term   terminal
	// Trend shows every completed session of Client (compare_trend.go).
	Trend bool
}

func newCompareCmd(a *app) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare A B | AUDIT | --client NAME",
		Short: "Compare two sessions area by area, or a team audit's respondents",
		Long: "Compare two sessions: the score of each area and the total in both, and the\n" +
			"change (delta = B − A). The two are put in time order, so A is always the\n" +
			"earlier one. Only areas scored in both are compared; sessions answered with\n" +
			"different content versions are compared by area id and the difference is stated.\n\n" +
			"With --client, the client's last two completed sessions are compared.\n\n" +
			"Given one team audit's id (see servicecheck team), it shows the respondents side\n" +
			"by side: each one's score of every area and percentage of every checklist\n" +
			"section, with the mean, range, spread and disputed questions.",
		Example: "  servicecheck compare 06fjya3 06fjya6\n" +
			"  servicecheck compare --client \"Acme Ltd\" --json\n" +
			"  servicecheck compare 0k3m9x",
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.Client != "" && len(args) != 0:
				return usageError("cmd.compare.ids_and_client")
			case opts.Trend && opts.Client == "":
				return usageError("session.trend.needs_client")
			case opts.Client == "" && len(args) != 1 && len(args) != 2:
				return usageError("cmd.compare.needs_ids")
			case len(args) == 2:
				opts.A, opts.B = args[0], args[1]
			case len(args) == 1:
				opts.A = args[0]
			}
			opts.Out = cmd.OutOrStdout()
			opts.Term = stdoutTerminal(opts.Out)
			if opts.Term.Styled {
				opts.Out = a.colorWriter(opts.Out)
			}
			if opts.Trend {
				return runTrend(a, opts)
			}
			if len(args) == 1 {
				return runTeamCompare(a, opts)
			}
			return runCompare(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "compare this client's last two completed sessions")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the comparison as JSON")
	cmd.Flags().BoolVar(&opts.Trend, "trend", false, "with --client: every completed session's total and areas, oldest first")
	return cmd
}

func runCompare(a *app, opts *compareOptions) error {
	var sa, sb *checklist.Session
	var pa, pb *checklist.Pack
	err := a.withStore(true, func(st *store.Store) error {
		var err error
		if opts.Client != "" {
			sa, sb, err = lastTwoCompleted(st, opts.Client)
		} else if sa, err = st.Get(opts.A); err == nil {
			sb, err = st.Get(opts.B)
		}
		if err != nil {
			return err
		}
		if pa, err = a.packFor(st, sa); err != nil {
			return err
		}
		pb, err = a.packFor(st, sb)
		return err
	})
	if err != nil {
		return err
	}
	if sa.ID == sb.ID {
		return usageError("cmd.compare.same", "A", opts.A, "B", opts.B, "ID", sa.ID)
	}
	if audit.Compare(audit.Of(sb), audit.Of(sa)) < 0 {
		sa, sb, pa, pb = sb, sa, pb, pa
	}
	c := report.Compare(pa, sa, pb, sb)
	switch {
	case opts.JSON:
		return report.WriteComparisonJSON(opts.Out, c)
	case opts.Term.Styled:
		if err := report.WriteComparisonTerminal(opts.Out, c.In(a.loc), report.TermOptions{Width: opts.Term.Width}); err != nil {
			return err
		}
	default:
		if err := report.WriteComparisonMarkdown(opts.Out, c.In(a.loc)); err != nil {
			return err
		}
	}
	return writeAnswerChanges(opts.Out, c)
}

// lastTwoCompleted returns the client's newest completed session and its
// previous one (audit order, the pair `show` and the wizard compare),
// earlier first.
func lastTwoCompleted(st *store.Store, client string) (*checklist.Session, *checklist.Session, error) {
	sums, err := st.List(store.Filter{Client: client, Status: checklist.Completed, Audits: true})
	if err != nil {
		return nil, nil, err
	}
	if len(sums) < 2 {
		return nil, nil, tooFewToCompare(st, client, len(sums))
	}
	audit.SortNewest(sums, store.Summary.Stamp)
	b, err := st.Get(sums[0].ID)
	if err != nil {
		return nil, nil, err
	}
	a, err := st.Get(sums[1].ID)
	if err != nil {
		return nil, nil, err
	}
	return a, b, nil
}

// tooFewToCompare explains why a client's sessions cannot be compared,
// naming the client as stored and any sessions still in progress.
func tooFewToCompare(st *store.Store, client string, completed int) error {
	all, err := st.List(store.Filter{Client: client})
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", client))
	}
	// Team respondents' own sessions are not the client's audits (their
	// audit's agreed result is): counted apart, so that "1 completed"
	// beside four answered sessions is explained.
	open, respondents := 0, 0
	for _, s := range all {
		switch {
		case s.Respondent:
			respondents++
		case s.Status != checklist.Completed:
			open++
		}
	}
	var why *usertext.Message
	if open > 0 {
		why = usertext.New("cmd.compare.too_few_open", "Client", cellText(all[0].Client), "Count", completed, "Open", open)
	} else {
		why = usertext.New("cmd.compare.too_few", "Client", cellText(all[0].Client), "Count", completed)
	}
	err = why
	if respondents > 0 {
		err = usertext.WrapInside(why, "cmd.compare.too_few_team", "Count", respondents)
	}
	err = withCode(exitNotFound, err)
	return err
}

// runTeamCompare shows the respondents of the team audit opts.A side by
// side. One id that names no team audit is the usage error of a compare
// with one session.
func runTeamCompare(a *app, opts *compareOptions) error {
	return a.withStore(true, func(st *store.Store) error {
		if _, err := st.Team(opts.A); errors.Is(err, store.ErrNotFound) {
			return usageError("cmd.compare.needs_ids")
		}
		t, err := a.loadTeam(st, opts.A)
		if err != nil {
			return err
		}
		return writeTeamCompare(opts, t.view(t.pack, t.audit.Lang), t.audit.Lang)
	})
}
