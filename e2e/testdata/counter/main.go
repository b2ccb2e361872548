// Command counter is a tiny Bubble Tea program that the e2e harness tests
// itself against: it asks the terminal for its background colour (so the
// harness must answer terminal queries), shows the window size (so resizes
// must reach it), counts key presses (so keys must arrive intact) and exits
// with a code the test can check.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	count         int
	background    string
	width, height int
	typed         string
	exitCode      int
	quitMessage   string
}

func (m model) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		m.background = "light"
		if msg.IsDark() {
			m.background = "dark"
		}
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c":
			m.quitMessage = fmt.Sprintf("interrupted at %d", m.count)
			return m, tea.Quit
		case "q":
			m.exitCode = 3
			m.quitMessage = fmt.Sprintf("quit at %d", m.count)
			return m, tea.Quit
		case "up", "+":
			m.count++
		case "down", "-":
			m.count--
		case "enter":
			m.typed += "⏎"
		case "backspace":
			if r := []rune(m.typed); len(r) > 0 {
				m.typed = string(r[:len(r)-1])
			}
		case "esc":
			m.typed += "<esc>"
		case "tab":
			m.typed += "<tab>"
		case "space":
			m.typed += "_"
		case "left", "right":
			m.typed += "<" + msg.String() + ">"
		default:
			m.typed += msg.Text
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	bg := m.background
	if bg == "" {
		bg = "unknown"
	}
	v := tea.NewView(fmt.Sprintf("count: %d\nbackground: %s\nsize: %dx%d\ntyped: [%s]\n",
		m.count, bg, m.width, m.height, m.typed))
	v.AltScreen = true
	return v
}

func main() {
	final, err := tea.NewProgram(model{}).Run()
	if err != nil {
		fmt.Fprintf(os.Stderr, "counter: %v\n", err)
		os.Exit(1)
	}
	m := final.(model)
	fmt.Fprintln(os.Stderr, m.quitMessage)
	os.Exit(m.exitCode)
}
