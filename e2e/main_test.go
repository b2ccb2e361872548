package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Paths of the programs TestMain builds once for the whole package. They
// are written only before m.Run and read-only afterwards.
var (
	servicecheckBin string
	counterBin      string
	moduleDir       string
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	goTool, err := exec.LookPath("go")
	if err != nil {
		// Without a Go tool there is nothing to build; say so rather
		// than fail, since the unit tests of every package still ran.
		fmt.Println("e2e: skipped: no go command to build servicecheck with:", err)
		return 0
	}
	root, err := moduleRoot(goTool)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "servicecheck-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	moduleDir = root
	servicecheckBin = filepath.Join(tmp, "servicecheck")
	counterBin = filepath.Join(tmp, "counter")
	for _, b := range []struct{ out, pkg string }{
		{servicecheckBin, "./cmd/servicecheck"},
		{counterBin, "./e2e/testdata/counter"},
	} {
		cmd := exec.Command(goTool, "build", "-o", b.out, b.pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: go build %s: %v\n%s", b.pkg, err, out)
			return 1
		}
	}
	return m.Run()
}

// moduleRoot is the folder of the go.mod that holds this package.
func moduleRoot(goTool string) (string, error) {
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
