package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "servicecheck",
		Short: "A checklist and self-assessment of your customer service",
		Long: "servicecheck walks you through a customer-service checklist and a self-assessment\n" +
			"in eight areas, scores it, shows the weakest areas with what to do about them,\n" +
			"saves every answer as you go and compares each rerun with the last one.\n\n" +
			"Run it with no arguments to open the wizard.",
		Args: cobra.NoArgs,
	}
	root.SetIn(a.in)
	root.SetOut(a.out)
	root.SetErr(a.errOut)
	root.PersistentFlags().Var(dbFlagValue{&a.dbFlag}, "db",
		"the data file (default: see servicecheck config)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return withCode(exitUsage, err)
	})
	addWizard(root, a)
	installHelp(root, a)
	addCompletion(root)
	root.AddCommand(newManCmd())

	root.AddCommand(newContentCmd(a))
	root.AddCommand(newListCmd(a), newShowCmd(a), newCompareCmd(a), newAnswerCmd(a), newExportCmd(a), newDeleteCmd(a))
	root.AddCommand(newDoctorCmd(a), newImportCmd(a), newConfigCmd(a))
	return root
}

// run executes the command line args and returns the exit code.
//
// It does what fang.Execute did for this program (version, man page,
// completions, quiet cobra errors) with help and errors of its own: fang's
// help does not fit narrow terminals (see help.go).
func run(ctx context.Context, a *app, args []string) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	root.Version = versionString()
	root.SetVersionTemplate("servicecheck {{.Version}}\n")
	root.SilenceUsage = true
	root.SilenceErrors = true
	// The command the arguments name, found before running so that a usage
	// error can point at that command's help rather than the root's.
	target := commandFor(root, args)
	err := root.ExecuteContext(ctx)
	if err != nil {
		printError(a.errOut, target, err)
	}
	if err != nil && isCobraUsageError(err) {
		return exitUsage
	}
	return exitCode(err)
}

// commandFor returns the command that args name, or root when they name
// none.
func commandFor(root *cobra.Command, args []string) *cobra.Command {
	c, _, err := root.Find(args)
	if err != nil || c == nil || c.Name() == "help" && c.Parent() == root {
		// `servicecheck help bogus` points at the list of commands.
		return root
	}
	return c
}

// printError prints err in the one style of the project: lowercase, on
// stderr, prefixed with the program name, no decoration that breaks in a
// pipe or a screen reader. A usage error gets one more line naming the
// help to read.
func printError(w io.Writer, cmd *cobra.Command, err error) {
	msg := err.Error()
	usage := isCobraUsageError(err)
	if usage {
		msg = cobraMessage(cmd, msg)
	}
	_, _ = io.WriteString(w, "servicecheck: "+msg+"\n")
	if usage || exitCode(err) == exitUsage {
		_, _ = io.WriteString(w, "run '"+cmd.CommandPath()+" --help' for usage\n")
	}
}

// cobraMessage rewrites cobra's messages about arguments, which count
// "arg(s)" without saying which, into one that shows the command's usage
// line; an unknown command gets the nearest known one.
func cobraMessage(cmd *cobra.Command, msg string) string {
	usage := strings.TrimSuffix(strings.TrimSuffix(cmd.UseLine(), " [flags]"), " [--flags]")
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	var want, got int
	switch {
	case strings.HasPrefix(msg, "unknown command "):
		msg, _, _ = strings.Cut(msg, "\n")
		var typed string
		if _, err := fmt.Sscanf(msg, "unknown command %q", &typed); err == nil {
			// The closest name wins: "shw" is "show", not "new".
			for d := 1; d <= 2; d++ {
				cmd.SuggestionsMinimumDistance = d
				if s := cmd.SuggestionsFor(typed); len(s) > 0 {
					return msg + fmt.Sprintf(": did you mean %q?", s[0])
				}
			}
		}
		return msg
	case scan(msg, "accepts %d arg(s), received %d", &want, &got),
		scan(msg, "accepts at most %d arg(s), received %d", &want, &got),
		scan(msg, "requires at least %d arg(s), only received %d", &want, &got):
		if got < want {
			return fmt.Sprintf("%s: missing argument (usage: %s)", name, usage)
		}
		return fmt.Sprintf("%s: too many arguments (usage: %s)", name, usage)
	}
	return msg
}

// scan reports whether msg is format filled in with two numbers.
func scan(msg, format string, a, b *int) bool {
	n, err := fmt.Sscanf(msg, format, a, b)
	return err == nil && n == 2
}

// isCobraUsageError recognises cobra's argument and command errors, which it
// returns as plain errors (see spf13/cobra#2266).
func isCobraUsageError(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most",
		"requires exactly", "invalid argument", "unknown flag", "unknown shorthand flag",
		"flag needs an argument"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
