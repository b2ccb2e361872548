package i18n

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestPlainYAMLReadsEveryFile checks the fast path's reader against the
// full YAML parser on every catalogue file: the same messages, and no file
// that falls back to the slow parser.
func TestPlainYAMLReadsEveryFile(t *testing.T) {
	names, err := fs.Glob(catalogFS, "catalog/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		raw, _ := catalogFS.ReadFile(name)
		got, ok := plainYAML(string(raw))
		if !ok {
			t.Errorf("%s: not in the catalogue's plain form: the slow parser reads it", name)
			continue
		}
		var want map[string]any
		if err := yaml.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := flattenTree(want); !reflect.DeepEqual(got, want) {
			for id, f := range want {
				if !reflect.DeepEqual(got[id], f) {
					t.Errorf("%s: %s = %q, want %q", name, id, got[id], f)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d messages, want %d", name, len(got), len(want))
			}
		}
	}
}

func TestPlainYAMLGivesUp(t *testing.T) {
	for _, src := range []string{
		"a: plain text\n",
		"a: 'single'\n",
		"a:\n\tb: \"tab\"\n",
		"a: \"x\" trailing\n",
		"a: \"\\u00e8\"\n",
		"a:\n",
		"a:\n  b: \"x\"\n   c: \"y\"\n",
		"a: \"x\"\na: \"y\"\n",
		"- \"list\"\n",
		"a: \"unterminated\n",
		"  a: \"indented first\"\n",
	} {
		if _, ok := plainYAML(src); ok {
			t.Errorf("plainYAML took %q", src)
		}
	}
	got, ok := plainYAML("# c\na:\n  \"yes\": \"Sì \\\"x\\\"\"  # note\n  b:\n    one: \"1\"\n    other: \"n\\n\"\nc: \"\"\n")
	want := leaves{"a.yes": `Sì "x"`, "a.b.one": "1", "a.b.other": "n\n", "c": ""}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("plainYAML = %v, %v", got, ok)
	}
	if f, ok := got.forms("a.b"); !ok || f["one"] != "1" || f["other"] != "n\n" {
		t.Errorf("forms(a.b) = %v, %v", f, ok)
	}
}

// TestSingleReadsOneFile checks that a message is found by reading its
// domain's file only.
func TestSingleReadsOneFile(t *testing.T) {
	if got := fileFor("it", "status.completed"); got != "catalog/common.it.yaml" {
		t.Errorf("fileFor = %s", got)
	}
	for _, lang := range Languages() {
		for _, name := range files()[lang] {
			domain, _, _ := splitName(name)
			if domain != "common" && fileFor(lang, domain+".x") != name {
				t.Errorf("fileFor(%s, %s.x) = %s", lang, domain, fileFor(lang, domain+".x"))
			}
		}
	}
	if s := For("it").T("no.such.id"); !strings.HasPrefix(s, "[") {
		t.Errorf("a missing message reads %q", s)
	}
}
