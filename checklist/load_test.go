package checklist_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// miniPack is what testdata/valid/mini.yaml holds.
var miniPack = &checklist.Pack{
	ID: "mini", Version: "1.0.0", Lang: "en", Title: "Mini pack",
	Bands: []checklist.Band{{ID: "low", Label: "Low", From: 0}, {ID: "high", Label: "High", From: 50}},
	Sections: []checklist.Section{{
		ID: "culture", Title: "Culture", Purpose: "Check the culture.",
		Items: []checklist.Item{{ID: "culture.first", Text: "Do you put customers first?", Help: "Count everyone."}},
	}},
	Areas: []checklist.Area{{
		ID: "responsiveness", Title: "Responsiveness", Explanation: "How fast you are.",
		Statements: []checklist.Statement{{ID: "responsiveness.third-ring", Text: "We answer the phone before the third ring."}},
		Actions:    []string{"Answer before the third ring."},
	}},
}

func readMini(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "valid", "mini.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadFileValid(t *testing.T) {
	p, err := checklist.LoadFile(filepath.Join("testdata", "valid", "mini.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, miniPack) {
		t.Errorf("got %+v\nwant %+v", p, miniPack)
	}
}

// TestLoadJSON checks that JSON, being YAML, loads into the same pack: the
// output of `content show --json` is a valid pack file.
func TestLoadJSON(t *testing.T) {
	data, err := json.Marshal(miniPack)
	if err != nil {
		t.Fatal(err)
	}
	p, err := checklist.Load("mini.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, miniPack) {
		t.Errorf("got %+v\nwant %+v", p, miniPack)
	}
}

// TestLoadAccepts covers the YAML forms a hand-edited pack may use: each
// case replaces old with new in the valid mini pack.
func TestLoadAccepts(t *testing.T) {
	mini := string(readMini(t))
	tests := []struct {
		name     string
		old, new string
		got      func(*checklist.Pack) string
		want     string
	}{
		{"byte-order mark", "# The smallest", "\uFEFF# The smallest", func(p *checklist.Pack) string { return p.ID }, "mini"},
		{"number as version text", "version: 1.0.0", "version: 1.10", func(p *checklist.Pack) string { return p.Version }, "1.10"},
		{"tagged string", "version: 1.0.0", "version: !!str 2", func(p *checklist.Pack) string { return p.Version }, "2"},
		{"folded block trimmed", "title: Mini pack", "title: >\n  Mini\n  pack\n", func(p *checklist.Pack) string { return p.Title }, "Mini pack"},
		{"anchor without alias", "title: Mini pack", "title: &t Mini pack", func(p *checklist.Pack) string { return p.Title }, "Mini pack"},
		{"fractional band", "from: 50", "from: 50.5", func(p *checklist.Pack) string { return fmt.Sprint(p.Bands[1].From) }, "50.5"},
		{"optional intro", "title: Mini pack", "title: Mini pack\nintro: Hello.", func(p *checklist.Pack) string { return p.Intro }, "Hello."},
		{"regional lang", "lang: en", "lang: pt-BR", func(p *checklist.Pack) string { return p.Lang }, "pt-BR"},
		{"pack id equal to a section id", "id: mini", "id: culture", func(p *checklist.Pack) string { return p.ID }, "culture"},
		{"empty optional help", "help: Count everyone.", "help:", func(p *checklist.Pack) string { return p.Sections[0].Items[0].Help }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(mini, tc.old) {
				t.Fatalf("mini pack has no %q", tc.old)
			}
			p, err := checklist.Load("in.yaml", []byte(strings.Replace(mini, tc.old, tc.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.got(p); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLoadRejects covers whole-file problems and YAML features a pack must
// not use, each with its exact message.
func TestLoadRejects(t *testing.T) {
	mini := string(readMini(t))
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "in.yaml: file is empty"},
		{"comments only", "# nothing\n\n", "in.yaml: file is empty"},
		{"list at the top", "- a\n- b\n", "in.yaml:1:1: must be a mapping, not a list"},
		{"text at the top", "hello\n", "in.yaml:1:1: must be a mapping, not text"},
		{"invalid utf-8", "id: mini\ntitle: caf\xe9\n", "in.yaml:2:11: file is not valid UTF-8 text"},
		{"too large", mini + strings.Repeat("#", checklist.MaxPackSize),
			"in.yaml: file is larger than the limit of 1 MiB"},
		{"unsupported tag", strings.Replace(mini, "title: Mini pack", "title: !!binary aGk=", 1),
			"in.yaml:6:8: title: tag !!binary is not supported"},
		{"merge key", strings.Replace(mini, "      - id: culture.first\n", "      - <<: {}\n        id: culture.first\n", 1),
			"in.yaml:15:9: sections[0].items[0]: merge keys (<<) are not supported: write the fields out"},
		{"repeated field", strings.Replace(mini, "title: Mini pack", "title: yes\ntitle: Mini", 1),
			"in.yaml:7:1: title: duplicate field (first at line 6)"},
		{"boolean as text", strings.Replace(mini, "title: Mini pack", "title: true", 1),
			"in.yaml:6:8: title: must be text, not true/false (put it in quotes)"},
		{"not a number", strings.Replace(mini, "from: 50", "from: .nan", 1),
			"in.yaml:9:35: bands[1].from: must be a percentage from 0 to 100"},
		{"infinite", strings.Replace(mini, "from: 50", "from: .inf", 1),
			"in.yaml:9:35: bands[1].from: must be a percentage from 0 to 100"},
		{"odd key quoted", strings.Replace(mini, "title: Mini pack", "title: Mini pack\n\"a b\\nc\": 1", 1),
			`in.yaml:7:1: "a b\nc": unknown field (expected one of: id, version, lang, title, intro, bands, sections, areas)`},
		{"typo hint", strings.Replace(mini, "    purpose:", "    purpse:", 1),
			"in.yaml:11:5: sections[0].purpose: is required\n" +
				`in.yaml:13:5: sections[0].purpse: unknown field (did you mean "purpose"?)`},
		{"section not a mapping", strings.Replace(mini, "  - id: culture\n", "  - culture\n  - id: culture\n", 1),
			"in.yaml:11:5: sections[0]: must be a mapping, not text"},
		{"null list entry", strings.Replace(mini, "      - Answer before the third ring.\n", "      - Answer before the third ring.\n      -\n", 1),
			"in.yaml:27:9: areas[0].actions[1]: must not be empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checklist.Load("in.yaml", []byte(tc.data))
			if !errors.Is(err, checklist.ErrInvalid) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
		})
	}
}

func TestLoadFileUnreadable(t *testing.T) {
	_, err := checklist.LoadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, checklist.ErrInvalid) {
		t.Errorf("missing file: %v, want not-exist and not invalid", err)
	}
	_, err = checklist.LoadFile(t.TempDir())
	if err == nil || errors.Is(err, checklist.ErrInvalid) {
		t.Errorf("directory: %v, want a read error", err)
	}
}

func TestFieldErrorString(t *testing.T) {
	tests := []struct {
		e    checklist.FieldError
		want string
	}{
		{checklist.FieldError{File: "p.yaml", Line: 3, Column: 7, Field: "areas[2].statements[0].id", Msg: "is required"},
			"p.yaml:3:7: areas[2].statements[0].id: is required"},
		{checklist.FieldError{File: "p.yaml", Line: 1, Column: 4, Msg: "syntax error: x"}, "p.yaml:1:4: syntax error: x"},
		{checklist.FieldError{File: "p.yaml", Msg: "file is empty"}, "p.yaml: file is empty"},
		{checklist.FieldError{File: "p.yaml", Line: 2, Field: "id", Msg: "m"}, "p.yaml:2:1: id: m"},
	}
	for _, tc := range tests {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestValidationErrorsIsInvalid(t *testing.T) {
	_, err := checklist.Load("x.yaml", []byte("- a\n"))
	wrapped := fmt.Errorf("open pack: %w", err)
	if !errors.Is(wrapped, checklist.ErrInvalid) {
		t.Error("wrapped ValidationErrors do not match ErrInvalid")
	}
	var fe *checklist.FieldError
	if !errors.As(wrapped, &fe) {
		t.Fatal("errors.As finds no FieldError")
	}
	if fe.Line != 1 || !errors.Is(fe, checklist.ErrInvalid) {
		t.Errorf("FieldError %+v: want line 1 and a match for ErrInvalid", fe)
	}
	if errors.Is(errors.New("other"), checklist.ErrInvalid) {
		t.Error("unrelated error matches ErrInvalid")
	}
}

// TestLoadReportsAllErrorsInFileOrder checks that problems found in
// different passes come out sorted by position.
func TestLoadReportsAllErrorsInFileOrder(t *testing.T) {
	data := bytes.Replace(readMini(t), []byte("lang: en\n"), []byte(""), 1)
	data = bytes.Replace(data, []byte("Culture\n"), []byte("\"\"\n"), 1)
	data = bytes.Replace(data, []byte("from: 0}"), []byte("from: 5}"), 1)
	_, err := checklist.Load("x.yaml", data)
	want := "x.yaml:3:1: lang: is required\n" +
		"x.yaml:7:33: bands[0].from: the first band must start from 0\n" +
		"x.yaml:11:5: sections[0].title: must not be empty"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestLoadFileTooLarge checks that LoadFile stops reading at the limit.
func TestLoadFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, bytes.Repeat([]byte("# padding\n"), checklist.MaxPackSize/5), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := checklist.LoadFile(path)
	if want := path + ": file is larger than the limit of 1 MiB"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
