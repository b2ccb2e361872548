package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/spf13/cobra"
)

// contentShowOptions are the inputs of `servicecheck content show`.
type contentShowOptions struct {
	Out, ErrOut io.Writer
	JSON        bool
	Lang        string       // built-in pack language; "" for the default
	PackFile    string       // a pack file to show instead of a built-in pack
	Locale      *i18n.Locale // of the messages; nil for English
}

func newContentShowCmd(a *app) *cobra.Command {
	opts := &contentShowOptions{}
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show the questions, statements, advice and bands of a content pack",
		Example: "  servicecheck content show\n" +
			"  servicecheck content show --json | jq '.areas[].title'\n" +
			"  servicecheck content show --pack my-pack.yaml",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out, opts.ErrOut = cmd.OutOrStdout(), cmd.ErrOrStderr()
			opts.Locale = a.locale()
			return runContentShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the pack as JSON")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the built-in pack (default en)")
	cmd.Flags().StringVar(&opts.PackFile, "pack", "", "show this pack file instead of a built-in one")
	return cmd
}

func runContentShow(opts *contentShowOptions) error {
	p, err := choosePack(opts.Locale, opts.ErrOut, opts.Lang, opts.PackFile)
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(p)
	}
	return writeOutline(opts.Out, p)
}

// outlineWidth is where the outline wraps: it is read in terminals and
// pasted into e-mails, where 80 columns is the safe width.
const outlineWidth = 80

// writeOutline writes a plain-text outline of p in p's language: no colour
// or box drawing, so that it reads the same in a pipe, a file and a screen
// reader.
func writeOutline(w io.Writer, p *checklist.Pack) error {
	l := packLocale(p.Lang)
	o := &outline{}
	o.para("", "", p.Title)
	o.line(l.T("cmd.content.outline.pack", "ID", p.ID, "Version", p.Version, "Lang", p.Lang))
	if p.Intro != "" {
		o.blank()
		o.para("", "", p.Intro)
	}
	o.blank()
	o.line(l.T("cmd.content.outline.checklist", "Yes", usertext.Value(l, checklist.Yes), "Partly", usertext.Value(l, checklist.Partly),
		"No", usertext.Value(l, checklist.No), "NA", usertext.Value(l, checklist.NA)))
	idLabel, hintLabel := l.T("cmd.content.outline.id_label")+": ", l.T("cmd.content.outline.hint")+": "
	for si, s := range p.Sections {
		o.blank()
		o.para("", "   ", fmt.Sprintf("%d. %s (%s)", si+1, s.Title, s.ID))
		o.para("   ", "   ", s.Purpose)
		for ii, it := range s.Items {
			o.blank()
			num := fmt.Sprintf("   %d.%d ", si+1, ii+1)
			hang := strings.Repeat(" ", len(num))
			o.para(num, hang, it.Text)
			o.line(hang + idLabel + it.ID)
			if it.Help != "" {
				o.para(hang+hintLabel, hang+strings.Repeat(" ", runes(hintLabel)), it.Help)
			}
		}
	}
	o.blank()
	o.line(l.T("cmd.content.outline.assessment", "Low", ratingWord(l, 1), "High", ratingWord(l, 5)))
	for ai, a := range p.Areas {
		o.blank()
		o.para("", "   ", fmt.Sprintf("%d. %s (%s)", ai+1, a.Title, a.ID))
		o.para("   ", "   ", a.Explanation)
		o.blank()
		for i, st := range a.Statements {
			num := fmt.Sprintf("   %d.%d ", ai+1, i+1)
			hang := strings.Repeat(" ", len(num))
			o.para(num, hang, st.Text)
			o.line(hang + idLabel + st.ID)
		}
		o.blank()
		o.line("   " + l.T("cmd.content.outline.actions"))
		for _, act := range a.Actions {
			o.para("   - ", "     ", act)
		}
	}
	o.blank()
	o.line(l.T("cmd.content.outline.bands"))
	o.blank()
	labelWidth := 0
	for _, b := range p.Bands {
		labelWidth = max(labelWidth, runes(b.Label))
	}
	for i, b := range p.Bands {
		upTo := formatPercent(l, 100)
		if i+1 < len(p.Bands) {
			upTo = l.T("cmd.content.outline.under", "Percent", formatPercent(l, p.Bands[i+1].From))
		}
		pad := strings.Repeat(" ", labelWidth-runes(b.Label))
		o.line(fmt.Sprintf("   %s%s  %s (%s)", b.Label, pad,
			l.T("cmd.content.outline.band", "From", formatPercent(l, b.From), "To", upTo), b.ID))
	}
	_, err := io.WriteString(w, o.b.String())
	return err
}

// runes counts characters rather than bytes, so that text in Albanian or
// Italian wraps and lines up like English.
func runes(s string) int { return utf8.RuneCountInString(s) }

func formatPercent(l *i18n.Locale, f float64) string {
	return l.Decimal(strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")) + "%"
}

// ratingWord is a rating as a scale's end reads: "1 (never)", from the
// catalogue's "1 never".
func ratingWord(l *i18n.Locale, n int) string {
	num, word, ok := strings.Cut(usertext.Value(l, checklist.Rating(n)), " ")
	if !ok {
		return num
	}
	return num + " (" + word + ")"
}

// outline builds wrapped plain text.
type outline struct{ b strings.Builder }

func (o *outline) line(s string) { o.b.WriteString(s + "\n") }
func (o *outline) blank()        { o.b.WriteString("\n") }

// para writes text wrapped at outlineWidth, the first line starting with
// first and the others with indent. Words longer than a line are kept whole.
func (o *outline) para(first, indent, text string) {
	prefix, n := first, runes(first)
	lineStart := true
	for _, word := range strings.Fields(text) {
		if !lineStart && n+1+runes(word) > outlineWidth {
			o.b.WriteString("\n")
			prefix, n, lineStart = indent, runes(indent), true
		}
		if lineStart {
			o.b.WriteString(prefix)
			lineStart = false
		} else {
			o.b.WriteString(" ")
			n++
		}
		o.b.WriteString(word)
		n += runes(word)
	}
	if !lineStart {
		o.b.WriteString("\n")
	}
}
