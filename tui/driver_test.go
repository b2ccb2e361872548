package tui

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
	"github.com/servicecheck/servicecheck/tui/internal/testpack"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// epoch is the fixed clock of the tests.
var epoch = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// driver runs a Model the way a program would, without a terminal: it
// delivers messages, runs the commands they return and feeds the results
// back. Cursor blinks and commands that do not return within a moment
// (timers) are dropped, so a test never waits on the clock.
type driver struct {
	t    *testing.T
	m    Model
	quit bool
}

func newDriver(t *testing.T, opts Options, w, h int) *driver {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return epoch }
	}
	if opts.RetryDelay == 0 {
		opts.RetryDelay = time.Millisecond
	}
	d := &driver{t: t, m: New(opts)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

// send delivers messages one by one, running what each one starts.
func (d *driver) send(msgs ...tea.Msg) {
	d.t.Helper()
	for _, msg := range msgs {
		tm, cmd := d.m.Update(msg)
		d.m = tm.(Model)
		d.run(cmd)
	}
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	// Cursor blinks wait on a timer and change nothing the tests look at.
	if strings.Contains(runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name(), "cursor.(*Model).Blink") {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(200 * time.Millisecond):
		return // a timer, such as a retry an hour away
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		// tea.Sequence's message type is not exported: run its commands
		// in order.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		tm, next := d.m.Update(msg)
		d.m = tm.(Model)
		d.run(next)
	}
}

// press delivers key presses written as in key bindings: "enter",
// "shift+tab", "ctrl+c", "y".
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

// typeText types s one character at a time.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace,
	}
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(k, "ctrl+"):
			mod |= tea.ModCtrl
			k = k[5:]
			continue
		case strings.HasPrefix(k, "shift+"):
			mod |= tea.ModShift
			k = k[6:]
			continue
		case strings.HasPrefix(k, "alt+"):
			mod |= tea.ModAlt
			k = k[4:]
			continue
		}
		break
	}
	if c, ok := named[k]; ok {
		msg := tea.KeyPressMsg{Code: c, Mod: mod}
		if c == tea.KeySpace && mod == 0 {
			msg.Text = " "
		}
		return msg
	}
	r, _ := utf8.DecodeRuneInString(k)
	msg := tea.KeyPressMsg{Code: r, Mod: mod}
	if mod == 0 {
		msg.Text = k
	}
	return msg
}

// screen is the view as plain text, without colour or style.
func (d *driver) screen() string {
	return ansi.Strip(d.m.View().Content)
}

// checkFits fails when the view is taller or wider than the window.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > max(h, 1) {
		t.Errorf("%d×%d: view has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > max(w, 1) {
			t.Errorf("%d×%d: line %d is %d cells wide: %q", w, h, i+1, lw, l)
		}
	}
}

// golden compares got with testdata/name.golden, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test ./tui -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// fixture is a repository with history: two completed sessions for ACME
// Ltd, three months apart, and an unfinished one for a bakery.
type fixture struct {
	pack                *checklist.Pack
	repo                *memrepo.Repo
	older, newer, bakes *checklist.Session
	ud                  func(string) string // marks user data (newFixtureOf)
	lang                string              // Options.Lang: the user's language
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	return newFixtureOf(t, testpack.Pack(), func(s string) string { return s })
}

// newFixtureOf is newFixture with sessions answered against p, every piece
// of user data (names, notes, the plan) passed through ud: the pseudo-locale
// tests mark it so that it is not taken for untranslated text.
func newFixtureOf(t testing.TB, p *checklist.Pack, ud func(string) string) *fixture {
	t.Helper()
	r := memrepo.New(epoch.AddDate(0, -6, 0))
	r.Summarize = func(s *checklist.Session) scoring.Total { return scoring.Session(p, s).Total }
	f := &fixture{pack: p, repo: r, ud: ud}
	f.older = f.session(t, ud("ACME Ltd"), ud("Jo Doe"), epoch.AddDate(0, -3, 0), func(i int, q checklist.Question) checklist.Value {
		if q.Kind == checklist.KindItem {
			return []checklist.Value{checklist.Yes, checklist.No, checklist.Partly}[i%3]
		}
		return checklist.Rating(1 + i%3)
	}, true)
	// The older session set a plan, which the newer one reviews.
	f.older.Plan = checklist.Plan{Vision: ud("Every customer hears back within a day."), Goals: []checklist.Goal{
		{Problem: ud("Phones ring out at lunch"), What: ud("A second line staffed from 12 to 2"), Target: ud("90% of calls answered by the third ring"), Owner: ud("Anna"),
			DueDate: func() checklist.Day { d, _ := checklist.NewDay(2026, 3, 31); return d }()},
		{Problem: ud("Complaints are not written down"), What: ud("Start a complaint log"), Target: ud("every complaint logged the same day")},
	}}
	if err := f.repo.SetPlan(f.older.ID, f.older.Plan); err != nil {
		t.Fatal(err)
	}
	f.newer = f.session(t, ud("ACME Ltd"), ud("Jo Doe"), epoch.AddDate(0, 0, -1), func(i int, q checklist.Question) checklist.Value {
		if q.Kind == checklist.KindItem {
			if i == 4 {
				return checklist.NA
			}
			return []checklist.Value{checklist.Yes, checklist.Partly}[i%2]
		}
		if i == 12 {
			return checklist.NA
		}
		return checklist.Rating(2 + i%4)
	}, true)
	f.bakes = f.session(t, ud("Bäckerei Rossi — Shkodër 🍞"), ud("Ana"), epoch.AddDate(0, 0, -2), func(i int, q checklist.Question) checklist.Value {
		if i < 4 {
			return checklist.Yes
		}
		return ""
	}, false)
	return f
}

func (f *fixture) session(t testing.TB, client, assessor string, at time.Time, val func(int, checklist.Question) checklist.Value, complete bool) *checklist.Session {
	t.Helper()
	s := &checklist.Session{Client: client, Assessor: assessor, Pack: f.pack.Ref(), Status: checklist.InProgress,
		CreatedAt: at, UpdatedAt: at, Answers: map[string]checklist.Answer{}}
	if err := f.repo.Create(s); err != nil {
		t.Fatal(err)
	}
	cursor := ""
	for i, q := range f.pack.Questions() {
		v := val(i, q)
		if v == "" {
			break
		}
		a := checklist.Answer{Value: v, At: at}
		if i == 0 {
			a.Note = f.ud("Trained once a year, at the kick-off.")
		}
		cursor = q.ID
		if err := f.repo.Record(s.ID, q.ID, a, cursor); err != nil {
			t.Fatal(err)
		}
	}
	if complete {
		if err := f.repo.Complete(s.ID); err != nil {
			t.Fatal(err)
		}
	}
	got, err := f.repo.Get(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if complete {
		got.CompletedAt = at.Add(time.Hour)
		f.repo.Add(got)
	}
	return got
}

func (f *fixture) opts() Options {
	return Options{Repo: f.repo, Pack: f.pack, Lang: f.lang}
}
