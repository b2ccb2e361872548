// Package testbin builds this module's programs for the tests that run
// them as separate processes (e2e, reliability, perf), and makes go test's
// cache see the sources those programs are built from.
package testbin

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ModuleRoot returns the folder of the go.mod of the module being tested.
func ModuleRoot(goTool string) (string, error) {
	out, err := exec.Command(goTool, "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside a Go module (go env GOMOD is %q)", gomod)
	}
	return filepath.Dir(gomod), nil
}

// Build runs `go build -o out pkg` in dir, with GOWORK off so that a
// module built from a temporary folder is not taken into a workspace.
func Build(goTool, dir, out, pkg string) error {
	cmd := exec.Command(goTool, "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

// StatSources stats every Go, YAML and module file under root and returns
// how many there are. Call it from inside a test (go test records the
// files a test touches only once m.Run has started): a binary built in a
// child process is made of files the test package does not import, and
// these stats make a change to any of them run the tests again instead of
// replaying a cached pass.
func StatSources(root string) (int, error) {
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "bench-out") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".yaml", ".mod", ".sum":
			if _, err := os.Stat(path); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
