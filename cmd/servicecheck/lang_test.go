package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
)

// The command line's own text in the user's language: every command that
// prints text of its own (not a report, not JSON) is run as a user would,
// in Italian, Albanian and Afrikaans and in the pseudo-language, and what
// it printed is checked for English.

// tourSetup is what a tour needs to know of its language.
type tourSetup struct {
	packArgs []string // --lang xx or --pack FILE
	pack     *checklist.Pack
	words    [4]string // yes, partly, no, n/a as the language writes them
	clients  [2]string
}

// output is what one command printed.
type output struct {
	what string
	text string
}

// tour runs the commands and returns their text outputs: stderr always,
// stdout unless it is a report or JSON.
func tour(c *cliTest, s tourSetup) []output {
	c.t.Helper()
	var outs []output
	keep := func(what string, stdout bool) {
		if stdout {
			outs = append(outs, output{what + " (stdout)", c.last.out})
		}
		outs = append(outs, output{what + " (stderr)", c.last.errOut})
	}
	runs := func(code int, what string, stdout bool, args ...string) {
		c.t.Helper()
		c.run("", args...)
		if c.last.code != code {
			c.t.Fatalf("%s %v: exit %d, want %d\nstdout: %s\nstderr: %s", what, args, c.last.code, code, c.last.out, c.last.errOut)
		}
		keep(what, stdout)
	}
	pack := append([]string(nil), s.packArgs...)

	runs(exitOK, "list with no data file", true, "list")
	// A completed session with a total that needs a decimal, and an
	// unfinished one; the answer words are the language's.
	full := tourAnswers(s.pack, s.clients[0], s.words, func(i int) string { return []string{"3", "4"}[i%2] })
	runs(exitOK, "answer", false, append([]string{"answer", "--answers", c.file("r1.yaml", full)}, pack...)...)
	part := []byte(fmt.Sprintf("client: %q\nanswers:\n  %s: %s\n", s.clients[1], s.pack.Sections[0].Items[0].ID, s.words[0]))
	runs(exitOK, "answer incomplete", false, append([]string{"answer", "--answers", c.file("r2.yaml", part), "--allow-incomplete"}, pack...)...)
	bad := []byte(fmt.Sprintf("client: x\nanswers:\n  %s: 7\n  %s: 9\n", s.pack.Sections[0].Items[0].ID, s.pack.Areas[0].Statements[0].ID))
	runs(exitInvalid, "answer invalid", false, append([]string{"answer", "--answers", c.file("r3.yaml", bad)}, pack...)...)
	runs(exitNotFound, "answer missing file", false, append([]string{"answer", "--answers", c.dir + "/r4.yaml"}, pack...)...)
	runs(exitOK, "list", true, "list")
	runs(exitOK, "list of nobody", true, "list", "--client", "Ω")
	runs(exitNotFound, "compare too few", false, "compare", "--client", s.clients[0])
	runs(exitUsage, "compare one id", false, "compare", "x")
	runs(exitNotFound, "show unknown", false, "show", "0000000000")
	runs(exitUsage, "export unknown format", false, "export", "latest", "--format", "odt")
	out := c.dir + "/e.json"
	runs(exitOK, "export all", false, "export", "--format", "json", "-o", out)
	runs(exitOK, "import again", true, "import", out)
	ss := c.sessions()
	runs(exitUsage, "delete unconfirmed", false, "delete", ss[0].ID)
	runs(exitOK, "delete client", true, "delete", "--client", s.clients[1], "--yes")
	runs(exitOK, "import back", true, "import", out)
	runs(exitOK, "doctor", true, "doctor")
	runs(exitUsage, "unknown command", false, "shw")
	runs(exitUsage, "unknown flag", false, "list", "--nope")
	runs(exitOK, "answers template", true, append([]string{"answer", "--template"}, pack...)...)
	if s.packArgs[0] == "--pack" {
		runs(exitOK, "content validate", true, "content", "validate", s.packArgs[1])
	}
	runs(exitOK, "content show", true, append([]string{"content", "show"}, pack...)...)
	runs(exitInvalid, "content validate broken", false, "content", "validate", c.file("b.yaml", []byte("id: X\nlang: 1\nfoo: [\n")))
	runs(exitInvalid, "content validate problems", false, "content", "validate", c.file("b2.yaml", []byte("id: X\nlang: en\nfoo: 1\nbands: []\n")))
	// Import documents that do not validate: the problem in the user's
	// language after the file and line, the member's name kept.
	for i, doc := range []string{
		"",
		`{"format":"servicecheck-sessions","version":1,` + "\n" + `"version":1}`,
		`{"format":"servicecheck-sessions","version":1,"sessions":[{"id":"x1","cursor":5}]}`,
		`{"format":"servicecheck-sessions","version":1,"sessions":[` + "\n" + `{"id":"§"}]}`,
		`{"format":"servicecheck-sessions","version":9,"sessions":[]}`,
	} {
		runs(exitInvalid, fmt.Sprintf("import invalid %d", i), false, "import", c.file(fmt.Sprintf("i%d.json", i), []byte(doc)))
	}
	// A damaged session: doctor's problem, export's and salvage's lists
	// of what was lost.
	damageSession(c.t, c.db, c.sessions()[0].ID)
	runs(exitDamaged, "doctor damaged", true, "doctor")
	runs(exitDamaged, "export incomplete", false, "export", "--format", "json", "-o", c.dir+"/partial.json")
	runs(exitDamaged, "salvage", true, "doctor", "--salvage", "-o", c.dir+"/rescued.db")
	// A data file cut short: why it is damaged, in the user's language.
	raw, err := os.ReadFile(c.db)
	if err != nil {
		c.t.Fatal(err)
	}
	runs(exitDamaged, "doctor truncated", true, "doctor", "--db", c.file("cut.db", raw[:3*len(raw)/4]))
	runs(exitDamaged, "list not ours", true, "list", "--db", c.file("zero.db", make([]byte, 9000)))
	return outs
}

