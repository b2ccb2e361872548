// Package e2e holds the end-to-end tests of servicecheck: they build the real
// binary and drive it in a pseudo-terminal, reading the screen through a
// virtual terminal, so that `go test ./...` checks what a person at a
// keyboard sees without anything outside Go.
package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// hardLimit bounds the life of every child process: a test that forgets to
// end one, or a program that hangs, is killed rather than left to stall the
// suite until go test's own ten-minute timeout.
const hardLimit = 90 * time.Second

// keys maps the names tests use to the bytes a terminal sends for them.
// Anything not listed is sent as typed text.
var keys = map[string]string{
	"enter":     "\r",
	"esc":       "\x1b",
	"tab":       "\t",
	"shift+tab": "\x1b[Z",
	"up":        "\x1b[A",
	"down":      "\x1b[B",
	"right":     "\x1b[C",
	"left":      "\x1b[D",
	"home":      "\x1b[H",
	"end":       "\x1b[F",
	"pgup":      "\x1b[5~",
	"pgdown":    "\x1b[6~",
	"ctrl+c":    "\x03",
	"ctrl+d":    "\x04",
	"backspace": "\x7f",
	"space":     " ",
}

// escPause separates a lone escape from the next key: Bubble Tea reads an
// escape followed within 50ms by another byte as alt+that key.
const escPause = 250 * time.Millisecond

// term is a running program in a pseudo-terminal together with the virtual
// terminal that renders its output.
type term struct {
	t   testing.TB
	cmd *exec.Cmd
	pty *os.File

	mu  sync.Mutex // guards emu and raw
	emu *vt.Emulator
	raw bytes.Buffer

	changed  chan struct{} // signalled after every chunk of output
	exited   chan struct{} // closed when the process has been reaped
	outDone  chan struct{} // closed when all output has been read
	exitCode int           // valid once exited is closed
	waitErr  error
}

// startTerm starts bin with args in a pseudo-terminal of cols×rows with
// exactly the environment env (nothing is inherited, so the caller's NO_COLOR
// or CI variables cannot change what is shown). dir is the working
// directory. The process is killed when the test ends.
func startTerm(t testing.TB, bin, dir string, cols, rows int, env []string, args ...string) *term {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Dir = dir
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Fatalf("start %s in a pty: %v", bin, err)
	}
	tm := &term{
		t:       t,
		cmd:     cmd,
		pty:     ptmx,
		emu:     vt.NewEmulator(cols, rows),
		changed: make(chan struct{}, 1),
		exited:  make(chan struct{}),
		outDone: make(chan struct{}),
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); tm.copyOutput() }()
	go func() { defer wg.Done(); tm.answerQueries() }()
	go tm.reap()
	killer := time.AfterFunc(hardLimit, func() { _ = cmd.Process.Kill() })
	t.Cleanup(func() {
		killer.Stop()
		select {
		case <-tm.exited:
		default:
			_ = cmd.Process.Kill()
			<-tm.exited
		}
		// The slave side is closed once the process is gone, so reading
		// the master ends; closing it as well covers a grandchild that
		// still holds the terminal.
		select {
		case <-tm.outDone:
		case <-time.After(2 * time.Second):
		}
		_ = ptmx.Close()
		// Closing the emulator's reply pipe ends answerQueries. Close
		// on the pipe writer rather than Emulator.Close, which would race
		// with the reader on the emulator's closed flag.
		if c, ok := tm.emu.InputPipe().(io.Closer); ok {
			_ = c.Close()
		}
		wg.Wait()
	})
	return tm
}

// copyOutput feeds everything the program writes into the virtual terminal.
func (tm *term) copyOutput() {
	defer close(tm.outDone)
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			_, _ = tm.emu.Write(buf[:n])
			tm.raw.Write(buf[:n])
			tm.mu.Unlock()
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return // EIO once the program has exited and the slave is closed
		}
	}
}

// answerQueries forwards the virtual terminal's replies (cursor position,
// background colour, device attributes, mode reports) to the program, as a
// real terminal would: Bubble Tea asks and waits for some of them.
func (tm *term) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := tm.emu.Read(buf)
		if n > 0 {
			// Errors are ignored: after the program exits the replies
			// have nowhere to go, but the pipe must still be drained so
			// the emulator never blocks.
			_, _ = tm.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (tm *term) reap() {
	err := tm.cmd.Wait()
	tm.waitErr = err
	tm.exitCode = tm.cmd.ProcessState.ExitCode()
	close(tm.exited)
}

// send types keys: each argument is either a key name from the keys table
// (enter, esc, tab, up, down, left, right, ctrl+c, backspace, space, …) or
// literal text. Use write for text that happens to be a key name.
func (tm *term) send(names ...string) {
	tm.t.Helper()
	for i, name := range names {
		seq, ok := keys[name]
		if !ok {
			seq = name
		}
		tm.write(seq)
		if seq == "\x1b" && i < len(names)-1 {
			time.Sleep(escPause)
		}
	}
}

// write sends s to the program as typed, without interpreting key names.
func (tm *term) write(s string) {
	tm.t.Helper()
	select {
	case <-tm.exited:
		tm.t.Fatalf("cannot send %q: the program has exited with code %d\n%s", s, tm.exitCode, tm.dump())
	default:
	}
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatalf("send %q: %v", s, err)
	}
}

