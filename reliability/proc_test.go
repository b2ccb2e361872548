package reliability

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// world is one test's private folders and data file, shared by every
// servicecheck it runs.
type world struct {
	t   *testing.T
	dir string
	db  string
	env []string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	statSourcesOnce(t)
	dir := t.TempDir()
	w := &world{t: t, dir: dir, db: filepath.Join(dir, "data", "servicecheck.db")}
	w.env = []string{
		"HOME=" + dir + "/home",
		"XDG_DATA_HOME=" + dir + "/xdg/data",
		"XDG_CONFIG_HOME=" + dir + "/xdg/config",
		"TMPDIR=" + dir,
		"TERM=dumb",
		"NO_COLOR=1",
		"LANG=C.UTF-8",
		"SERVICECHECK_DB=" + w.db,
	}
	return w
}

// in is w for the subtest t, so that a failure ends the subtest.
func (w *world) in(t *testing.T) *world {
	c := *w
	c.t = t
	return &c
}

// result is what one run of servicecheck produced.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// command prepares servicecheck with args in w, without a terminal or a
// controlling terminal to fall back to.
func (w *world) command(args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = w.env
	cmd.Dir = w.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	return cmd
}

// run runs servicecheck to its end with stdin as its input; it fails the
// test if the program is still running after 30 seconds.
func (w *world) run(stdin string, args ...string) result {
	w.t.Helper()
	cmd := w.command(args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	if err := cmd.Start(); err != nil {
		w.t.Fatalf("start servicecheck %v: %v", args, err)
	}
	return w.wait(cmd, start, &out, &errOut, args)
}

func (w *world) wait(cmd *exec.Cmd, start time.Time, out, errOut *bytes.Buffer, args []string) result {
	w.t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exitErr *exec.ExitError
		if err != nil && !errors.As(err, &exitErr) {
			w.t.Fatalf("servicecheck %v: %v", args, err)
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		w.t.Fatalf("servicecheck %v still running after 30s\nstdout:\n%s\nstderr:\n%s", args, out, errOut)
	}
	return result{stdout: out.String(), stderr: errOut.String(), code: cmd.ProcessState.ExitCode(), took: time.Since(start)}
}

// hash is the SHA-256 of a file's bytes, "missing" when it does not exist.
func hash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "missing"
	}
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// checkCleanError fails unless r is a failure with the wanted exit code and
// one clear message in the project's style on stderr: the program's prefix,
// lowercase, no stack trace.
func checkCleanError(t *testing.T, what string, r result, code int, mention string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit code %d, want %d\nstdout: %s\nstderr: %s", what, r.code, code, clip(r.stdout), clip(r.stderr))
	}
	msg := strings.TrimSpace(r.stderr)
	for _, bad := range []string{"panic", "goroutine ", "runtime error", ".go:"} {
		if strings.Contains(r.stderr+r.stdout, bad) {
			t.Errorf("%s: output shows %q, a crash or an internal detail:\n%s%s", what, bad, clip(r.stdout), clip(r.stderr))
		}
	}
	if !strings.HasPrefix(msg, "servicecheck: ") {
		t.Errorf("%s: stderr %q does not start with \"servicecheck: \"", what, clip(msg))
		return
	}
	first := strings.TrimPrefix(msg, "servicecheck: ")
	if first == "" || strings.ToLower(first[:1]) != first[:1] {
		t.Errorf("%s: message %q does not start in lowercase", what, clip(first))
	}
	if mention != "" && !strings.Contains(strings.ToLower(msg), strings.ToLower(mention)) {
		t.Errorf("%s: message %q does not mention %q", what, clip(msg), mention)
	}
}

// clip keeps failure messages readable when the output is huge.
func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}
