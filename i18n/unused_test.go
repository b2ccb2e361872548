package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// idLiteral matches a Go or template string literal that could be a
// message id or the start of one ("tui.plan." + id).
var idLiteral = regexp.MustCompile(`"([a-z_]+(?:\.[a-z0-9_]+)*\.?)"`)

// TestCatalogueKeysUsed fails on a message no code asks for: a key left
// behind when its screen changed is a second, stale home for words, and
// translators keep translating it. A key counts as used when the source
// (outside tests) names it whole or names a prefix of it ending in "." (an
// id built from parts); ids of domain problems and common words are also
// asked for without their domain ("store.in_use" for domain.store.in_use).
func TestCatalogueKeysUsed(t *testing.T) {
	lits := map[string]bool{}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		// Tests do not count, but for this package's own: its sample
		// message (count.sessions) shows how plurals work.
		own := path == filepath.Join(root, "i18n", "locale_test.go")
		if strings.HasSuffix(path, "_test.go") && !own || !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".tmpl")) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range idLiteral.FindAllSubmatch(src, -1) {
			lits[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	used := func(id string) bool {
		if lits[id] {
			return true
		}
		for i := range len(id) {
			if id[i] == '.' && lits[id[:i+1]] {
				return true
			}
		}
		return false
	}
	names, err := fs.Glob(catalogFS, "catalog/*.en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var unused []string
	for _, name := range names {
		for id := range flatten(t, name) {
			if used(id) {
				continue
			}
			if rest, ok := strings.CutPrefix(id, "domain."); ok && used(rest) {
				continue
			}
			if rest, ok := strings.CutPrefix(id, "common."); ok && used(rest) {
				continue
			}
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	if len(unused) > 0 {
		t.Errorf("%d catalogue messages no code uses (remove them in every language, or use them):\n  %s",
			len(unused), strings.Join(unused, "\n  "))
	}
}
