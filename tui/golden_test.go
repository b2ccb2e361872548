package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// screens reaches each screen of the app from a fresh start.
var screens = []struct {
	name  string
	start func(f *fixture) Options
	keys  []string
}{
	{"home", (*fixture).opts, nil},
	{"setup", (*fixture).opts, []string{"1"}},
	{"resume", (*fixture).opts, []string{"2"}},
	{"clients", (*fixture).opts, []string{"3"}},
	{"history", (*fixture).opts, []string{"3", "enter"}},
	{"compare", (*fixture).opts, []string{"3", "enter", "c"}},
	{"trend", (*fixture).opts, []string{"3", "enter", "t"}},
	{"item", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.bakes
		return o
	}, []string{"left", "left", "left", "left"}},
	{"statement", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.bakes
		return o
	}, []string{"]", "]", "]", "]", "right", "4"}},
	{"note", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.bakes
		return o
	}, []string{"tab"}},
	{"results", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.newer
		return o
	}, nil},
	// The findings, browsed: n scrolls the first to the top, n again the
	// next.
	{"findings", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.newer
		return o
	}, []string{"n", "n"}},
	{"planreview", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.newer
		return o
	}, []string{"p", "right"}},
	{"plangoal", func(f *fixture) Options {
		o := f.opts()
		o.Start.Session = f.newer
		return o
	}, []string{"p", "m", "tab", "tab", "tab"}},
}

func TestGoldenScreens(t *testing.T) {
	sizes := [][2]int{{80, 24}, {120, 40}, {60, 15}}
	for _, sc := range screens {
		for _, sz := range sizes {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				f := newFixture(t)
				d := newDriver(t, sc.start(f), sz[0], sz[1])
				d.press(sc.keys...)
				if sc.name == "note" {
					d.typeText("Managers visit the shop floor twice a year — ë, é, 🎉")
				}
				got := d.screen()
				checkFits(t, got, sz[0], sz[1])
				golden(t, name, got)
			})
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{59, 24}, {80, 14}, {20, 5}} {
		name := fmt.Sprintf("toosmall_%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			o := f.opts()
			o.Start.Session = f.bakes
			d := newDriver(t, o, sz[0], sz[1])
			got := d.screen()
			checkFits(t, got, sz[0], sz[1])
			golden(t, name, got)
			// The state is kept: growing the window shows the question again.
			d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			if s := d.screen(); !contains(s, "Identify your customers · 1 of 2") {
				t.Errorf("question not back after growing the window:\n%s", s)
			}
		})
	}
}
