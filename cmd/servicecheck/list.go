package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
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
// these, newest first; see docs/json.md for the schema.
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

// listBufSize is the output buffer of list: big enough that a history is
// written in few system calls, small next to the 40 MB that list may use
// over 100,000 sessions.
const listBufSize = 64 << 10

// runList streams the list: summaries go from the store's index to the
// output one at a time (store.EachSummary), so that memory stays flat
// however long the history. The output is spooled while the data file is
// held and copied to its reader after, so that a slow reader never holds
// the file (see spool).
func runList(a *app, opts *listOptions) error {
	sp := &spool{}
	defer sp.Close()
	w := bufio.NewWriterSize(sp, listBufSize)
	f := store.Filter{Client: opts.Client}
	var err error
	if opts.JSON {
		l := newJSONList(w, a.loc)
		err = a.withStore(true, func(st *store.Store) error { return st.EachSummary(f, l.add) })
		if err = noFileIsEmpty(err); err == nil {
			err = l.close()
		}
	} else {
		err = writeListTable(a, w, f, opts)
	}
	// What was written is copied out even after an error: a prefix of the
	// list, then the error on stderr and a non-zero exit.
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if _, werr := sp.WriteTo(opts.Out); err == nil && werr != nil {
		err = fmt.Errorf("write the list: %w", werr)
	}
	return err
}

// noFileIsEmpty treats a data file that does not exist yet as one that
// holds no sessions: that is an empty list, not an error, so that scripts
// need no special case.
func noFileIsEmpty(err error) error {
	if errors.Is(err, store.ErrNoFile) {
		return nil
	}
	return err
}

// jsonList writes the `list --json` document item by item: "[", each
// listItem indented as encoding/json indents an element of an array, "]".
// The bytes are those of encoding the whole []listItem with
// SetIndent("", "  "), without ever holding it.
type jsonList struct {
	w   *bufio.Writer
	loc *time.Location // of the date
	buf bytes.Buffer
	enc *json.Encoder
	n   int
	// item and completed are reused for every summary, so that encoding
	// one allocates nothing for them.
	item      listItem
	completed time.Time
}

func newJSONList(w *bufio.Writer, loc *time.Location) *jsonList {
	l := &jsonList{w: w, loc: loc}
	l.enc = json.NewEncoder(&l.buf)
	// An element of the top-level array sits one level deep: the prefix is
	// that level's indent, written by Indent after every newline.
	l.enc.SetIndent("  ", "  ")
	l.enc.SetEscapeHTML(false)
	return l
}

// add writes one item; it stops the listing when the output fails.
func (l *jsonList) add(s store.Summary) error {
	l.item = listItem{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
		Date: summaryDate(s, l.loc).Format(time.DateOnly), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(),
		Pack: s.Pack, Answered: s.Answered,
		Total: listTotal{Score: s.Total.Score, Min: s.Total.Min, Max: s.Total.Max, Percent: s.Total.Percent,
			Band: s.Total.Band, Complete: s.Total.Complete}}
	if !s.CompletedAt.IsZero() {
		l.completed = s.CompletedAt.UTC()
		l.item.CompletedAt = &l.completed
	}
	l.buf.Reset()
	if err := l.enc.Encode(&l.item); err != nil {
		return err
	}
	if l.n == 0 {
		l.w.WriteString("[\n  ")
	} else {
		l.w.WriteString(",\n  ")
	}
	l.n++
	_, err := l.w.Write(bytes.TrimSuffix(l.buf.Bytes(), []byte("\n")))
	return err
}

// close ends the document; an empty list is "[]".
func (l *jsonList) close() error {
	end := "\n]\n"
	if l.n == 0 {
		end = "[]\n"
	}
	_, err := l.w.WriteString(end)
	return err
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
