package e2e

import (
	"debug/buildinfo"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/internal/testbin"
)

// TestBuiltFromCurrentSources stats every source file of the module. This
// is what keeps `go test` from replaying a cached pass of this package
// after a change anywhere in the program: the binary is built in a child
// process, which the test cache does not see, but the files a test stats
// are part of the cache key. It also checks that the binary under test is
// this module's servicecheck.
func TestBuiltFromCurrentSources(t *testing.T) {
	info, err := buildinfo.ReadFile(servicecheckBin)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/cmd/servicecheck"; !strings.HasSuffix(info.Path, want) {
		t.Fatalf("binary under test is %s, want a path ending in %s", info.Path, want)
	}
	n, err := testbin.StatSources(moduleDir)
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("found only %d source files under %s", n, moduleDir)
	}
}
