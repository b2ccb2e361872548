//go:build unix

package fileout

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteRegularAndMissing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	if err := Write(p, []byte("one"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "two" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q, mode %v; want two, 0600", b, fi.Mode())
	}
	err := Write(p, []byte("three"), Options{NoClobber: true})
	if !errors.Is(err, ErrExists) {
		t.Errorf("NoClobber over a file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("NoClobber changed the file: %q", b)
	}
	if err := Write(filepath.Join(dir, "new.yaml"), []byte("x"), Options{NoClobber: true, Perm: 0o644}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "new.yaml")); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("left behind: %v", ents)
	}
}

// A link is followed: the file it names is replaced, the link stays; a link
// to nothing is refused, and nothing is created.
func TestWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.md")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.md")
	os.Symlink(target, link)
	if err := Write(link, []byte("new"), Options{}); err != nil {
		t.Fatal(err)
	}
	if li, _ := os.Lstat(link); li.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	dangling := filepath.Join(dir, "dangling")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	err := Write(dangling, []byte("x"), Options{})
	if err == nil || !strings.Contains(err.Error(), "which does not exist") {
		t.Errorf("dangling link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("the link's target was created")
	}
}

// A named pipe is written in place: the reader at its other end gets the
// data and the pipe is still a pipe.
func TestWriteNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(p, []byte("report"), Options{NoClobber: true}); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "report" {
		t.Errorf("reader got %q", s)
	}
	if fi, _ := os.Lstat(p); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe became %v", fi.Mode())
	}
}

// A character device (/dev/null) is written in place and stays a device.
func TestWriteCharDevice(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	if err := Write(os.DevNull, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(os.DevNull)
	if after.Mode() != before.Mode() || !os.SameFile(before, after) {
		t.Fatalf("%s changed: %v → %v", os.DevNull, before.Mode(), after.Mode())
	}
}

// Anything else, a folder or a socket, is refused and left as it was.
func TestWriteRefusesOtherKinds(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, nil, Options{}); err == nil || !strings.HasSuffix(err.Error(), "it is a folder: give a file name") {
		t.Errorf("folder: %v", err)
	}
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip(err)
	}
	defer l.Close()
	err = Write(sock, []byte("x"), Options{})
	if err == nil || !strings.Contains(err.Error(), "it is a socket") {
		t.Errorf("socket: %v", err)
	}
	if fi, _ := os.Lstat(sock); fi.Mode()&os.ModeSocket == 0 {
		t.Error("the socket was replaced")
	}
}
