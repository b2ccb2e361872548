package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/serve"
)

// TestServeLogPseudoLocale: every line the consultant's terminal gets
// from serve comes through the catalogue, and no control character in a
// respondent's name reaches it.
func TestServeLogPseudoLocale(t *testing.T) {
	var b bytes.Buffer
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	p := &serveLog{w: &b, l: i18n.For(i18n.Pseudo), now: func() time.Time { return at }}
	who := resultstest.Wrap("Ана")
	for _, e := range []serve.Event{
		{Kind: serve.Connected, Who: who, Method: "key", Remote: "127.0.0.1:5000", Total: 72},
		{Kind: serve.Connected, Method: "code", Remote: "127.0.0.1:5001", Total: 72},
		{Kind: serve.Progress, Who: who, Answered: 3, Total: 72},
		{Kind: serve.Completed, Who: who, Session: "0k3m9x2p4q7r"},
		{Kind: serve.Disconnected, Who: who, Answered: 72, Total: 72},
		{Kind: serve.Refused, Remote: "127.0.0.1:5002"},
		{Kind: serve.Full, Who: who},
		{Kind: serve.Failed, Who: who, Err: errors.New("⟦disk full⟧")},
	} {
		p.event(e)
	}
	p.line(p.l.T("team.serve.stopping"))
	out := b.String()
	if n := strings.Count(out, "\n"); n != 9 {
		t.Errorf("%d lines, want 9:\n%s", n, out)
	}
	for _, leak := range resultstest.Leaks(out) {
		t.Errorf("%q did not come through the catalogue: %s", leak, resultstest.Context(out, leak))
	}
}
