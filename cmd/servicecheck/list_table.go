package main

import (
	"bufio"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// listHeader names the columns of the table: the catalogue ids of its
// first line.
var listHeader = [...]string{"cmd.list.header.session", "cmd.list.header.client", "cmd.list.header.assessor",
	"cmd.list.header.date", "cmd.list.header.status", "cmd.list.header.total"}

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
	w      *bufio.Writer
	loc    *time.Location // of the dates
	words  listWords
	widths [aligned]int
	rows   int
}

// listWords are the words of the table in the user's language, looked up
// once: a history has many rows and few distinct days.
type listWords struct {
	l        *i18n.Locale
	header   [len(listHeader)]string
	statuses map[checklist.Status]string
	days     map[time.Time]string
}

func newListWords(l *i18n.Locale) listWords {
	w := listWords{l: l, statuses: map[checklist.Status]string{}, days: map[time.Time]string{}}
	for i, id := range listHeader {
		w.header[i] = l.T(id)
	}
	return w
}

// date is the day of t, as the language writes it ("2 mar 2026").
func (w *listWords) date(t time.Time) string {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	s, ok := w.days[day]
	if !ok {
		s = w.l.Date(day)
		w.days[day] = s
	}
	return s
}

func (w *listWords) status(st checklist.Status) string {
	s, ok := w.statuses[st]
	if !ok {
		s = statusWord(w.l, st)
		w.statuses[st] = s
	}
	return s
}

// writeListTable writes the table of the sessions each walks, or says on
// errOut that there are none.
func writeListTable(a *app, w *bufio.Writer, each func(*store.Store, func(store.Summary) error) error, opts *listOptions) error {
	l := a.locale()
	t := &listTable{w: w, loc: a.loc, words: newListWords(l)}
	header := t.words.header
	t.measure([aligned]string(header[:aligned]))
	err := a.withStore(true, func(st *store.Store) error {
		if err := each(st, t.measureRow); err != nil || t.rows == 0 {
			return err
		}
		t.line([aligned]string(header[:aligned]), header[aligned])
		return each(st, t.row)
	})
	if err := noFileIsEmpty(err); err != nil {
		return err
	}
	if t.rows == 0 {
		if opts.Client != "" {
			fmt.Fprintln(opts.ErrOut, l.T("cmd.list.none_for_client", "Client", fmt.Sprintf("%q", opts.Client)))
		} else {
			fmt.Fprintln(opts.ErrOut, l.T("cmd.list.none"))
		}
		return nil
	}
	return nil
}

// leadCells are the aligned cells of a summary's row.
func (t *listTable) leadCells(s store.Summary) [aligned]string {
	who := cellText(s.Assessor)
	// A respondent's answers are one person's view, not the client's
	// audit: the list says so beside the name.
	switch teamRole(s) {
	case "respondent":
		who = t.words.l.T("cmd.list.team_respondent", "Name", who)
	case "result":
		who = t.words.l.T("cmd.list.team_result", "Name", who)
	}
	return [aligned]string{s.ID, cellText(s.Client), who,
		t.words.date(summaryDate(s, t.loc)), t.words.status(s.Status)}
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
	return t.line(t.leadCells(s), totalText(t.words.l, s.Total))
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
