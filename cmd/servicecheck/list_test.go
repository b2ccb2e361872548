package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	c := newCLITest(t)
	if out := c.ok("list", "--json"); out != "[]\n" {
		t.Errorf("list --json without a data file = %q, want []", out)
	}
	if out := c.ok("list"); out != "" || !strings.Contains(c.last.errOut, "no sessions yet") {
		t.Errorf("list without a data file: stdout %q, stderr %q", out, c.last.errOut)
	}
	first, second, beta := twoSessions(c)

	table := c.ok("list")
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	if len(lines) != 4 || !regexp.MustCompile(`^ID +CLIENT +ASSESSOR +DATE +STATUS +TOTAL$`).MatchString(lines[0]) {
		t.Fatalf("table:\n%s", table)
	}
	for i, re := range []string{
		// In progress: no total, no footnote (issue 10).
		`^` + beta + ` +Beta +– +1 Mar 2025 +in progress +–$`,
		`^` + second + ` +Acme Ltd +Jo +1 Mar 2025 +completed +29\.0/40$`,
		`^` + first + ` +Acme Ltd +Jo +1 Mar 2025 +completed +16\.0/40$`,
	} {
		if !regexp.MustCompile(re).MatchString(lines[i+1]) {
			t.Errorf("line %d = %q, want %s", i+1, lines[i+1], re)
		}
	}

	var items []struct {
		ID          string  `json:"id"`
		Client      string  `json:"client"`
		Status      string  `json:"status"`
		Date        string  `json:"date"`
		CompletedAt *string `json:"completed_at"`
		Answered    int     `json:"answered"`
		Total       struct {
			Score    *float64 `json:"score"`
			Max      float64  `json:"max"`
			Complete bool     `json:"complete"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(c.ok("list", "--client", "ACME ltd", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].ID != second || items[1].ID != first {
		t.Fatalf("items = %+v", items)
	}
	if it := items[0]; it.Client != "Acme Ltd" || it.Status != "completed" || it.Date != "2025-03-01" ||
		it.CompletedAt == nil || it.Total.Score == nil || *it.Total.Score != 29 || it.Total.Max != 40 || !it.Total.Complete {
		t.Errorf("item = %+v", it)
	}
	if out := c.ok("list", "--client", "nobody", "--json"); out != "[]\n" {
		t.Errorf("unknown client = %q, want []", out)
	}
}
