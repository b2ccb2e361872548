package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// cliTest runs whole command lines against one data file, with a clock
// that moves a minute on every reading, so that sessions recorded one
// after the other have distinct, ordered times.
type cliTest struct {
	t    *testing.T
	dir  string
	db   string
	now  time.Time
	env  map[string]string
	loc  *time.Location // the readers' time zone; nil is UTC
	last struct {
		out, errOut string
		code        int
	}
}

func newCLITest(t *testing.T) *cliTest {
	t.Helper()
	dir := t.TempDir()
	return &cliTest{t: t, dir: dir, db: filepath.Join(dir, "data", "sc.db"),
		now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), env: map[string]string{}}
}

func (c *cliTest) clock() time.Time {
	c.now = c.now.Add(time.Minute)
	return c.now
}

// app returns an app wired to c's data file and clock, reading stdin.
func (c *cliTest) app(stdin string, out, errOut *bytes.Buffer) *app {
	a := newApp(strings.NewReader(stdin), out, errOut, func(k string) string { return c.env[k] })
	a.now = c.clock
	a.loc = time.UTC
	if c.loc != nil {
		a.loc = c.loc
	}
	return a
}

// run runs servicecheck with args (and --db) and returns stdout; the exit
// code and stderr are kept in c.last.
func (c *cliTest) run(stdin string, args ...string) string {
	c.t.Helper()
	var out, errOut bytes.Buffer
	args = append([]string{"--db", c.db}, args...)
	c.last.code = run(context.Background(), c.app(stdin, &out, &errOut), args)
	c.last.out, c.last.errOut = out.String(), errOut.String()
	return c.last.out
}

// ok runs args and fails the test unless the exit code is 0.
func (c *cliTest) ok(args ...string) string {
	c.t.Helper()
	out := c.run("", args...)
	if c.last.code != exitOK {
		c.t.Fatalf("%v: exit %d\nstderr: %s", args, c.last.code, c.last.errOut)
	}
	return out
}

// fails runs args and fails the test unless the exit code is code.
func (c *cliTest) fails(code int, args ...string) string {
	c.t.Helper()
	out := c.run("", args...)
	if c.last.code != code {
		c.t.Fatalf("%v: exit %d, want %d\nstdout: %s\nstderr: %s", args, c.last.code, code, out, c.last.errOut)
	}
	return c.last.errOut
}

// file writes data to a file in the test folder and returns its path.
func (c *cliTest) file(name string, data []byte) string {
	c.t.Helper()
	p := filepath.Join(c.dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// sessions reads back every stored session, newest first.
func (c *cliTest) sessions() []*checklist.Session {
	c.t.Helper()
	var out []*checklist.Session
	err := store.Do(c.db, store.Options{ReadOnly: true}, func(st *store.Store) error {
		sums, err := st.List(store.Filter{})
		for _, s := range sums {
			sess, err := st.Get(s.ID)
			if err != nil {
				return err
			}
			out = append(out, sess)
		}
		return err
	})
	if err != nil && !errors.Is(err, store.ErrNoFile) {
		c.t.Fatal(err)
	}
	return out
}

// answersFile builds an answers file for the built-in pack: every item
// answered from a cycle of choices, every statement of area a rated
// rate(a), and the given notes.
func answersFile(client string, rate func(area string) string, notes map[string]string) []byte {
	p := content.Default()
	var b strings.Builder
	if client != "" {
		fmt.Fprintf(&b, "client: %s\n", client)
	}
	b.WriteString("assessor: Jo\nanswers:\n")
	choices := []string{"yes", "partly", "no", "yes", "na"}
	for si, s := range p.Sections {
		for ii, it := range s.Items {
			fmt.Fprintf(&b, "  %s: %s\n", it.ID, choices[(si+ii)%len(choices)])
		}
	}
	for _, a := range p.Areas {
		for _, st := range a.Statements {
			fmt.Fprintf(&b, "  %s: %s\n", st.ID, rate(a.ID))
		}
	}
	if len(notes) > 0 {
		b.WriteString("notes:\n")
		for id, n := range notes {
			q, _ := json.Marshal(n)
			fmt.Fprintf(&b, "  %s: %s\n", id, q)
		}
	}
	return []byte(b.String())
}

// flat rates every area the same.
func flat(v string) func(string) string { return func(string) string { return v } }

// hostileNotes are notes that break naive CSV, HTML and Markdown writers.
var hostileNotes = map[string]string{
	"responsiveness.third-ring":        "Phones ring out at lunch, \"every day\"\nsecond line",
	"culture.front-line-time":          "<script>alert('x')</script> & <b>bold</b>",
	"ease-of-contact.channels":         "Klientët janë të kënaqur – ë, Клиенты довольны, 🎉👍🏽",
	"identify.who-uses-output":         "=SUM(A1:A9)",
	"knowing-customers.why-they-leave": "| pipes | and *stars* and # hashes",
}
