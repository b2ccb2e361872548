package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
)

// The answers template (answer --template): an answers file to fill in,
// its comments in the pack's language.

// templateRun is the command a template says to run once filled in. The
// file does not say which pack it was made from: the command does, so that
// the session records the pack and language its questions were read in.
func templateRun(opts *answerOptions) string {
	run := "servicecheck answer --answers FILE"
	switch {
	case opts.Pack != "":
		run += " --pack " + shellQuote(opts.Pack)
	case opts.Lang != "" && opts.Lang != content.Default().Lang:
		run += " --lang " + opts.Lang
	}
	return run
}

// writeAnswersTemplate writes an answers file with every id of p and an
// empty value, each question as a comment beside it: an empty value reads
// as not answered, so the file is valid at every stage of filling it in.
// Its comments are in p's language, and the answer words they name are
// ones that answer accepts for p (see answerWords). The field names
// (client, answers, plan…) are the format's and stay as they are.
func writeAnswersTemplate(w io.Writer, p *checklist.Pack, client, assessor, run string) error {
	l := packLocale(p.Lang)
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	word := func(v checklist.Value) string { return usertext.AnswerWord(l, v) }
	comment := func(id string, args ...any) string {
		return "# " + strings.ReplaceAll(l.T(id, args...), "\n", "\n# ") + "\n"
	}
	var b strings.Builder
	b.WriteString(comment("cmd.template.title", "Title", oneLine(p.Title), "ID", p.ID, "Version", p.Version, "Lang", p.Lang))
	b.WriteString(comment("cmd.template.run", "Command", run))
	b.WriteString(comment("cmd.template.words", "Yes", word(checklist.Yes), "Partly", word(checklist.Partly),
		"No", word(checklist.No), "NA", word(checklist.NA), "Low", ratingWord(l, 1), "High", ratingWord(l, 5)))
	fmt.Fprintf(&b, "client: %s\nassessor: %s\nanswers:\n", yamlString(client), yamlString(assessor))
	for _, s := range p.Sections {
		fmt.Fprintf(&b, "\n  # %s\n", oneLine(s.Title))
		for _, it := range s.Items {
			fmt.Fprintf(&b, "  %s:   # %s\n", it.ID, oneLine(it.Text))
		}
	}
	for _, a := range p.Areas {
		fmt.Fprintf(&b, "\n  # %s\n", l.T("cmd.template.area", "Title", oneLine(a.Title), "Low", ratingWord(l, 1), "High", ratingWord(l, 5)))
		for _, st := range a.Statements {
			fmt.Fprintf(&b, "  %s:   # %s\n", st.ID, oneLine(st.Text))
		}
	}
	b.WriteString("\n" + comment("cmd.template.notes", "Example", noteExample(l, p)) + "notes:\n")
	b.WriteString("\n" + comment("cmd.template.plan"))
	b.WriteString("# plan:\n")
	b.WriteString("#   vision: " + yamlString(l.T("cmd.template.example.vision")) + "\n")
	b.WriteString("#   goals:\n")
	b.WriteString("#     - problem: " + yamlString(l.T("cmd.template.example.problem")) + "\n")
	b.WriteString("#       what: " + yamlString(l.T("cmd.template.example.what")) + "\n")
	b.WriteString("#       target: " + yamlString(l.T("cmd.template.example.target")) + "\n")
	b.WriteString("#       due: " + yamlString(l.T("cmd.template.example.due")) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// noteExample is a line of the notes block as the template shows it: the
// pack's first statement with an example note.
func noteExample(l *i18n.Locale, p *checklist.Pack) string {
	id := ""
	for _, a := range p.Areas {
		if len(a.Statements) > 0 {
			id = a.Statements[0].ID
			break
		}
	}
	if qs := p.Questions(); id == "" && len(qs) > 0 {
		id = qs[0].ID
	}
	return id + ": " + yamlString(l.T("cmd.template.example.note"))
}

// yamlString quotes s for YAML when it is not empty.
func yamlString(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	q, _ := json.Marshal(strings.TrimSpace(s))
	return string(q)
}
