package main

import (
	"fmt"
	"github.com/servicecheck/servicecheck/results"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// latest is the session argument that means the newest session.
const latest = "latest"

// findSession returns the session that arg names: an id, a unique id
// prefix, or "latest" for the newest session (of client, when given).
func findSession(st *store.Store, arg, client string) (*checklist.Session, error) {
	if arg != latest {
		return st.Get(arg)
	}
	sums, err := st.List(store.Filter{Client: client, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(sums) == 0 {
		if client != "" {
			return nil, notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", client))
		}
		return nil, notFound("cmd.list.none")
	}
	return st.Get(sums[0].ID)
}

// checkSessionArgs rejects --client next to an id: the id alone names the
// session, and a client that does not match it would be silently ignored.
func checkSessionArgs(arg, client string) error {
	if client != "" && arg != latest {
		return usageError("cmd.show.client_with_id")
	}
	return nil
}

// packFor returns the pack s was answered with, built in or kept in st.
func (a *app) packFor(st *store.Store, s *checklist.Session) (*checklist.Pack, error) {
	p, err := a.lookupPack(st, s.Pack)
	if err != nil {
		return nil, withCode(exitCode(err), wrap(err, "cmd.session", "ID", s.ID))
	}
	return p, nil
}

// previousCompleted returns the client's previous completed session
// (audit.Previous), with its pack, or nils when there is none (or its pack is found
// nowhere, in which case there is nothing to compare with).
func (a *app) previousCompleted(st *store.Store, s *checklist.Session) (*checklist.Session, *checklist.Pack, error) {
	if strings.TrimSpace(s.Client) == "" {
		return nil, nil, nil
	}
	sums, err := st.List(store.Filter{Client: s.Client, Status: checklist.Completed, Audits: true})
	if err != nil {
		return nil, nil, err
	}
	if sum, ok := audit.Previous(audit.Of(s), sums, store.Summary.Stamp); ok {
		prev, err := st.Get(sum.ID)
		if err != nil {
			return nil, nil, err
		}
		p, err := a.lookupPack(st, prev.Pack)
		if err != nil {
			return nil, nil, nil
		}
		return prev, p, nil
	}
	return nil, nil, nil
}

// sessionDate is the day s stands for (audit.Date).
func sessionDate(s *checklist.Session) time.Time {
	return audit.Date(audit.Of(s))
}

// loadDocument reads the session arg names and builds its report, with the
// comparison to the client's previous completed session when compare is
// set. The file is read only.
func (a *app) loadDocument(arg, client string, compare bool) (report.Document, error) {
	var doc report.Document
	err := a.withStore(true, func(st *store.Store) error {
		s, err := findSession(st, arg, client)
		if err != nil {
			return err
		}
		doc, err = a.buildDocument(st, s, compare)
		return err
	})
	return doc, err
}

// buildDocument builds the report of s, with the comparison to the
// client's previous completed session and the trend of the client's totals
// when compare is set (the readable formats).
func (a *app) buildDocument(st *store.Store, s *checklist.Session, compare bool) (report.Document, error) {
	p, err := a.packFor(st, s)
	if err != nil {
		return report.Document{}, err
	}
	var prev *checklist.Session
	var prevPack *checklist.Pack
	if compare {
		if prev, prevPack, err = a.previousCompleted(st, s); err != nil {
			return report.Document{}, err
		}
	}
	doc := report.Build(p, s, prev, prevPack)
	if compare {
		pts, err := a.trendPoints(st, s)
		if err != nil {
			return report.Document{}, err
		}
		doc.SetTrend(p, s, pts)
	}
	return doc, nil
}

// trendPoints scores the client's completed sessions before s
// (audit.Before), for the trend of the total; a session whose pack is
// found nowhere is left out, as previousCompleted leaves it out.
func (a *app) trendPoints(st *store.Store, s *checklist.Session) ([]results.TrendPoint, error) {
	if strings.TrimSpace(s.Client) == "" {
		return nil, nil
	}
	sums, err := st.List(store.Filter{Client: s.Client, Status: checklist.Completed, Audits: true})
	if err != nil {
		return nil, err
	}
	var pts []results.TrendPoint
	for _, sum := range audit.Before(audit.Of(s), sums, store.Summary.Stamp) {
		prev, err := st.Get(sum.ID)
		if err != nil {
			return nil, err
		}
		p, err := a.lookupPack(st, prev.Pack)
		if err != nil {
			continue
		}
		pts = append(pts, results.Point(p, prev))
	}
	return pts, nil
}

// terminal says how standard output is shown.
type terminal struct {
	// Styled is true when stdout is a terminal: reports are then styled
	// with colour and layout instead of printed as Markdown.
	Styled bool
	Width  int
}

// stdoutTerminal inspects w, which is a terminal only when it is one of
// the process's files, bare or behind guard (which keeps its Fd).
func stdoutTerminal(w io.Writer) terminal {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return terminal{}
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		width = 80
	}
	return terminal{Styled: true, Width: width}
}

// isInteractive reports whether r is a terminal a person can answer on.
func isInteractive(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorWriter wraps w so that colours are reduced to what the terminal and
// the environment (NO_COLOR, CLICOLOR, TERM) allow.
func (a *app) colorWriter(w io.Writer) io.Writer {
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"} {
		if v := a.getenv(k); v != "" {
			env = append(env, k+"="+v)
		}
	}
	return colorprofile.NewWriter(w, env)
}
