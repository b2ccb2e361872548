package perf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/internal/testbin"
)

// peakRunner is the program the memory benchmark starts servicecheck
// through. Linux counts in a child's ru_maxrss the resident memory of the
// process it was started from, as it was at exec (the parent's memory map
// is the one exec replaces, and its high-water mark is kept). Started
// straight from the benchmark, whose own peak includes filling the data
// file of 100,000 sessions, every child would measure at least that
// (54 MB). This program, a few megabytes, starts the command with its own
// standard streams, waits, writes the command's ru_maxrss in kilobytes to
// the file named by its first argument, and exits with the command's code.
const peakRunner = `package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "peak:", err)
		os.Exit(125)
	}
	kb := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	if err := os.WriteFile(os.Args[1], []byte(strconv.FormatInt(kb, 10)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "peak:", err)
		os.Exit(125)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
`

// peakRunner builds the peak runner, once; it skips the benchmark where
// ru_maxrss is not in kilobytes of the child alone.
func (f *fixtures) peakRunner(b *testing.B) string {
	b.Helper()
	if runtime.GOOS != "linux" {
		b.Skip("peak memory is measured on Linux only")
	}
	f.peakOnce.Do(func() { f.peak, f.peakErr = f.buildPeakRunner() })
	if f.peakErr != nil {
		b.Fatal(f.peakErr)
	}
	return f.peak
}

func (f *fixtures) buildPeakRunner() (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("no go command to build with: %w", err)
	}
	dir, err := f.tempDir()
	if err != nil {
		return "", err
	}
	src := filepath.Join(dir, "peaksrc")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	files := map[string]string{"main.go": peakRunner, "go.mod": "module peak\n\ngo 1.26\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			return "", err
		}
	}
	bin := filepath.Join(dir, "peak")
	return bin, testbin.Build(goTool, src, bin, ".")
}

// runPeak runs cmd through the peak runner, which hands cmd's standard
// streams on, and returns cmd's peak resident memory in kilobytes. The
// time it takes includes starting the runner, about 2 ms.
func runPeak(b *testing.B, runner string, cmd *exec.Cmd) int64 {
	b.Helper()
	file := filepath.Join(b.TempDir(), "peak")
	cmd.Args = append([]string{runner, file, cmd.Path}, cmd.Args[1:]...)
	cmd.Path = runner
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", strings.Join(cmd.Args[2:], " "), err)
	}
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	kb, err := strconv.ParseInt(string(text), 10, 64)
	if err != nil {
		b.Fatalf("peak runner wrote %q", text)
	}
	return kb
}

// BenchmarkPeakFloor measures what the peak runner itself adds: the peak
// it reports for hello-world is the floor under every peak-MB figure.
func BenchmarkPeakFloor(b *testing.B) {
	runner := shared.peakRunner(b)
	bins := shared.binaries(b)
	var peak int64
	for b.Loop() {
		peak = max(peak, runPeak(b, runner, exec.Command(bins.hello)))
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}
