package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestBuild(t *testing.T) {
	p := testPack()
	d := Build(p, laterSession(), earlierSession(), p)

	if d.ID != "S2" || d.Client != `Acme "Ltd" <b>` || d.Assessor != "Jörg Ëmil" || d.Status != checklist.Completed {
		t.Errorf("header = %q %q %q %q", d.ID, d.Client, d.Assessor, d.Status)
	}
	if d.CompletedAt == nil || !d.CompletedAt.Equal(t1.Add(3600e9)) {
		t.Errorf("CompletedAt = %v", d.CompletedAt)
	}
	tests := []struct {
		id, score, band, label string
		answered, na           int
	}{
		{"responsiveness", "3.5", "needs-work", "Needs work", 2, 0},
		{"contact", "1.5", "critical", "Critical", 2, 0},
		{"improve", "–", "", "", 0, 1},
	}
	for i, tt := range tests {
		a := d.Areas[i]
		if a.ID != tt.id || a.Score.Format(1) != tt.score || a.Band != tt.band || a.BandLabel != tt.label ||
			a.Answered != tt.answered || a.NA != tt.na {
			t.Errorf("area %d = %+v, want %+v", i, a, tt)
		}
		if len(a.Statements) != len(p.Areas[i].Statements) {
			t.Errorf("area %s has %d statements, want %d", a.ID, len(a.Statements), len(p.Areas[i].Statements))
		}
	}
	if got := d.Areas[0].Statements[0]; got.Value() != "4" || got.Note != noteScript {
		t.Errorf("first statement = %+v", got)
	}
	// "improve" is all N/A: not applicable, so the session is complete and
	// its total covers the two areas scored, 2–10.
	if d.Total.Score.Format(1) != "5.0" || d.Total.Min != 2 || d.Total.Max != 10 || !d.Total.Complete || d.Total.NA != 1 {
		t.Errorf("total = %+v", d.Total)
	}
	if got := []string{d.Weakest[0].ID, d.Weakest[1].ID}; len(d.Weakest) != 2 || !slices.Equal(got, []string{"contact", "responsiveness"}) {
		t.Errorf("weakest = %+v", d.Weakest)
	}
	if d.Comparison == nil {
		t.Fatal("no comparison with an earlier session")
	}
	c := d.Comparison
	if c.A.ID != "S1" || c.B.ID != "S2" || len(c.Areas) != 2 || c.Total.Delta.Format(1) != "1.0" {
		t.Errorf("comparison = %+v", c)
	}
	if c.Areas[0].Delta.Format(1) != "1.5" || c.Areas[1].Delta.Format(1) != "-0.5" {
		t.Errorf("area deltas = %+v", c.Areas)
	}
	if len(d.Unanswered) != 0 {
		t.Errorf("unanswered = %v", d.Unanswered)
	}
	if d := Build(p, laterSession(), nil, nil); d.Comparison != nil {
		t.Error("comparison without an earlier session")
	}
}

func TestCompareMismatch(t *testing.T) {
	pa, pb := testPack(), testPack()
	pb.Version = "2.0.0"
	a, b := earlierSession(), laterSession()
	a.Pack, b.Pack = pa.Ref(), pb.Ref()
	c := Compare(pa, a, pb, b)
	if c.Mismatch == "" {
		t.Error("different pack versions compared without saying so")
	}
	if c := Compare(pa, a, pa, a); c.Mismatch != "" || c.Total.Delta.Format(1) != "0.0" {
		t.Errorf("self comparison = %+v", c)
	}
}

func TestJSON(t *testing.T) {
	p := testPack()
	tests := []struct {
		name        string
		sess        *checklist.Session
		write       func(*bytes.Buffer, Document) error
		wantAnswers bool
	}{
		{"full", laterSession(), func(b *bytes.Buffer, d Document) error { return WriteJSON(b, d) }, true},
		{"summary", laterSession(), func(b *bytes.Buffer, d Document) error { return WriteSummaryJSON(b, d) }, false},
		{"unfinished", unfinishedSession(), func(b *bytes.Buffer, d Document) error { return WriteJSON(b, d) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, Build(p, tt.sess, earlierSession(), p)); err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
				t.Fatalf("invalid json: %v\n%s", err, buf.String())
			}
			for _, k := range []string{"id", "client", "assessor", "status", "created_at", "updated_at",
				"completed_at", "pack", "total", "areas", "sections", "weakest", "unanswered"} {
				if _, ok := m[k]; !ok {
					t.Errorf("key %q missing", k)
				}
			}
			if _, ok := m["comparison"]; ok {
				t.Error("json document carries a comparison; it must describe one session")
			}
			total := m["total"].(map[string]any)
			for _, k := range []string{"score", "min", "max", "percent", "band", "complete"} {
				if _, ok := total[k]; !ok {
					t.Errorf("total.%s missing", k)
				}
			}
			areas := m["areas"].([]any)
			_, hasStatements := areas[0].(map[string]any)["statements"]
			if hasStatements != tt.wantAnswers {
				t.Errorf("statements present = %v, want %v", hasStatements, tt.wantAnswers)
			}
			if tt.sess.Status == checklist.InProgress && m["completed_at"] != nil {
				t.Errorf("completed_at = %v for a session in progress, want null", m["completed_at"])
			}
			// The contact area of the unfinished session and the improve
			// area of the later one have no score: null, never 0.
			for _, a := range areas {
				am := a.(map[string]any)
				if am["answered"].(float64) == 0 && (am["score"] != nil || am["percent"] != nil) {
					t.Errorf("area %v: missing score encoded as %v", am["id"], am["score"])
				}
			}
		})
	}
}

func TestJSONKeepsNotesExactly(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, Build(testPack(), laterSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	var d Document
	if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	want := laterSession().Answers
	n := 0
	for _, a := range d.Areas {
		for _, l := range a.Statements {
			if l.Value() != want[l.ID].Value || l.Note != want[l.ID].Note {
				t.Errorf("%s = %q %q, want %q %q", l.ID, l.Value(), l.Note, want[l.ID].Value, want[l.ID].Note)
			}
			n++
		}
	}
	for _, s := range d.Sections {
		for _, l := range s.Items {
			if l.Value() != want[l.ID].Value || l.Note != want[l.ID].Note {
				t.Errorf("%s = %q %q, want %q %q", l.ID, l.Value(), l.Note, want[l.ID].Value, want[l.ID].Note)
			}
			n++
		}
	}
	if n != len(want) {
		t.Errorf("%d answers in the document, want %d", n, len(want))
	}
	if !bytes.Contains(buf.Bytes(), []byte("<script>")) {
		t.Error("json escaped markup; it is data, kept as written")
	}
}
