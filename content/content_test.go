package content_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// ids lists every id of p in order: sections with their items, then areas
// with their statements, then bands.
func ids(p *checklist.Pack) []string {
	var out []string
	for _, s := range p.Sections {
		out = append(out, s.ID)
		for _, it := range s.Items {
			out = append(out, it.ID)
		}
	}
	for _, a := range p.Areas {
		out = append(out, a.ID)
		for _, st := range a.Statements {
			out = append(out, st.ID)
		}
	}
	for _, b := range p.Bands {
		out = append(out, b.ID)
	}
	return out
}

// TestEmbeddedPacksValidate loads every pack file the way a user's file is
// loaded, so a broken embedded pack is reported with its lines here rather
// than as a panic at start.
func TestEmbeddedPacksValidate(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("packs", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no packs: %v", err)
	}
	for _, f := range files {
		p, err := checklist.LoadFile(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if want := strings.TrimSuffix(filepath.Base(f), ".yaml"); p.Lang != want {
			t.Errorf("%s: lang %q, want %q", f, p.Lang, want)
		}
	}
}

func TestPacksShareIDs(t *testing.T) {
	en := content.Default()
	for _, lang := range content.Languages() {
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != en.ID || p.Version != en.Version {
			t.Errorf("%s: pack %s %s, want %s %s", lang, p.ID, p.Version, en.ID, en.Version)
		}
		if !slices.Equal(ids(p), ids(en)) {
			t.Errorf("%s: ids differ from English:\n%v\n%v", lang, ids(p), ids(en))
		}
		for i, b := range p.Bands {
			if b.From != en.Bands[i].From {
				t.Errorf("%s: band %s from %v, English %v", lang, b.ID, b.From, en.Bands[i].From)
			}
		}
	}
}

// TestPackShape holds every pack to the shape the product is designed
// around: the four checklist sections and eight rated areas of the brief.
func TestPackShape(t *testing.T) {
	wantSections := []string{"culture", "identify", "classify", "evaluate"}
	wantAreas := []string{"responsiveness", "customer-focus", "products", "feedback",
		"knowing-customers", "ease-of-contact", "staff", "improvement"}
	for _, lang := range content.Languages() {
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		var sections, areas []string
		for _, s := range p.Sections {
			sections = append(sections, s.ID)
			if n := len(s.Items); n < 5 || n > 10 {
				t.Errorf("%s: section %s has %d items, want 5 to 10", lang, s.ID, n)
			}
		}
		for _, a := range p.Areas {
			areas = append(areas, a.ID)
			if n := len(a.Statements); n < 4 || n > 6 {
				t.Errorf("%s: area %s has %d statements, want 4 to 6", lang, a.ID, n)
			}
			if len(a.Actions) < 3 {
				t.Errorf("%s: area %s has %d actions, want at least 3", lang, a.ID, len(a.Actions))
			}
		}
		if !slices.Equal(sections, wantSections) {
			t.Errorf("%s: sections %v, want %v", lang, sections, wantSections)
		}
		if !slices.Equal(areas, wantAreas) {
			t.Errorf("%s: areas %v, want %v", lang, areas, wantAreas)
		}
	}
}

func TestDefault(t *testing.T) {
	p := content.Default()
	if p.Ref() != (checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "en"}) {
		t.Errorf("Default is %+v", p.Ref())
	}
	if p.Intro == "" || p.Title == "" {
		t.Error("Default has no title or intro")
	}
}

// TestDefaultIsACopy checks that a caller changing its pack cannot change
// what the next caller gets.
func TestDefaultIsACopy(t *testing.T) {
	a := content.Default()
	a.Title = "changed"
	a.Sections[0].Items[0].Text = "changed"
	a.Areas[0].Actions[0] = "changed"
	a.Areas[0].Statements[0].ID = "changed"
	a.Bands[0].Label = "changed"
	b := content.Default()
	if reflect.DeepEqual(a, b) {
		t.Fatal("second Default shares the first's changes")
	}
	for _, s := range []string{b.Title, b.Sections[0].Items[0].Text, b.Areas[0].Actions[0],
		b.Areas[0].Statements[0].ID, b.Bands[0].Label} {
		if s == "changed" {
			t.Errorf("change leaked into a later Default: %+v", b)
		}
	}
}

