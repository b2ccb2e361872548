package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/servicecheck/servicecheck/internal/testbin"
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
	root, err := testbin.ModuleRoot(goTool)
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
		if err := testbin.Build(goTool, root, b.out, b.pkg); err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
	}
	return m.Run()
}
