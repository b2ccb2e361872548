package reliability

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileWithin bounds how long any command may take to refuse a file:
// an alias bomb or an endless stream must be cut short, not ground through.
const hostileWithin = 10 * time.Second

// aliasBomb is a YAML "billion laughs": nine levels of nine aliases, a
// few hundred bytes that expand to 387 million strings.
func aliasBomb(under string) string {
	var b strings.Builder
	b.WriteString("x0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i < 9; i++ {
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString("x" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" +
			strings.TrimSuffix(strings.Repeat(prev+",", 9), ",") + "]\n")
	}
	b.WriteString(under + ": *a8\n")
	return b.String()
}

// hostile are the contents every parser is fed, whatever it parses.
func hostile(valid []byte, limit int) map[string][]byte {
	rng := rand.New(rand.NewPCG(11, 13))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	return map[string][]byte{
		"empty":          nil,
		"truncated":      valid[:len(valid)/2],
		"binary garbage": garbage,
		"NUL bytes":      bytes.Repeat([]byte{0}, 1000),
		"invalid UTF-8":  append([]byte("\xff\xfe\xfd"), valid[3:]...),
		"deep nesting":   []byte(strings.Repeat("[", 200_000)),
		"deep objects":   []byte(strings.Repeat(`{"a":`, 100_000)),
		"just too big":   append(bytes.Repeat([]byte("# padding\n"), limit/10+1), valid...),
		"huge line":      append(append([]byte("client: "), bytes.Repeat([]byte("x"), limit-100)...), '\n'),
	}
}

// TestHostileInputFiles feeds the three parsers of user files (content
// packs, answers files, import documents) malformed, hostile and enormous
// input through the commands that read them. Each is refused with exit
// status 6 and a message naming the file, promptly, without a panic; the
// data file is untouched.
func TestHostileInputFiles(t *testing.T) {
	w := newWorld(t)
	seedSessions(t, w.db, "seed", 5)
	export := w.run("", "content", "export")
	if export.code != 0 || len(export.stdout) < 1000 {
		t.Fatalf("content export: exit %d\n%s", export.code, export.stderr)
	}
	answers, err := os.ReadFile(writeAnswers(t, w.dir))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(writeDoc(t, w.dir, "doc", 3))
	if err != nil {
		t.Fatal(err)
	}
	kinds := []struct {
		name     string
		valid    []byte
		limit    int
		commands [][]string // FILE stands for the file under test
		extra    map[string]string
	}{
		{"pack", []byte(export.stdout), 1 << 20,
			[][]string{{"content", "validate", "FILE"}, {"content", "show", "--pack", "FILE"}},
			map[string]string{
				"alias bomb":    aliasBomb("intro"),
				"wrong types":   "id: [1, 2]\nversion: {a: b}\nlang: 7\nsections: yes\n",
				"hostile ids":   strings.Replace(export.stdout, "id: servicecheck", "id: ../../"+strings.Repeat("x", 5000), 1),
				"control chars": strings.Replace(export.stdout, "title: ", "title: \"\\u0000\\u001b[2J\" ", 1),
			}},
		{"answers", answers, 256 << 10,
			[][]string{{"answer", "--answers", "FILE"}},
			map[string]string{
				"alias bomb":     aliasBomb("answers"),
				"unknown ids":    "client: A\nanswers:\n  nope.nothing: yes\n  ../../etc: 4\n",
				"bad values":     strings.Replace(string(answers), ": yes\n", ": 17\n", 1),
				"control chars":  "client: \"\\u0000\\u001b[2J\"\n" + strings.SplitN(string(answers), "\n", 2)[1],
				"json not yaml":  `{"client": "A", "answers": {"x": [1, 2, {"y": null}]}}`,
				"duplicate keys": "client: A\nclient: B\n" + strings.SplitN(string(answers), "\n", 2)[1],
			}},
		{"import", doc, 64 << 20,
			[][]string{{"import", "FILE"}},
			map[string]string{
				"alias bomb":     aliasBomb("sessions"),
				"unknown fields": strings.Replace(string(doc), `"client"`, `"clientx"`, 1),
				"bad values":     strings.Replace(string(doc), `"value": "yes"`, `"value": "maybe"`, 1),
				"hostile id":     strings.Replace(string(doc), `"doc-0000"`, `"../../etc/passwd"`, 1),
				"newer version":  strings.Replace(string(doc), `"version": 1`, `"version": 99`, 1),
				"duplicate keys": strings.Replace(string(doc), `"version": 1,`, `"version": 1, "version": 1,`, 1),
			}},
	}
	before := hash(t, w.db)
	listBefore := w.run("", "list", "--json").stdout
	for _, k := range kinds {
		cases := hostile(k.valid, k.limit)
		if k.name == "import" {
			delete(cases, "just too big") // /dev/zero below covers the 64 MiB cap without writing it
			delete(cases, "huge line")
		}
		for name, text := range k.extra {
			cases[name] = []byte(text)
		}
		cases["endless stream"] = nil
		for name, data := range cases {
			t.Run(k.name+"/"+name, func(t *testing.T) {
				w := w.in(t)
				path := filepath.Join(w.dir, "in", k.name+"-"+strings.ReplaceAll(name, " ", "-"))
				if name == "endless stream" {
					path = "/dev/zero"
				} else {
					writeBytes(t, mkdirFor(t, path), data)
				}
				for _, c := range k.commands {
					args := make([]string, len(c))
					for i, a := range c {
						args[i] = strings.ReplaceAll(a, "FILE", path)
					}
					r := w.run("", args...)
					checkInputError(t, strings.Join(args, " "), r, path)
				}
			})
		}
	}
	if hash(t, w.db) != before {
		t.Error("refused input files changed the data file")
	}
	if after := w.run("", "list", "--json").stdout; after != listBefore {
		t.Errorf("the sessions changed:\nbefore %s\nafter %s", clip(listBefore), clip(after))
	}
	checkFile(t, w.db, "after the hostile files")
}

// checkInputError fails unless r refused an input file the way users are
// promised: exit status 6, the file named, the problems listed one a line
// before the program's own line, no crash, no long wait.
func checkInputError(t *testing.T, what string, r result, path string) {
	t.Helper()
	if r.code != exitInvalid {
		t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", what, r.code, exitInvalid, clip(r.stdout), clip(r.stderr))
	}
	for _, bad := range []string{"panic", "goroutine ", "runtime error", ".go:"} {
		if strings.Contains(r.stderr+r.stdout, bad) {
			t.Errorf("%s: output shows %q:\n%s", what, bad, clip(r.stderr))
		}
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "servicecheck: ") {
		t.Errorf("%s: stderr does not end with the program's message: %s", what, clip(r.stderr))
	}
	if !strings.Contains(r.stderr, filepath.Base(path)) {
		t.Errorf("%s: the message does not name the file: %s", what, clip(r.stderr))
	}
	if len(lines) > 60 {
		t.Errorf("%s: %d lines of errors; a hostile file should not flood the terminal", what, len(lines))
	}
	if r.took > hostileWithin {
		t.Errorf("%s: took %v", what, r.took)
	}
}
