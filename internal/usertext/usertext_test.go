package usertext

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// codeRE finds the codes the domain packages give their problems.
var codeRE = regexp.MustCompile(`(?:problem\(|importErr\(|wrapCode\(|bad\(|Term\(|codedError\((?:Err\w+, |nil, )?|code: )"([a-z_.]+)"`)

// TestEveryCodeHasAMessage reads the codes out of the domain packages'
// source, so that a code added there without its message fails here.
func TestEveryCodeHasAMessage(t *testing.T) {
	codes := map[string]bool{"value.not_choice": true}
	for _, e := range osErrors {
		codes[e.code] = true
	}
	for _, what := range []string{"band", "section", "item", "statement", "area", "action"} {
		codes["pack.at_least_one."+what] = true // built from the list's name
	}
	for _, k := range []string{"folder", "pipe", "char_device", "block_device", "socket", "link", "special"} {
		codes["damage.kind."+k] = true // store's kindCode
	}
	for _, k := range []string{"string", "number", "object", "array", "bool"} {
		codes["import.got."+k] = true // store's jsonKind
	}
	for _, code := range []string{"pack.invalid_id", "pack.invalid_dotted_id"} {
		codes[code] = true // the id rules, named by their codes
	}
	for _, dir := range []string{"../../checklist", "../../store", "../../content"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range codeRE.FindAllStringSubmatch(string(src), -1) {
				if !strings.HasSuffix(m[1], ".") { // completed at run time, listed above
					codes[m[1]] = true
				}
			}
		}
	}
	if len(codes) < 60 {
		t.Fatalf("found only %d codes: is the pattern out of date?", len(codes))
	}
	for _, lang := range i18n.Languages() {
		l := i18n.For(lang)
		for code := range codes {
			args := map[string]any{"Count": 2, "Want": checklist.Term("kind.text"), "Got": checklist.Term("kind.list")}
			for _, name := range strings.Fields("Value Line Prefix Previous Max Detail Tag Suggestion Known IDs " +
				"More Pack Version Length Char Path Env Schema Current ID Client First Second Lang Langs Area File " +
				"N Key Bucket Format Need Size Summaries Clients Sessions Other Index Time Kind Page Type Want") {
				args[name] = "x"
			}
			if got := Problem(l, code, args); strings.HasPrefix(got, "[") {
				t.Errorf("%s: no message for %s", lang, code)
			}
		}
	}
}

