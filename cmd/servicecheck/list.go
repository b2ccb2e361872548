package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// listOptions are the inputs of `servicecheck list`.
type listOptions struct {
	Out, ErrOut io.Writer
	Client      string
	JSON        bool
	// ByClient groups the sessions by client, clients in the order of the
	// user's language, newest first within each.
	ByClient bool
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
	cmd.Flags().BoolVar(&opts.ByClient, "by-client", false, "group by client, clients in alphabetical order (holds the whole list in memory)")
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
	// Team is the team audit the session answers for; TeamRole says how:
	// "respondent" (one person's answers) or "result" (the agreed ones).
	Team     string `json:"team,omitempty"`
	TeamRole string `json:"team_role,omitempty"`
}

// teamRole is how a listed session answers for its team audit, "" for none.
func teamRole(s store.Summary) string {
	switch {
	case s.Team == "":
		return ""
	case s.Respondent:
		return "respondent"
	}
	return "result"
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
	each := eachSummary(a, f, opts.ByClient)
	if opts.JSON {
		l := newJSONList(w, a.loc)
		err = a.withStore(true, func(st *store.Store) error { return each(st, l.add) })
		if err = noFileIsEmpty(err); err == nil {
			err = l.close()
		}
	} else {
		err = writeListTable(a, w, each, opts)
	}
	// What was written is copied out even after an error: a prefix of the
	// list, then the error on stderr and a non-zero exit.
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if _, werr := sp.WriteTo(opts.Out); err == nil && werr != nil {
		err = wrap(werr, "cmd.list.write_failed")
	}
	return err
}

// eachSummary returns how the list walks the summaries that match f:
// streamed from the index, newest first; or, by client, all read and
// sorted by client name with the collation of the user's language
// ("Çajtore" before "Zeta" in Albanian), newest first within a client.
// Sorting needs the whole list in memory, which the streamed walk never
// holds: the flag says so.
func eachSummary(a *app, f store.Filter, byClient bool) func(*store.Store, func(store.Summary) error) error {
	if !byClient {
		return func(st *store.Store, fn func(store.Summary) error) error { return st.EachSummary(f, fn) }
	}
	var sorted []store.Summary
	return func(st *store.Store, fn func(store.Summary) error) error {
		if sorted == nil {
			sums, err := st.List(f)
			if err != nil {
				return err
			}
			i18n.SortFunc(a.locale(), sums, func(s store.Summary) string { return s.Client })
			sorted = sums
		}
		for _, s := range sorted {
			if err := fn(s); err != nil {
				return err
			}
		}
		return nil
	}
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
			Band: s.Total.Band, Complete: s.Total.Complete}, Team: s.Team, TeamRole: teamRole(s)}
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
	return audit.DateIn(s.Stamp(), loc)
}

// statusWord is a session's status in l's language.
func statusWord(l *i18n.Locale, s checklist.Status) string {
	switch s {
	case checklist.InProgress, checklist.Completed:
		return l.T(audit.StatusID(s))
	}
	return string(s)
}

// totalText is "31.5/40" ("31,5/40" in Italian) or "–": a session in
// progress has no total yet (scoring.ScoreTotal), even in a summary stored
// before that rule.
func totalText(l *i18n.Locale, t scoring.Total) string {
	if !t.Score.Valid || !t.Complete {
		return "–"
	}
	return l.Decimal(t.Score.Format(1)) + "/" + l.Decimal(scoring.Of(t.Max).Format(0))
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
