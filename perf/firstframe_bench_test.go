package perf

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/creack/pty"
)

// BenchmarkFirstFrame times how long a person waits for the wizard: from
// starting `servicecheck` in an 80×24 pseudo-terminal to the home screen's
// menu on it, next to hello-world's "hello, world" in the same kind of
// terminal. The terminal answers no queries, like one that does not know
// them (or an ssh session that is slow to): a program that waited for the
// answers would show it here. Metrics: first-frame-ms and hello-ms, each
// program's median (the machine is shared: a mean follows its busiest
// moments), and first-frame-p90-ms; ns/op is both together.
func BenchmarkFirstFrame(b *testing.B) {
	bins := shared.binaries(b)
	dir := b.TempDir()
	// No data file yet, as on a first run: the wizard creates it with the
	// first answer, and a build of another commit (PERF_SERVICECHECK)
	// meets no file of a newer schema.
	db := filepath.Join(dir, "audits.db")
	env := []string{"HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"SERVICECHECK_DB=" + db, "TERM=xterm-256color", "COLORTERM=truecolor", "LANG=C.UTF-8"}
	var hello, wizard []time.Duration
	for b.Loop() {
		hello = append(hello, untilOnScreen(b, bins.hello, env, "hello, world"))
		wizard = append(wizard, untilOnScreen(b, bins.servicecheck, env, "Start a new session"))
	}
	b.ReportMetric(quantileMs(hello, 0.5), "hello-ms")
	b.ReportMetric(quantileMs(wizard, 0.5), "first-frame-ms")
	b.ReportMetric(quantileMs(wizard, 0.9), "first-frame-p90-ms")
}

// quantileMs is the q-quantile of ds in milliseconds.
func quantileMs(ds []time.Duration, q float64) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[int(q*float64(len(s)-1))].Seconds() * 1000
}

// untilOnScreen starts bin in a new 80×24 pseudo-terminal and returns the
// time from the start until want has been written to the terminal; then it
// ends the program.
func untilOnScreen(b *testing.B, bin string, env []string, want string) time.Duration {
	b.Helper()
	cmd := exec.Command(bin)
	cmd.Env = env
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var seen bytes.Buffer
	buf := make([]byte, 32<<10)
	_ = f.SetReadDeadline(time.Now().Add(10 * time.Second))
	var took time.Duration
	for {
		n, err := f.Read(buf)
		seen.Write(buf[:n])
		if bytes.Contains(seen.Bytes(), []byte(want)) {
			took = time.Since(start)
			break
		}
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			b.Fatalf("%s: %q never appeared (%v); the terminal got %q", bin, want, err, seen.String())
		}
	}
	// Done with it: the wizard quits on ctrl+c; a program that has
	// already ended is only waited for.
	_, _ = f.Write([]byte{3})
	done := make(chan error, 1)
	go func() {
		// The pty must be read for the program to write its last bytes.
		for {
			if _, err := f.Read(buf); err != nil {
				break
			}
		}
		done <- cmd.Wait()
	}()
	_ = f.SetReadDeadline(time.Now().Add(5 * time.Second))
	select {
	case err := <-done:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			b.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Signal(os.Kill)
		<-done
		b.Fatalf("%s did not end after ctrl+c", bin)
	}
	return took
}
