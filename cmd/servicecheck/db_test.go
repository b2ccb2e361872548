package main

import "testing"

func TestShellQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/home/ana/audits.db", "/home/ana/audits.db"},
		{"/home/ana/my audits/a.db", "'/home/ana/my audits/a.db'"},
		{"/tmp/it's.db", `'/tmp/it'\''s.db'`},
		{"/tmp/$HOME.db", "'/tmp/$HOME.db'"},
		{"", "''"},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.in); got != tt.want {
			t.Errorf("shellQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
