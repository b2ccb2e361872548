package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

func TestExportFormats(t *testing.T) {
	c := newCLITest(t)
	first, second, _ := twoSessions(c)
	tests := []struct {
		format string
		check  func(t *testing.T, data []byte)
	}{
		{"md", func(t *testing.T, data []byte) {
			// The previous session beside this one in the summary; notes
			// escaped only where they would be markup (a table's pipes).
			// The trend of the total lists both sessions, oldest first,
			// one column a session.
			for _, want := range []string{"# Customer service check: Acme Ltd\n", "| Previous audit (1 Mar 2025) |",
				"### Trend of the total\n\n| Date | 1 Mar 2025 | ", "| --- | --- | --- |\n| **Total** | ",
				"=SUM(A1:A9)", "\\| pipes \\| and \\*stars\\* and # hashes"} {
				if !bytes.Contains(data, []byte(want)) {
					t.Errorf("markdown lacks %q", want)
				}
			}
		}},
		{"html", func(t *testing.T, data []byte) {
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			notes := map[string]bool{}
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && n.Data == "script" {
					t.Error("script element in the report")
				}
				if n.Type == html.ElementNode && n.Data == "td" && len(n.Attr) > 0 && n.Attr[0].Val == "note" && n.FirstChild != nil {
					notes[n.FirstChild.Data] = true
				}
			}
			for id, want := range hostileNotes {
				if !notes[want] {
					t.Errorf("note of %s not found as text: %q", id, want)
				}
			}
			if !bytes.Contains(data, []byte(`<section class="part" id="summary">`)) || !bytes.Contains(data, []byte("Previous audit (1 Mar 2025)")) {
				t.Error("no summary with the earlier session beside this one")
			}
		}},
		{"csv", func(t *testing.T, data []byte) {
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			answers := 0
			for _, r := range rows[1:] {
				if r[3] == "item" || r[3] == "statement" {
					answers++
				}
			}
			// The scores follow the answers: the total, 8 areas, 4 sections.
			if answers != 78 || len(rows) != 1+78+13 {
				t.Errorf("%d rows, %d answers: want a header, 78 answers and 13 scores", len(rows), answers)
			}
			found := 0
			for _, r := range rows[1:] {
				if r[0] != second || r[1] != "Acme Ltd" {
					t.Fatalf("row %q", r)
				}
				if n, ok := hostileNotes[r[5]]; ok {
					found++
					if want := n; r[8] != want && r[8] != "'"+want {
						t.Errorf("%s note = %q, want %q", r[5], r[8], want)
					}
				}
			}
			if found != len(hostileNotes) {
				t.Errorf("%d notes found, want %d", found, len(hostileNotes))
			}
		}},
		{"json", func(t *testing.T, data []byte) {
			var doc struct {
				Format   string               `json:"format"`
				Version  int                  `json:"version"`
				Sessions []*checklist.Session `json:"sessions"`
				Reports  []report.Document    `json:"reports"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Format != "servicecheck-sessions" || doc.Version != 1 || len(doc.Sessions) != 1 || len(doc.Reports) != 1 {
				t.Fatalf("document %s v%d with %d sessions, %d reports", doc.Format, doc.Version, len(doc.Sessions), len(doc.Reports))
			}
			if doc.Sessions[0].ID != second || doc.Reports[0].ID != second || len(doc.Sessions[0].Answers) != 78 {
				t.Errorf("wrong session exported")
			}
			n := 0
			for _, a := range doc.Reports[0].Areas {
				for _, l := range a.Statements {
					if l.Note != doc.Sessions[0].Answers[l.ID].Note || l.Value() != doc.Sessions[0].Answers[l.ID].Value {
						t.Errorf("%s: report %q %q, session %+v", l.ID, l.Value(), l.Note, doc.Sessions[0].Answers[l.ID])
					}
					n++
				}
			}
			if n != 44 {
				t.Errorf("%d statements in the report, want 44", n)
			}
			if bytes.Contains(data, []byte(first)) {
				t.Error("the JSON export depends on the client's other sessions")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			stdout := c.ok("export", "latest", "--client", "Acme Ltd", "--format", tt.format)
			tt.check(t, []byte(stdout))
			file := filepath.Join(c.dir, "report."+tt.format)
			if out := c.ok("export", second, "-f", tt.format, "-o", file); out != "" {
				t.Errorf("stdout %q with -o", out)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, []byte(stdout)) {
				t.Error("file and standard output differ")
			}
			if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
				t.Errorf("report file mode %v, want 0600", fi.Mode().Perm())
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	c := newCLITest(t)
	first, _, _ := twoSessions(c)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"export", first, "--format", "odt"}, exitUsage, `unknown format "odt": use md, html, pdf, docx, json, csv`},
		{[]string{"export", "nosuch"}, exitNotFound, "nosuch"},
		{[]string{"export", first, "--client", "Acme"}, exitUsage, "--client goes with 'latest'"},
		{[]string{"export", first, "-o", filepath.Join(c.dir, "no", "such", "dir", "r.md")}, exitError, "write "},
	}
	for _, tt := range tests {
		if stderr := c.fails(tt.code, tt.args...); !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr, tt.stderr)
		}
	}
	// A failed export leaves no temporary file behind.
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left %s", e.Name())
		}
	}
}

// The JSON export round-trips exactly: export, import into an empty file,
// export again, and the two documents are the same bytes.
func TestExportJSONRoundTrip(t *testing.T) {
	c := newCLITest(t)
	_, second, beta := twoSessions(c)
	for _, id := range []string{second, beta} {
		first := c.ok("export", id, "--format", "json")

		sessions, err := store.ImportJSON(strings.NewReader(first))
		if err != nil {
			t.Fatalf("import of the export: %v", err)
		}
		empty := filepath.Join(t.TempDir(), "other.db")
		err = store.Do(empty, store.Options{Summarize: newPackResolver().summarize}, func(st *store.Store) error {
			res, err := st.Import(sessions)
			if err == nil && (len(res.Imported) != 1 || res.Imported[0] != id) {
				err = fmt.Errorf("imported %v", res.Imported)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		again := c.ok("--db", empty, "export", id, "--format", "json")
		if again != first {
			t.Errorf("%s: export after import differs:\n%s", id, firstDiff(first, again))
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}