// tourAnswers answers every question of p: items cycling through the
// language's words, statements rated rate(i).
func tourAnswers(p *checklist.Pack, client string, words [4]string, rate func(int) string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "client: %q\nanswers:\n", client)
	i := 0
	for _, q := range p.Questions() {
		v := rate(i)
		if q.Kind == checklist.KindItem {
			v = fmt.Sprintf("%q", words[i%len(words)])
		}
		fmt.Fprintf(&b, "  %s: %s\n", q.ID, v)
		i++
	}
	return []byte(b.String())
}

// english are words of the English messages that the other languages'
// messages do not use, as whole words, case-insensitively.
var english = regexp.MustCompile(`(?i)\b(sessions?|completed|in progress|imported|deleted|skipped|problems?|invalid|already|answers file|content packs?|data file|never|always|statements?|under|incomplete|nothing|unknown|missing|usage|run|did you mean|hint|what to do|bands|self-assessment|fill in|rate|schema|clients?|assessor|status|total|check|size|no such)\b`)

// notEnglish lists, per language, words of the pattern above that are its
// own words too.
var notEnglish = map[string][]string{
	"it": {"schema", "status"},
	"sq": {"problem", "status"},
	"af": {"status", "total"},
}

// typed is what a user types, which messages quote as it is: flags with
// their placeholder, commands in quotes, and the command a template says
// to run.
var typed = regexp.MustCompile(`--[a-z-]+( [A-Z]+\b)?|'[^']*'|servicecheck answer .*`)

// data is what a message quotes of a file rather than says: the position
// and field of a problem (answers.culture.x, bands), the list of the
// fields a mapping takes, the ids of a pack's questions.
var quoted = regexp.MustCompile(`(?m)^\S+:\d+:\d+: ([^ ⟦]+: )?|: ([a-z]+, )+[a-z]+\)|\b[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*\b`)

// fieldLine is a line of the answers template that is the format's own
// (client:, assessor:, answers:, notes:, plan:), not text to translate.
var fieldLine = regexp.MustCompile(`(?m)^#?\s*(-\s*)?(client|assessor|answers|notes|plan|vision|goals|problem|what|target|due):.*$`)

