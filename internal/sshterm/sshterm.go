// Package sshterm is an SSH client with a virtual terminal, for the tests
// and benchmarks of `servicecheck serve`: it connects with
// golang.org/x/crypto/ssh, asks for a pty, starts a shell and renders what
// the server draws with charmbracelet/x/vt, answering the terminal queries
// Bubble Tea sends, as a real terminal would.
package sshterm

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// Keys maps key names to the bytes a terminal sends for them; anything
// else is sent as typed.
var Keys = map[string]string{
	"enter": "\r", "esc": "\x1b", "tab": "\t", "up": "\x1b[A", "down": "\x1b[B",
	"ctrl+c": "\x03", "backspace": "\x7f", "space": " ",
}

// Term is one SSH session in a virtual terminal.
type Term struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser

	mu      sync.Mutex
	emu     *vt.Emulator
	raw     bytes.Buffer
	changed chan struct{}
	done    chan struct{}
	// Writes counts the output chunks received, and LastWrite is when the
	// latest arrived: a benchmark reads them to time the reaction to a key.
	writes    int
	lastWrite time.Time
}

// Dial connects to addr as cfg says and opens a shell in a cols×rows pty.
func Dial(addr string, cfg *gossh.ClientConfig, cols, rows int) (*Term, error) {
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return nil, err
	}
	sess, err := client.NewSession()
	if err != nil {
		client.Close()
		return nil, err
	}
	t := &Term{client: client, sess: sess, emu: vt.NewEmulator(cols, rows),
		changed: make(chan struct{}, 1), done: make(chan struct{})}
	// The modes an OpenSSH client sends, speeds included: a server that
	// cannot apply modes without speeds leaves its pty at 0×0, and the
	// program behind it would see a terminal no user has.
	modes := gossh.TerminalModes{gossh.ECHO: 0, gossh.TTY_OP_ISPEED: 38400, gossh.TTY_OP_OSPEED: 38400}
	if err := sess.RequestPty("xterm-256color", rows, cols, modes); err != nil {
		t.Close()
		return nil, fmt.Errorf("request a pty: %w", err)
	}
	if t.stdin, err = sess.StdinPipe(); err != nil {
		t.Close()
		return nil, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		t.Close()
		return nil, fmt.Errorf("start a shell: %w", err)
	}
	go t.copyOutput(out)
	go t.answerQueries()
	return t, nil
}

func (t *Term) copyOutput(r io.Reader) {
	defer close(t.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			t.mu.Lock()
			t.raw.Write(buf[:n])
			_, _ = t.emu.Write(buf[:n])
			t.writes++
			t.lastWrite = time.Now()
			t.mu.Unlock()
			select {
			case t.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

func (t *Term) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := t.emu.Read(buf)
		if n > 0 {
			_, _ = t.stdin.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// Send types keys: names from Keys, or literal text. A lone escape is
// followed by a pause, or Bubble Tea would read it with the next key as
// alt+key.
func (t *Term) Send(names ...string) error {
	for i, name := range names {
		seq, ok := Keys[name]
		if !ok {
			seq = name
		}
		if _, err := io.WriteString(t.stdin, seq); err != nil {
			return fmt.Errorf("send %q: %w", name, err)
		}
		if seq == "\x1b" && i < len(names)-1 {
			time.Sleep(250 * time.Millisecond)
		}
	}
	return nil
}

// Screen is the visible screen as text.
func (t *Term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// Output is everything received so far, escape sequences removed.
func (t *Term) Output() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return ansi.Strip(t.raw.String())
}

// WaitFor waits until the screen shows text (runs of white space count as
// one space), or timeout passes.
func (t *Term) WaitFor(text string, timeout time.Duration) error {
	want := collapse(text)
	return t.WaitUntil(fmt.Sprintf("%q", text), timeout, func(screen string) bool {
		return strings.Contains(collapse(screen), want)
	})
}

// WaitUntil waits until ok holds for the screen, checking after each
// chunk of output, or timeout passes; what names the condition in the
// error.
func (t *Term) WaitUntil(what string, timeout time.Duration, ok func(screen string) bool) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if ok(t.Screen()) {
			return nil
		}
		select {
		case <-t.changed:
		case <-t.done:
			if ok(t.Screen()) {
				return nil
			}
			return fmt.Errorf("the session ended without showing %s\n%s", what, t.Screen())
		case <-deadline.C:
			return fmt.Errorf("the screen does not show %s after %v\n%s", what, timeout, t.Screen())
		}
	}
}

// Wait waits for the session to end, at most timeout.
func (t *Term) Wait(timeout time.Duration) error {
	select {
	case <-t.done:
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("the session did not end after %v", timeout)
	}
}

// Close ends the session and the connection.
func (t *Term) Close() {
	if t.sess != nil {
		_ = t.sess.Close()
	}
	_ = t.client.Close()
	if c, ok := t.emu.InputPipe().(io.Closer); ok {
		_ = c.Close()
	}
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
