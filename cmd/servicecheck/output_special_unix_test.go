//go:build unix

package main

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// outputCommands are every command line that writes a file named by -o.
// The session-taking ones run against a file with one session.
func outputCommands() map[string][]string {
	return map[string][]string{
		"export":            {"export", "latest", "--format", "md", "-o"},
		"export json":       {"export", "--format", "json", "-o"},
		"content export":    {"content", "export", "-o"},
		"answer --template": {"answer", "--template", "-o"},
		"content export -f": {"content", "export", "--force", "-o"},
	}
}

// Every -o writes a named pipe in place, for whoever reads it, and a
// character device such as /dev/null in place: neither is replaced by a
// regular file (as root, export -o /dev/null once turned /dev/null into a
// 0600 file).
func TestOutputToPipeAndDeviceWritesInPlace(t *testing.T) {
	c := newCLITest(t)
	c.ok("answer", "--answers", c.file("a.yaml", answersFile("Rossi", flat("4"), nil)))
	for name, args := range outputCommands() {
		t.Run(name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip(err)
			}
			got := make(chan int)
			go func() {
				f, err := os.Open(fifo)
				if err != nil {
					got <- -1
					return
				}
				b, _ := io.ReadAll(f)
				f.Close()
				got <- len(b)
			}()
			c.ok(append(args, fifo)...)
			if n := <-got; n <= 0 {
				t.Errorf("the pipe's reader got %d bytes", n)
			}
			if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the pipe became %v", fi.Mode())
			}
			before, err := os.Stat(os.DevNull)
			if err != nil {
				t.Skip(err)
			}
			c.ok(append(args, os.DevNull)...)
			if after, _ := os.Stat(os.DevNull); after.Mode() != before.Mode() {
				t.Fatalf("%s became %v", os.DevNull, after.Mode())
			}
		})
	}
}

// Anything else that is not a regular file (a socket here) is refused with
// a clear error and left as it was; a link to nothing is refused, and its
// target is not created.
func TestOutputRefusesOtherFiles(t *testing.T) {
	c := newCLITest(t)
	c.ok("answer", "--answers", c.file("a.yaml", answersFile("Rossi", flat("4"), nil)))
	for name, args := range outputCommands() {
		t.Run(name, func(t *testing.T) {
			dir, err := os.MkdirTemp("", "sc")
			if err != nil {
				t.Fatal(err)
			}
			defer os.RemoveAll(dir)
			sock := filepath.Join(dir, "s")
			l, err := net.Listen("unix", sock)
			if err != nil {
				t.Skip(err)
			}
			defer l.Close()
			msg := c.fails(exitError, append(args, sock)...)
			if !strings.Contains(msg, "write "+sock+": it is a socket") {
				t.Errorf("stderr %q", msg)
			}
			if fi, _ := os.Lstat(sock); fi.Mode()&os.ModeSocket == 0 {
				t.Error("the socket was replaced")
			}
			link := filepath.Join(dir, "link")
			os.Symlink(filepath.Join(dir, "nowhere"), link)
			msg = c.fails(exitError, append(args, link)...)
			if !strings.Contains(msg, "which does not exist") {
				t.Errorf("stderr %q", msg)
			}
			if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
				t.Error("the link's target was created")
			}
		})
	}
}
