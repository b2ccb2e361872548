package main

import (
	"bufio"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/store"
)

// listHeader is the first line of the table.
var listHeader = [...]string{"ID", "CLIENT", "ASSESSOR", "DATE", "STATUS", "TOTAL"}

// spaces pad the cells, a run at a time.
const spaces = "                                "

// aligned is how many columns are padded: all but the last, TOTAL.
const aligned = len(listHeader) - 1

// listTable writes the plain table of `list` as the summaries come, in two
// passes over the index: the first measures the columns, the second
// prints. Aligning needs each column's widest cell, and measuring first
// holds five numbers where text/tabwriter held every cell of every row
// (over 80 MB at 100,000 sessions). Both passes run while the data file is
// open read-only, so no writer can change the rows between them.
//
// The bytes are those text/tabwriter wrote with minwidth 0, padding 2 and
// ' ': each cell but the last padded with spaces to its column's widest
// cell plus two, widths counted in runes.
type listTable struct {
	w          *bufio.Writer
	loc        *time.Location // of the dates
	widths     [aligned]int
	rows       int
	incomplete bool
}

// writeListTable writes the table of the sessions that match f, or says on
// errOut that there are none.
func writeListTable(a *app, w *bufio.Writer, f store.Filter, opts *listOptions) error {
	t := &listTable{w: w, loc: a.loc}
	t.measure([aligned]string(listHeader[:aligned]))
	err := a.withStore(true, func(st *store.Store) error {
		if err := st.EachSummary(f, t.measureRow); err != nil || t.rows == 0 {
			return err
		}
		t.line([aligned]string(listHeader[:aligned]), listHeader[aligned])
		return st.EachSummary(f, t.row)
	})
	if err := noFileIsEmpty(err); err != nil {
		return err
	}
	if t.rows == 0 {
		if opts.Client != "" {
			fmt.Fprintf(opts.ErrOut, "no sessions for client %q\n", opts.Client)
		} else {
			fmt.Fprintln(opts.ErrOut, "no sessions yet: run servicecheck to start one")
		}
		return nil
	}
	if t.incomplete {
		_, err := w.WriteString("* incomplete: not every statement is answered or every area scored\n")
		return err
	}
	return nil
}

// leadCells are the aligned cells of a summary's row.
func (t *listTable) leadCells(s store.Summary) [aligned]string {
	return [aligned]string{s.ID, cellText(s.Client), cellText(s.Assessor),
		summaryDate(s, t.loc).Format(time.DateOnly), statusWord(s.Status)}
}

// measureRow is the first pass: it counts the rows and widens the columns.
func (t *listTable) measureRow(s store.Summary) error {
	t.measure(t.leadCells(s))
	t.rows++
	return nil
}

func (t *listTable) measure(cells [aligned]string) {
	for i, c := range cells {
		t.widths[i] = max(t.widths[i], utf8.RuneCountInString(c))
	}
}

// row is the second pass: it prints one row, and stops the listing when
// the output fails.
func (t *listTable) row(s store.Summary) error {
	t.incomplete = t.incomplete || (s.Total.Score.Valid && !s.Total.Complete)
	return t.line(t.leadCells(s), totalText(s.Total))
}

func (t *listTable) line(cells [aligned]string, last string) error {
	for i, c := range cells {
		t.w.WriteString(c)
		// A cell wider than measured cannot happen while the file is held
		// read-only; should it, the gap between columns still shows.
		for pad := max(t.widths[i]-utf8.RuneCountInString(c), 0) + 2; pad > 0; pad -= len(spaces) {
			t.w.WriteString(spaces[:min(pad, len(spaces))])
		}
	}
	t.w.WriteString(last)
	return t.w.WriteByte('\n')
}
