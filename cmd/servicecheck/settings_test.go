package main

import (
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
