package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/store"
)

// planOptions are the inputs of `servicecheck plan`.
type planOptions struct {
	Out     io.Writer
	Session string
	Client  string
	Format  string
	CSVSep  string
	All     bool
}

func newPlanCmd(a *app) *cobra.Command {
	opts := &planOptions{}
	cmd := &cobra.Command{
		Use:   "plan [ID] [--client NAME]",
		Short: "List a client's open actions across sessions",
		Long: "List the open actions of a client's plans across all of its sessions: the problem,\n" +
			"the action, the target, the owner, the due date and the status, where a later\n" +
			"session's review has the last word on a goal's status. With a session id, the\n" +
			"actions of that session's plan. --all lists done and dropped actions too.\n\n" +
			"--format csv or json exports them for a tracker; CSV uses the separator of the\n" +
			"user's language (\";\" where it writes a decimal comma) unless --csv-sep says.",
		Example: "  servicecheck plan --client \"Acme Ltd\"\n" +
			"  servicecheck plan --client \"Acme Ltd\" --format csv > actions.csv\n" +
			"  servicecheck plan 06fjya6 --format json | jq '.[].owner'",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			if len(args) == 1 {
				opts.Session = args[0]
			}
			return runPlan(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "the client whose actions to list")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text, csv or json")
	cmd.Flags().StringVar(&opts.CSVSep, "csv-sep", "", `CSV field separator: ",", ";" or "tab" (default: ";" where the language writes a decimal comma, else ",")`)
	cmd.Flags().BoolVar(&opts.All, "all", false, "list done and dropped actions too")
	return cmd
}

// planAction is one action as `plan` lists it: the goal worded, with the
// session that set it.
type planAction struct {
	checklist.Action
	Problem string
}

func runPlan(a *app, opts *planOptions) error {
	switch {
	case opts.Session != "" && opts.Client != "":
		return usageError("actionplan.cmd.id_and_client")
	case opts.Session == "" && opts.Client == "":
		return usageError("actionplan.cmd.needs_one")
	}
	if opts.Format != "text" && opts.Format != "csv" && opts.Format != "json" {
		return usageError("actionplan.cmd.bad_format", "Value", fmt.Sprintf("%q", opts.Format))
	}
	comma, err := csvSeparator(opts.CSVSep)
	if err != nil {
		return err
	}
	l := a.locale()
	var actions []planAction
	client := opts.Client
	err = a.withStore(true, func(st *store.Store) error {
		var sessions []*checklist.Session
		only := ""
		if opts.Session != "" {
			s, err := st.Get(opts.Session)
			if err != nil {
				return err
			}
			client, only = s.Client, s.ID
			// The later sessions of the client may have reviewed its goals.
			all, _, err := st.Sessions(store.Filter{Client: s.Client})
			if err != nil {
				return err
			}
			sessions = all
		} else {
			all, _, err := st.Sessions(store.Filter{Client: opts.Client})
			if err != nil {
				return err
			}
			if len(all) == 0 {
				return notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", opts.Client))
			}
			client = all[0].Client
			sessions = all
		}
		audit.Sort(sessions, audit.Of)
		for _, ac := range checklist.Actions(sessions) {
			if only != "" && ac.Session.ID != only {
				continue
			}
			if !opts.All && !ac.Status.Open() {
				continue
			}
			p, err := a.packFor(st, ac.Session)
			if err != nil || p == nil {
				p = &checklist.Pack{} // a pack found nowhere: the source's ids
			}
			actions = append(actions, planAction{Action: ac, Problem: plantext.Problem(l, p, ac.Goal)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "json":
		err = writeJSON(&buf, planJSON(actions))
	case "csv":
		if comma == 0 {
			comma = l.CSVSeparator()
		}
		err = writePlanCSV(&buf, l, actions, comma)
	default:
		writePlanText(&buf, l, client, actions)
	}
	if err != nil {
		return err
	}
	_, err = opts.Out.Write(buf.Bytes())
	return err
}

// writePlanText lists the actions for a person, in l: the problem, then
// the action's fields, then who set it when.
func writePlanText(w io.Writer, l *i18n.Locale, client string, actions []planAction) {
	if len(actions) == 0 {
		fmt.Fprintln(w, l.T("actionplan.cmd.none", "Client", termtext.Line(client)))
		return
	}
	wd := results.In(l.Lang())
	fmt.Fprintln(w, l.T("actionplan.cmd.heading", "Client", termtext.Line(client)))
	for i, ac := range actions {
		fmt.Fprintf(w, "\n%d. %s\n", i+1, termtext.Line(ac.Problem))
		g := ac.Goal
		g.Status = ac.Status
		if g.Status == "" {
			g.Status = checklist.StatusOpen
		}
		for _, f := range wd.GoalFields(g) {
			fmt.Fprintf(w, "   %s: %s\n", f.Label, termtext.Line(f.Text))
		}
		fmt.Fprintf(w, "   %s (%s)\n", l.T("actionplan.cmd.set_on", "Date", l.Date(audit.Date(audit.Of(ac.Session)))), ac.Session.ID)
	}
}

// planColumns are the CSV's columns, in order.
var planColumns = []string{"client", "session", "set", "problem", "action", "target", "owner", "due", "status", "note"}

// writePlanCSV writes the actions as CSV with a header in l: dates as
// YYYY-MM-DD, which every tracker reads, the status as l's word.
func writePlanCSV(w io.Writer, l *i18n.Locale, actions []planAction, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	cw.UseCRLF = true // RFC 4180, as the reports write it
	head := make([]string, len(planColumns))
	for i, c := range planColumns {
		head[i] = l.T("actionplan.cmd.column." + c)
	}
	rows := [][]string{head}
	for _, ac := range actions {
		st := ac.Status
		if st == "" {
			st = checklist.StatusOpen
		}
		g := ac.Goal
		rows = append(rows, []string{csvCell(ac.Session.Client), ac.Session.ID,
			audit.Date(audit.Of(ac.Session)).Format("2006-01-02"), csvCell(ac.Problem), csvCell(g.What),
			csvCell(g.Target), csvCell(g.Owner), g.DueDate.String(), l.T(st.MessageID()), csvCell(g.Note)})
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvCell guards free text against spreadsheet formula injection, as the
// reports' CSV does: a leading = + - @ or control character gets an
// apostrophe.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// planJSONAction is one action in `plan --format json`: stable keys, ids
// and dates as data (status id, YYYY-MM-DD), the problem worded.
type planJSONAction struct {
	Client     string                `json:"client"`
	Session    string                `json:"session"`
	SetOn      string                `json:"set_on"`
	Goal       int                   `json:"goal"`
	Problem    string                `json:"problem"`
	Source     *checklist.GoalSource `json:"source,omitempty"`
	Action     string                `json:"action"`
	Target     string                `json:"target"`
	Owner      string                `json:"owner"`
	DueDate    string                `json:"due_date"`
	Status     checklist.GoalStatus  `json:"status"`
	ReviewedIn string                `json:"reviewed_in,omitempty"`
	Note       string                `json:"note,omitempty"`
}

func planJSON(actions []planAction) []planJSONAction {
	out := make([]planJSONAction, 0, len(actions))
	for _, ac := range actions {
		st := ac.Status
		if st == "" {
			st = checklist.StatusOpen
		}
		g := ac.Goal
		out = append(out, planJSONAction{Client: ac.Session.Client, Session: ac.Session.ID,
			SetOn: audit.Date(audit.Of(ac.Session)).Format("2006-01-02"), Goal: ac.Index + 1, Problem: ac.Problem,
			Source: g.Source, Action: g.What, Target: g.Target, Owner: g.Owner, DueDate: g.DueDate.String(),
			Status: st, ReviewedIn: ac.ReviewedIn, Note: g.Note})
	}
	return out
}

// applyFileReview sets the review of sess's plan from an answers file's
// review block: the goals of the client's previous plan (its newest
// completed session with goals), each with the status the file gives.
func applyFileReview(st *store.Store, sess *checklist.Session, af *checklist.AnswersFile) error {
	prev, err := previousPlan(st, sess.Client)
	if err != nil {
		return err
	}
	review, bad := checklist.ApplyReview(prev, af.Review)
	if bad != 0 {
		n := 0
		if prev != nil {
			n = len(prev.Plan.Goals)
		}
		return withCode(exitInvalid, usertext.New("actionplan.cmd.review_no_goal", "File", af.Name, "N", bad, "Count", n))
	}
	sess.Plan.Review = review
	return nil
}

// previousPlan returns the client's newest completed session whose plan
// has goals, nil when there is none.
func previousPlan(st *store.Store, client string) (*checklist.Session, error) {
	all, _, err := st.Sessions(store.Filter{Client: client, Status: checklist.Completed, Audits: true})
	if err != nil {
		return nil, err
	}
	audit.SortNewest(all, audit.Of)
	for _, s := range all {
		if len(s.Plan.Goals) > 0 {
			return s, nil
		}
	}
	return nil, nil
}
