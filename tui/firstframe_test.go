package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
)

// TestSizeReadAgain checks that the first size, and every change, asks
// for the size once more (a window resized while Bubble Tea starts would
// keep its old size), and that a size that changes nothing does not.
func TestSizeReadAgain(t *testing.T) {
	m := New(Options{Repo: memrepo.New(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)), PackFunc: content.Default})
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd == nil {
		t.Fatal("first size: no command, want a request for the size")
	}
	if _, ok := cmd().(tea.WindowSizeMsg); ok {
		t.Fatal("the request must be Bubble Tea's, which reads the size when handled")
	}
	if _, cmd = next.Update(tea.WindowSizeMsg{Width: 80, Height: 24}); cmd != nil {
		t.Error("the same size again: a command, want none")
	}
	if _, cmd = next.Update(tea.WindowSizeMsg{Width: 100, Height: 30}); cmd == nil {
		t.Error("a new size: no command, want a request for the size")
	}
}
