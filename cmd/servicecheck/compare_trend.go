package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/trend"
)

// writeAnswerChanges lists, after a comparison, the questions whose answer
// changed between its two sessions: "- Text: Partly → Yes".
func writeAnswerChanges(w io.Writer, c report.Comparison) error {
	wd := c.Words()
	var b strings.Builder
	b.WriteString("\n## " + wd.T("session.changes.heading") + "\n\n")
	if len(c.Changes) == 0 {
		b.WriteString(wd.T("session.changes.none") + "\n")
	}
	for _, ch := range c.Changes {
		b.WriteString("- " + termtext.Line(ch.Text) + ": " + wd.AnswerChange(ch) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// runTrend prints every completed session of the client, oldest first:
// one column per session (its date), one row per area, the total and its
// range, with the values, so that 29.5 and 32.0 read as what they are.
// The sessions come through trend.Load, as the wizard's trend screen's do.
func runTrend(a *app, opts *compareOptions) error {
	var t trend.Table
	err := a.withStore(true, func(st *store.Store) error {
		sums, err := st.List(store.Filter{Client: opts.Client, Status: checklist.Completed, Audits: true})
		if err != nil {
			return err
		}
		if len(sums) == 0 {
			return tooFewToCompare(st, opts.Client, 0)
		}
		ids := make([]string, len(sums))
		for i, sum := range sums {
			ids[i] = sum.ID
		}
		t, err = trend.Load(ids, st.Get, func(s *checklist.Session) (*checklist.Pack, error) { return a.packFor(st, s) }, a.loc)
		return err
	})
	if err != nil {
		return err
	}
	return writeTrend(opts.Out, t)
}

// writeTrend writes the trend t as a Markdown table in the newest
// session's language.
func writeTrend(w io.Writer, t trend.Table) error {
	if len(t.Points) == 0 {
		return nil
	}
	wd := t.Words()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", termtext.Line(t.Client), wd.T("session.trend.heading"))
	b.WriteString("| |")
	for _, d := range t.Dates() {
		b.WriteString(" " + d + " |")
	}
	b.WriteString("\n| --- |" + strings.Repeat(" ---: |", len(t.Points)) + "\n")
	for _, r := range t.Rows {
		b.WriteString("| " + termtext.Line(r.Title) + " |")
		for _, s := range r.Scores {
			b.WriteString(" " + wd.Score(s) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("| **" + wd.T("session.trend.total") + "** |")
	for _, p := range t.Points {
		b.WriteString(" " + wd.Score(p.Total) + " |")
	}
	b.WriteString("\n| " + wd.T("trend.range") + " |")
	for _, p := range t.Points {
		b.WriteString(" " + trend.RangeCell(wd, p) + " |")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
