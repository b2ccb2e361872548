package main

import (
	"errors"
	"io"

	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/internal/fileout"
	"github.com/spf13/cobra"
)

// contentExportOptions are the inputs of `servicecheck content export`.
type contentExportOptions struct {
	Out    io.Writer
	Lang   string // "" for the default language
	Output string // file to write; "" or "-" for Out
	Force  bool   // overwrite Output if it exists
}

func newContentExportCmd(a *app) *cobra.Command {
	opts := &contentExportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a built-in content pack as YAML, to start your own",
		Long: "Write a built-in content pack exactly as it is built in, comments included.\n" +
			"Edit the copy, check it with 'servicecheck content validate', then use it\n" +
			"with --pack.",
		Example: "  servicecheck content export -o my-pack.yaml\n" +
			"  servicecheck content export --lang en > my-pack.yaml",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out = cmd.OutOrStdout()
			return runContentExport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the pack to export (default en)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	return cmd
}

func runContentExport(opts *contentExportOptions) error {
	data, err := content.YAML(opts.Lang)
	if err != nil {
		return langError(err)
	}
	// An exported pack is a starting point for edits: exporting again
	// must not wipe those edits by accident.
	err = writeOutput(opts.Out, opts.Output, data, fileout.Options{Perm: 0o644, NoClobber: !opts.Force})
	if errors.Is(err, fileout.ErrExists) {
		return msgError("cmd.content.exists", "File", opts.Output)
	}
	return err
}
