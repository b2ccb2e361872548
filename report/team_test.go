package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/results/resultstest"
	"github.com/servicecheck/servicecheck/team"
	"github.com/servicecheck/servicecheck/team/teamtext"
)

// teamDocument is the report of a team audit of p: an owner (Ana), a
// staff member (Ben, anonymous by default), a manager (Cai) and a staff
// member without a session (Dee). They disagree on the first checklist
// item (Yes, No, Partly; Ben's note) and on the last statement (5, 2,
// N/A); the agreed result settles the item as Partly.
func teamDocument(t *testing.T, p *checklist.Pack, name func(string) string) Document {
	t.Helper()
	a := &team.Audit{ID: "0k3m9x2p4q7r", Client: name("Bakery Rossi"), Lang: p.Lang, Consensus: "c0nsensus001",
		Respondents: []team.Respondent{
			{Name: name("Ana"), Role: team.Owner, SessionID: "s1"},
			{Name: name("Ben"), Role: team.Staff, SessionID: "s2"},
			{Name: name("Cai"), Role: team.Manager, SessionID: "s3"},
			{Name: name("Dee"), Role: team.Staff},
		}}
	qs := p.Questions()
	sessions := map[string]*checklist.Session{}
	for i, id := range []string{"s1", "s2", "s3"} {
		s := &checklist.Session{ID: id, Client: a.Client, Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
		for j, q := range qs {
			v := checklist.Rating(3 + i%2)
			if q.Kind == checklist.KindItem {
				v = []checklist.Value{checklist.Yes, checklist.Partly, checklist.Yes}[i]
				if j == 0 {
					v = []checklist.Value{checklist.Yes, checklist.No, checklist.Partly}[i]
				}
			} else if q.ID == qs[len(qs)-1].ID {
				v = []checklist.Value{"5", "2", checklist.NA}[i]
			}
			s.Answers[q.ID] = checklist.Answer{Value: v}
		}
		if i == 1 {
			s.Answers[qs[0].ID] = checklist.Answer{Value: checklist.No, Note: name("Nobody trains new staff")}
		}
		sessions[id] = s
	}
	w := results.In(p.Lang)
	v := results.BuildTeam(p, a, sessions, w)
	answers := team.Consensus(v.Result, map[string]team.Settled{qs[0].ID: {Value: checklist.Partly}},
		func(i int) string { return teamtext.Name(w.Locale(), a, i) })
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cons := &checklist.Session{ID: a.Consensus, Client: a.Client, Assessor: name("Maria"), Pack: p.Ref(), Answers: answers,
		Status: checklist.Completed, CreatedAt: at, UpdatedAt: at, CompletedAt: at}
	d := Build(p, cons, nil, nil)
	d.Team = &v
	return d
}

func teamDocuments(t *testing.T) map[string]Document {
	it, err := content.ForLang("it")
	if err != nil {
		t.Fatal(err)
	}
	same := func(s string) string { return s }
	return map[string]Document{"en": teamDocument(t, testPack(), same), "it": teamDocument(t, it, same)}
}

// teamOutline is the team part of d's outline.
func teamOutline(t *testing.T, d Document) part {
	t.Helper()
	for _, p := range buildOutline(d, Branding{}).Parts {
		if p.ID == "team" {
			return p
		}
	}
	t.Fatal("the outline has no team part")
	return part{}
}

// TestTeamPartGolden renders the team part as the Markdown and HTML
// reports write it, in English and Italian.
func TestTeamPartGolden(t *testing.T) {
	for lang, d := range teamDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			p := teamOutline(t, d)
			var md bytes.Buffer
			e := &errWriter{w: &md}
			for _, b := range p.Blocks {
				writeMarkdownBlock(e, b)
			}
			var html bytes.Buffer
			o := outline{}
			eh := &errWriter{w: &html}
			for _, b := range p.Blocks {
				writeHTMLBlock(eh, &o, p.ID, b)
			}
			if e.err != nil || eh.err != nil {
				t.Fatal(e.err, eh.err)
			}
			w, q := d.Words(), d.Team.Disagreements[0]
			for _, want := range []string{w.T("team.report.heading"), "Ana", "Cai", w.T("team.show.anonymous", "N", "2"), q.Text,
				w.TeamGiven(q), w.T("team.show.note", "Name", w.T("team.show.anonymous", "N", "2"), "Note", "Nobody trains new staff"),
				w.T("team.report.agreed", "Answer", w.Answer(checklist.Partly))} {
				if !strings.Contains(md.String(), mdText(want)) && !strings.Contains(md.String(), want) {
					t.Errorf("the Markdown team part lacks %q", want)
				}
				if !strings.Contains(html.String(), esc(want)) {
					t.Errorf("the HTML team part lacks %q", want)
				}
			}
			for _, hidden := range []string{"Ben", "Dee"} {
				if strings.Contains(md.String()+html.String(), hidden) {
					t.Errorf("staff member %s is named", hidden)
				}
			}
			golden(t, filepath.Join("testdata", "team_"+lang+".part.md"), md.String())
			golden(t, filepath.Join("testdata", "team_"+lang+".part.html"), html.String())
		})
	}
}

