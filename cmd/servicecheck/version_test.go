package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeVersion(t *testing.T) {
	vcs := func(rev, when, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: when}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "6df398c1a2b3c4d5e6f708192a3b4c5d6e7f8091"
	tests := []struct {
		name                  string
		stamped, commit, date string
		info                  *debug.BuildInfo
		want                  string
	}{
		{"no build info", "", "", "", nil, "dev"},
		{"go build without VCS", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"go install at a version", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"checkout, clean", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs(rev, "2026-12-02T12:40:00Z", "false")}, "dev (revision 6df398c1a2b3, 2026-12-02T12:40:00Z)"},
		{"checkout, modified, pseudo-version", "", "", "", &debug.BuildInfo{
			Main:     debug.Module{Version: "v0.0.0-20261202124000-6df398c1a2b3+dirty"},
			Settings: vcs(rev, "2026-12-02T12:40:00Z", "true")}, "dev (revision 6df398c1a2b3, 2026-12-02T12:40:00Z, modified)"},
		{"checkout at a tag", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"},
			Settings: vcs(rev, "2026-12-02T12:40:00Z", "false")}, "v1.2.0 (revision 6df398c1a2b3, 2026-12-02T12:40:00Z)"},
		{"release build", "1.2.0", rev, "2026-12-02T12:40:00Z", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs(rev, "2026-12-02T12:40:00Z", "true")}, "1.2.0 (revision 6df398c1a2b3, 2026-12-02T12:40:00Z)"},
		{"release build from no commit", "1.2.0", "none", "0001-01-01T00:00:00Z", nil, "1.2.0"},
	}
	for _, tt := range tests {
		if got := describeVersion(tt.stamped, tt.commit, tt.date, tt.info); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionFromCheckout builds the program from this git checkout with
// VCS stamping on (this environment sets GOFLAGS=-buildvcs=false, so it is
// asked for explicitly) and checks that --version names the checkout's
// revision; a release build stamped through -ldflags shows its version.
func TestVersionFromCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	gitTool, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	out, err := exec.Command(gitTool, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	head := strings.TrimSpace(string(out))
	top, err := exec.Command(gitTool, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	if fi, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !fi.IsDir() {
		// go build looks for a .git folder: a worktree's .git is a file,
		// and its builds carry no revision.
		t.Skip("a git worktree: go build stamps no revision there")
	}
	bin := filepath.Join(t.TempDir(), "servicecheck")
	for _, tt := range []struct {
		flags []string
		want  string
	}{
		{[]string{"-buildvcs=true"}, `^servicecheck dev \(revision ` + head[:12] + `, \d{4}-\d\d-\d\dT[0-9:]+Z(, modified)?\)\n$`},
		{[]string{"-buildvcs=true", "-ldflags", "-X main.version=9.8.7 -X main.commit=" + head + " -X main.date=2026-12-02T10:00:00Z"},
			`^servicecheck 9\.8\.7 \(revision ` + head[:12] + `, 2026-12-02T10:00:00Z\)\n$`},
	} {
		build := exec.Command("go", append(append([]string{"build"}, tt.flags...), "-o", bin, ".")...)
		build.Env = append(os.Environ(), "GOWORK=off")
		if b, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %v: %v\n%s", tt.flags, err, b)
		}
		got, err := exec.Command(bin, "--version").Output()
		if err != nil {
			t.Fatalf("--version: %v", err)
		}
		if !regexp.MustCompile(tt.want).Match(got) {
			t.Errorf("build %v: --version printed %q, want %s", tt.flags, got, tt.want)
		}
	}
}
