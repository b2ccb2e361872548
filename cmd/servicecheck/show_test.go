package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// twoSessions records two completed sessions of Acme (all 2s, then all 4s
// with ease of contact at 1) and one unfinished session of Beta, in that
// order, and returns their ids.
func twoSessions(c *cliTest) (first, second, beta string) {
	c.t.Helper()
	c.ok("answer", "--answers", c.file("q1.yaml", answersFile("Acme Ltd", flat("2"), nil)))
	c.ok("answer", "--answers", c.file("q2.yaml", answersFile("Acme Ltd", func(a string) string {
		if a == "ease-of-contact" {
			return "1"
		}
		return "4"
	}, hostileNotes)))
	c.ok("answer", "--answers", c.file("b.yaml", []byte("client: Beta\nanswers:\n  responsiveness.third-ring: 5\n")), "--allow-incomplete")
	ss := c.sessions()
	return ss[2].ID, ss[1].ID, ss[0].ID
}

func TestShowJSON(t *testing.T) {
	c := newCLITest(t)
	_, second, beta := twoSessions(c)
	p := content.Default()

	var doc struct {
		ID          string           `json:"id"`
		Client      string           `json:"client"`
		Status      string           `json:"status"`
		CompletedAt *string          `json:"completed_at"`
		Pack        map[string]any   `json:"pack"`
		Total       map[string]any   `json:"total"`
		Areas       []map[string]any `json:"areas"`
		Sections    []map[string]any `json:"sections"`
		Weakest     []struct {
			ID      string   `json:"id"`
			Actions []string `json:"actions"`
		} `json:"weakest"`
	}
	if err := json.Unmarshal([]byte(c.ok("show", second, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID != second || doc.Client != "Acme Ltd" || doc.Status != "completed" || doc.CompletedAt == nil {
		t.Errorf("header = %+v", doc)
	}
	if doc.Pack["id"] != p.ID || doc.Pack["version"] != p.Version || doc.Pack["lang"] != p.Lang {
		t.Errorf("pack = %v", doc.Pack)
	}
	if len(doc.Areas) != len(p.Areas) || len(doc.Sections) != len(p.Sections) {
		t.Errorf("%d areas, %d sections", len(doc.Areas), len(doc.Sections))
	}
	for _, k := range []string{"id", "title", "score", "percent", "band", "answered", "na"} {
		if _, ok := doc.Areas[0][k]; !ok {
			t.Errorf("areas[].%s missing", k)
		}
	}
	if _, ok := doc.Areas[0]["statements"]; ok {
		t.Error("show --json carries every answer; that is the export's job")
	}
	if len(doc.Weakest) == 0 || doc.Weakest[0].ID != "ease-of-contact" || len(doc.Weakest[0].Actions) == 0 {
		t.Errorf("weakest = %+v", doc.Weakest)
	}

	// An unfinished session: no completion time, unrated areas null.
	var part map[string]any
	if err := json.Unmarshal([]byte(c.ok("show", "latest", "--json")), &part); err != nil {
		t.Fatal(err)
	}
	if part["id"] != beta || part["completed_at"] != nil {
		t.Errorf("latest = %v, completed_at %v", part["id"], part["completed_at"])
	}
	for _, a := range part["areas"].([]any) {
		am := a.(map[string]any)
		if am["id"] != "responsiveness" && (am["score"] != nil || am["percent"] != nil) {
			t.Errorf("unrated area %v has score %v, want null", am["id"], am["score"])
		}
	}
	// In progress: no total and no band, only the areas scored so far.
	if total := part["total"].(map[string]any); total["complete"] != false || total["score"] != nil || total["band"] != "" ||
		total["scored"] != 1.0 || total["remaining"] != 7.0 {
		t.Errorf("total = %v", total)
	}
	if _, ok := part["findings"].([]any); !ok {
		t.Errorf("findings = %v, want a list", part["findings"])
	}
	if _, ok := part["strengths"].([]any); !ok {
		t.Errorf("strengths = %v, want a list", part["strengths"])
	}
}

func TestShowMarkdown(t *testing.T) {
	c := newCLITest(t)
	first, second, _ := twoSessions(c)
	md := c.ok("show", "latest", "--client", " acme LTD ")
	for _, want := range []string{
		"# Customer service check: Acme Ltd\n",
		"- Session: " + second + "\n",
		"## Change since 1 Mar 2025\n",
		"Earlier session " + first,
		"| Ease of contact | 2.0 | 1.0 | -1.0 |",
		"| Responsiveness | 2.0 | 4.0 | +2.0 |",
		"Note: \\<script\\>alert('x')\\</script\\> & \\<b\\>bold\\</b\\>",
		"Klientët janë të kënaqur – ë, Клиенты довольны, 🎉👍🏽",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if strings.Contains(md, "\x1b[") {
		t.Error("styled output in a pipe")
	}
	// The first session has nothing earlier to compare with.
	if md := c.ok("show", first); strings.Contains(md, "Change since") {
		t.Error("comparison shown for a client's first session")
	}
}

func TestShowErrors(t *testing.T) {
	c := newCLITest(t)
	c.fails(exitNotFound, "show", "latest")
	twoSessions(c)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"show", "nosuchid"}, exitNotFound, "nosuchid"},
		{[]string{"show", "latest", "--client", "Nobody"}, exitNotFound, `client "Nobody" has no sessions`},
		{[]string{"show", "0", "--client", "Acme"}, exitUsage, "--client goes with 'latest'"},
		{[]string{"show"}, exitUsage, "show: missing argument"},
	}
	for _, tt := range tests {
		if stderr := c.fails(tt.code, tt.args...); !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr, tt.stderr)
		}
	}
}

// The documented exit codes for a data file that is held by another
// servicecheck (4) or is not a servicecheck file (5).
func TestDataFileExitCodes(t *testing.T) {
	c := newCLITest(t)
	twoSessions(c)
	held, err := store.Open(c.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"show", "latest"}, {"answer", "--answers", c.file("q.yaml", answersFile("A", flat("3"), nil))}} {
		if stderr := c.fails(exitInUse, args...); !strings.Contains(stderr, "servicecheck: ") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
	}
	held.Close()

	c.db = c.file("junk.db", bytes.Repeat([]byte("not a database "), 1000))
	for _, args := range [][]string{{"list", "--json"}, {"show", "latest"}, {"compare", "--client", "A"}, {"export", "latest"}, {"delete", "x", "--yes"}} {
		c.fails(exitDamaged, args...)
	}
}