func TestCommandTextInTheUsersLanguage(t *testing.T) {
	setups := map[string]tourSetup{
		"it": {words: [4]string{"sì", "in parte", "no", "n/a"}, clients: [2]string{"Caffè Rossi", "Bar Verdi"}},
		"sq": {words: [4]string{"po", "pjesërisht", "jo", "n/a"}, clients: [2]string{"Kafe Drini", "Furra Ëndri"}},
		"af": {words: [4]string{"ja", "gedeeltelik", "nee", "nvt"}, clients: [2]string{"Koffiehuis", "Bakkery"}},
	}
	for lang, s := range setups {
		t.Run(lang, func(t *testing.T) {
			c := newCLITest(t)
			c.env["SERVICECHECK_LANG"] = lang
			p, err := content.ForLang(lang)
			if err != nil {
				t.Fatal(err)
			}
			s.pack, s.packArgs = p, []string{"--lang", lang}
			outs := tour(c, s)
			allowed := notEnglish[lang]
			for _, o := range outs {
				text := strings.ReplaceAll(o.text, c.dir, "")
				text = typed.ReplaceAllString(quoted.ReplaceAllString(fieldLine.ReplaceAllString(text, ""), ""), "")
				for _, m := range english.FindAllString(text, -1) {
					if !containsFold(allowed, m) {
						t.Errorf("%s: English %q in:\n%s", o.what, m, o.text)
						break
					}
				}
			}
			list := outs[indexOf(outs, "list (stdout)")].text
			if !regexp.MustCompile(`\b[0-9]+,[0-9]/40\b`).MatchString(list) {
				t.Errorf("the total does not use a decimal comma:\n%s", list)
			}
			if !strings.Contains(list, i18n.For(lang).Month(3)[:3]) && !strings.Contains(strings.ToLower(list), strings.ToLower(i18n.For(lang).T("date.month_short.3"))) {
				t.Errorf("the date does not use the language's month:\n%s", list)
			}
		})
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func indexOf(outs []output, what string) int {
	for i, o := range outs {
		if o.what == what {
			return i
		}
	}
	panic("no output " + what)
}

// TestCommandTextPseudo runs the tour in the pseudo-language, where every
// catalogue message is wrapped in ⟦…⟧, with a pack whose texts are wrapped
// too and ids without words: what is left outside the brackets must not
// be words, so that no English can hide in the Go code.
func TestCommandTextPseudo(t *testing.T) {
	testLang = i18n.Pseudo
	defer func() { testLang = "" }()
	c := newCLITest(t)
	p := pseudoPack(t)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	file := c.file("π.json", data)
	outs := tour(c, tourSetup{packArgs: []string{"--pack", file}, pack: p,
		words:   [4]string{"⟦yes⟧", "⟦partly⟧", "⟦no⟧", "⟦n/a⟧"},
		clients: [2]string{"Κλίμα", "Дом"}})
	ids := regexp.MustCompile(`\b[0-9a-z]{12}\b`)
	for _, o := range outs {
		text := strings.ReplaceAll(strings.ReplaceAll(o.text, c.db, ""), c.dir, "")
		text = ids.ReplaceAllStringFunc(text, func(s string) string {
			if strings.ContainsAny(s, "0123456789") {
				return ""
			}
			return s
		})
		text = quoted.ReplaceAllString(fieldLine.ReplaceAllString(text, ""), "")
		if left := outsideBrackets(text); left != "" {
			t.Errorf("%s: %q outside ⟦…⟧ in:\n%s", o.what, left, o.text)
		}
	}
}

// pseudoAllowed are the words outside brackets that are honest: the
// program's name, its commands and flags as typed, file types, units,
// and YAML's own words in a parser's message.
var pseudoAllowed = map[string]bool{
	"servicecheck": true, "json": true, "yaml": true, "lang": true, "foo": true, "bands": true,
	"KiB": true, "MiB": true, "shw": true, "show": true, "list": true, "nope": true, "help": true,
	"compare": true, "client": true, "latest": true, "format": true, "pdf": true, "odt": true, "docx": true, "md": true,
	"html": true, "csv": true, "yes": true, "new": true, "ok": true,
	// the members of an import document, named in its problems
	"version": true, "cursor": true, "id": true,
}

// outsideBrackets removes every ⟦…⟧ span (innermost first) and returns
// the words of two or more ASCII letters left that are not allowed.
func outsideBrackets(s string) string {
	span := regexp.MustCompile(`⟦[^⟦⟧]*⟧`)
	for span.MatchString(s) {
		s = span.ReplaceAllString(s, " ")
	}
	var left []string
	for _, word := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(s, -1) {
		if !pseudoAllowed[word] {
			left = append(left, word)
		}
	}
	return strings.Join(left, " ")
}

// pseudoPack is the English pack with every text wrapped in ⟦…⟧ and every
// id made of single letters and digits, so that nothing of it reads as a
// word outside the brackets.
func pseudoPack(t *testing.T) *checklist.Pack {
	t.Helper()
	p := content.Default()
	wrap := func(s string) string {
		if s == "" {
			return ""
		}
		return "⟦" + s + "⟧"
	}
	p.ID, p.Lang, p.Title, p.Intro = "p1", "en", wrap(p.Title), wrap(p.Intro)
	for i := range p.Bands {
		p.Bands[i].ID, p.Bands[i].Label = fmt.Sprintf("b%d", i+1), wrap(p.Bands[i].Label)
	}
	for i := range p.Sections {
		s := &p.Sections[i]
		s.ID, s.Title, s.Purpose = fmt.Sprintf("s%d", i+1), wrap(s.Title), wrap(s.Purpose)
		for j := range s.Items {
			it := &s.Items[j]
			it.ID, it.Text, it.Help = fmt.Sprintf("%s.i%d", s.ID, j+1), wrap(it.Text), wrap(it.Help)
		}
	}
	for i := range p.Areas {
		a := &p.Areas[i]
		a.ID, a.Title, a.Explanation = fmt.Sprintf("a%d", i+1), wrap(a.Title), wrap(a.Explanation)
		for j := range a.Statements {
			st := &a.Statements[j]
			st.ID, st.Text = fmt.Sprintf("%s.s%d", a.ID, j+1), wrap(st.Text)
		}
		for j := range a.Actions {
			a.Actions[j] = wrap(a.Actions[j])
		}
	}
	return p
}

// TestListByClientCollates lists clients in the order of the user's
// language, not of their bytes (which put "Zeta" before "Çajtore"), newest
// first within a client, in the table and in JSON alike.
func TestListByClientCollates(t *testing.T) {
	c := newCLITest(t)
	c.env["SERVICECHECK_LANG"] = "sq"
	for _, name := range []string{"Çajtore", "Zeta", "Ëndri", "alfa", "Dhurata", "Çajtore"} {
		c.ok("answer", "--answers", c.file("a.yaml", []byte(fmt.Sprintf("client: %q\nanswers:\n  responsiveness.third-ring: 4\n", name))),
			"--allow-incomplete", "--lang", "sq")
	}
	var order []string
	for _, line := range strings.Split(strings.TrimSpace(c.ok("list", "--by-client")), "\n")[1:] {
		if f := strings.Fields(line); len(f) > 1 && !strings.HasPrefix(line, "*") {
			order = append(order, f[1])
		}
	}
	if got, want := strings.Join(order, " "), "alfa Çajtore Çajtore Dhurata Ëndri Zeta"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	var items []struct {
		ID     string `json:"id"`
		Client string `json:"client"`
	}
	if err := json.Unmarshal([]byte(c.ok("list", "--by-client", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 6 || items[1].Client != "Çajtore" || items[5].Client != "Zeta" {
		t.Errorf("JSON order %+v", items)
	}
	// The later Çajtore session comes first.
	if ss := c.sessions(); items[1].ID != ss[0].ID {
		t.Errorf("Çajtore's newest is %s, listed first %s", ss[0].ID, items[1].ID)
	}
}
