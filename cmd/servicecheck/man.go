package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/servicecheck/servicecheck/config"
	"github.com/spf13/cobra"
)

// newManCmd is the hidden `servicecheck man`, which prints the man page
// (roff) that release packages install as servicecheck.1: it is built from
// the commands' own help, so it cannot fall behind them.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the man page (roff)",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return fmt.Errorf("man page: %w", err)
			}
			// mango makes a paragraph of every line: the text's own
			// line breaks, made for 80 columns, are joined up.
			page = page.WithLongDescription(joinLines(cmd.Root().Long)).
				WithSection("Environment", manEnvironment()).
				WithSection("Files", manFiles()).
				WithSection("Exit status", manExitStatus())
			_, err = fmt.Fprint(cmd.OutOrStdout(), manTitle(page.Build(roff.NewDocument())))
			return err
		},
	}
}

// manEnvironment lists the environment variables, from the one table of
// configuration keys.
func manEnvironment() string {
	var b strings.Builder
	for _, k := range configKeys() {
		fmt.Fprintf(&b, "%s: %s (config key %s).\n", k.Env, k.Help, k.Name)
	}
	b.WriteString(config.EnvConfig + ": another config file than the default one.\n")
	b.WriteString("NO_COLOR: when set, no colours.")
	return b.String()
}

// joinLines joins the lines of each paragraph of text into one.
func joinLines(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

func manFiles() string {
	return "$XDG_CONFIG_HOME/servicecheck/config.yaml (by default ~/.config/servicecheck/config.yaml): " +
		"the config file; servicecheck config shows what it sets.\n" +
		"$XDG_DATA_HOME/servicecheck/servicecheck.db (by default ~/.local/share/servicecheck/servicecheck.db): " +
		"the data file, with every session and answer."
}

func manExitStatus() string {
	return "0: success.\n1: any other error.\n2: wrong flags or arguments.\n3: no such session, client or file.\n" +
		"4: the data file is in use by another servicecheck.\n5: the data file is damaged or not a servicecheck file.\n" +
		"6: a content pack, answers or import file failed validation."
}

// manTitle replaces the manual's title in the .TH line, which mango fills
// with the program's description (too long for the page header), with the
// usual one for section 1.
func manTitle(page string) string {
	first, rest, _ := strings.Cut(page, "\n")
	// .TH NAME SECTION "date" "source" "manual"
	if i := strings.LastIndex(first, ` "`); strings.HasPrefix(first, ".TH ") && strings.Count(first[:i], `"`) == 4 {
		first = first[:i] + ` "User Commands"`
	}
	return first + "\n" + rest
}
