package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/results"
)

// isoDay is the day of t as ISO 8601, for machine-readable places: the
// HTML time element's datetime and the CSV's date column.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// incompleteLine explains an incomplete total; "" when complete.
func incompleteLine(w results.Words, d *Document) string {
	return w.Incomplete(d.Total.Total, len(d.Unanswered))
}

// compareTitle heads a comparison on its own: "Client: 2 Mar 2026 to
// 9 Apr 2026"; client is the name as the format writes it.
func compareTitle(w results.Words, c *Comparison, client string) string {
	dates := w.Dates(c.A.Date(), c.B.Date())
	return w.T("report.heading.compare", "Client", client, "A", dates[0], "B", dates[1])
}

// changeSince heads the comparison inside a report.
func changeSince(w results.Words, c *Comparison) string {
	return w.T("results.heading.change_since", "Date", w.Date(c.A.Date()))
}

// errWriter remembers the first write error so that renderers can write
// line by line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}

func (e *errWriter) print(s string) {
	if e.err != nil {
		return
	}
	_, e.err = io.WriteString(e.w, s)
}
