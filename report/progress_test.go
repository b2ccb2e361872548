package report

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// A checklist section with one item answered Yes scores 100%: every
// rendering says how many items are answered, so that 100% is not read as
// "all done", and says what the percentage is.
func TestUnfinishedChecklistSaysHowManyAreAnswered(t *testing.T) {
	p := testPack()
	s := unfinishedSession()
	s.Answers["culture.training"] = ans(checklist.Yes, "")
	d := Build(p, s, nil, nil)
	tests := []struct {
		name  string
		write func(io.Writer, Document) error
		want  []string
	}{
		{"markdown", WriteMarkdown, []string{
			"| Section | Score | Answered | Yes | Partly | No | N/A |\n",
			"| Culture | 100% | 1 of 3 | 1 | 0 | 0 | 0 |\n",
			"| Identify – Kush janë klientët | – | 0 of 2 | 0 | 0 | 0 | 0 |\n",
			results.In("en").T("results.checklist_note"),
		}},
		{"html", WriteHTML, []string{
			"Culture: 100% <span class=\"muted\">(1 of 3 answered: yes 1, partly 0, no 0, n/a 0)</span>",
			"Partly ½ and No 0",
		}},
		{"terminal", func(w io.Writer, d Document) error {
			var buf bytes.Buffer
			err := WriteTerminal(&buf, d, TermOptions{Width: 100})
			_, _ = io.WriteString(w, ansi.Strip(buf.String()))
			return err
		}, []string{"100%  1 of 3 answered · yes 1 · partly 0 · no 0 · n/a 0\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, d); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

// The terminal checklist fits the width with the answered counts: on a
// narrow terminal each line says only how many items are answered.
func TestUnfinishedChecklistFitsTheTerminal(t *testing.T) {
	s := unfinishedSession()
	s.Answers["culture.training"] = ans(checklist.Yes, "")
	for _, width := range []int{40, 60, 80} {
		var buf bytes.Buffer
		if err := WriteTerminal(&buf, Build(testPack(), s, nil, nil), TermOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		_, after, _ := strings.Cut(ansi.Strip(buf.String()), "\nChecklist")
		lines := strings.Split(after, "\n")[1:3] // after the heading line
		for _, ln := range lines {
			if !strings.Contains(ln, " answered") || ansi.StringWidth(ln) > width {
				t.Errorf("width %d: line %q", width, ln)
			}
		}
	}
}

// A comparison with a session still in progress says so next to its date.
func TestComparisonNamesASessionInProgress(t *testing.T) {
	p := testPack()
	c := Compare(p, earlierSession(), p, unfinishedSession())
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  string
	}{
		{"markdown", func(w io.Writer) error { return WriteComparisonMarkdown(w, c) },
			"later session S3 (10 Apr 2025, in progress)."},
		{"terminal", func(w io.Writer) error { return WriteComparisonTerminal(w, c, TermOptions{Width: 80}) },
			"later S3 (10 Apr 2025, in progress)"},
		{"html", func(w io.Writer) error {
			return WriteHTML(w, Build(p, unfinishedSession(), earlierSession(), p))
		}, "this session S3 (10 Apr 2025, in progress)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("lacks %q:\n%s", tt.want, buf.String())
			}
			if strings.Contains(buf.String(), "S1 (10 Jan 2025, in progress)") {
				t.Error("the completed session is called in progress")
			}
		})
	}
}

// Every report is headed by the pack's own title: a pack in Italian, or a
// user's own, is not called "Customer service check".
func TestReportsAreHeadedByThePackTitle(t *testing.T) {
	p := testPack()
	p.Title = "Verifica del servizio clienti"
	d := Build(p, laterSession(), nil, nil)
	for name, write := range map[string]func(io.Writer, Document) error{
		"markdown": WriteMarkdown, "html": WriteHTML,
		"terminal": func(w io.Writer, d Document) error { return WriteTerminal(w, d, TermOptions{Width: 80}) },
	} {
		var buf bytes.Buffer
		if err := write(&buf, d); err != nil {
			t.Fatal(err)
		}
		out := ansi.Strip(buf.String())
		if !strings.Contains(out, "Verifica del servizio clienti: Acme") || strings.Contains(out, "Customer service check") {
			t.Errorf("%s: not headed by the pack title:\n%.300s", name, out)
		}
	}
	p.Title = ""
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, Build(p, laterSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "# Customer service check: Acme") {
		t.Errorf("untitled pack: %.80s", buf.String())
	}
}
