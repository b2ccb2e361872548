package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/usertext"
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
		return wrap(err, "cmd.import.failed")
	}
	l := a.locale()
	parts := []string{l.N("cmd.import.imported", len(res.Imported))}
	if n := len(res.Skipped); n > 0 {
		parts = append(parts, l.N("cmd.import.skipped", n))
	}
	if n := len(res.Packs); n > 0 {
		parts = append(parts, l.N("cmd.import.kept_packs", n))
	}
	_, err = fmt.Fprintln(opts.Out, strings.Join(parts, l.T("cmd.import.separator")))
	return err
}

// readImportFile reads and validates one file, naming it (and the line)
// in any error. The packs it carries that are built in are left out; one
// that takes a built-in pack's name with other content is refused.
func readImportFile(name string, stdin io.Reader) (*store.Document, error) {
	var display any = usertext.Word("cmd.import.stdin")
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			return nil, notFound("cmd.import.no_file", "File", name)
		}
		if err != nil {
			return nil, wrap(err, "cmd.import.failed")
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, usageError("cmd.import.folder", "File", name)
		}
		r, display = f, name
	}
	doc, err := store.ReadDocument(r)
	var ie *store.ImportError
	switch {
	case errors.As(err, &ie) && ie.Line > 0:
		return nil, withCode(exitInvalid, wrap(importProblem{ie}, "cmd.import.file_line", "File", display, "Line", ie.Line))
	case errors.As(err, &ie):
		return nil, withCode(exitInvalid, wrap(importProblem{ie}, "cmd.import.file", "File", display))
	case err != nil:
		return nil, wrap(err, "cmd.import.file", "File", display)
	}
	own := doc.Packs[:0]
	for _, f := range doc.Packs {
		p, err := checklist.Load(store.RefString(f.Ref()), []byte(f.YAML))
		if err != nil {
			return nil, wrap(err, "cmd.import.file", "File", display) // ReadDocument loaded it
		}
		builtin, err := sameAsBuiltin(p)
		if err != nil {
			return nil, withCode(exitCode(err), usertext.WrapInside(err, "cmd.import.file_nothing", "File", display))
		}
		if !builtin {
			own = append(own, f)
		}
	}
	doc.Packs = own
	return doc, nil
}

// importProblem is what is wrong with an import document, without the
// line, which the message about the file gives. Its text is the store's
// English.
type importProblem struct{ e *store.ImportError }

func (p importProblem) Error() string { return p.e.Msg }
func (p importProblem) Unwrap() error { return p.e }
