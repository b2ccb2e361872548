package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// seedVaried imports n sessions of the built-in pack with the variety a
// list must render the same as before: names in several scripts and
// widths, runs of spaces, no assessor, sessions in
// progress with partial or no answers, complete and incomplete totals.
func seedVaried(t *testing.T, db string, n int) {
	t.Helper()
	p := content.Default()
	clients := []string{"Acme Ltd", "Клиенты 🎉", "Ñandú  two  spaces", "Café Ünïcödé", "x",
		"A client whose name is rather longer than most", "Bäckerei Müller & Söhne"}
	assessors := []string{"Jo", "", "María José Fernández", "李小龙"}
	t0 := time.Date(2023, 12, 31, 23, 30, 0, 0, time.UTC)
	qs := p.Questions()
	sessions := make([]*checklist.Session, n)
	for i := range sessions {
		at := t0.Add(time.Duration(i) * 7 * time.Hour)
		s := &checklist.Session{ID: fmt.Sprintf("v%05d", i), Client: clients[i%len(clients)],
			Assessor: assessors[i%len(assessors)], Status: checklist.Completed, CreatedAt: at,
			UpdatedAt: at.Add(time.Hour), CompletedAt: at.Add(time.Hour), Pack: p.Ref(),
			Answers: map[string]checklist.Answer{}}
		answered := len(qs)
		switch i % 5 {
		case 1: // in progress, partly answered
			s.Status, s.CompletedAt, answered = checklist.InProgress, time.Time{}, i%len(qs)
		case 3: // in progress, nothing answered yet
			s.Status, s.CompletedAt, answered = checklist.InProgress, time.Time{}, 0
		case 4: // completed with gaps
			answered = len(qs) - 3
		}
		for j, q := range qs[:answered] {
			v := checklist.Value(checklist.Rating(1 + (i+j)%5))
			if q.Kind == checklist.KindItem {
				v = []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}[(i+j)%4]
			}
			s.Answers[q.ID] = checklist.Answer{Value: v, At: at}
		}
		sessions[i] = s
	}
	err := store.Do(db, store.Options{Summarize: newPackResolver().summarize}, func(st *store.Store) error {
		_, err := st.Import(sessions)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestListStreamSameBytes compares the streamed list, JSON and table, with
// what the command wrote when it held the whole list: the reference
// writers below are its code before streaming (a slice of every item
// encoded at once; text/tabwriter).
func TestListStreamSameBytes(t *testing.T) {
	c := newCLITest(t)
	// West of UTC, so that evening sessions fall on another day than in
	// UTC: the date column and field follow the reader's zone.
	c.loc = time.FixedZone("UTC-5", -5*3600)
	seedVaried(t, c.db, 350)
	var all []store.Summary
	err := store.Do(c.db, store.Options{ReadOnly: true}, func(st *store.Store) error {
		var err error
		all, err = st.List(store.Filter{})
		return err
	})
	if err != nil || len(all) != 350 {
		t.Fatalf("%d sessions, %v", len(all), err)
	}
	for _, client := range []string{"", "ACME ltd", "клиенты 🎉"} {
		sums := all
		args := []string{"list"}
		if client != "" {
			args = append(args, "--client", client)
			sums = nil
			for _, s := range all {
				if store.ClientKey(s.Client) == store.ClientKey(client) {
					sums = append(sums, s)
				}
			}
		}
		var want bytes.Buffer
		if err := legacyListJSON(&want, sums, c.loc); err != nil {
			t.Fatal(err)
		}
		if got := c.ok(append(args, "--json")...); got != want.String() {
			t.Errorf("%v --json differs from before at byte %d of %d", args, diffAt(got, want.String()), want.Len())
		}
		want.Reset()
		if err := legacyListTable(&want, sums, c.loc); err != nil {
			t.Fatal(err)
		}
		if got := c.ok(args...); got != want.String() {
			t.Errorf("%v differs from before at byte %d:\n%s\nwant:\n%s", args, diffAt(got, want.String()),
				head(got, 6), head(want.String(), 6))
		}
	}
	// The fixture really holds what the table must align: wide and
	// multi-byte cells, and sessions in progress, which show no total.
	if table := c.ok("list"); !strings.Contains(table, "Клиенты 🎉") || strings.Contains(table, "*") ||
		!strings.Contains(table, "in progress") || !strings.Contains(table, "Ñandú  two  spaces") {
		t.Errorf("fixture lacks variety:\n%s", head(table, 12))
	}
}

// diffAt is the offset of the first byte where a and b differ.
func diffAt(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// head is the first n lines of s.
func head(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "")
}

// legacyListJSON is writeListJSON before streaming.
func legacyListJSON(w io.Writer, sums []store.Summary, loc *time.Location) error {
	items := make([]listItem, len(sums))
	for i, s := range sums {
		items[i] = listItem{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
			Date: summaryDate(s, loc).Format(time.DateOnly), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(),
			Pack: s.Pack, Answered: s.Answered,
			Total: listTotal{Score: s.Total.Score, Min: s.Total.Min, Max: s.Total.Max, Percent: s.Total.Percent,
				Band: s.Total.Band, Complete: s.Total.Complete}, Team: s.Team, TeamRole: teamRole(s)}
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

// legacyListTable is writeListTable before streaming.
func legacyListTable(w io.Writer, sums []store.Summary, loc *time.Location) error {
	en := i18n.For(i18n.Default)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCLIENT\tASSESSOR\tDATE\tSTATUS\tTOTAL")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, cellText(s.Client), cellText(s.Assessor),
			en.Date(summaryDate(s, loc)), statusWord(en, s.Status), totalText(en, s.Total))
	}
	return tw.Flush()
}

// errWrite is the failure of goneWriter.
var errWrite = errors.New("output closed")

// goneWriter is an output that is gone, like a closed pipe.
type goneWriter struct{ writes int }

func (w *goneWriter) Write([]byte) (int, error) {
	w.writes++
	return 0, errWrite
}

// TestListStopsOnWriteError checks that a failed output ends the walk over
// the index at once instead of formatting the rest of the history, and
// that the command reports the failure.
func TestListStopsOnWriteError(t *testing.T) {
	c := newCLITest(t)
	seedVaried(t, c.db, 300)
	tests := []struct {
		name string
		row  func(w *bufio.Writer) func(store.Summary) error
	}{
		{"json", func(w *bufio.Writer) func(store.Summary) error { return newJSONList(w, time.UTC).add }},
		{"table", func(w *bufio.Writer) func(store.Summary) error {
			t := &listTable{w: w, loc: time.UTC, words: newListWords(i18n.For("en")), widths: [aligned]int{8, 40, 20, 10, 11}}
			return t.row
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := tt.row(bufio.NewWriterSize(&goneWriter{}, 512))
			calls := 0
			err := store.Do(c.db, store.Options{ReadOnly: true}, func(st *store.Store) error {
				return st.EachSummary(store.Filter{}, func(s store.Summary) error {
					calls++
					return row(s)
				})
			})
			if !errors.Is(err, errWrite) {
				t.Errorf("error %v, want %v", err, errWrite)
			}
			if calls > 10 {
				t.Errorf("%d summaries formatted after the output failed", calls)
			}

			out := &goneWriter{}
			var errOut bytes.Buffer
			a := c.app("", nil, &errOut)
			a.dbFlag = c.db
			err = runList(a, &listOptions{Out: out, ErrOut: &errOut, JSON: tt.name == "json"})
			if !errors.Is(err, errWrite) || out.writes != 1 {
				t.Errorf("runList: %v after %d writes, want %v after one", err, out.writes, errWrite)
			}
		})
	}
}
