package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/i18n"
)

// TestStartReadsLittleCatalogue checks, in a fresh process, which
// catalogue files a command reads: --version none, list on an empty file
// only the files of what it prints. Start-up must stay within 3x
// hello-world (docs/benchmarks.md).
func TestStartReadsLittleCatalogue(t *testing.T) {
	if args := os.Getenv("SERVICECHECK_LAZY_CHILD"); args != "" {
		var out, errOut bytes.Buffer
		run(context.Background(), newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" }),
			strings.Split(args, " "))
		read := i18n.Read()
		slices.Sort(read)
		os.Stdout.WriteString("read=" + strings.Join(read, ",") + "\n")
		return
	}
	db := filepath.Join(t.TempDir(), "none.db")
	for _, tt := range []struct {
		args string
		want string
	}{
		{"--version", "read=\n"},
		{"--db " + db + " list", "read=catalog/cmd.en.yaml\n"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartReadsLittleCatalogue$", "-test.count=1")
		cmd.Env = append(os.Environ(), "SERVICECHECK_LAZY_CHILD="+tt.args)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.args, err, out)
		}
		if got := string(out); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.args, got, tt.want)
		}
	}
}
