package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/spf13/cobra"
)

// contentValidateOptions are the inputs of `servicecheck content validate`.
type contentValidateOptions struct {
	Out, ErrOut io.Writer
	Files       []string
	Locale      *i18n.Locale // of the messages; nil for English
}

func newContentValidateCmd(a *app) *cobra.Command {
	opts := &contentValidateOptions{}
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check content pack files and list every problem with its line",
		Long: "Check content pack files. Each valid file is reported on standard output;\n" +
			"every problem of an invalid file is listed on standard error as\n" +
			"file:line:column: field: message, and the command exits with status 6.",
		Example: "  servicecheck content validate my-pack.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.ErrOut, opts.Files = cmd.OutOrStdout(), cmd.ErrOrStderr(), args
			opts.Locale = a.locale()
			return runContentValidate(opts)
		},
	}
	return cmd
}

// runContentValidate checks every file, even after a failure, so that one
// run lists all the problems.
func runContentValidate(opts *contentValidateOptions) error {
	l := orEnglish(opts.Locale)
	var failed, invalid, missing int
	for _, file := range opts.Files {
		p, err := checklist.LoadFile(file)
		if err == nil {
			items, statements := countQuestions(p)
			fmt.Fprintln(opts.Out, l.T("cmd.content.valid", "File", file,
				"Items", l.N("cmd.content.items", items), "Statements", l.N("cmd.content.statements", statements)))
			continue
		}
		failed++
		switch {
		case errors.Is(err, checklist.ErrInvalid):
			invalid++
		case errors.Is(err, fs.ErrNotExist):
			missing++
		}
		if len(opts.Files) == 1 {
			return packLoadError(l, opts.ErrOut, file, err)
		}
		// With several files, each failure ends with its own summary line
		// and the run goes on to the next file.
		fmt.Fprintln(opts.ErrOut, usertext.Error(l, packLoadError(l, opts.ErrOut, file, err)))
	}
	if failed == 0 {
		return nil
	}
	code := exitError
	switch {
	case invalid > 0:
		code = exitInvalid
	case missing == failed:
		code = exitNotFound
	}
	return withCode(code, msgError("cmd.content.failed", "Failed", failed, "Count", len(opts.Files)))
}

func countQuestions(p *checklist.Pack) (items, statements int) {
	for _, s := range p.Sections {
		items += len(s.Items)
	}
	for _, a := range p.Areas {
		statements += len(a.Statements)
	}
	return items, statements
}
