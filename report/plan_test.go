package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/servicecheck/servicecheck/checklist"
)

// reviewedSession is the later session with a plan that also reviews the
// goals of the earlier one: one met with a note holding markup, one not
// reviewed yet.
func reviewedSession() *checklist.Session {
	s := laterSession()
	s.Plan.Goals = append(s.Plan.Goals, checklist.Goal{Problem: "=Nobody calls back", What: "Call back within a day"})
	s.Plan.Review = []checklist.GoalReview{
		{From: "S1", FromDate: t0.Add(time.Hour), Goal: checklist.Goal{Problem: "Complaints are lost", What: "Keep a log",
			Target: "every complaint logged", Owner: "Ann"}, Status: checklist.StatusDone, Note: "Log <b>kept</b> since February"},
		{From: "S1", FromDate: t0.Add(time.Hour), Goal: checklist.Goal{Problem: "Phones ring out"}},
	}
	return s
}

func TestPlanMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, Build(testPack(), reviewedSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"## Plan\n\nVision:\n\n> Every customer\n> leaves happy\n\n",
		"1. **Calls ring out**\n   - What: Answer calls\n   - Target: 95% before the third ring\n   - Owner: Ann\n   - Due: 30 Jun 2025\n   - Status: In progress\n",
		"2. **\\=Nobody calls back**\n   - What: Call back within a day\n   - Target: –\n\n",
		"### Last time's goals\n\n",
		"1. **Complaints are lost**: Done (set on 10 Jan 2025, session S1)\n   - What: Keep a log\n   - Target: every complaint logged\n   - Owner: Ann\n" +
			"   Note: Log \\<b\\>kept\\</b\\> since February  \n",
		"2. **Phones ring out**: not reviewed (set on 10 Jan 2025, session S1)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q\n%s", want, md[strings.Index(md, "## Plan"):])
		}
	}
	// A plan that only reviews still has its section.
	s := unfinishedSession()
	s.Plan.Review = reviewedSession().Plan.Review[:1]
	buf.Reset()
	if err := WriteMarkdown(&buf, Build(testPack(), s, nil, nil)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "## Plan\n\n### Last time's goals\n\n1. **Complaints are lost**: Done") {
		t.Errorf("review-only plan lost:\n%s", buf.String())
	}
}

func TestPlanHTML(t *testing.T) {
	doc, raw := parseHTML(t, Build(testPack(), reviewedSession(), nil, nil))
	if strings.Contains(raw, "<b>kept</b>") {
		t.Error("markup in a review note reaches the page")
	}
	plan := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "plan" })
	if len(plan) != 1 {
		t.Fatal("no plan section")
	}
	goals := findAll(plan[0], withClass(atom.Ol, "goals"))
	if len(goals) != 1 || len(findAll(goals[0], elem(atom.Strong))) != 2 {
		t.Errorf("goals list: %d lists", len(goals))
	}
	review := findAll(plan[0], withClass(atom.Ol, "review"))
	if len(review) != 1 {
		t.Fatal("no review list")
	}
	items := findAll(review[0], func(n *html.Node) bool { return elem(atom.Li)(n) && n.Parent == review[0] })
	if len(items) != 2 {
		t.Fatalf("%d reviewed goals, want 2", len(items))
	}
	for i, want := range []string{
		"Complaints are lost: Done (set on 10 Jan 2025, session S1)",
		"Note: Log <b>kept</b> since February",
	} {
		if !strings.Contains(text(items[0]), want) {
			t.Errorf("reviewed goal %d text %q lacks %q", i+1, text(items[0]), want)
		}
	}
	if got := text(findAll(items[1], withClass(atom.Span, "outcome"))[0]); got != "not reviewed" {
		t.Errorf("second outcome %q", got)
	}
}

func TestPlanTerminal(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTerminal(&buf, Build(testPack(), reviewedSession(), nil, nil), TermOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(buf.String())
	for _, want := range []string{
		"Plan\n  Vision: Every customer\n  leaves happy\n  1. Calls ring out\n",
		"  2. =Nobody calls back\n     what: Call back within a day; target: –\n",
		"  Last time's goals\n  1. Complaints are lost: Done\n     what: Keep a log; target: every complaint logged;\n     owner: Ann; set on 10 Jan 2025, session S1\n     note: Log <b>kept</b> since February\n",
		"  2. Phones ring out: not reviewed\n     set on 10 Jan 2025, session S1\n",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("terminal text lacks %q\n%s", want, plain[strings.Index(plain, "Plan\n"):])
		}
	}
}

func TestPlanCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, Build(testPack(), reviewedSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte(utf8BOM)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var plan [][]string
	for _, r := range rows[1:] {
		if r[3] == "vision" || r[3] == "goal" || r[3] == "review" {
			plan = append(plan, append(r[3:9:9], r[10:]...))
		}
	}
	// kind, group, id, text, answer, note, then what, target, owner, due
	// and status in columns of their own.
	want := [][]string{
		{"vision", "plan", "vision", "Every customer\nleaves happy", "", "", "", "", "", "", ""},
		{"goal", "plan", "goal-1", "Calls ring out", "", "", "Answer calls", "95% before the third ring", "Ann", "2025-06-30", "In progress"},
		{"goal", "plan", "goal-2", "'=Nobody calls back", "", "", "Call back within a day", "", "", "", ""},
		{"review", "S1", "goal-1", "Complaints are lost", "", "Log <b>kept</b> since February", "Keep a log", "every complaint logged", "Ann", "", "Done"},
		{"review", "S1", "goal-2", "Phones ring out", "", "", "", "", "", "", ""},
	}
	if len(plan) != len(want) {
		t.Fatalf("plan rows\n%q\nwant\n%q", plan, want)
	}
	for i := range want {
		if strings.Join(plan[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("plan row %d = %q, want %q", i, plan[i], want[i])
		}
	}
	if rows[len(rows)-1][0] != "S2" || rows[len(rows)-1][2] != "2025-04-10" {
		t.Errorf("plan rows lack the session columns: %q", rows[len(rows)-1])
	}
}

// TestPlanJSON: `show --json` carries the plan with its review, in the
// model's snake_case names.
func TestPlanJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSummaryJSON(&buf, Build(testPack(), reviewedSession(), nil, nil)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Plan struct {
			Vision string `json:"vision"`
			Goals  []struct {
				Problem string `json:"problem"`
			} `json:"goals"`
			Review []struct {
				From     string `json:"from"`
				FromDate string `json:"from_date"`
				Goal     struct {
					Problem string `json:"problem"`
				} `json:"goal"`
				Outcome string `json:"status"`
				Note    string `json:"note"`
			} `json:"review"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	p := doc.Plan
	if p.Vision != "Every customer\nleaves happy" || len(p.Goals) != 2 || len(p.Review) != 2 {
		t.Fatalf("plan %+v", p)
	}
	r := p.Review[0]
	if r.From != "S1" || r.FromDate != "2025-01-10T10:00:00Z" || r.Goal.Problem != "Complaints are lost" ||
		r.Outcome != "done" || r.Note != "Log <b>kept</b> since February" {
		t.Errorf("review %+v", r)
	}
	if p.Review[1].Outcome != "" {
		t.Errorf("a goal not reviewed has outcome %q", p.Review[1].Outcome)
	}
}
