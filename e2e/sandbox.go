package e2e

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// result is what a non-interactive run of a program produced.
type result struct {
	stdout, stderr string
	code           int
}

// runPiped runs bin without a terminal: stdin from the given text (an empty
// stdin when it is ""), stdout and stderr captured. It fails the test if the
// program does not end within timeout, which is how a hang on a missing
// terminal shows up.
func runPiped(t testing.TB, bin, dir string, env []string, stdin string, timeout time.Duration, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &errOut
	// Put the child in its own session, without a controlling terminal,
	// so that it cannot fall back to /dev/tty of whoever runs the tests.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exitErr *exec.ExitError
		if err != nil && !errors.As(err, &exitErr) {
			t.Fatalf("run %s %v: %v", bin, args, err)
		}
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s %v still running after %v (hangs without a terminal?)\nstdout:\n%s\nstderr:\n%s",
			bin, args, timeout, out.String(), errOut.String())
	}
	return result{stdout: out.String(), stderr: errOut.String(), code: cmd.ProcessState.ExitCode()}
}

// sandbox is one test's private world: its own home, data folders and
// data file, shared by every program the test starts so that a second run
// sees what the first one stored.
type sandbox struct {
	t   testing.TB
	bin string // the program start and run execute
	dir string // working directory and root of the private folders
	db  string // the data file, passed as $SERVICECHECK_DB
	env map[string]string
}

// newSandbox prepares a sandbox for bin in a fresh temporary folder.
func newSandbox(t testing.TB, bin string) *sandbox {
	dir := t.TempDir()
	s := &sandbox{t: t, bin: bin, dir: dir, db: dir + "/data/sc.db", env: map[string]string{
		"HOME":            dir + "/home",
		"XDG_DATA_HOME":   dir + "/xdg/data",
		"XDG_CONFIG_HOME": dir + "/xdg/config",
		"XDG_CACHE_HOME":  dir + "/xdg/cache",
		"XDG_STATE_HOME":  dir + "/xdg/state",
		"TMPDIR":          dir,
		"TERM":            "xterm-256color",
		"LANG":            "C.UTF-8",
	}}
	s.env["SERVICECHECK_DB"] = s.db
	return s
}

// setenv sets (or, with value "", removes) a variable for the programs
// started after it.
func (s *sandbox) setenv(key, value string) {
	if value == "" {
		delete(s.env, key)
		return
	}
	s.env[key] = value
}

func (s *sandbox) environ() []string {
	env := make([]string, 0, len(s.env))
	for k, v := range s.env {
		env = append(env, k+"="+v)
	}
	return env
}

// start runs the program with args in a cols×rows pseudo-terminal.
func (s *sandbox) start(cols, rows int, args ...string) *term {
	s.t.Helper()
	return startTerm(s.t, s.bin, s.dir, cols, rows, s.environ(), args...)
}

// run runs the program without a terminal, stdin fed from stdin.
func (s *sandbox) run(stdin string, args ...string) result {
	s.t.Helper()
	return runPiped(s.t, s.bin, s.dir, s.environ(), stdin, 20*time.Second, args...)
}
