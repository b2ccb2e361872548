package main

import (
	"io"
	"sync"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/config"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// app carries what every command needs from the outside world, so that each
// command's logic runs in tests without a terminal or a real environment.
type app struct {
	in     io.Reader
	out    io.Writer
	errOut io.Writer
	getenv func(string) string
	now    func() time.Time
	// loc is the time zone of the days that people read (list, reports);
	// JSON times stay in UTC.
	loc *time.Location

	// dbFlag is the value of the global --db flag.
	dbFlag string
	// cfg holds the settings of the config file and the environment:
	// language, assessor and data file defaults, and the consultant's
	// firm, name, contact and logo for reports. Read it with settings().
	cfg     *config.Config
	cfgOnce sync.Once
	// packs finds the pack each stored session was answered with.
	packs *packResolver
	// summarize computes the total stored in each session's summary, so
	// that history lists show scores without decoding sessions; nil
	// stores none.
	summarize func(*checklist.Session, store.PackSource) scoring.Total
}

func newApp(in io.Reader, out, errOut io.Writer, getenv func(string) string) *app {
	packs := newPackResolver()
	return &app{in: in, out: out, errOut: errOut, getenv: getenv, now: time.Now, loc: time.Local,
		packs: packs, summarize: packs.summarize}
}
