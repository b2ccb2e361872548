package plain

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/tui"
)

// TestThroughATerminal answers through a real pseudo-terminal, the way a
// screen reader user types: the terminal echoes, the prompts do not.
func TestThroughATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	r, o := setup(t)
	o.Start = tui.Start{New: true, Client: "ACME"}

	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 1024)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	waitFor := func(s string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			ok := strings.Contains(screen.String(), s)
			mu.Unlock()
			if ok {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("%q never appeared:\n%s", s, screen.String())
	}

	done := make(chan error, 1)
	var got tui.Outcome
	go func() {
		var err error
		got, err = Run(context.Background(), tty, tty, o)
		done <- err
	}()
	for _, step := range []struct{ wait, typed string }{
		{"Question 1 of 27", "yes\n"},
		{"Question 2 of 27", "maybe\n"},
		{`"maybe" is not a checklist answer`, "3\n"},
		{"Question 3 of 27", "q\n"},
	} {
		waitFor(step.wait)
		if _, err := io.WriteString(ptmx, step.typed); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after q")
	}
	s := only(t, r)
	if got.SessionID != s.ID || s.Answers["culture-training"].Value != checklist.Yes ||
		s.Answers["culture-internal"].Value != checklist.No {
		t.Errorf("outcome %+v, answers %+v", got, s.Answers)
	}
	mu.Lock()
	defer mu.Unlock()
	// The terminal echoed "yes" once; the prompt loop did not echo it again.
	if n := strings.Count(screen.String(), "quits): yes"); n != 1 {
		t.Errorf("answer shown %d times after its prompt, want once (the terminal's echo)", n)
	}
}
