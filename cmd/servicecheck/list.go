package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// listOptions are the inputs of `servicecheck list`.
type listOptions struct {
	Out, ErrOut io.Writer
	Client      string
	JSON        bool
}

func newListCmd(a *app) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the saved sessions, newest first",
		Long: "List the saved sessions, newest first: id, client, assessor, date, status and\n" +
			"total. The date is when the session was completed, or last changed while it is\n" +
			"in progress. An empty or missing data file lists nothing.",
		Example: "  servicecheck list\n" +
			"  servicecheck list --client \"Acme Ltd\"\n" +
			"  servicecheck list --json | jq -r '.[].id'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out, opts.ErrOut = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runList(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "only the sessions of this client")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the list as JSON")
	return cmd
}

// listItem is one session in `list --json`. The document is an array of
// these, newest first; see the README for the schema.
type listItem struct {
	ID          string           `json:"id"`
	Client      string           `json:"client"`
	Assessor    string           `json:"assessor"`
	Status      checklist.Status `json:"status"`
	Date        string           `json:"date"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
	CompletedAt *time.Time       `json:"completed_at"`
	Pack        checklist.Ref    `json:"pack"`
	Answered    int              `json:"answered"`
	Total       listTotal        `json:"total"`
}

// listTotal is the part of scoring.Total a list shows.
type listTotal struct {
	Score    scoring.Score `json:"score"`
	Min      float64       `json:"min"`
	Max      float64       `json:"max"`
	Percent  scoring.Score `json:"percent"`
	Band     string        `json:"band"`
	Complete bool          `json:"complete"`
}

func runList(a *app, opts *listOptions) error {
	var sums []store.Summary
	err := a.withStore(true, func(st *store.Store) error {
		var err error
		sums, err = st.List(store.Filter{Client: opts.Client})
		return err
	})
	// A data file that does not exist yet holds no sessions: that is an
	// empty list, not an error, so that scripts need no special case.
	if err != nil && !errors.Is(err, store.ErrNoFile) {
		return err
	}
	if opts.JSON {
		return writeListJSON(opts.Out, sums, a.loc)
	}
	if len(sums) == 0 {
		if opts.Client != "" {
			fmt.Fprintf(opts.ErrOut, "no sessions for client %q\n", opts.Client)
		} else {
			fmt.Fprintln(opts.ErrOut, "no sessions yet: run servicecheck to start one")
		}
		return nil
	}
	return writeListTable(opts.Out, sums, a.loc)
}

func writeListJSON(w io.Writer, sums []store.Summary, loc *time.Location) error {
	items := make([]listItem, len(sums))
	for i, s := range sums {
		items[i] = listItem{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
			Date: summaryDate(s, loc).Format(time.DateOnly), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(),
			Pack: s.Pack, Answered: s.Answered,
			Total: listTotal{Score: s.Total.Score, Min: s.Total.Min, Max: s.Total.Max, Percent: s.Total.Percent,
				Band: s.Total.Band, Complete: s.Total.Complete}}
		if !s.CompletedAt.IsZero() {
			t := s.CompletedAt.UTC()
			items[i].CompletedAt = &t
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(items)
}

// writeListTable writes plain aligned columns, with no colour or box
// drawing, so that it reads the same in a pipe and in a screen reader.
// Names may hold spaces: scripts should read --json instead.
func writeListTable(w io.Writer, sums []store.Summary, loc *time.Location) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCLIENT\tASSESSOR\tDATE\tSTATUS\tTOTAL")
	incomplete := false
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, cellText(s.Client), cellText(s.Assessor),
			summaryDate(s, loc).Format(time.DateOnly), statusWord(s.Status), totalText(s.Total))
		incomplete = incomplete || (s.Total.Score.Valid && !s.Total.Complete)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if incomplete {
		_, err := fmt.Fprintln(w, "* incomplete: not every statement is answered or every area scored")
		return err
	}
	return nil
}

// summaryDate is when a listed session stands for, in loc: its day is the
// one the reports give.
func summaryDate(s store.Summary, loc *time.Location) time.Time {
	if !s.CompletedAt.IsZero() {
		return s.CompletedAt.In(loc)
	}
	return s.UpdatedAt.In(loc)
}

func statusWord(s checklist.Status) string {
	if s == checklist.InProgress {
		return "in progress"
	}
	return string(s)
}

// totalText is "31.5/40" or "–", with "*" marking an incomplete total.
func totalText(t scoring.Total) string {
	if !t.Score.Valid {
		return "–"
	}
	s := t.Score.Format(1) + "/" + scoring.Of(t.Max).Format(0)
	if !t.Complete {
		s += "*"
	}
	return s
}

// cellText keeps a name on one line of the table.
func cellText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
