package main

import (
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// maxLostLines caps the sessions printLost names: a file damaged all over
// must not bury the message in thousands of lines.
const maxLostLines = 20

// printLost names, on w, the sessions a command could not read (an
// incomplete export, a salvage): id, client and date where known, and why.
func printLost(w io.Writer, l *i18n.Locale, lost []store.Lost) {
	if len(lost) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(l.N("trust.lost.heading", len(lost)) + "\n")
	for i, x := range lost {
		if i == maxLostLines {
			b.WriteString(l.N("trust.lost.more", len(lost)-i) + "\n")
			break
		}
		id := x.ID
		if id == "" {
			id = l.T("trust.lost.unknown_id")
		}
		date := ""
		if !x.CreatedAt.IsZero() {
			date = l.Date(x.CreatedAt)
		}
		line := l.T("trust.lost.item", "ID", id, "Client", cellText(x.Client), "Date", date, "Why", cellText(x.Why))
		// An unknown client or date leaves no double space behind.
		b.WriteString("  " + strings.Join(strings.Fields(line), " ") + "\n")
	}
	_, _ = io.WriteString(w, b.String())
}
