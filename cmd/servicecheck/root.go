package main

import (
	"context"
	"io"
	"strings"

	"github.com/charmbracelet/fang"
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
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "",
		"data file (default $SERVICECHECK_DB, else the user data folder)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return withCode(exitUsage, err)
	})
	addWizard(root, a)

	root.AddCommand(newContentCmd(a))
	root.AddCommand(newListCmd(a), newShowCmd(a), newCompareCmd(a), newAnswerCmd(a), newExportCmd(a), newDeleteCmd(a))
	root.AddCommand(newDoctorCmd(a), newImportCmd(a))
	return root
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, a *app, args []string) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	v := version
	if v == "" {
		v = "dev"
	}
	err := fang.Execute(ctx, root, fang.WithVersion(v), fang.WithoutManpage(),
		fang.WithErrorHandler(errorHandler))
	if err != nil && isCobraUsageError(err) {
		return exitUsage
	}
	return exitCode(err)
}

// errorHandler prints errors in the one style of the project: lowercase,
// on stderr, prefixed with the program name, no decoration that breaks in
// a pipe or a screen reader.
func errorHandler(w io.Writer, _ fang.Styles, err error) {
	msg := err.Error()
	_, _ = w.Write([]byte("servicecheck: " + msg + "\n"))
	if isCobraUsageError(err) || exitCode(err) == exitUsage {
		_, _ = w.Write([]byte("run 'servicecheck --help' for usage\n"))
	}
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
