package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A session finished at 9 pm in New York is dated that day wherever people
// read a day (list, show, the reports, compare), and not the next day as
// in UTC; the JSON documents keep their times in UTC.
func TestReadableDatesAreLocal(t *testing.T) {
	c := newCLITest(t)
	c.loc = time.FixedZone("EST", -5*3600)
	c.now = time.Date(2025, 3, 2, 1, 30, 0, 0, time.UTC) // 20:30 on 1 March in New York
	c.ok("answer", "--answers", c.file("q1.yaml", answersFile("Acme", flat("2"), nil)))
	c.ok("answer", "--answers", c.file("q2.yaml", answersFile("Acme", flat("4"), nil)))

	checks := []struct {
		args []string
		want string
	}{
		{[]string{"list"}, " 1 Mar 2025 "},
		{[]string{"show", "latest"}, "- Date: 1 Mar 2025 (completed)\n"},
		{[]string{"export", "latest", "--format", "html"}, `<time datetime="2025-03-01">`},
		{[]string{"export", "latest", "--format", "csv"}, ",Acme,2025-03-01,"},
		{[]string{"compare", "--client", "acme"}, "# Acme: 1 Mar 2025 20:31 to 1 Mar 2025 20:33\n"},
	}
	for _, tt := range checks {
		if out := c.ok(tt.args...); !strings.Contains(out, tt.want) || strings.Contains(out, "2025-03-02") || strings.Contains(out, " 2 Mar 2025") {
			t.Errorf("%v: lacks %q or shows the UTC day:\n%.400s", tt.args, tt.want, out)
		}
	}

	var list []struct {
		Date        string `json:"date"`
		CompletedAt string `json:"completed_at"`
	}
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if list[0].Date != "2025-03-01" || !strings.HasPrefix(list[0].CompletedAt, "2025-03-02T01:3") ||
		!strings.HasSuffix(list[0].CompletedAt, "Z") {
		t.Errorf("list --json: date %s, completed_at %s", list[0].Date, list[0].CompletedAt)
	}
	if out := c.ok("show", "latest", "--json"); !strings.Contains(out, `"completed_at": "2025-03-02T01:3`) {
		t.Errorf("show --json times are not UTC:\n%.300s", out)
	}
}
