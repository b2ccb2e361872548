package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
)

// TestPlanCSVParses: the actions' CSV reads back with encoding/csv, field
// for field, whatever the text holds (separators, quotes, line breaks) and
// with either language's separator.
func TestPlanCSVParses(t *testing.T) {
	due, _ := checklist.NewDay(2026, 3, 31)
	s := &checklist.Session{ID: "s1", Client: "Bar; \"Roma\", Centro", Status: checklist.Completed,
		CreatedAt: time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC), CompletedAt: time.Date(2026, 1, 12, 10, 0, 0, 0, time.UTC)}
	g := checklist.Goal{Problem: "Phones, at lunch;\nevery day", What: "A \"second\" line", Target: "90%", Owner: "Anna",
		DueDate: due, Status: checklist.StatusInProgress, Note: "line one\nline two"}
	actions := []planAction{{Action: checklist.Action{Session: s, Goal: g, Status: g.Status}, Problem: g.Problem}}
	for _, tt := range []struct {
		lang  string
		comma rune
	}{{"en", ','}, {"it", ';'}, {"af", '\t'}} {
		var buf bytes.Buffer
		if err := writePlanCSV(&buf, i18n.For(tt.lang), actions, tt.comma); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&buf)
		r.Comma = tt.comma
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		if len(rows) != 2 || len(rows[0]) != len(planColumns) {
			t.Fatalf("%s: rows %q", tt.lang, rows)
		}
		want := []string{s.Client, "s1", "2026-01-12", g.Problem, g.What, "90%", "Anna", "2026-03-31",
			i18n.For(tt.lang).T("actionplan.status.in_progress"), g.Note}
		for i, w := range want {
			if rows[1][i] != w {
				t.Errorf("%s: column %s = %q, want %q", tt.lang, planColumns[i], rows[1][i], w)
			}
		}
	}
}

// TestPlanTextPseudo: every word `plan` prints is the catalogue's (the
// user's data here has no Latin letters), in text and in the CSV header.
func TestPlanTextPseudo(t *testing.T) {
	l := i18n.For(i18n.Pseudo)
	due, _ := checklist.NewDay(2026, 3, 31)
	s := &checklist.Session{ID: "0s5plan00001", Client: "Κλίμα", Status: checklist.Completed,
		CreatedAt: time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC), CompletedAt: time.Date(2026, 1, 12, 10, 0, 0, 0, time.UTC)}
	g := checklist.Goal{Problem: "Дом", What: "Дом", Target: "90%", Owner: "Άννα", DueDate: due, Note: "Дом"}
	actions := []planAction{{Action: checklist.Action{Session: s, Goal: g}, Problem: g.Problem}}
	var text, none, csvOut bytes.Buffer
	writePlanText(&text, l, s.Client, actions)
	writePlanText(&none, l, s.Client, nil)
	if err := writePlanCSV(&csvOut, l, actions, ';'); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text.String(), none.String(), csvOut.String()} {
		out = strings.ReplaceAll(out, s.ID, "")
		if left := outsideBrackets(out); left != "" {
			t.Errorf("%q outside ⟦…⟧ in:\n%s", left, out)
		}
	}
}
