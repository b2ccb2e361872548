package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

func TestAnswerRecordsACompletedSession(t *testing.T) {
	c := newCLITest(t)
	file := c.file("q1.yaml", answersFile("  Acme Ltd ", flat("4"), hostileNotes))
	out := c.ok("answer", "--answers", file, "--json")

	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	ss := c.sessions()
	if len(ss) != 1 {
		t.Fatalf("%d sessions stored, want 1", len(ss))
	}
	s := ss[0]
	if s.Client != "Acme Ltd" || s.Assessor != "Jo" || s.Status != checklist.Completed || s.CompletedAt.IsZero() {
		t.Errorf("stored %q %q %s %v", s.Client, s.Assessor, s.Status, s.CompletedAt)
	}
	p := content.Default()
	if s.Pack != p.Ref() || len(s.Answers) != len(p.Questions()) {
		t.Errorf("pack %v, %d answers; want %v, %d", s.Pack, len(s.Answers), p.Ref(), len(p.Questions()))
	}
	for id, n := range hostileNotes {
		if s.Answers[id].Note != n {
			t.Errorf("note %s = %q, want %q", id, s.Answers[id].Note, n)
		}
	}
	if doc["id"] != s.ID || doc["status"] != "completed" {
		t.Errorf("printed id %v status %v, stored %s", doc["id"], doc["status"], s.ID)
	}
	total := doc["total"].(map[string]any)
	if total["score"].(float64) != 4*float64(len(p.Areas)) || total["complete"] != true {
		t.Errorf("total = %v", total)
	}
	if !strings.Contains(c.last.errOut, "recorded session "+s.ID+" for Acme Ltd (completed)") {
		t.Errorf("stderr = %q", c.last.errOut)
	}
}

func TestAnswerFlagsOverrideTheFile(t *testing.T) {
	c := newCLITest(t)
	file := c.file("q.json", answersFile("From File", flat("3"), nil))
	c.ok("answer", "--answers", file, "--client", "Beta", "--assessor", "Mo")
	if s := c.sessions()[0]; s.Client != "Beta" || s.Assessor != "Mo" {
		t.Errorf("client, assessor = %q, %q", s.Client, s.Assessor)
	}
}

func TestAnswerFromStdin(t *testing.T) {
	c := newCLITest(t)
	c.run(string(answersFile("Acme", flat("2"), nil)), "answer", "--answers", "-")
	if c.last.code != exitOK {
		t.Fatalf("exit %d: %s", c.last.code, c.last.errOut)
	}
	if !strings.HasPrefix(c.last.out, "# Customer service check: Acme\n") {
		t.Errorf("not printed as show prints Markdown:\n%s", c.last.out)
	}
}

func TestAnswerIncomplete(t *testing.T) {
	c := newCLITest(t)
	data := "client: Acme\nanswers:\n  responsiveness.third-ring: 4\n  culture.front-line-time: yes\n"
	file := c.file("part.yaml", []byte(data))

	stderr := c.fails(exitInvalid, "answer", "--answers", file)
	missing := len(content.Default().Questions()) - 2
	if !strings.Contains(stderr, file+":2:1: answers: "+itoa(missing)+" of the pack's ids not answered: culture.customer-first-training, ") ||
		!strings.Contains(stderr, "servicecheck: "+file+": invalid answers file: 1 problem") {
		t.Errorf("stderr = %q", stderr)
	}
	if n := len(c.sessions()); n != 0 {
		t.Fatalf("%d sessions stored from an incomplete file", n)
	}

	c.ok("answer", "--answers", file, "--allow-incomplete")
	s := c.sessions()[0]
	if s.Status != checklist.InProgress || !s.CompletedAt.IsZero() {
		t.Errorf("status %s, completed %v; want in progress", s.Status, s.CompletedAt)
	}
	if s.Cursor != "culture.customer-first-training" {
		t.Errorf("cursor = %q, want the first unanswered question", s.Cursor)
	}
	if !strings.Contains(c.last.errOut, "(in progress, "+itoa(missing)+" questions left)") {
		t.Errorf("stderr = %q", c.last.errOut)
	}
}

func TestAnswerErrors(t *testing.T) {
	c := newCLITest(t)
	good := answersFile("Acme", flat("4"), nil)
	bad := strings.Replace(string(good), "responsiveness.third-ring: 4", "responsiveness.third-ring: 7", 1)
	bad = strings.Replace(bad, "culture.front-line-time: ", "culture.nope: ", 1)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"no file flag", []string{"answer"}, exitUsage, []string{"answer needs --answers FILE"}},
		{"missing file", []string{"answer", "--answers", c.dir + "/none.yaml"}, exitNotFound, []string{"read answers: "}},
		{"invalid values", []string{"answer", "--answers", c.file("bad.yaml", []byte(bad))}, exitInvalid, []string{
			`: answers.culture.nope: unknown id: not a checklist item or statement of servicecheck 1.0.0`,
			`: answers.responsiveness.third-ring: "7" is not a rating: use 1 to 5 or na`,
			"invalid answers file: 2 problems"}},
		{"no client", []string{"answer", "--answers", c.file("anon.yaml", answersFile("", flat("4"), nil))}, exitUsage,
			[]string{`no client: add "client: NAME" to the file or pass --client`}},
		{"unknown language", []string{"answer", "--answers", c.file("ok.yaml", good), "--lang", "xx"}, exitUsage,
			[]string{`no content pack in language "xx"`}},
		{"positional argument", []string{"answer", "q.yaml"}, exitUsage, []string{"unknown command"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stderr := c.fails(tt.code, tt.args...)
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if c.last.out != "" {
				t.Errorf("stdout = %q, want nothing", c.last.out)
			}
		})
	}
	if n := len(c.sessions()); n != 0 {
		t.Errorf("%d sessions stored by failed runs", n)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// The template is a valid answers file at every stage: empty, it lists
// every id as missing; filled in, it records a completed session.
func TestAnswerTemplate(t *testing.T) {
	c := newCLITest(t)
	tmpl := c.ok("answer", "--template", "--client", "Acme \"Ltd\"")
	p := content.Default()
	af, err := checklist.ParseAnswers("t.yaml", []byte(tmpl), p)
	if err != nil {
		t.Fatalf("template does not parse: %v\n%s", err, tmpl)
	}
	if af.Client != `Acme "Ltd"` || len(af.Missing) != len(p.Questions()) {
		t.Errorf("client %q, %d missing, want %d", af.Client, len(af.Missing), len(p.Questions()))
	}
	var filled strings.Builder
	for _, ln := range strings.SplitAfter(tmpl, "\n") {
		id, rest, ok := strings.Cut(ln, ":   # ")
		switch kind := p.Kind(strings.TrimSpace(id)); {
		case ok && kind == checklist.KindItem:
			ln = id + ": partly   # " + rest
		case ok && kind == checklist.KindStatement:
			ln = id + ": 3   # " + rest
		}
		filled.WriteString(ln)
	}
	c.ok("answer", "--answers", c.file("filled.yaml", []byte(filled.String())))
	if s := c.sessions()[0]; s.Status != checklist.Completed || s.Client != `Acme "Ltd"` || len(s.Answers) != len(p.Questions()) {
		t.Errorf("recorded %s for %q with %d answers", s.Status, s.Client, len(s.Answers))
	}
	c.fails(exitUsage, "answer", "--template", "--answers", "x.yaml")
}
