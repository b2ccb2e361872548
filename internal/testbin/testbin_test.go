package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestModuleRootAndSources(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	root, err := ModuleRoot(goTool)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "servicecheck", "main.go")); err != nil {
		t.Fatalf("module root %s does not hold cmd/servicecheck: %v", root, err)
	}
	n, err := StatSources(root)
	if err != nil || n < 50 {
		t.Fatalf("StatSources = %d, %v; want the module's many source files", n, err)
	}
}

func TestBuildReportsCompileErrors(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module broken\n\ngo 1.26\n", "main.go": "package main\n\nfunc main() { x }\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err = Build(goTool, dir, filepath.Join(dir, "out"), ".")
	if err == nil {
		t.Fatal("Build of a broken program succeeded")
	}
	if want := "undefined: x"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not carry the compiler's %q", err, want)
	}
}
