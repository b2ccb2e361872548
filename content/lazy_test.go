package content

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestLanguagesParseNothing: the CLI lists the languages in its flags'
// help, so Languages runs at every start, --version included. It must come
// from the file names, not from parsing the packs (about 6 ms, 13,000
// allocations a pack). The packs are parsed once per process, so the first
// call is measured in a fresh one.
func TestLanguagesParseNothing(t *testing.T) {
	if os.Getenv("CONTENT_LAZY_CHILD") == "1" {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		langs := Languages()
		runtime.ReadMemStats(&after)
		fmt.Printf("langs=%d mallocs=%d\n", len(langs), after.Mallocs-before.Mallocs)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLanguagesParseNothing$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CONTENT_LAZY_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var langs, mallocs int
	for _, f := range strings.Fields(string(out)) {
		if v, ok := strings.CutPrefix(f, "langs="); ok {
			langs, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(f, "mallocs="); ok {
			mallocs, _ = strconv.Atoi(v)
		}
	}
	if langs < 4 {
		t.Fatalf("child listed %d languages:\n%s", langs, out)
	}
	if mallocs > 500 {
		t.Errorf("the first Languages call allocated %d times: it parsed packs", mallocs)
	}
}
