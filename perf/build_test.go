package perf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/servicecheck/servicecheck/internal/testbin"
)

// helloWorld is the reference program for start-up: the smallest Go
// program that prints, built with the same toolchain in the same run as
// servicecheck.
const helloWorld = `package main

import "fmt"

func main() { fmt.Println("hello, world") }
`

// fixtures are built once per test process and shared by the benchmarks
// and their -count repetitions: the binaries, and the data file of
// 100,000 sessions, which takes far longer to fill than to list.
type fixtures struct {
	dir string // removed by TestMain

	binOnce sync.Once
	bins    binaries
	binErr  error

	histOnce sync.Once
	history  string
	histErr  error

	peakOnce sync.Once
	peak     string
	peakErr  error
}

// binaries are the programs the benchmarks run.
type binaries struct {
	hello, servicecheck string
}

var shared fixtures

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		_ = os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// tempDir is the folder the shared fixtures live in.
func (f *fixtures) tempDir() (string, error) {
	if f.dir == "" {
		d, err := os.MkdirTemp("", "servicecheck-perf-")
		if err != nil {
			return "", err
		}
		f.dir = d
	}
	return f.dir, nil
}

// binaries builds hello-world and servicecheck, once. Benchmarks call it
// before their timed loop, so the build is never measured.
func (f *fixtures) binaries(b *testing.B) binaries {
	b.Helper()
	f.binOnce.Do(func() { f.bins, f.binErr = f.build() })
	if f.binErr != nil {
		b.Fatal(f.binErr)
	}
	return f.bins
}

func (f *fixtures) build() (binaries, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return binaries{}, fmt.Errorf("no go command to build with: %w", err)
	}
	root, err := testbin.ModuleRoot(goTool)
	if err != nil {
		return binaries{}, err
	}
	dir, err := f.tempDir()
	if err != nil {
		return binaries{}, err
	}
	bins := binaries{hello: filepath.Join(dir, "hello"), servicecheck: filepath.Join(dir, "servicecheck")}
	src := filepath.Join(dir, "hellosrc")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return binaries{}, err
	}
	files := map[string]string{"main.go": helloWorld, "go.mod": "module hello\n\ngo 1.26\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			return binaries{}, err
		}
	}
	if err := testbin.Build(goTool, src, bins.hello, "."); err != nil {
		return binaries{}, err
	}
	// PERF_SERVICECHECK names another build to measure, such as one of an
	// earlier commit, to compare under the same conditions.
	if other := os.Getenv("PERF_SERVICECHECK"); other != "" {
		bins.servicecheck = other
		return bins, nil
	}
	if err := testbin.Build(goTool, root, bins.servicecheck, "./cmd/servicecheck"); err != nil {
		return binaries{}, err
	}
	return bins, nil
}
