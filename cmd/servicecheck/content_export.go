package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/servicecheck/servicecheck/content"
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
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.Out.Write(data)
		return err
	}
	return writeNewFile(opts.Output, data, opts.Force)
}

// writeNewFile writes data to path, refusing to replace an existing file
// unless force is set: an exported pack is a starting point for edits, and
// exporting again must not wipe those edits by accident.
func writeNewFile(path string, data []byte, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return msgError("cmd.content.exists", "File", path)
	}
	if err != nil {
		return wrap(err, "cmd.content.export_failed")
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return wrap(bareError(err), "cmd.write.failed", "File", path)
	}
	if err := f.Close(); err != nil {
		return wrap(bareError(err), "cmd.write.failed", "File", path)
	}
	return nil
}
