package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestDeleteNeedsConfirmation(t *testing.T) {
	c := newCLITest(t)
	first, _, _ := twoSessions(c)
	// Standard input is not a terminal here: without --yes, refuse.
	stderr := c.fails(exitUsage, "delete", first)
	if !strings.Contains(stderr, "delete needs confirmation: pass --yes") {
		t.Errorf("stderr = %q", stderr)
	}
	c.fails(exitUsage, "delete", "--client", "Acme Ltd")
	if n := len(c.sessions()); n != 3 {
		t.Fatalf("%d sessions left, want 3", n)
	}
}

func TestDelete(t *testing.T) {
	c := newCLITest(t)
	first, second, beta := twoSessions(c)
	if out := c.ok("delete", first[:len(first)-2], "--yes"); out != "deleted session "+first+"\n" {
		t.Errorf("stdout = %q", out)
	}
	c.fails(exitNotFound, "delete", first, "--yes")
	if out := c.ok("delete", "--client", "  ACME ltd", "-y"); out != "deleted 1 session of client Acme Ltd\n" {
		t.Errorf("stdout = %q", out)
	}
	ss := c.sessions()
	if len(ss) != 1 || ss[0].ID != beta {
		t.Errorf("left %v, want only %s (not %s)", ss, beta, second)
	}
	c.fails(exitNotFound, "delete", "--client", "Acme Ltd", "--yes")
	c.fails(exitUsage, "delete", beta, "--client", "Beta", "--yes")
	c.fails(exitUsage, "delete", "--yes")
}

// runDelete asks on a terminal; only an explicit yes deletes.
func TestDeleteAsks(t *testing.T) {
	tests := []struct {
		answer  string
		deleted bool
	}{
		{"y\n", true}, {"YES\n", true}, {"n\n", false}, {"\n", false}, {"", false}, {"yes please\n", false},
	}
	for _, tt := range tests {
		c := newCLITest(t)
		first, _, _ := twoSessions(c)
		var out, errOut bytes.Buffer
		a := c.app("", &out, &errOut)
		a.dbFlag = c.db
		err := runDelete(a, &deleteOptions{In: strings.NewReader(tt.answer), Out: &out, ErrOut: &errOut,
			Session: first, Interactive: true})
		if err != nil {
			t.Fatalf("%q: %v", tt.answer, err)
		}
		if !strings.Contains(errOut.String(), "delete session "+first+" of client Acme Ltd (1 Mar 2025, completed)? this cannot be undone [y/N] ") {
			t.Errorf("%q: prompt = %q", tt.answer, errOut.String())
		}
		if deleted := len(c.sessions()) == 2; deleted != tt.deleted {
			t.Errorf("%q: deleted = %v, want %v", tt.answer, deleted, tt.deleted)
		}
		if !tt.deleted && !strings.Contains(errOut.String(), "nothing deleted") {
			t.Errorf("%q: no word that nothing was deleted", tt.answer)
		}
	}
}
