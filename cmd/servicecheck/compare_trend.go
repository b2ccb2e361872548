package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/store"
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
// one column per session (its date), one row per area and the total, with
// the values, so that 29.5 and 32.0 read as what they are.
func runTrend(a *app, opts *compareOptions) error {
	var docs []results.Document
	err := a.withStore(true, func(st *store.Store) error {
		sums, err := st.List(store.Filter{Client: opts.Client, Status: checklist.Completed})
		if err != nil {
			return err
		}
		if len(sums) == 0 {
			return tooFewToCompare(st, opts.Client, 0)
		}
		audit.Sort(sums, store.Summary.Stamp)
		for _, sum := range sums {
			s, err := st.Get(sum.ID)
			if err != nil {
				return err
			}
			p, err := a.packFor(st, s)
			if err != nil {
				return err
			}
			docs = append(docs, results.Build(p, s, nil, nil).In(a.loc))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeTrend(opts.Out, docs)
}

// writeTrend writes the trend of docs (oldest first) as a Markdown table
// in the newest session's language.
func writeTrend(w io.Writer, docs []results.Document) error {
	last := docs[len(docs)-1]
	wd := last.Words()
	times := make([]time.Time, len(docs))
	for i, d := range docs {
		times[i] = d.Date()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", termtext.Line(last.Client), wd.T("session.trend.heading"))
	b.WriteString("| |")
	for _, d := range wd.Dates(times...) {
		b.WriteString(" " + d + " |")
	}
	b.WriteString("\n| --- |" + strings.Repeat(" ---: |", len(docs)) + "\n")
	for _, area := range last.Areas {
		b.WriteString("| " + termtext.Line(area.Title) + " |")
		for _, d := range docs {
			cell := "–"
			if a, ok := areaOf(d, area.ID); ok && a.Score.Valid {
				cell = wd.Score(a.Score)
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("| **" + wd.T("session.trend.total") + "** |")
	for _, d := range docs {
		cell := "–"
		if d.Total.Score.Valid {
			cell = wd.Score(d.Total.Score)
		}
		b.WriteString(" " + cell + " |")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// areaOf finds area id in d: by id, so that sessions answered with
// different versions of a pack line up.
func areaOf(d results.Document, id string) (results.Area, bool) {
	for _, a := range d.Areas {
		if a.ID == id {
			return a, true
		}
	}
	return results.Area{}, false
}
