package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// ownYAML is the English pack made into a pack of one's own: another
// version, one statement reworded and a single band.
func ownYAML(t testing.TB, version string) []byte {
	t.Helper()
	y, err := content.YAML("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct{ old, new string }{
		{"version: 1.0.0\n", "version: " + version + "\n"},
		{"id: critical, label: Critical, from: 0}", "id: all, label: All, from: 0}"},
		{"  - {id: needs-work, label: Needs work, from: 40}\n", ""},
		{"  - {id: good, label: Good, from: 65}\n", ""},
		{"  - {id: excellent, label: Excellent, from: 85}\n", ""},
	} {
		if !bytes.Contains(y, []byte(r.old)) {
			t.Fatalf("the English pack has no %q any more", r.old)
		}
		y = bytes.Replace(y, []byte(r.old), []byte(r.new), 1)
	}
	return regexp.MustCompile(`(?m)(id: responsiveness\.third-ring\n\s+text: ).*$`).
		ReplaceAll(y, []byte("${1}We pick up before the second ring."))
}

// ownPack returns ownYAML loaded, with its bytes.
func ownPack(t testing.TB, version string) (*checklist.Pack, []byte) {
	t.Helper()
	y := ownYAML(t, version)
	p, err := checklist.Load("own.yaml", y)
	if err != nil {
		t.Fatal(err)
	}
	return p, y
}

func statementText(p *checklist.Pack, id string) string {
	for _, q := range p.Questions() {
		if q.ID == id {
			return q.Text
		}
	}
	return ""
}

func TestLookupPack(t *testing.T) {
	own, y := ownPack(t, "9.0.0")
	// The same id and version as the built-in packs, in a language that is
	// not built in: kept, it is found before the English fallback.
	fr := bytes.Replace(bytes.Replace(ownYAML(t, "1.0.0"), []byte("lang: en"), []byte("lang: fr"), 1),
		[]byte("title: Customer service check"), []byte("title: Contrôle du service client"), 1)
	frRef := checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "fr"}
	kept := keptPacksMap{own.Ref(): y, frRef: fr, {ID: "broken", Version: "1", Lang: "en"}: []byte("id: [")}
	tests := []struct {
		name  string
		kept  store.PackSource
		ref   checklist.Ref
		title string // of the pack found
		lang  string
		code  int // exit code of the error; 0 when found
		msg   string
	}{
		{"built in", kept, checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "it"}, "", "it", 0, ""},
		{"kept", kept, own.Ref(), own.Title, "en", 0, ""},
		{"kept, in a language not built in", kept, frRef, "Contrôle du service client", "fr", 0, ""},
		{"a language not built in, not kept", kept, checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "de"}, "", "en", 0, ""},
		{"no data file", nil, own.Ref(), "", "", exitNotFound,
			"content pack servicecheck 9.0.0 (en) is neither built into this servicecheck nor kept in the data file"},
		{"nowhere", kept, checklist.Ref{ID: "mine", Version: "2", Lang: "sq"}, "", "", exitNotFound,
			"content pack mine 2 (sq) is neither built into this servicecheck nor kept in the data file"},
		{"kept, damaged", kept, checklist.Ref{ID: "broken", Version: "1", Lang: "en"}, "", "", exitDamaged,
			"content pack broken 1 (en) kept in the data file does not load (run servicecheck doctor)"},
	}
	r := newPackResolver()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := r.resolve(tt.kept, tt.ref)
			if tt.code != 0 {
				if exitCode(err) != tt.code || err == nil || !strings.HasPrefix(err.Error(), tt.msg) {
					t.Errorf("resolve = %v (exit %d); want exit %d %q", err, exitCode(err), tt.code, tt.msg)
				}
				return
			}
			if err != nil || p.Lang != tt.lang || (tt.title != "" && p.Title != tt.title) {
				t.Fatalf("resolve = %v %q, %v; want %s %q", p.Ref(), p.Title, err, tt.lang, tt.title)
			}
		})
	}
	// A kept pack is parsed once for the run.
	a, _ := r.resolve(kept, own.Ref())
	b, _ := r.resolve(kept, own.Ref())
	if a != b || statementText(a, "responsiveness.third-ring") != "We pick up before the second ring." {
		t.Error("the kept pack was parsed again, or is not the one kept")
	}
}

