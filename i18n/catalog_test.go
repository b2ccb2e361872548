package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// pluralKeys are the map keys that make a message a plural message.
var pluralKeys = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// flatten reads one catalogue file into id → forms (form → text); a plain
// message has the single form "other".
func flatten(t *testing.T, name string) map[string]map[string]string {
	t.Helper()
	raw, err := fs.ReadFile(catalogFS, name)
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := yaml.Unmarshal(raw, &tree); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case string:
			out[prefix] = map[string]string{"other": v}
		case map[string]any:
			plural := len(v) > 0
			for k := range v {
				if !pluralKeys[k] {
					plural = false
				}
			}
			if plural {
				forms := map[string]string{}
				for k, s := range v {
					str, ok := s.(string)
					if !ok {
						t.Errorf("%s: %s.%s is not text", name, prefix, k)
					}
					forms[k] = str
				}
				out[prefix] = forms
				return
			}
			for k, c := range v {
				id := k
				if prefix != "" {
					id = prefix + "." + k
				}
				walk(id, c)
			}
		default:
			t.Errorf("%s: %s is %T, want text or a map", name, prefix, v)
		}
	}
	walk("", tree)
	return out
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func placeholders(forms map[string]string) []string {
	set := map[string]bool{}
	for _, s := range forms {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// TestCatalogueComplete fails when a language lacks a key that English has,
// has one English lacks, or a message's placeholders or plural forms
// differ from English's.
func TestCatalogueComplete(t *testing.T) {
	domains := map[string]map[string]bool{} // domain → languages
	for lang, names := range files() {
		for _, name := range names {
			d, _, _ := splitName(name)
			if domains[d] == nil {
				domains[d] = map[string]bool{}
			}
			domains[d][lang] = true
		}
	}
	langs := Languages()
	if !slices.Equal(langs, []string{"en", "af", "it", "sq"}) {
		t.Errorf("languages = %v, want en, af, it, sq", langs)
	}
	for d, have := range domains {
		for _, lang := range langs {
			if !have[lang] {
				t.Errorf("catalog/%s.%s.yaml is missing", d, lang)
			}
		}
		en := flatten(t, fmt.Sprintf("catalog/%s.en.yaml", d))
		for _, lang := range langs[1:] {
			if !have[lang] {
				continue
			}
			name := fmt.Sprintf("catalog/%s.%s.yaml", d, lang)
			other := flatten(t, name)
			for id, forms := range en {
				got, ok := other[id]
				if !ok {
					t.Errorf("%s: missing %s", name, id)
					continue
				}
				if a, b := placeholders(forms), placeholders(got); !slices.Equal(a, b) {
					t.Errorf("%s: %s has placeholders %v, English has %v", name, id, b, a)
				}
				_, enPlural := forms["one"]
				_, plural := got["one"]
				if enPlural != plural || (plural && got["other"] == "") {
					t.Errorf("%s: %s plural forms %v do not match English's %v", name, id, keys(got), keys(forms))
				}
			}
			for id := range other {
				if _, ok := en[id]; !ok {
					t.Errorf("%s: %s is not in English", name, id)
				}
			}
		}
	}
}

// TestCatalogueIDsUnique fails when two domains define the same id, which
// go-i18n would silently let the later file win.
func TestCatalogueIDsUnique(t *testing.T) {
	seen := map[string]string{}
	for _, name := range files()[Default] {
		for id := range flatten(t, name) {
			if prev, ok := seen[id]; ok {
				t.Errorf("%s is in %s and %s", id, prev, name)
			}
			seen[id] = name
		}
	}
}

// TestCatalogueLoads parses every language the way the program does.
func TestCatalogueLoads(t *testing.T) {
	for _, lang := range Languages() {
		if err := For(lang).Check(); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

// TestCatalogueNoControl fails on a control character in any message: they
// would reach the terminal.
func TestCatalogueNoControl(t *testing.T) {
	for _, names := range files() {
		for _, name := range names {
			for id, forms := range flatten(t, name) {
				for _, s := range forms {
					if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || (r >= 0x80 && r < 0xa0) }) {
						t.Errorf("%s: %s holds a control character", name, id)
					}
				}
			}
		}
	}
}

func keys(m map[string]string) []string {
	k := slices.Collect(maps.Keys(m))
	sort.Strings(k)
	return k
}
