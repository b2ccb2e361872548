package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestGuardOnATerminal writes what a crafted data file or pack could carry
// to a real pseudo-terminal through guard: the window title, the screen
// clear and the bell are gone, colour and text stay. To a file or a pipe
// the bytes go unchanged.
func TestGuardOnATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	w := guard(tty)
	if w == io.Writer(tty) {
		t.Fatal("guard left a terminal unguarded")
	}
	const hostile = "Acme\x1b]0;pwned\x07 \x1b[2J\x1b[31mred\x1b[0m\u009b2J done\n"
	if _, err := io.WriteString(w, hostile); err != nil {
		t.Fatal(err)
	}
	got := readUntil(t, ptmx, "done")
	for _, bad := range []string{"\x1b]", "pwned", "\x07", "\x1b[2J", "\u009b"} {
		if strings.Contains(got, bad) {
			t.Errorf("the terminal received %q: %q", bad, got)
		}
	}
	if !strings.Contains(got, "\x1b[31mred\x1b[0m") || !strings.Contains(got, "Acme") {
		t.Errorf("colour or text lost: %q", got)
	}

	var buf bytes.Buffer
	if guard(&buf) != io.Writer(&buf) {
		t.Error("guard wrapped a buffer: files and pipes get the bytes asked for")
	}
}

func readUntil(t *testing.T, r io.Reader, end string) string {
	t.Helper()
	var b strings.Builder
	buf := make([]byte, 256)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(b.String(), end) && time.Now().Before(deadline) {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return b.String()
}
