package main

import (
	"strings"
	"testing"
)

// A --client or --assessor the data file would refuse is a usage error
// naming the flag, and nothing is stored; it used to fail when stored,
// naming a session id that never existed.
func TestAnswerRefusesBadNameFlags(t *testing.T) {
	c := newCLITest(t)
	file := c.file("a.yaml", answersFile("Acme", flat("3"), nil))
	tests := []struct {
		flag, value, want string
	}{
		{"--client", "Acme\x1b[31m", "servicecheck: --client: holds the control character U+001B: remove it\n"},
		{"--assessor", "Jo\tJo", "servicecheck: --assessor: holds the control character U+0009: remove it\n"},
		{"--client", strings.Repeat("a", 300), "servicecheck: --client: 300 bytes long: at most 256\n"},
	}
	for _, tt := range tests {
		stderr := c.fails(exitUsage, "answer", "--answers", file, tt.flag, tt.value)
		if !strings.HasPrefix(stderr, tt.want) {
			t.Errorf("%s %q: stderr %q, want %q", tt.flag, tt.value, stderr, tt.want)
		}
	}
	c.ok("list")
	if !strings.Contains(c.last.errOut, "no sessions yet") {
		t.Errorf("something was stored: %s", c.last.errOut)
	}
}
