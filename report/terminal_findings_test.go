package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTerminalFindings: show on a terminal lists the findings right after
// the summary, each No or Partly item and each statement rated 1 or 2
// with its text, answer, note and advice, then the strengths.
func TestTerminalFindings(t *testing.T) {
	var buf bytes.Buffer
	d := Build(testPack(), laterSession(), nil, nil)
	if err := WriteTerminal(&buf, d, TermOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := ansi.Strip(buf.String())
	if len(d.Findings) == 0 {
		t.Fatal("the fixture has no findings")
	}
	head := strings.Index(out, "Findings (")
	if head < 0 || head > strings.Index(out, "\nAreas\n") {
		t.Fatalf("no findings before the areas:\n%s", out)
	}
	for _, want := range []string{"Every department knows its internal customers", "No · ",
		"Note: =HYPERLINK(\"http://evil\")", "Partly · ", "Note: First line", "Strengths"} {
		if !strings.Contains(out[head:], want) {
			t.Errorf("findings lack %q:\n%s", want, out[head:])
		}
	}
}
