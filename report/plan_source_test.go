package report

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// TestPlanSourcesWorded: a suggested problem kept as its source is worded
// in the session's language with its pack in every format, reviewed goals
// included, and the JSON document keeps the source next to the words.
func TestPlanSourcesWorded(t *testing.T) {
	p := testPack()
	p.Lang = "it"
	area := checklist.GoalSource{Kind: checklist.SourceArea, ID: "responsiveness", Statement: "responsiveness.third-ring", Rating: 2}
	item := checklist.GoalSource{Kind: checklist.SourceItem, ID: "identify.database", Answer: checklist.No}
	s := laterSession()
	s.Pack.Lang = "it"
	s.Plan.Goals = []checklist.Goal{{Source: &area, What: "Answer calls"}, {Problem: "Mine", Source: &item}}
	s.Plan.Review = []checklist.GoalReview{{From: "S1", Goal: checklist.Goal{Source: &item}}}
	d := Build(p, s, nil, nil)
	wantArea := "Responsiveness: Calls are answered before the third ring (voto 2 su 5)"
	wantItem := "A customer database is kept (risposta: No)"

	writers := map[string]func(*bytes.Buffer) error{
		"markdown": func(b *bytes.Buffer) error { return WriteMarkdown(b, d) },
		"html":     func(b *bytes.Buffer) error { return WriteHTML(b, d) },
		"csv":      func(b *bytes.Buffer) error { return WriteCSV(b, d) },
		"terminal": func(b *bytes.Buffer) error { return WriteTerminal(b, d, TermOptions{Width: 200}) },
	}
	for name, write := range writers {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		out := html.UnescapeString(b.String())
		for _, w := range []string{wantArea, wantItem, "Mine"} {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Plan checklist.Plan `json:"plan"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if g := doc.Plan.Goals[0]; g.Problem != wantArea || g.Source == nil || *g.Source != area {
		t.Errorf("JSON goal %+v", g)
	}
	// The session itself is left as it was.
	if s.Plan.Goals[0].Problem != "" || s.Plan.Review[0].Goal.Problem != "" {
		t.Errorf("Build changed the session's plan: %+v", s.Plan)
	}
}