// TestEnglishIsTheDomainsEnglish renders real problems through the English
// catalogue: the text must be the packages' own Error, so that English
// users read what the logs say.
func TestEnglishIsTheDomainsEnglish(t *testing.T) {
	en := i18n.For(i18n.Default)
	var errs []error
	files, _ := filepath.Glob("../../checklist/testdata/broken/*.yaml")
	for _, f := range files {
		_, err := checklist.LoadFile(f)
		errs = append(errs, err)
	}
	p, err := checklist.LoadFile("../../content/packs/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range brokenAnswers {
		_, err := checklist.ParseAnswers("a.yaml", []byte(doc), p)
		errs = append(errs, err)
	}
	af, err := checklist.ParseAnswers("a.yaml", []byte("client: x\nanswers:\n  "+p.Questions()[0].ID+": yes\n"), p)
	if err != nil {
		t.Fatal(err)
	}
	errs = append(errs, af.Incomplete())
	_, err = checklist.ParseValue(checklist.KindStatement, "often")
	errs = append(errs, err)
	_, err = store.Open(filepath.Join(t.TempDir(), "none.db"), store.Options{ReadOnly: true})
	errs = append(errs, err)
	st, err := store.Open(filepath.Join(t.TempDir(), "x.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = st.Get("nosuch")
	errs = append(errs, err)

	seen := map[string]bool{}
	for _, err := range errs {
		if err == nil {
			t.Fatal("a broken input gave no error")
		}
		var verrs checklist.ValidationErrors
		if errors.As(err, &verrs) {
			for _, e := range verrs {
				seen[e.Code] = true
				if e.Code == "" {
					t.Errorf("no code: %v", e)
				}
			}
		}
		if got, want := Error(en, err), err.Error(); got != want {
			t.Errorf("English differs:\n got %s\nwant %s", got, want)
		}
	}
	if len(seen) < 25 {
		t.Errorf("only %d codes met: %v", len(seen), seen)
	}
}

var brokenAnswers = []string{
	"client: [x]\nassessor: \"a\\u0007b\"\nanswers:\n  culture.trainin: yes\n  culture.training: maybe\n  responsiveness.third-ring: 7\nfoo: 1\n",
	"answers: [1]\nnotes: 3\nplan:\n  goals: 3\n",
	"answers:\n  x: &a 1\nplan:\n  vision: [1]\n  foo: 1\n  goals:\n    - what: x\n    - 3\n    - problem: a\n      when: b\n",
	"a: b\n---\nc: d\n",
	"[",
	"",
	"- 1\n",
}

// TestItalianHasNoEnglish words problems in Italian: nothing is left as a
// catalogue id and the English sentence is gone.
func TestItalianHasNoEnglish(t *testing.T) {
	it := i18n.For("it")
	_, err := checklist.LoadFile("../../checklist/testdata/broken/three-mistakes.yaml")
	got := Error(it, err)
	if strings.Contains(got, "[domain") || got == err.Error() {
		t.Errorf("not worded in Italian:\n%s", got)
	}
	if lines := strings.Count(got, "\n"); lines != strings.Count(err.Error(), "\n") {
		t.Errorf("%d lines, English has %d", lines, strings.Count(err.Error(), "\n"))
	}
	if !strings.HasPrefix(got, "../../checklist/testdata/broken/three-mistakes.yaml:") {
		t.Errorf("lost the position: %s", got)
	}
	_, err = checklist.ParseValue(checklist.KindItem, "forse")
	if got, want := Error(it, err), `"forse" non è una risposta della checklist: usa sì, in parte, no o na`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestMessageWraps(t *testing.T) {
	cause := errors.New("permission denied")
	err := Wrap(cause, "domain.store.no_id")
	if !errors.Is(err, cause) {
		t.Error("Wrap hides its cause")
	}
	if got := err.Error(); got != "no session id given: permission denied" {
		t.Errorf("English: %s", got)
	}
	if got := Error(i18n.For("it"), err); got != "manca l'id della sessione: permission denied" {
		t.Errorf("Italian: %s", got)
	}
	if Wrap(nil, "x") != nil {
		t.Error("Wrap(nil) is not nil")
	}
}

func TestAnswerWords(t *testing.T) {
	for _, tc := range []struct {
		lang, word string
		want       checklist.Value
	}{
		{"it", "sì", checklist.Yes}, {"it", "Si", checklist.Yes}, {"it", "in parte", checklist.Partly},
		{"it", "no", checklist.No}, {"sq", "po", checklist.Yes}, {"sq", "Pjesërisht", checklist.Partly},
		{"sq", "pjeserisht", checklist.Partly}, {"sq", "jo", checklist.No}, {"af", "ja", checklist.Yes},
		{"af", "gedeeltelik", checklist.Partly}, {"af", "Nee", checklist.No}, {"af", "nvt", checklist.NA},
		{"af", "yes", checklist.Yes}, {"en", "n/a", checklist.NA},
	} {
		got, err := AnswerWords(i18n.For(tc.lang)).Parse(checklist.KindItem, tc.word)
		if err != nil || got != tc.want {
			t.Errorf("%s %q = %q, %v; want %q", tc.lang, tc.word, got, err, tc.want)
		}
	}
	if _, err := AnswerWords(i18n.For("sq")).Parse(checklist.KindStatement, "po"); err == nil {
		t.Error("po is taken as a rating")
	}
}

// TestEnglishIsTheStoresEnglish reads import documents that do not
// validate: the English catalogue must word each problem exactly as the
// store's English (ImportError.Msg) does, the field's path included.
func TestEnglishIsTheStoresEnglish(t *testing.T) {
	session := func(extra string) string {
		return `{"format":"servicecheck-sessions","version":1,"sessions":[{"id":"s1","client":"Bar","assessor":"Ada",` +
			`"status":"in_progress","created_at":"2025-03-01T10:00:00Z","updated_at":"2025-03-01T10:00:00Z",` +
			`"pack":{"id":"p","version":"1","lang":"it"}` + extra + `}]}`
	}
	en := i18n.For("en")
	for _, doc := range []string{
		"", "[]", "{", `{"format":"x"}`, `{"format":"servicecheck-sessions"}`, `{"version":1}`,
		`{"version":0}`, `{"version":99}`, `{"version":1,"version":1}`, `{"version":1,"x":1}`,
		`{"version":1,"sessions":{}}`, `{"version":1,"packs":3}`, "{\"version\":1,\"a\xff\":1}",
		"{\"version\":1,\"sessions\":[{\"client\":\"\xff\"}]}",
		`{"version":1,"sessions":[{"id":"s1","client":5}]}`, `{"version":1,"sessions":[{"id":"s1","answers":[]}]}`,
		`{"version":1,"sessions":[{"id":"s 1"}]}`, `{"version":1,"sessions":[{"id":"s1"}]}`,
		`{"version":1,"sessions":[{"id":"s1","nope":1}]}`,
		session(`,"answers":{"q1":{"value":"maybe"}}`), session(`,"answers":{"q1":{}}`),
		session(`,"answers":{"":{"value":"yes"}}`), session(`,"answers":{"q1":{"value":"yes","note":"a\u001bb"}}`),
		session(`,"completed_at":"2025-03-02T10:00:00Z"`), session(`,"cursor":"` + strings.Repeat("x", 200) + `"`),
		session(`,"plan":{"review":[{"status":"great"}]}`), session(`,"plan":{"goals":[{"problem":"x","status":"soon"}]}`), session(`,"plan":{"review":[{"from":"a b"}]}`),
		session(`,"plan":{"goals":[{"problem":"x","source":{"kind":"area"}}]}`),
		strings.Replace(session(""), `"status":"in_progress"`, `"status":"done"`, 1),
		strings.Replace(session(""), `"updated_at":"2025-03-01T10:00:00Z"`, `"updated_at":"2025-02-01T10:00:00Z"`, 1),
		strings.Replace(session(""), `"created_at":"2025-03-01T10:00:00Z"`, `"created_at":"1990-03-01T10:00:00Z"`, 1),
		strings.Replace(session(""), `"pack":{"id":"p",`, `"pack":{"id":"",`, 1),
		`{"version":1,"sessions":[],"packs":[{"id":"p","version":"1","lang":"en","yaml":"id: q"}]}`,
		`{"version":1,"sessions":[],"packs":[{"id":"p","colour":1}]}`,
	} {
		_, err := store.ReadDocument(strings.NewReader(doc))
		var ie *store.ImportError
		if !errors.As(err, &ie) {
			t.Errorf("%q: %v, want an ImportError", doc, err)
			continue
		}
		if ie.Code == "" {
			t.Errorf("%q: %q has no code", doc, ie.Msg)
		}
		if got := Error(en, ie); got != ie.Msg {
			t.Errorf("%q:\ncatalogue %q\nstore     %q", doc, got, ie.Msg)
		}
	}
}
