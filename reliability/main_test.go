package reliability

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/servicecheck/servicecheck/internal/testbin"
	"github.com/servicecheck/servicecheck/store"
)

var (
	soakFlag = flag.Bool("soak", false, "run the long crash soak (also SERVICECHECK_SOAK=1)")
	seedFlag = flag.Uint64("seed", 0, "seed of the random kill points (0: a fixed seed, or the clock in a soak)")
)

// bin is the servicecheck binary TestMain builds for the whole package
// from the module in moduleDir; both are written only before m.Run.
var bin, moduleDir string

// sourcesOnce stats the module's sources once per run, from inside a test
// (go test records the files a test touches only once m.Run has started).
var sourcesOnce sync.Once

func TestMain(m *testing.M) {
	// A child of a concurrency test: hold the data file and exit.
	if os.Getenv(holdEnv) != "" {
		os.Exit(holdFile(os.Getenv(holdEnv)))
	}
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	flag.Parse()
	goTool, err := exec.LookPath("go")
	if err != nil {
		fmt.Println("reliability: skipped: no go command to build servicecheck with:", err)
		return 0
	}
	root, err := testbin.ModuleRoot(goTool)
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "servicecheck-reliability-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	bin = filepath.Join(tmp, "servicecheck")
	if err := testbin.Build(goTool, root, bin, "./cmd/servicecheck"); err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
		return 1
	}
	moduleDir = root
	return m.Run()
}

// statSourcesOnce fails the test if the module's sources cannot be read.
func statSourcesOnce(t *testing.T) {
	t.Helper()
	var err error
	sourcesOnce.Do(func() { _, err = testbin.StatSources(moduleDir) })
	if err != nil {
		t.Fatal(err)
	}
}

// soak reports whether the long soak was asked for.
func soak() bool {
	return *soakFlag || os.Getenv("SERVICECHECK_SOAK") == "1"
}

// checkFile runs the store's consistency check (bbolt's tx.Check and
// servicecheck's record and index checks, as `servicecheck doctor` does)
// and fails the test on any problem.
func checkFile(t *testing.T, path, when string) store.Health {
	t.Helper()
	h, err := store.Inspect(path, store.Options{})
	if err != nil || len(h.Problems) > 0 {
		t.Fatalf("%s: consistency check of %s: %v %q", when, path, err, h.Problems)
	}
	return h
}
