package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// settleOptions are the inputs of `servicecheck team settle`.
type settleOptions struct {
	Out, ErrOut io.Writer
	Audit       string
	Sets, Notes []string // ID=VALUE, ID=TEXT as typed
	Assessor    string
	Date        string
}

func newTeamSettleCmd(a *app) *cobra.Command {
	opts := &settleOptions{}
	cmd := &cobra.Command{
		Use:   "settle AUDIT [--set ID=VALUE]... [--note ID=TEXT]...",
		Short: "Settle a team audit's disagreements and store its agreed result",
		Long: "Combine the respondents' answers into the audit's result, a completed session\n" +
			"that scores, compares and reports like any other. Each checklist item the\n" +
			"respondents disagree on (Yes against No) must be settled with --set ID=VALUE\n" +
			"(yes, partly, no, na, or the words of your language); without them settle\n" +
			"lists those still open, with who answered what, and stores nothing (exit 2).\n" +
			"Every other question takes the answer nearest the respondents' mean (a tie\n" +
			"going to the weaker answer), and --set can change any of them; --note gives\n" +
			"the reason for an answer. The respondents' notes are kept, labelled as the\n" +
			"audit's naming shows them.\n\n" +
			"Every --set and --note is kept on the audit as the consultant's decision, at\n" +
			"once, even when items are still open: settle can be run item by item, and\n" +
			"the decisions taken in the wizard's consensus step count here too.\n\n" +
			"Running settle again updates the same session: the decisions stored before\n" +
			"stand unless --set or --note says otherwise; everything else is worked out\n" +
			"afresh. --assessor and --date are used when the result is first stored.",
		Example: "  servicecheck team settle 0k3m9x\n" +
			"  servicecheck team settle 0k3m9x --set culture.front-line-time=partly --note culture.front-line-time=\"Only on Saturdays\"",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.ErrOut, opts.Audit = cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0]
			opts.Assessor = a.defaultAssessor(opts.Assessor)
			return runTeamSettle(a, opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "settle a question: ID=VALUE (repeatable)")
	cmd.Flags().StringArrayVar(&opts.Notes, "note", nil, "say why: ID=TEXT, the agreed answer's note (repeatable)")
	cmd.Flags().StringVar(&opts.Assessor, "assessor", "", "who settled it: the result's assessor (default: see servicecheck config)")
	cmd.Flags().StringVar(&opts.Date, "date", "", "the audit date, YYYY-MM-DD (default: today)")
	return cmd
}

// splitPairs reads ID=VALUE flags, the last one of an id winning.
func splitPairs(flag string, pairs []string) (map[string]string, []string, error) {
	out := map[string]string{}
	var order []string
	for _, p := range pairs {
		id, v, ok := strings.Cut(p, "=")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return nil, nil, usageError("team.settle.bad_pair", "Flag", flag, "Value", fmt.Sprintf("%q", p))
		}
		if _, seen := out[id]; !seen {
			order = append(order, id)
		}
		out[id] = v
	}
	return out, order, nil
}

