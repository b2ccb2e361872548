package report

import (
	"io"
	"strings"
	"unicode"
)

// WriteMarkdownReport writes d as the report a consultant hands over, in
// Markdown, in the order of the PDF and DOCX (cover, summary, findings,
// areas, action plan, sign-off, appendix) and in the session's language.
// User text is escaped only where Markdown would read it as markup, so a
// name such as "Rossi & Figli_Srl (#1)" reads as written, with no
// backslashes. `show` keeps its own, shorter Markdown (WriteMarkdown).
func WriteMarkdownReport(w io.Writer, d Document, opt Options) error {
	o := buildOutline(d, opt.Branding)
	e := &errWriter{w: w}
	for _, p := range o.Parts {
		for i, b := range p.Blocks {
			if p.ID == "cover" && i == 0 && b.Kind == bHeading {
				// The cover's title and the client make the document's
				// one top-level heading.
				e.printf("# %s: %s\n\n", mdText(b.Text), mdText(clean(orDash(d.Client))))
				continue
			}
			if p.ID == "cover" && b.Kind == bCoverName {
				continue
			}
			writeMarkdownBlock(e, b)
		}
	}
	return e.err
}

func writeMarkdownBlock(e *errWriter, b block) {
	switch b.Kind {
	case bHeading:
		e.printf("%s %s\n\n", strings.Repeat("#", b.Level+1), mdText(b.Text))
	case bPara:
		e.printf("%s\n\n", mdLines(b.Text, ""))
	case bLead:
		e.printf("**%s**\n\n", mdText(b.Text))
	case bSmall:
		e.printf("*%s*\n\n", mdText(b.Text))
	case bQuote:
		e.printf("%s\n\n", mdLines(b.Text, "> "))
	case bFacts:
		for _, f := range b.Facts {
			e.printf("- **%s:** %s\n", mdText(f.Label), mdLines(f.Text, "  "))
		}
		e.print("\n")
	case bBullets:
		for _, it := range b.Items {
			e.printf("- %s\n", mdLines(it, "  "))
		}
		e.print("\n")
	case bFinding:
		e.printf("- %s %s\n", mdMark(b.Mark), mdLines(b.Text, "  "))
		for _, it := range b.Items {
			e.printf("  %s\n", mdLines(it, "  "))
		}
		e.print("\n")
	case bTable:
		mdTable(e, b.Head, b.Rows)
	case bChart:
		head := []string{"", b.Legend[0]}
		if b.Legend[1] != "" {
			head = append(head, b.Legend[1])
		}
		var rows [][]tcell
		for _, br := range b.Bars {
			now := br.NowText
			if br.Band != "" {
				now += " (" + br.Band + ")"
			}
			row := []tcell{{Text: br.Title}, {Text: now}}
			if b.Legend[1] != "" {
				row = append(row, tcell{Text: orDash(br.PrevText)})
			}
			rows = append(rows, row)
		}
		mdTable(e, head, rows)
	case bSign:
		for _, l := range b.Items {
			e.printf("%s: ______________________________\n\n", mdText(l))
		}
	}
}

// mdMark is an answer's word, in bold when it is bad news, so that a No
// never reads like a Yes even without colour.
func mdMark(c tcell) string {
	if c.Tone == toneBad || c.Tone == toneWarn {
		return "**" + mdText(c.Text) + "**"
	}
	return mdText(c.Text)
}

func mdTable(e *errWriter, head []string, rows [][]tcell) {
	cells := make([]string, len(head))
	rule := make([]string, len(head))
	for i, h := range head {
		cells[i], rule[i] = mdCell(h), "---"
	}
	mdRow(e, cells...)
	mdRow(e, rule...)
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = mdCell(c.Text)
			if c.Bold && cells[i] != "" {
				cells[i] = "**" + cells[i] + "**"
			}
		}
		mdRow(e, cells...)
	}
	e.print("\n")
}

// mdCell is text in a table cell: on one line, its pipes escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(mdText(s), "|", `\|`)
}

// mdLines writes text that may hold line breaks: each break is a hard
// break, the next line indented by indent (a list item's, a quote's
// marker).
func mdLines(s, indent string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, ln := range lines {
		lines[i] = mdText(ln)
	}
	if indent == "> " {
		return "> " + strings.Join(lines, "  \n> ")
	}
	return strings.Join(lines, "  \n"+indent)
}

// mdText escapes one line of text for Markdown, only where it would be
// read as markup: emphasis and code marks, a link's brackets, the start of
// an HTML tag or entity, and a block marker at the start of the text.
// Everything else, an apostrophe, an ampersand between words, an
// underscore inside a word, stays as written.
func mdText(s string) string {
	if !strings.ContainsAny(s, "\\*_`[<&#>-+=0123456789") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		prev, next := rune(' '), rune(' ')
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '*', '`':
			b.WriteByte('\\')
		case '\\':
			if unicode.IsPunct(next) || unicode.IsSymbol(next) {
				b.WriteByte('\\')
			}
		case '_':
			// An underscore inside a word never emphasises.
			if !(isWordRune(prev) && isWordRune(next)) {
				b.WriteByte('\\')
			}
		case '[':
			// Only "[text](url)", "[text][ref]" and "[ref]: url" make
			// links: this file defines no references.
			if rest := string(rs[i:]); strings.Contains(rest, "](") || strings.Contains(rest, "][") || strings.Contains(rest, "]:") {
				b.WriteByte('\\')
			}
		case '<':
			if unicode.IsLetter(next) || next == '/' || next == '!' || next == '?' {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(rs[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if blockStart(out) {
		out = `\` + out
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// entityAt reports whether rs starts like an HTML entity's name: "amp;",
// "#39;".
func entityAt(rs []rune) bool {
	for i, r := range rs {
		switch {
		case r == ';':
			return i > 0
		case r == '#' && i == 0, isWordRune(r) && r < 128:
		default:
			return false
		}
	}
	return false
}

// blockStart reports whether text at the start of a line would open a
// block: a heading, a quote, a list item, a thematic break.
func blockStart(s string) bool {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return false
	}
	switch t[0] {
	case '#', '>', '=':
		return true
	case '-', '+':
		return len(t) == 1 || t[1] == ' ' || t[1] == t[0]
	}
	// "1. " or "1) " opens an ordered list.
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ')
}
