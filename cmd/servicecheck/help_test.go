package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// TestHelpFits renders every command's help, hidden ones included, at 80
// columns and checks that it fits: no line
// wider than the screen, so the terminal never breaks a word; no trailing
// spaces; never two blank lines in a row. The help is rendered twice for
// each command, as the --help flag and as `servicecheck help CMD` give it
// (piped, which is 80 columns).
func TestHelpFits(t *testing.T) {
	root := newRootCmd(newApp(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }))
	var all []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		all = append(all, c)
		for _, sc := range c.Commands() {
			walk(sc)
		}
	}
	walk(root)
	if len(all) < 20 {
		t.Fatalf("only %d commands found", len(all))
	}
	for _, c := range all {
		for _, width := range []int{80} {
			t.Run(fmt.Sprintf("%s/%d", c.CommandPath(), width), func(t *testing.T) {
				var b bytes.Buffer
				writeHelp(&b, c, width)
				if msg := helpProblem(b.String(), width); msg != "" {
					t.Errorf("%s\n%s", msg, b.String())
				}
			})
		}
	}
	// Through the command line, piped.
	for _, c := range all {
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "servicecheck")), "--help")
		var out, errOut bytes.Buffer
		code := run(context.Background(), newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" }), args)
		if code != 0 || errOut.Len() > 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
		if msg := helpProblem(out.String(), 80); msg != "" {
			t.Errorf("%v: %s\n%s", args, msg, out.String())
		}
		if strings.Contains(out.String(), "\x1b") {
			t.Errorf("%v: escape codes in piped help", args)
		}
	}
}

// helpProblem names the first rule a rendered help breaks, or "".
func helpProblem(out string, width int) string {
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		plain := ansi.Strip(line)
		switch {
		case ansi.StringWidth(plain) > width:
			return fmt.Sprintf("line %d is %d columns wide: %q", i+1, ansi.StringWidth(plain), plain)
		case strings.TrimRight(plain, " \t") != plain:
			return fmt.Sprintf("line %d ends in spaces: %q", i+1, plain)
		case i > 0 && plain == "" && ansi.Strip(lines[i-1]) == "" && i < len(lines)-1:
			return fmt.Sprintf("lines %d and %d are both blank", i, i+1)
		}
	}
	return ""
}

func TestWrapText(t *testing.T) {
	got := wrapText("one two three four\nfive\n\n  kept   as is\nsix", 10, 2)
	want := "  one two\n  three four\n  five\n\n    kept   as is\n  six\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if got := wrapWords("a verylongwordindeed b", 5); strings.Join(got, "|") != "a|verylongwordindeed|b" {
		t.Errorf("a long word is never cut: %q", got)
	}
}

func TestHelpTopics(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"help", "export"}, 0, "--format", ""},
		{[]string{"help", "content", "validate"}, 0, "validate", ""},
		{[]string{"help", "bogus"}, exitUsage, "", `servicecheck: no help for "bogus": it is not a command` + "\nrun 'servicecheck --help' for usage\n"},
		{[]string{"help", "shw"}, exitUsage, "", `did you mean "show"?`},
		{[]string{"help", "content", "valdate"}, exitUsage, "", `did you mean "validate"?`},
		{[]string{"help", "list", "extra"}, exitUsage, "", `no help for "list extra"`},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(context.Background(), newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" }), tt.args)
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errOut.String(), tt.err) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, out.String(), errOut.String(), tt.code, tt.out, tt.err)
		}
	}
}

func TestWrapCommand(t *testing.T) {
	got := wrapCommand(`servicecheck serve --client "Bakery Rossi" --listen 192.168.1.20:2222`, 40)
	want := []string{`servicecheck serve --client`, `"Bakery Rossi" --listen`, `192.168.1.20:2222`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q (never inside quotes)", got, want)
	}
}