func runTeamSettle(a *app, opts *settleOptions) error {
	sets, setOrder, err := splitPairs("--set", opts.Sets)
	if err != nil {
		return err
	}
	notes, noteOrder, err := splitPairs("--note", opts.Notes)
	if err != nil {
		return err
	}
	date := checklist.AuditDateOf(a.now().In(a.loc))
	if opts.Date != "" {
		if date, err = checklist.ParseAuditDate(opts.Date); err != nil {
			return withCode(exitUsage, usertext.Wrap(err, "team.settle.bad_date"))
		}
	}
	var stored *checklist.Session
	var audit string
	var open []results.TeamQuestion
	var opened []string // the consultant's note on each open item, if any
	var words results.Words
	err = a.withStore(false, func(st *store.Store) error {
		t, err := a.loadTeam(st, opts.Audit)
		if err != nil {
			return err
		}
		audit, words = t.audit.ID, results.In(t.pack.Lang)
		v := t.view(t.pack, t.pack.Lang)
		r := v.Result
		kinds := map[string]checklist.Kind{}
		for _, q := range t.pack.Questions() {
			kinds[q.ID] = q.Kind
		}
		// The decisions stored before stand: the wizard's, or this
		// command's of an earlier run.
		settled := maps.Clone(t.audit.Settled)
		if settled == nil {
			settled = map[string]team.Settled{}
		}
		if len(settled) == 0 && t.audit.Consensus != "" {
			// An audit settled before decisions were kept: its disputed
			// items' answers in the stored result are its decisions.
			if old, err := st.Get(t.audit.Consensus); err == nil {
				for _, id := range team.Open(r, nil) {
					if ans, ok := old.Answers[id]; ok && ans.Value.ValidFor(kinds[id]) {
						settled[id] = team.Settled{Value: ans.Value, Note: ans.Note}
					}
				}
			}
		}
		parse := answerWords(a.locale(), t.pack)
		for _, id := range setOrder {
			k, ok := kinds[id]
			if !ok {
				return usageError("team.settle.unknown_question", "Flag", "--set", "ID", id)
			}
			val, err := parse.Parse(k, sets[id])
			if err != nil {
				return withCode(exitUsage, usertext.Wrap(err, "team.settle.bad_value", "Flag", "--set", "ID", id))
			}
			s := settled[id] // a note stored before stays
			s.Value = val
			settled[id] = s
		}
		for _, id := range noteOrder {
			if _, ok := kinds[id]; !ok {
				return usageError("team.settle.unknown_question", "Flag", "--note", "ID", id)
			}
			// A note without an answer settles nothing: on an open item
			// it waits for its --set, elsewhere it is the proposal's.
			s := settled[id]
			s.Note = strings.TrimSpace(notes[id])
			settled[id] = s
		}
		// Every decision given is stored before anything else, so that
		// it is kept even when items are still open, or when storing the
		// result fails below (it is then simply there for the next run).
		for _, id := range slices.Concat(setOrder, noteOrder) {
			d := settled[id]
			if err := st.SetSettled(t.audit.ID, id, &d); err != nil {
				return err
			}
		}
		if stillOpen := team.Open(r, settled); len(stillOpen) > 0 {
			for _, q := range v.Disagreements {
				if slices.Contains(stillOpen, q.ID) {
					open = append(open, q)
					opened = append(opened, settled[q.ID].Note)
				}
			}
			return nil
		}
		l := i18n.For(t.pack.Lang)
		answers := team.Consensus(r, settled, func(i int) string { return teamtext.Name(l, t.audit, i) })
		base := &checklist.Session{Assessor: strings.TrimSpace(opts.Assessor), Pack: t.pack.Ref(), AuditDate: date}
		stored, err = st.SaveConsensus(t.audit.ID, base, answers)
		return err
	})
	if err != nil {
		return wrap(err, "team.settle.context")
	}
	if len(open) > 0 {
		if err := writeOpen(guard(opts.Out), words, open, opened); err != nil {
			return err
		}
		return usageError("team.settle.still_open", "Count", len(open))
	}
	fmt.Fprintln(opts.ErrOut, termtext.Line(a.locale().T("team.settle.stored", "Audit", audit, "ID", stored.ID)))
	_, err = fmt.Fprintln(opts.Out, stored.ID)
	return err
}

// writeOpen lists the disputed items still to settle: id, text, who
// answered what and their notes, the consultant's own note (notes[i],
// stored without an answer yet) and the answer nearest their mean.
func writeOpen(out io.Writer, w results.Words, open []results.TeamQuestion, notes []string) error {
	var b strings.Builder
	line := func(indent int, s string) {
		b.WriteString(strings.Repeat("  ", indent) + termtext.Line(s) + "\n")
	}
	line(0, w.N("team.settle.open", len(open)))
	for i, q := range open {
		line(1, q.ID)
		line(2, q.Text)
		line(2, w.TeamGiven(q))
		for _, n := range w.TeamNotes(q) {
			line(2, n)
		}
		if i < len(notes) && notes[i] != "" {
			line(2, w.T("team.settle.your_note", "Note", strings.ReplaceAll(notes[i], "\n", " ")))
		}
		if v, ok := team.Proposed(team.Question{Kind: checklist.KindItem, Stats: q.Stats, NA: q.NA}); ok {
			line(2, w.T("team.settle.proposed", "Answer", w.T(v.MessageID())))
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}