// screen returns the visible screen as plain text, trailing spaces trimmed.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// altScreen reports whether the program has the alternate screen on; a
// full-screen program must switch it off before it exits.
func (tm *term) altScreen() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.IsAltScreen()
}

// cursorHidden reports whether the program has hidden the cursor.
func (tm *term) cursorHidden() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.CursorHidden()
}

// colours counts the cells on screen drawn with a foreground or
// background colour.
func (tm *term) colours() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	n := 0
	for y := range tm.emu.Height() {
		for x := range tm.emu.Width() {
			if c := tm.emu.CellAt(x, y); c != nil && (c.Style.Fg != nil || c.Style.Bg != nil) {
				n++
			}
		}
	}
	return n
}

// output returns everything the program has written so far, escape
// sequences removed. It holds what scrolled off or was drawn on the
// alternate screen and then cleared, such as a message printed on exit.
func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.raw.String())
}

// dump describes the terminal for a failure message.
func (tm *term) dump() string {
	tm.mu.Lock()
	w, h := tm.emu.Width(), tm.emu.Height()
	tm.mu.Unlock()
	scr := tm.screen()
	var b strings.Builder
	fmt.Fprintf(&b, "--- screen %dx%d ---\n", w, h)
	for i, line := range strings.Split(scr, "\n") {
		fmt.Fprintf(&b, "%2d|%s\n", i+1, line)
	}
	b.WriteString("--- end of screen ---")
	select {
	case <-tm.exited:
		fmt.Fprintf(&b, "\nprogram exited with code %d (%v)", tm.exitCode, tm.waitErr)
	default:
	}
	return b.String()
}

// waitFor waits until the screen contains text and fails the test with
// the screen if it does not within timeout.
func (tm *term) waitFor(text string, timeout time.Duration) {
	tm.t.Helper()
	if !tm.waitUntil(timeout, func() bool { return strings.Contains(tm.screen(), text) }) {
		tm.t.Fatalf("screen does not show %q after %v\n%s", text, timeout, tm.dump())
	}
}

// waitForText is waitFor for running text that the program may have
// wrapped: line breaks and runs of spaces on screen and in text count as
// one space.
func (tm *term) waitForText(text string, timeout time.Duration) {
	tm.t.Helper()
	want := collapse(text)
	if !tm.waitUntil(timeout, func() bool { return strings.Contains(collapse(tm.screen()), want) }) {
		tm.t.Fatalf("screen does not show the text %q after %v\n%s", text, timeout, tm.dump())
	}
}

// collapse turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// waitScreen waits until ok holds for the screen; what stands for the
// condition in the failure message. A frame may reach the terminal in
// several writes, so a screen must never be judged once: only a condition
// that keeps failing until timeout is a failure.
func (tm *term) waitScreen(what string, timeout time.Duration, ok func(screen string) bool) {
	tm.t.Helper()
	if !tm.waitUntil(timeout, func() bool { return ok(tm.screen()) }) {
		tm.t.Fatalf("screen does not show %s after %v\n%s", what, timeout, tm.dump())
	}
}

// waitGone waits until the screen no longer contains text.
func (tm *term) waitGone(text string, timeout time.Duration) {
	tm.t.Helper()
	if !tm.waitUntil(timeout, func() bool { return !strings.Contains(tm.screen(), text) }) {
		tm.t.Fatalf("screen still shows %q after %v\n%s", text, timeout, tm.dump())
	}
}

// waitOutput waits until the program's whole output, escape sequences
// removed, contains text.
func (tm *term) waitOutput(text string, timeout time.Duration) {
	tm.t.Helper()
	if !tm.waitUntil(timeout, func() bool { return strings.Contains(tm.output(), text) }) {
		tm.t.Fatalf("output does not contain %q after %v\n%s\n--- output ---\n%s", text, timeout, tm.dump(), tm.output())
	}
}

// waitUntil re-evaluates cond each time output arrives, and at least every
// 50ms, until it holds or timeout passes.
func (tm *term) waitUntil(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if cond() {
			return true
		}
		select {
		case <-tm.changed:
		case <-tick.C:
		case <-deadline.C:
			return cond()
		}
	}
}

// waitExit waits for the program to exit and returns its exit code; all of
// its output has reached the screen by then. A program killed by a signal
// reports -1.
func (tm *term) waitExit(timeout time.Duration) int {
	tm.t.Helper()
	select {
	case <-tm.exited:
	case <-time.After(timeout):
		tm.t.Fatalf("program still running after %v\n%s", timeout, tm.dump())
	}
	select {
	case <-tm.outDone:
	case <-time.After(5 * time.Second):
		tm.t.Fatalf("program exited but its terminal output did not end\n%s", tm.dump())
	}
	var exitErr *exec.ExitError
	if tm.waitErr != nil && !errors.As(tm.waitErr, &exitErr) {
		tm.t.Fatalf("wait for program: %v", tm.waitErr)
	}
	if exitErr != nil {
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			tm.t.Logf("program killed by %v", ws.Signal())
		}
	}
	return tm.exitCode
}

// resize changes the terminal size as a user dragging the window would:
// the virtual terminal first, so the redraw that the resulting SIGWINCH
// triggers lands on a screen of the new size.
func (tm *term) resize(cols, rows int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.emu.Resize(cols, rows)
	tm.mu.Unlock()
	if err := pty.Setsize(tm.pty, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		tm.t.Fatalf("resize pty: %v", err)
	}
}
