package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

func TestContentShowJSONIsThePack(t *testing.T) {
	var out bytes.Buffer
	if err := runContentShow(&contentShowOptions{Out: &out, ErrOut: &out, JSON: true}); err != nil {
		t.Fatal(err)
	}
	var got checklist.Pack
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if want := content.Default(); !reflect.DeepEqual(&got, want) {
		t.Errorf("JSON output decodes to a different pack")
	}
}

func TestContentExportIsTheEmbeddedFile(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "..", "content", "packs", "en.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runContentExport(&contentExportOptions{Out: &out}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Error("export to stdout differs from content/packs/en.yaml")
	}
	file := filepath.Join(t.TempDir(), "pack.yaml")
	if err := runContentExport(&contentExportOptions{Output: file}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("export to a file differs from content/packs/en.yaml (%v)", err)
	}
	if err := runContentExport(&contentExportOptions{Output: file}); err == nil {
		t.Error("export overwrote an existing file without --force")
	}
}

// TestContentExitCodes runs whole command lines, as a script would, and
// checks the exit status each documented case promises.
func TestContentExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	data, err := content.YAML("en")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"content", "validate", good}, exitOK},
		{[]string{"content", "validate", bad}, exitInvalid},
		{[]string{"content", "validate", filepath.Join(dir, "none.yaml")}, exitNotFound},
		{[]string{"content", "validate", good, bad}, exitInvalid},
		{[]string{"content", "validate", filepath.Join(dir, "none.yaml"), filepath.Join(dir, "none2.yaml")}, exitNotFound},
		{[]string{"content", "validate", dir}, exitError},
		{[]string{"content", "validate"}, exitUsage},
		{[]string{"content", "show", "--pack", bad}, exitInvalid},
		{[]string{"content", "show", "--lang", "xx"}, exitUsage},
		{[]string{"content", "show", "--pack", good, "--lang", "en"}, exitUsage},
		{[]string{"content", "export", "-o", good}, exitError},
		{[]string{"content", "export", "-o", good, "--force"}, exitOK},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		a := newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if got := run(context.Background(), a, tc.args); got != tc.want {
			t.Errorf("%v: exit %d, want %d\nstderr: %s", tc.args, got, tc.want, errOut.String())
		}
	}
}

func TestOutlineWraps(t *testing.T) {
	p := content.Default()
	p.Sections[0].Items[0].Text = strings.Repeat("à word ", 40) + "end?"
	var out bytes.Buffer
	if err := writeOutline(&out, p); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	for _, l := range lines {
		if utf8.RuneCountInString(l) > outlineWidth {
			t.Errorf("line longer than %d: %q", outlineWidth, l)
		}
	}
	i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "   1.1 à word") })
	if i < 0 || i+1 >= len(lines) {
		t.Fatalf("question not found:\n%s", out.String())
	}
	if next := lines[i+1]; !strings.HasPrefix(next, "       ") || next[7] == ' ' {
		t.Errorf("long question not wrapped under its text: %q", next)
	}
}

func TestPackLoadErrorListsEveryProblem(t *testing.T) {
	_, err := checklist.Load("p.yaml", []byte("id: X\nfoo: 1\n"))
	var errOut bytes.Buffer
	got := packLoadError(nil, &errOut, "p.yaml", err)
	if !errors.Is(got, checklist.ErrInvalid) || exitCode(got) != exitInvalid {
		t.Errorf("summary %v does not map to exit %d", got, exitInvalid)
	}
	var verrs checklist.ValidationErrors
	errors.As(err, &verrs)
	if n := strings.Count(errOut.String(), "\n"); n != len(verrs) || n < 2 {
		t.Errorf("printed %d lines for %d problems:\n%s", n, len(verrs), errOut.String())
	}
	if want := fmt.Sprintf("p.yaml: invalid content pack: %d problems", len(verrs)); got.Error() != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
