package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/servicecheck/servicecheck/checklist"
)

// styles are every look of the app in one place, built for a light or a
// dark background. Nothing may carry meaning by colour alone: marks, arrows
// and words say the same.
type styles struct {
	isDark bool

	brand    lipgloss.Style // the app name in the header
	context  lipgloss.Style // client and part in the header
	saved    lipgloss.Style // the "✓ saved" mark
	title    lipgloss.Style // a screen's title
	heading  lipgloss.Style // a block heading inside a screen
	text     lipgloss.Style
	muted    lipgloss.Style // secondary text: purposes, hints, dates
	question lipgloss.Style
	cursor   lipgloss.Style // the "›" next to the highlighted row
	selected lipgloss.Style // the highlighted row
	chosen   lipgloss.Style // the given answer's mark
	keyHint  lipgloss.Style // a shortcut key shown next to a choice
	barFull  lipgloss.Style
	barEmpty lipgloss.Style
	up       lipgloss.Style // a rise in a comparison
	down     lipgloss.Style // a fall in a comparison
	status   lipgloss.Style // neutral status line
	warn     lipgloss.Style // a problem that is being handled (retrying)
	err      lipgloss.Style
	bandLow  lipgloss.Style
	bandMid  lipgloss.Style
	bandHigh lipgloss.Style
	help     help.Styles
}

func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B4A0FF"))
	muted := ld(lipgloss.Color("#5F5F5F"), lipgloss.Color("#A0A0A0"))
	faint := ld(lipgloss.Color("#B0B0B0"), lipgloss.Color("#4E4E4E"))
	good := ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#5FD787"))
	bad := ld(lipgloss.Color("#C62828"), lipgloss.Color("#FF7B7B"))
	warn := ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#E3B341"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E8E8E8"))

	s := styles{isDark: isDark}
	s.brand = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.context = lipgloss.NewStyle().Foreground(muted)
	s.saved = lipgloss.NewStyle().Foreground(good)
	s.title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.heading = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.text = lipgloss.NewStyle().Foreground(text)
	s.muted = lipgloss.NewStyle().Foreground(muted)
	s.question = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.cursor = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.chosen = lipgloss.NewStyle().Foreground(good)
	s.keyHint = lipgloss.NewStyle().Foreground(muted)
	s.barFull = lipgloss.NewStyle().Foreground(accent)
	s.barEmpty = lipgloss.NewStyle().Foreground(faint)
	s.up = lipgloss.NewStyle().Foreground(good)
	s.down = lipgloss.NewStyle().Foreground(bad)
	s.status = lipgloss.NewStyle().Foreground(muted)
	s.warn = lipgloss.NewStyle().Foreground(warn)
	s.err = lipgloss.NewStyle().Bold(true).Foreground(bad)
	s.bandLow = lipgloss.NewStyle().Foreground(bad)
	s.bandMid = lipgloss.NewStyle().Foreground(warn)
	s.bandHigh = lipgloss.NewStyle().Foreground(good)
	s.help = help.DefaultStyles(isDark)
	return s
}

// band returns the style for a band: the lowest band reads as a problem,
// the upper half as good, anything between as a warning.
func (s styles) band(p *checklist.Pack, id string) lipgloss.Style {
	n := len(p.Bands)
	for i, b := range p.Bands {
		if b.ID != id {
			continue
		}
		switch {
		case i == 0:
			return s.bandLow
		case i >= n/2:
			return s.bandHigh
		default:
			return s.bandMid
		}
	}
	return s.muted
}
