package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/config"
	"github.com/servicecheck/servicecheck/i18n"
)

// TestConfigMessagesMatch checks that the catalogue's English for each
// config problem is the config package's own (Error), and that every code
// has words in the catalogue.
func TestConfigMessagesMatch(t *testing.T) {
	l := i18n.For("en")
	for code, english := range config.Messages {
		p := &config.Problem{Path: "f", Code: code, Args: map[string]any{}}
		for _, name := range []string{"Detail", "Size", "Max", "Key", "Keys", "Example", "Char"} {
			if strings.Contains(english, "{{."+name+"}}") {
				p.Args[name] = "<" + name + ">"
			}
		}
		if got, want := configProblem(l, p), p.Error(); got != want {
			t.Errorf("%s: catalogue says %q, config.Messages %q", code, got, want)
		}
	}
}

// TestConfigTextPseudo runs servicecheck config, with a config file that
// has a problem of every kind it can have at once, in the pseudo-language:
// nothing but names (keys, variables, sources), paths and the parser's
// quoted words may be left outside ⟦…⟧.
func TestConfigTextPseudo(t *testing.T) {
	testLang = i18n.Pseudo
	defer func() { testLang = "" }()
	dir := t.TempDir()
	for _, tt := range []struct{ name, file string }{
		// One at a time, in one file named without letters.
		{"keys", "assessor: [a, b]\nlnag: x\nfirm: x\nfirm: y\n"},
		{"syntax", "firm: [x\n"},
		{"none", ""},
	} {
		path := filepath.Join(dir, "π")
		_ = os.Remove(path)
		if tt.file != "" {
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		env := map[string]string{"HOME": dir, config.EnvConfig: path, "SERVICECHECK_DB": filepath.Join(dir, "x.db")}
		var out, errOut bytes.Buffer
		code := run(context.Background(), newApp(strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] }), []string{"config"})
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", tt.name, code, errOut.String())
		}
		text := strings.ReplaceAll(out.String()+errOut.String(), dir, "")
		if !strings.Contains(text, "⟦KEY⟧") {
			t.Errorf("%s: the headings are not from the catalogue:\n%s", tt.name, text)
		}
		text = regexp.MustCompile(`"[^"]*"|\b(lang|assessor|db|firm|consultant|contact|logo|default|config|env|flag|en|x|SERVICECHECK_[A-Z]+|yaml)\b`).ReplaceAllString(text, "")
		if left := outsideBrackets(text); left != "" {
			t.Errorf("%s: %q outside ⟦…⟧ in:\n%s", tt.name, left, out.String()+errOut.String())
		}
	}
}
