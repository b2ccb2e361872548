package checklist_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// brokenPacks maps each fixture in testdata/broken, a copy of
// testdata/valid/mini.yaml with one kind of mistake, to the exact errors
// Load must report for it.
var brokenPacks = []struct {
	file string
	want []string
}{
	{"syntax", []string{
		"testdata/broken/syntax.yaml:8:1: syntax error: ',' or '}' must be specified",
	}},
	{"unknown-field", []string{
		"testdata/broken/unknown-field.yaml:5:1: author: unknown field (expected one of: id, version, lang, title, intro, bands, sections, areas)",
	}},
	{"unknown-field-nested", []string{
		"testdata/broken/unknown-field-nested.yaml:15:9: sections[0].items[0].hint: unknown field (expected one of: id, text, help, advice)",
	}},
	{"wrong-type", []string{
		"testdata/broken/wrong-type.yaml:23:14: areas[0].actions: must be a list, not text",
	}},
	{"missing-field", []string{
		"testdata/broken/missing-field.yaml:9:5: sections[0].title: is required",
	}},
	{"missing-version", []string{
		"testdata/broken/missing-version.yaml:1:1: version: is required",
	}},
	{"empty-field", []string{
		"testdata/broken/empty-field.yaml:22:9: areas[0].statements[0].text: must not be empty",
	}},
	{"bad-id", []string{
		`testdata/broken/bad-id.yaml:9:9: sections[0].id: "Culture_1" is not a valid id: use lowercase letters, digits and hyphens`,
	}},
	{"bad-lang", []string{
		`testdata/broken/bad-lang.yaml:3:7: lang: "English" is not a language code such as en or pt-BR`,
	}},
	{"id-prefix", []string{
		`testdata/broken/id-prefix.yaml:21:13: areas[0].statements[0].id: "third-ring" must start with "responsiveness.", the id it belongs to`,
	}},
	{"duplicate-id", []string{
		`testdata/broken/duplicate-id.yaml:16:13: sections[0].items[1].id: duplicate id "culture.first" (first used at line 13)`,
	}},
	{"duplicate-field", []string{
		"testdata/broken/duplicate-field.yaml:20:5: areas[0].explanation: duplicate field (first at line 19)",
	}},
	{"section-no-items", []string{
		"testdata/broken/section-no-items.yaml:12:5: sections[0].items: must have at least one item",
	}},
	{"area-no-statements", []string{
		"testdata/broken/area-no-statements.yaml:20:17: areas[0].statements: must have at least one statement",
	}},
	{"area-no-actions", []string{
		"testdata/broken/area-no-actions.yaml:23:14: areas[0].actions: must have at least one action",
	}},
	{"bands-none", []string{
		"testdata/broken/bands-none.yaml:5:8: bands: must have at least one band",
	}},
	{"bands-first-not-zero", []string{
		"testdata/broken/bands-first-not-zero.yaml:6:33: bands[0].from: the first band must start from 0",
	}},
	{"bands-not-increasing", []string{
		"testdata/broken/bands-not-increasing.yaml:8:33: bands[2].from: must be greater than the previous band's from (50)",
	}},
	{"bands-out-of-range", []string{
		"testdata/broken/bands-out-of-range.yaml:7:35: bands[1].from: must be a percentage from 0 to 100",
	}},
	{"two-documents", []string{
		"testdata/broken/two-documents.yaml:26:1: a content pack file holds one YAML document: remove the '---' and what follows",
	}},
	{"alias", []string{
		"testdata/broken/alias.yaml:17:15: sections[0].items[1].text: aliases (*name) are not supported: write the value out",
	}},
	{"control-chars", []string{
		"testdata/broken/control-chars.yaml:5:8: title: holds the control character U+001B: remove it",
		"testdata/broken/control-chars.yaml:15:15: sections[0].items[0].text: holds the control character U+001B: remove it",
	}},
	{"three-mistakes", []string{
		"testdata/broken/three-mistakes.yaml:3:1: authour: unknown field (expected one of: id, version, lang, title, intro, bands, sections, areas)",
		"testdata/broken/three-mistakes.yaml:8:35: bands[1].from: must be a percentage from 0 to 100",
		`testdata/broken/three-mistakes.yaml:24:13: areas[0].statements[1].id: duplicate id "responsiveness.third-ring" (first used at line 22)`,
	}},
}

func TestLoadFileBroken(t *testing.T) {
	for _, tc := range brokenPacks {
		t.Run(tc.file, func(t *testing.T) {
			p, err := checklist.LoadFile(filepath.Join("testdata", "broken", tc.file+".yaml"))
			if p != nil {
				t.Errorf("LoadFile returned a pack along with the error")
			}
			if !errors.Is(err, checklist.ErrInvalid) {
				t.Fatalf("errors.Is(err, ErrInvalid) = false for %v", err)
			}
			var verrs checklist.ValidationErrors
			if !errors.As(err, &verrs) {
				t.Fatalf("error is %T, want ValidationErrors", err)
			}
			var got []string
			for _, e := range verrs {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if err.Error() != strings.Join(tc.want, "\n") {
				t.Errorf("Error() = %q, want the errors one per line", err.Error())
			}
		})
	}
}

// TestBrokenFixturesCovered keeps every fixture file asserted: a file added
// to testdata/broken without an entry above fails here.
func TestBrokenFixturesCovered(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	var listed []string
	for _, tc := range brokenPacks {
		listed = append(listed, tc.file)
	}
	slices.Sort(names)
	slices.Sort(listed)
	if !slices.Equal(names, listed) {
		t.Errorf("fixtures %v, table %v", names, listed)
	}
}
