package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// importOptions are the inputs of `servicecheck import`.
type importOptions struct {
	In    io.Reader
	Out   io.Writer
	Files []string // "-" reads In
}

func newImportCmd(a *app) *cobra.Command {
	opts := &importOptions{}
	return &cobra.Command{
		Use:   "import FILE...",
		Short: "Add sessions exported on another computer",
		Long: "Add the sessions in one or more JSON files written by 'servicecheck export\n" +
			"--format json' (or a single session object). Every file is checked first;\n" +
			"then all sessions are stored at once, or none are. A session that is\n" +
			"already stored with the same content is skipped; one whose id is stored\n" +
			"with different content is refused (exit 6) and nothing is imported.\n" +
			"Use - to read standard input.",
		Example: "  servicecheck import acme-2025.json\n  servicecheck import laptop/*.json",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.In, opts.Out, opts.Files = cmd.InOrStdin(), cmd.OutOrStdout(), args
			return runImport(a, opts)
		},
	}
}

func runImport(a *app, opts *importOptions) error {
	var all []*checklist.Session
	var packs []store.PackFile
	for _, name := range opts.Files {
		doc, err := readImportFile(name, opts.In)
		if err != nil {
			return err
		}
		all = append(all, doc.Sessions...)
		packs = append(packs, doc.Packs...)
	}
	var res store.ImportResult
	err := a.withStore(false, func(s *store.Store) error {
		var err error
		res, err = s.Import(all, packs...)
		return err
	})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	msg := "imported " + sessionCount(len(res.Imported))
	if n := len(res.Skipped); n > 0 {
		msg += fmt.Sprintf(", skipped %d already present", n)
	}
	if n := len(res.Packs); n > 0 {
		msg += fmt.Sprintf(", kept %s", plural(n, "content pack"))
	}
	_, err = fmt.Fprintln(opts.Out, msg)
	return err
}

// readImportFile reads and validates one file, naming it (and the line)
// in any error. The packs it carries that are built in are left out; one
// that takes a built-in pack's name with other content is refused.
func readImportFile(name string, stdin io.Reader) (*store.Document, error) {
	r, display := stdin, "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			return nil, withCode(exitNotFound, fmt.Errorf("import: no file %s", name))
		}
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, withCode(exitUsage, fmt.Errorf("import %s: it is a folder: give the exported .json files", name))
		}
		r, display = f, name
	}
	doc, err := store.ReadDocument(r)
	var ie *store.ImportError
	switch {
	case errors.As(err, &ie) && ie.Line > 0:
		return nil, withCode(exitInvalid, fmt.Errorf("import %s:%d: %s", display, ie.Line, ie.Msg))
	case errors.As(err, &ie):
		return nil, withCode(exitInvalid, fmt.Errorf("import %s: %s", display, ie.Msg))
	case err != nil:
		return nil, fmt.Errorf("import %s: %w", display, err)
	}
	own := doc.Packs[:0]
	for _, f := range doc.Packs {
		p, err := checklist.Load(store.RefString(f.Ref()), []byte(f.YAML))
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", display, err) // ReadDocument loaded it
		}
		builtin, err := sameAsBuiltin(p)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w: nothing was imported", display, err)
		}
		if !builtin {
			own = append(own, f)
		}
	}
	doc.Packs = own
	return doc, nil
}

// sessionCount says "1 session" or "n sessions".
func sessionCount(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}