func TestForLang(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "en"}, {"en", "en"}, {"EN", "en"}, {"en-GB", "en"}, {"en_US.UTF-8", "en"},
	}
	for _, tc := range tests {
		p, err := content.ForLang(tc.in)
		if err != nil {
			t.Errorf("ForLang(%q): %v", tc.in, err)
			continue
		}
		if p.Lang != tc.want {
			t.Errorf("ForLang(%q).Lang = %q, want %q", tc.in, p.Lang, tc.want)
		}
	}
	for _, bad := range []string{"xx", "zz-en", "-en"} {
		if _, err := content.ForLang(bad); !errors.Is(err, content.ErrUnknown) {
			t.Errorf("ForLang(%q) = %v, want ErrUnknown", bad, err)
		}
	}
}

func TestLookup(t *testing.T) {
	en := content.Default()
	tests := []struct {
		name     string
		ref      checklist.Ref
		wantLang string // "" means an error
	}{
		{"exact", en.Ref(), "en"},
		{"missing language falls back to English", checklist.Ref{ID: en.ID, Version: en.Version, Lang: "xx"}, "en"},
		{"unknown version", checklist.Ref{ID: en.ID, Version: "0.0.1", Lang: "en"}, ""},
		{"unknown id", checklist.Ref{ID: "other", Version: en.Version, Lang: "en"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := content.Lookup(tc.ref)
			if tc.wantLang == "" {
				if !errors.Is(err, content.ErrUnknown) {
					t.Errorf("err = %v, want ErrUnknown", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Lang != tc.wantLang || p.ID != tc.ref.ID || p.Version != tc.ref.Version {
				t.Errorf("got %+v", p.Ref())
			}
		})
	}
	for _, lang := range content.Languages() {
		ref := en.Ref()
		ref.Lang = lang
		p, err := content.Lookup(ref)
		if err != nil || p.Lang != lang {
			t.Errorf("Lookup(%+v) = %v, %v", ref, p, err)
		}
	}
}

func TestYAMLIsTheEmbeddedFile(t *testing.T) {
	for _, lang := range content.Languages() {
		got, err := content.YAML(lang)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("packs", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: YAML differs from packs/%s.yaml", lang, lang)
		}
		got[0] = 0 // the caller's copy is its own
		again, _ := content.YAML(lang)
		if again[0] != want[0] {
			t.Errorf("%s: YAML returns shared bytes", lang)
		}
	}
	if _, err := content.YAML("xx"); !errors.Is(err, content.ErrUnknown) {
		t.Errorf("YAML(xx) = %v, want ErrUnknown", err)
	}
}

// TestEnglishText guards the wording rules of the English pack: questions
// end in a question mark, statements are sentences rated never..always,
// every text is free of stray white space.
func TestEnglishText(t *testing.T) {
	p := content.Default()
	for _, s := range p.Sections {
		for _, it := range s.Items {
			if !strings.HasSuffix(it.Text, "?") {
				t.Errorf("item %s is not a question: %q", it.ID, it.Text)
			}
		}
	}
	for _, a := range p.Areas {
		for _, st := range a.Statements {
			if !strings.HasSuffix(st.Text, ".") || strings.HasSuffix(st.Text, "?") {
				t.Errorf("statement %s is not a sentence: %q", st.ID, st.Text)
			}
		}
		for _, act := range a.Actions {
			if !strings.HasSuffix(act, ".") {
				t.Errorf("action in %s does not end with a full stop: %q", a.ID, act)
			}
		}
	}
}

func TestLanguagesSorted(t *testing.T) {
	langs := content.Languages()
	if !slices.IsSorted(langs) || !slices.Contains(langs, "en") {
		t.Errorf("Languages() = %v", langs)
	}
	files, _ := fs.Glob(os.DirFS("packs"), "*.yaml")
	if len(files) != len(langs) {
		t.Errorf("%d pack files, %d languages", len(files), len(langs))
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		_ = content.Default()
	}
}

func BenchmarkLoadEnglish(b *testing.B) {
	data, err := content.YAML("en")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := checklist.Load("en.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
