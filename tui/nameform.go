package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// nameForm is the small form of the team screens: a one-line name and one
// choice from a short list — a new audit's client and how its respondents
// are shown, a respondent's name and role. Enter moves from the name to
// the choice and then submits; tab switches; ↑/↓ (←/→) choose.
type nameForm struct {
	name     textinput.Model
	choice   int  // index into the screen's choices
	onChoice bool // the choice, not the name, has the focus
	creating bool // submitted: keys wait for the store
}

// formAct is what a key on a nameForm asks of its screen.
type formAct int

const (
	formStay   formAct = iota // handled here (or ignored)
	formLeave                 // esc: back to where the form came from
	formNoName                // enter with an empty name
	formSubmit                // enter on the choice: store it
)

// typing reports whether keys go to the name.
func (f *nameForm) typing() bool { return !f.onChoice && !f.creating }

// key handles a key for a form of n choices.
func (f *nameForm) key(msg tea.KeyPressMsg, k keyMap, n int) (formAct, tea.Cmd) {
	if f.creating {
		return formStay, nil
	}
	switch {
	case key.Matches(msg, k.Leave):
		return formLeave, nil
	case key.Matches(msg, k.FormNext):
		if strings.TrimSpace(f.name.Value()) == "" {
			f.onChoice = false
			return formNoName, f.name.Focus()
		}
		if !f.onChoice {
			f.onChoice = true
			f.name.Blur()
			return formStay, nil
		}
		return formSubmit, nil
	case key.Matches(msg, k.FormTab, k.FormPrev):
		f.onChoice = !f.onChoice
		if f.onChoice {
			f.name.Blur()
			return formStay, nil
		}
		return formStay, f.name.Focus()
	case f.onChoice && (key.Matches(msg, k.Up) || msg.String() == "left"):
		f.choice = (f.choice + n - 1) % n
		return formStay, nil
	case f.onChoice && (key.Matches(msg, k.Down) || msg.String() == "right"):
		f.choice = (f.choice + 1) % n
		return formStay, nil
	case f.onChoice:
		return formStay, nil
	}
	var cmd tea.Cmd
	f.name, cmd = f.name.Update(msg)
	return formStay, cmd
}

// input passes a message other than a key (a paste, on one line) to the
// name while it has the focus.
func (f *nameForm) input(msg tea.Msg) tea.Cmd {
	if !f.typing() {
		return nil
	}
	if paste, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: strings.Join(strings.Fields(paste.Content), " ")}
	}
	var cmd tea.Cmd
	f.name, cmd = f.name.Update(msg)
	return cmd
}

// value is the name as typed, without the spaces around it.
func (f *nameForm) value() string { return strings.TrimSpace(f.name.Value()) }