// TestTeamPartPlace: the team part follows the areas, and only a team
// audit's report has one.
func TestTeamPartPlace(t *testing.T) {
	d := teamDocuments(t)["en"]
	var ids []string
	for _, p := range buildOutline(d, Branding{}).Parts {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "areas team ") {
		t.Errorf("parts %s: want team right after areas", got)
	}
	// The summary says the scores are the team's agreement.
	para := summaryParagraph(d.Words(), &d, findingsOf(&d))
	if want := d.Words().N("team.report.para", d.Team.Answered, "Disputed", d.Words().Int(len(d.Team.Disagreements))); !strings.Contains(para, want) {
		t.Errorf("summary %q: want %q in it", para, want)
	}
	d.Team = nil
	for _, p := range buildOutline(d, Branding{}).Parts {
		if p.ID == "team" {
			t.Error("an ordinary session's report has a team part")
		}
	}
	if para := summaryParagraph(d.Words(), &d, findingsOf(&d)); strings.Contains(para, "agreed on") {
		t.Errorf("an ordinary session's summary speaks of a team: %q", para)
	}
}

// TestTeamPDF: the PDF's team pages name the disputed question and the
// respondents as the naming shows them.
func TestTeamPDF(t *testing.T) {
	for lang, d := range teamDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			pdf, pages := renderPDF(t, d, Options{})
			text := flat(pdfStrings(t, pdf))
			w := d.Words()
			start := strings.Index(text, w.T("team.report.heading"))
			if start < 0 {
				t.Fatalf("the PDF has no %q", w.T("team.report.heading"))
			}
			team := text[start:]
			for _, want := range []string{d.Team.Disagreements[0].Text, "Ana", w.T("team.show.anonymous", "N", "2"),
				strings.Join(strings.Fields(w.TeamGiven(d.Team.Disagreements[0])), " "), w.T("team.report.col.spread")} {
				if !strings.Contains(team, pdfText(want)) {
					t.Errorf("the team pages lack %q", want)
				}
			}
			if strings.Contains(text, "Ben") {
				t.Error("an anonymous staff member is named in the PDF")
			}
			if pages < 6 {
				t.Errorf("%d pages, want the team part on pages of its own", pages)
			}
		})
	}
}

// TestTeamCSVAndJSON: the team rows have kinds of their own, and the JSON
// report carries the team view without any hidden name.
func TestTeamCSVAndJSON(t *testing.T) {
	d := teamDocuments(t)["it"]
	var csv bytes.Buffer
	if err := WriteCSVWith(&csv, d, CSVOptions{Comma: ','}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{",partecipante del gruppo,,,Partecipante 2,personale,",
		",risposta del gruppo,culture,culture.customer-first-training,", ",No,Nobody trains new staff,,,,Partecipante 2,",
		",area del gruppo,responsiveness,,Rapidità di risposta,\"3,0–4,0\",", ",sezione del gruppo,culture,,"} {
		if !strings.Contains(csv.String(), want) {
			t.Errorf("the CSV lacks %q", want)
		}
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Team *results.Team `json:"team"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil || got.Team == nil {
		t.Fatalf("no team field: %v", err)
	}
	if len(got.Team.Disagreements) != 2 || got.Team.Respondents[1].Label != "Partecipante 2" || got.Team.Respondents[1].Named {
		t.Errorf("team field %+v", got.Team)
	}
	if strings.Contains(js.String(), "Ben") || strings.Contains(js.String(), `"s2"`) {
		t.Error("the JSON names an anonymous respondent or their session")
	}
	var plain bytes.Buffer
	d.Team = nil
	if err := WriteJSON(&plain, d); err != nil || strings.Contains(plain.String(), `"team"`) {
		t.Errorf("an ordinary session's JSON has a team field (%v)", err)
	}
}

// TestTeamComparison: compare AUDIT's table has a column per answered
// respondent, the statistics, and "!" on a disputed row.
func TestTeamComparison(t *testing.T) {
	d := teamDocuments(t)["en"]
	var b bytes.Buffer
	if err := WriteTeamComparisonMarkdown(&b, *d.Team, d.Words()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Area | Ana | Respondent 2 | Cai | Mean | Range | Spread | Disputed |",
		"| ! Continuous improvement | 5.0 | 2.0 | – | 3.5 | 2.0–5.0 | 1.5 | 1 |",
		"| Responsiveness | 3.0 | 4.0 | 3.0 | 3.3 | 3.0–4.0 | 0.5 | 0 |",
		"| ! Culture | 100% | 33% | 83% | 72% | 33–100% | 28 | 1 |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the comparison lacks %q:\n%s", want, b.String())
		}
	}
	var term bytes.Buffer
	if err := WriteTeamComparisonTerminal(&term, *d.Team, d.Words(), TermOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(term.String(), "Respondent 2") || !strings.Contains(term.String(), "! Continuous improvement 5.0") {
		t.Errorf("the terminal comparison:\n%s", term.String())
	}
}

// TestTeamPseudoLocale: every word of the team part comes through the
// catalogue.
func TestTeamPseudoLocale(t *testing.T) {
	pp := resultstest.Pseudo(testPack())
	d := teamDocument(t, pp, resultstest.Wrap)
	d.Team.Naming = "names"
	var b bytes.Buffer
	e := &errWriter{w: &b}
	for _, blk := range teamOutline(t, d).Blocks {
		writeMarkdownBlock(e, blk)
	}
	if pp.Lang != i18n.Pseudo {
		t.Fatalf("pseudo pack in %q", pp.Lang)
	}
	for _, leak := range resultstest.Leaks(b.String()) {
		t.Errorf("%q did not come through the catalogue: %s", leak, resultstest.Context(b.String(), leak))
	}
}
