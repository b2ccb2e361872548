package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
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
	// Every command but the wizard's screens writes through the guard;
	// the wizard draws its screens on a.out itself.
	root.SetOut(guard(a.out))
	root.SetErr(guard(a.errOut))
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
	root.AddCommand(newDoctorCmd(a), newImportCmd(a), newPlanCmd(a), newConfigCmd(a), newClientCmd(a))
	root.AddCommand(newTeamCmd(a), newServeCmd(a))
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
		printError(root.ErrOrStderr(), a.locale(), target, err)
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
func printError(w io.Writer, l *i18n.Locale, cmd *cobra.Command, err error) {
	usage := isCobraUsageError(err)
	var msg string
	if usage {
		msg = cobraMessage(l, cmd, err.Error())
	} else {
		msg = usertext.Error(l, err)
	}
	_, _ = io.WriteString(w, "servicecheck: "+msg+"\n")
	if usage || exitCode(err) == exitUsage {
		_, _ = io.WriteString(w, l.T("cmd.error.help", "Command", cmd.CommandPath())+"\n")
	}
}

// cobraMessage rewrites cobra's messages about arguments, which count
// "arg(s)" without saying which, into one that shows the command's usage
// line, in l's language; an unknown command gets the nearest known one.
// The messages it does not know stay cobra's English.
func cobraMessage(l *i18n.Locale, cmd *cobra.Command, msg string) string {
	usage := strings.TrimSuffix(strings.TrimSuffix(cmd.UseLine(), " [flags]"), " [--flags]")
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	var want, got int
	switch {
	case strings.HasPrefix(msg, "unknown command "):
		msg, _, _ = strings.Cut(msg, "\n")
		var typed string
		if _, err := fmt.Sscanf(msg, "unknown command %q", &typed); err == nil {
			quoted := fmt.Sprintf("%q", typed)
			in := strings.TrimPrefix(strings.TrimPrefix(msg[len("unknown command ")+len(quoted):], " "), "for ")
			// The closest name wins: "shw" is "show", not "new".
			for d := 1; d <= 2; d++ {
				cmd.SuggestionsMinimumDistance = d
				if s := cmd.SuggestionsFor(typed); len(s) > 0 {
					return l.T("cmd.usage.unknown_command_suggest", "Command", quoted, "In", in, "Suggestion", fmt.Sprintf("%q", s[0]))
				}
			}
			return l.T("cmd.usage.unknown_command", "Command", quoted, "In", in)
		}
		return msg
	case scan(msg, "accepts %d arg(s), received %d", &want, &got),
		scan(msg, "accepts at most %d arg(s), received %d", &want, &got),
		scan(msg, "requires at least %d arg(s), only received %d", &want, &got):
		if got < want {
			return l.T("cmd.usage.missing_argument", "Command", name, "Usage", usage)
		}
		return l.T("cmd.usage.too_many_arguments", "Command", name, "Usage", usage)
	}
	for _, f := range []struct{ prefix, id string }{
		{"unknown flag: ", "cmd.usage.unknown_flag"},
		{"unknown shorthand flag: ", "cmd.usage.unknown_flag"},
		{"flag needs an argument: ", "cmd.usage.flag_needs_argument"},
	} {
		if flag, ok := strings.CutPrefix(msg, f.prefix); ok {
			return l.T(f.id, "Flag", flag)
		}
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