func TestChooseSessionPack(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	en, _ := content.YAML("en")
	exported := write("exported.yaml", append([]byte("# my copy\n"), en...))
	reworded := write("reworded.yaml", ownYAML(t, "1.0.0"))
	own := write("own.yaml", ownYAML(t, "9.0.0"))
	broken := write("broken.yaml", bytes.Replace(ownYAML(t, "9.0.0"), []byte("lang: en"), []byte("lang: English\nauthour: x"), 1))
	tests := []struct {
		name, lang, file string
		ref              string // of the chosen pack
		kept             bool   // the pack is the user's own, to keep
		code             int
		msg, stderr      string
	}{
		{"default", "", "", "servicecheck 1.0.0 (en)", false, 0, "", ""},
		{"a language", "it", "", "servicecheck 1.0.0 (it)", false, 0, "", ""},
		{"a regional language", "sq-AL", "", "servicecheck 1.0.0 (sq)", false, 0, "", ""},
		{"an unknown language", "xx", "", "", false, exitUsage, `no content pack in language "xx" (built in: af, en, it, sq)`, ""},
		{"both", "it", own, "", false, exitUsage, "use --pack or --lang, not both", ""},
		{"a pack of one's own", "", own, "servicecheck 9.0.0 (en)", true, 0, "", ""},
		{"the built-in pack, exported", "", exported, "servicecheck 1.0.0 (en)", false, 0, "", ""},
		{"the built-in name, other content", "", reworded, "", false, exitInvalid,
			reworded + ": content pack servicecheck 1.0.0 (en) is built into servicecheck with different content: give your pack another version", ""},
		{"no such file", "", filepath.Join(dir, "none.yaml"), "", false, exitNotFound, "load content pack: ", ""},
		{"a broken file", "", broken, "", false, exitInvalid, broken + ": invalid content pack: 2 problems",
			broken + ":8:7: lang: \"English\" is not a language code such as en or pt-BR\n" + broken + ":9:1: authour: unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errOut bytes.Buffer
			sp, err := chooseSessionPack(nil, &errOut, tt.lang, tt.file)
			if tt.code != 0 {
				if exitCode(err) != tt.code || !strings.HasPrefix(err.Error(), tt.msg) || !strings.HasPrefix(errOut.String(), tt.stderr) {
					t.Errorf("chooseSessionPack = %v (exit %d), stderr %q; want exit %d %q, stderr %q",
						err, exitCode(err), errOut.String(), tt.code, tt.msg, tt.stderr)
				}
				return
			}
			if err != nil || store.RefString(sp.pack.Ref()) != tt.ref || (sp.yaml != nil) != tt.kept {
				t.Fatalf("chooseSessionPack = %+v, %v; want %s, kept %v", sp.pack.Ref(), err, tt.ref, tt.kept)
			}
			if tt.kept {
				if b, _ := os.ReadFile(tt.file); !bytes.Equal(sp.yaml, b) {
					t.Error("the bytes to keep are not the file's")
				}
			}
		})
	}
}

// TestKeepPackConflicts: the data file refuses a second content under a
// kept pack's name, whichever command brings it.
func TestKeepPackConflicts(t *testing.T) {
	c := newCLITest(t)
	own := filepath.Join(c.dir, "own.yaml")
	if err := os.WriteFile(own, ownYAML(t, "9.0.0"), 0o600); err != nil {
		t.Fatal(err)
	}
	tmpl := c.ok("answer", "--pack", own, "--template", "--client", "Kafe Drini")
	answers := filepath.Join(c.dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte(tmpl), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ok("answer", "--pack", own, "--answers", answers, "--allow-incomplete")
	edited := bytes.Replace(ownYAML(t, "9.0.0"), []byte("We pick up before the second ring."), []byte("We pick up at once."), 1)
	if err := os.WriteFile(own, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	c.fails(exitInvalid, "answer", "--pack", own, "--answers", answers, "--allow-incomplete")
	want := "servicecheck: " + own + ": content pack servicecheck 9.0.0 (en) is already kept in the data file with different content: give your pack another version (or id)"
	if !strings.HasPrefix(c.last.errOut, want) {
		t.Errorf("stderr %q, want %q", c.last.errOut, want)
	}
	list := c.ok("list", "--json")
	if strings.Count(list, `"client"`) != 1 {
		t.Errorf("the refused answer stored a session:\n%s", list)
	}
	var err error
	err = store.Do(c.db, store.Options{ReadOnly: true}, func(st *store.Store) error {
		refs, err := st.Packs()
		if err == nil && (len(refs) != 1 || refs[0].Version != "9.0.0") {
			err = errors.New("packs " + store.RefString(refs[0]))
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}

// TestOwnPackSessionEverywhere: a completed session answered with a pack of
// one's own, the pack file deleted, reads in every command that scores it,
// and compares with a session answered with the built-in pack.
func TestOwnPackSessionEverywhere(t *testing.T) {
	c := newCLITest(t)
	answers := c.file("q.yaml", answersFile("Acme Ltd", flat("3"), nil))
	c.ok("answer", "--answers", answers)
	own := c.file("own.yaml", ownYAML(t, "9.0.0"))
	c.ok("answer", "--pack", own, "--answers", answers)
	if err := os.Remove(own); err != nil {
		t.Fatal(err)
	}
	ss := c.sessions()
	if ss[0].Pack.Version != "9.0.0" || ss[1].Pack.Version != "1.0.0" {
		t.Fatalf("packs %v and %v", ss[0].Pack, ss[1].Pack)
	}
	checks := []struct {
		args []string
		want []string
	}{
		{[]string{"compare", "--client", "Acme Ltd"}, []string{
			"answered with different content: servicecheck 1.0.0 and servicecheck 9.0.0",
			"| **Total** | 24.0 | 24.0 | 0.0 |"}},
		{[]string{"show", ss[0].ID}, []string{"We pick up before the second ring.", "24.0 of 40, 50% of the way from 8 to 40, All."}},
		{[]string{"list"}, []string{ss[0].ID + "  Acme Ltd  Jo        ", "completed  24.0/40"}},
		{[]string{"export", ss[0].ID, "--format", "csv"}, []string{"We pick up before the second ring."}},
		{[]string{"export", ss[0].ID, "--format", "html"}, []string{"We pick up before the second ring."}},
	}
	for _, ch := range checks {
		out := c.ok(ch.args...)
		for _, w := range ch.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: no %q in\n%s", ch.args, w, out)
			}
		}
	}
}
