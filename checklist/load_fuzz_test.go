package checklist_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// FuzzLoad checks that Load never panics and keeps its promises on any
// input: a failure is a non-empty list of one-line validation errors with
// positions; a success is a pack that obeys every rule and survives a round
// trip through its JSON form. The checked-in corpus under
// testdata/fuzz/FuzzLoad holds the English pack and broken packs.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"testdata/valid/*.yaml", "testdata/broken/*.yaml"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := checklist.Load("f.yaml", data)
		if err != nil {
			checkFailure(t, p, err)
			return
		}
		checkPack(t, p)
		js, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		again, err := checklist.Load("f.json", js)
		if err != nil {
			t.Fatalf("JSON of a valid pack does not load: %v\n%s", err, js)
		}
		if !reflect.DeepEqual(p, again) {
			t.Fatalf("JSON round trip changed the pack:\n%+v\n%+v", p, again)
		}
	})
}

func checkFailure(t *testing.T, p *checklist.Pack, err error) {
	t.Helper()
	if p != nil {
		t.Fatal("a pack returned with an error")
	}
	if !errors.Is(err, checklist.ErrInvalid) {
		t.Fatalf("error does not match ErrInvalid: %v", err)
	}
	var verrs checklist.ValidationErrors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		t.Fatalf("error is not a non-empty ValidationErrors: %#v", err)
	}
	for i, e := range verrs {
		if e.File != "f.yaml" || e.Msg == "" || e.Line < 0 || e.Column < 0 || (e.Line > 0) != (e.Column > 0) {
			t.Fatalf("malformed error %+v", e)
		}
		if strings.ContainsAny(e.Error(), "\n\r") {
			t.Fatalf("error spans lines: %q", e.Error())
		}
		if i > 0 && e.Line < verrs[i-1].Line {
			t.Fatalf("errors out of order: %v", err)
		}
	}
}

// checkPack verifies the rules of a pack independently of the loader.
func checkPack(t *testing.T, p *checklist.Pack) {
	t.Helper()
	if p == nil {
		t.Fatal("nil pack without error")
	}
	if p.ID == "" || p.Version == "" || p.Lang == "" || p.Title == "" {
		t.Fatalf("required field empty: %+v", p)
	}
	if len(p.Sections) == 0 || len(p.Areas) == 0 || len(p.Bands) == 0 {
		t.Fatalf("empty list: %+v", p)
	}
	seen := map[string]bool{}
	use := func(id string) {
		if id == "" || seen[id] {
			t.Fatalf("empty or duplicate id %q", id)
		}
		seen[id] = true
	}
	for i, b := range p.Bands {
		use(b.ID)
		if b.Label == "" || b.From < 0 || b.From > 100 || (i == 0 && b.From != 0) || (i > 0 && b.From <= p.Bands[i-1].From) {
			t.Fatalf("bad band %d: %+v", i, p.Bands)
		}
	}
	for _, s := range p.Sections {
		use(s.ID)
		if s.Title == "" || s.Purpose == "" || len(s.Items) == 0 {
			t.Fatalf("bad section %+v", s)
		}
		for _, it := range s.Items {
			use(it.ID)
			if !strings.HasPrefix(it.ID, s.ID+".") || it.Text == "" {
				t.Fatalf("bad item %+v in %s", it, s.ID)
			}
		}
	}
	for _, a := range p.Areas {
		use(a.ID)
		if a.Title == "" || a.Explanation == "" || len(a.Statements) == 0 || len(a.Actions) == 0 {
			t.Fatalf("bad area %+v", a)
		}
		for _, st := range a.Statements {
			use(st.ID)
			if !strings.HasPrefix(st.ID, a.ID+".") || st.Text == "" {
				t.Fatalf("bad statement %+v in %s", st, a.ID)
			}
		}
		for _, act := range a.Actions {
			if act == "" {
				t.Fatalf("empty action in %s", a.ID)
			}
		}
	}
}
