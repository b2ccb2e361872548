package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/servicecheck/servicecheck/i18n"
)

// Help is rendered here rather than by fang: fang pads every line to the
// terminal's width (120 columns when piped), lets long flag and command
// descriptions run past the edge, where the terminal breaks them mid-word,
// and prints blank lines in pairs. This renderer keeps fang's layout and
// colours but wraps at word boundaries to the width it is given, never pads,
// and prints one blank line between sections.

const (
	helpPipeWidth = 80  // the width when stdout is not a terminal
	helpMaxWidth  = 100 // wider help is harder to read, not easier
	helpIndent    = 2   // text and section titles
	helpItem      = 4   // commands and flags under a title
	helpKeyMax    = 24  // a key wider than this puts its text on the next line
)

// helpStyles colour the help on a terminal; the colour writer drops them
// in a pipe or with NO_COLOR. The colours are fang's, chosen to read on
// light and dark backgrounds alike, so no terminal query is needed.
type helpStyles struct {
	title, command, flag, arg, comment lipgloss.Style
}

func newHelpStyles() helpStyles {
	return helpStyles{
		title:   lipgloss.NewStyle().Foreground(lipgloss.Color("#6B50FF")).Bold(true),
		command: lipgloss.NewStyle().Foreground(lipgloss.Color("#FF5FD2")),
		flag:    lipgloss.NewStyle().Foreground(lipgloss.Color("#0CB37F")),
		arg:     lipgloss.NewStyle().Foreground(lipgloss.Color("#858392")),
		comment: lipgloss.NewStyle().Foreground(lipgloss.Color("#858392")),
	}
}

// installHelp makes every command's help, and the help command, use this
// renderer.
func installHelp(root *cobra.Command, a *app) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		out := c.OutOrStdout()
		width := helpPipeWidth
		// a.out, not out: the command's writer is a.out behind the
		// terminal guard, which stdoutTerminal does not take for one.
		if t := stdoutTerminal(a.out); t.Styled {
			width = min(t.Width, helpMaxWidth)
		}
		// Colours on a terminal that shows them, none in a pipe.
		writeHelp(a.colorWriter(out), c, width)
	})
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help about any command: servicecheck help export is servicecheck export --help.",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return unknownHelpTopic(a.locale(), root, args)
			}
			return target.Help()
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			target, _, err := root.Find(args)
			if err != nil || target == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, sc := range target.Commands() {
				if sc.IsAvailableCommand() {
					names = append(names, sc.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	})
}

// unknownHelpTopic is the usage error of `servicecheck help bogus`, with the
// nearest command when one is near.
func unknownHelpTopic(l *i18n.Locale, root *cobra.Command, args []string) error {
	topic := fmt.Sprintf("%q", strings.Join(args, " "))
	last := args[len(args)-1]
	parent, _, _ := root.Find(args[:len(args)-1])
	if parent == nil {
		parent = root
	}
	for d := 1; d <= 2; d++ {
		parent.SuggestionsMinimumDistance = d
		if s := parent.SuggestionsFor(last); len(s) > 0 {
			return withCode(exitUsage, errors.New(l.T("help.unknown_topic_suggest", "Topic", topic, "Suggestion", fmt.Sprintf("%q", s[0]))))
		}
	}
	return withCode(exitUsage, errors.New(l.T("help.unknown_topic", "Topic", topic)))
}

// writeHelp renders c's help for a screen width columns wide.
func writeHelp(w io.Writer, c *cobra.Command, width int) {
	st := newHelpStyles()
	var b strings.Builder
	section := func(title string) {
		b.WriteString("\n" + strings.Repeat(" ", helpIndent) + st.title.Render(strings.ToUpper(title)) + "\n\n")
	}

	if text := strings.TrimSpace(cmp.Or(c.Long, c.Short)); text != "" {
		b.WriteString("\n")
		b.WriteString(wrapText(text, width-helpIndent, helpIndent))
	}

	section("usage")
	// A usage line too long for the screen goes on below, indented.
	for i, line := range wrapWords(styleUsage(c, st), width-helpItem-2) {
		b.WriteString(strings.Repeat(" ", helpItem+2*min(i, 1)) + line + "\n")
	}

	if c.Example != "" {
		section("examples")
		for _, line := range strings.Split(strings.Trim(c.Example, "\n"), "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "#") {
				b.WriteString(strings.Repeat(" ", helpItem) + st.comment.Render(line) + "\n")
				continue
			}
			// A command too long for the screen is continued on the next
			// line with a backslash, as a shell reads it.
			parts := wrapCommand(line, width-helpItem-2)
			for i, part := range parts {
				if i < len(parts)-1 {
					part += " \\"
				}
				b.WriteString(strings.Repeat(" ", helpItem+2*min(i, 1)) + part + "\n")
			}
		}
	}

	var cmds [][2]string
	for _, sc := range c.Commands() {
		if sc.IsAvailableCommand() || sc.Name() == "help" && c.HasAvailableSubCommands() {
			cmds = append(cmds, [2]string{st.command.Render(sc.Name()), sc.Short})
		}
	}
	local := flagItems(c.LocalFlags(), st)
	inherited := flagItems(c.InheritedFlags(), st)
	keyWidth := 0
	for _, group := range [][][2]string{cmds, local, inherited} {
		for _, it := range group {
			if kw := ansi.StringWidth(it[0]); kw <= helpKeyMax {
				keyWidth = max(keyWidth, kw)
			}
		}
	}
	for _, g := range []struct {
		title string
		items [][2]string
	}{{"commands", cmds}, {"flags", local}, {"global flags", inherited}} {
		if len(g.items) == 0 {
			continue
		}
		section(g.title)
		for _, it := range g.items {
			b.WriteString(item(it[0], it[1], keyWidth, width))
		}
	}
	b.WriteString("\n")
	_, _ = io.WriteString(w, b.String())
}

