package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

type compareDoc struct {
	A, B struct {
		ID string `json:"id"`
	}
	Mismatch string `json:"mismatch"`
	Areas    []struct {
		ID    string   `json:"id"`
		A     *float64 `json:"a"`
		B     *float64 `json:"b"`
		Delta *float64 `json:"delta"`
	} `json:"areas"`
	Total struct {
		A, B, Delta *float64
	} `json:"total"`
}

func TestCompare(t *testing.T) {
	c := newCLITest(t)
	first, second, _ := twoSessions(c)

	// The same comparison three ways: by client, by ids in time order and
	// by ids the other way round (A is always the earlier session).
	for _, args := range [][]string{
		{"compare", "--client", "acme ltd", "--json"},
		{"compare", first, second, "--json"},
		{"compare", second, first, "--json"},
	} {
		var doc compareDoc
		if err := json.Unmarshal([]byte(c.ok(args...)), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.A.ID != first || doc.B.ID != second || doc.Mismatch != "" {
			t.Errorf("%v: a %s b %s mismatch %q", args, doc.A.ID, doc.B.ID, doc.Mismatch)
		}
		if len(doc.Areas) != 8 {
			t.Fatalf("%v: %d areas", args, len(doc.Areas))
		}
		for _, a := range doc.Areas {
			want := 2.0
			if a.ID == "ease-of-contact" {
				want = -1
			}
			if a.Delta == nil || *a.Delta != want || *a.B-*a.A != *a.Delta {
				t.Errorf("%v: area %s delta %v, want %v", args, a.ID, a.Delta, want)
			}
		}
		if *doc.Total.A != 16 || *doc.Total.B != 29 || *doc.Total.Delta != 13 {
			t.Errorf("%v: total %v → %v (%v)", args, *doc.Total.A, *doc.Total.B, *doc.Total.Delta)
		}
	}

	md := c.ok("compare", "--client", "Acme Ltd")
	for _, want := range []string{"# Acme Ltd: 1 Mar 2025 09:01 to 1 Mar 2025 09:03", "| Ease of contact | 2.0 | 1.0 | -1.0 |",
		"| **Total** | 16.0 | 29.0 | +13.0 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("compare lacks %q:\n%s", want, md)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	c := newCLITest(t)
	first, _, beta := twoSessions(c)
	c.ok("answer", "--answers", c.file("cafe.yaml", answersFile("Café", flat("3"), nil)))
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"compare", "--client", "beta "}, exitNotFound,
			"servicecheck: client Beta has 0 completed sessions and 1 in progress: compare needs two completed sessions, or two session ids\n"},
		{[]string{"compare", "--client", "CAFÉ"}, exitNotFound,
			"servicecheck: client Café has 1 completed session: compare needs two completed sessions, or two session ids\n"},
		{[]string{"compare", "--client", "Nobody"}, exitNotFound, `servicecheck: client "Nobody" has no sessions` + "\n"},
		{[]string{"compare", first, first[:6]}, exitUsage, "are the same session " + first + ": compare needs two"},
		{[]string{"compare", first}, exitUsage, "compare takes two session ids, a team audit's id, or --client NAME"},
		{[]string{"compare", first, beta, "--client", "Acme"}, exitUsage, "not both"},
		{[]string{"compare", first, "nosuch"}, exitNotFound, "nosuch"},
	}
	for _, tt := range tests {
		if stderr := c.fails(tt.code, tt.args...); !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr, tt.stderr)
		}
	}
}

// A session answered with a pack neither built in nor kept in the data file
// cannot be scored: compare says so (exit 3) instead of comparing nonsense.
func TestCompareUnknownPack(t *testing.T) {
	c := newCLITest(t)
	first, _, _ := twoSessions(c)
	err := store.Do(c.db, store.Options{}, func(st *store.Store) error {
		return st.Put(&checklist.Session{ID: "foreign", Client: "Acme Ltd", Status: checklist.Completed,
			CreatedAt: c.now, CompletedAt: c.now, Pack: checklist.Ref{ID: "other", Version: "9", Lang: "en"},
			Answers: map[string]checklist.Answer{}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if stderr := c.fails(exitNotFound, "compare", first, "foreign"); !strings.Contains(stderr,
		"session foreign: content pack other 9 (en) is neither built into this servicecheck nor kept in the data file") {
		t.Errorf("stderr = %q", stderr)
	}
}