// item renders one command or flag: the key, then its description wrapped
// in a column of its own; a key too wide for the column has its
// description on the lines below it.
func item(key, desc string, keyWidth, width int) string {
	pad := strings.Repeat(" ", helpItem)
	col := helpItem + keyWidth + 2
	kw := ansi.StringWidth(key)
	if desc == "" {
		return pad + key + "\n"
	}
	if kw > keyWidth || width-col < 30 {
		return pad + key + "\n" + wrapText(desc, width-helpItem-4, helpItem+4)
	}
	text := wrapText(desc, width-col, col)
	return pad + key + strings.Repeat(" ", col-helpItem-kw) + text[col:]
}

// flagItems lists the visible flags of fs as keys (-h, --help) and
// descriptions with their default when it says something.
func flagItems(fs *pflag.FlagSet, st helpStyles) [][2]string {
	var items [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		key := "--" + f.Name
		if f.Shorthand != "" {
			key = "-" + f.Shorthand + ", " + key
		}
		name, usage := pflag.UnquoteUsage(f)
		key = st.flag.Render(key)
		if name != "" && strings.Contains(f.Usage, "`") {
			key += " " + st.arg.Render(name)
		}
		usage = upperFirst(usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			usage += " (default " + f.DefValue + ")"
		}
		items = append(items, [2]string{key, usage})
	})
	return items
}

// styleUsage is the command's usage line, with [command] when it has
// subcommands and [--flags] when it takes any.
func styleUsage(c *cobra.Command, st helpStyles) string {
	line := c.UseLine()
	line = strings.TrimSuffix(strings.TrimSuffix(line, " [flags]"), " [--flags]")
	var extra []string
	if c.HasAvailableSubCommands() {
		extra = append(extra, "[command]")
	}
	if c.HasAvailableFlags() {
		extra = append(extra, "[--flags]")
	}
	name, rest, _ := strings.Cut(line, " ")
	out := st.command.Render(name)
	if rest != "" {
		out += " " + rest
	}
	for _, e := range extra {
		out += " " + st.arg.Render(e)
	}
	return out
}

// wrapText fills the paragraphs of text to width columns, each line
// indented by indent spaces. A paragraph's line breaks are not kept (the
// text is refilled), except in lines that start with a space or a tab:
// those are examples and are kept as they are, tabs as four spaces.
func wrapText(text string, width, indent int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	var para []string
	flush := func() {
		if len(para) == 0 {
			return
		}
		for _, line := range wrapWords(strings.Join(para, " "), width) {
			b.WriteString(pad + line + "\n")
		}
		para = nil
	}
	blank := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t")
		switch {
		case line == "":
			flush()
			if !blank && b.Len() > 0 {
				b.WriteString("\n")
			}
			blank = true
			continue
		case line[0] == ' ' || line[0] == '\t':
			flush()
			b.WriteString(pad + strings.ReplaceAll(line, "\t", "    ") + "\n")
		default:
			para = append(para, strings.TrimSpace(line))
		}
		blank = false
	}
	flush()
	return b.String()
}

// wrapWords breaks s into lines of at most width columns at spaces. A
// word wider than the line gets a line of its own: it is never cut.
func wrapWords(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, word := range strings.Fields(s) {
		ww := ansi.StringWidth(word)
		if curW > 0 && curW+1+ww > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// wrapCommand breaks a shell command into lines of at most width columns
// (a backslash and a space are added to all but the last) at spaces
// outside quotes, so that every line break is one a shell can continue.
func wrapCommand(cmd string, width int) []string {
	var words []string
	var cur strings.Builder
	var quote rune
	for _, r := range cmd {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ':
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w)+2 > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// upperFirst capitalises the first letter, as fang shows flag texts.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
