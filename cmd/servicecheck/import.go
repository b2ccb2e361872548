package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
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
	var files []importFile
	for _, name := range opts.Files {
		doc, display, err := readImportFile(name, opts.In)
		if err != nil {
			return err
		}
		files = append(files, importFile{display, doc})
		all = append(all, doc.Sessions...)
		packs = append(packs, doc.Packs...)
	}
	var res store.ImportResult
	err := a.withStore(false, func(s *store.Store) error {
		if err := a.checkImportedAnswers(s, files); err != nil {
			return err
		}
		var err error
		res, err = s.Import(all, packs...)
		return err
	})
	var mm *answersMismatch
	if errors.As(err, &mm) {
		return mm.error // it names the file already
	}
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
func readImportFile(name string, stdin io.Reader) (*store.Document, any, error) {
	var display any = usertext.Word("cmd.import.stdin")
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, notFound("cmd.import.no_file", "File", name)
		}
		if err != nil {
			return nil, nil, wrap(err, "cmd.import.failed")
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, nil, usageError("cmd.import.folder", "File", name)
		}
		r, display = f, name
	}
	doc, err := store.ReadDocument(r)
	var ie *store.ImportError
	switch {
	case errors.As(err, &ie) && ie.Line > 0:
		return nil, nil, withCode(exitInvalid, wrap(importProblem{ie}, "cmd.import.file_line", "File", display, "Line", ie.Line))
	case errors.As(err, &ie):
		return nil, nil, withCode(exitInvalid, wrap(importProblem{ie}, "cmd.import.file", "File", display))
	case err != nil:
		return nil, nil, wrap(err, "cmd.import.file", "File", display)
	}
	own := doc.Packs[:0]
	for _, f := range doc.Packs {
		p, err := checklist.Load(store.RefString(f.Ref()), []byte(f.YAML))
		if err != nil {
			return nil, nil, wrap(err, "cmd.import.file", "File", display) // ReadDocument loaded it
		}
		builtin, err := sameAsBuiltin(p)
		if err != nil {
			return nil, nil, withCode(exitCode(err), usertext.WrapInside(err, "cmd.import.file_nothing", "File", display))
		}
		if !builtin {
			own = append(own, f)
		}
	}
	doc.Packs = own
	return doc, display, nil
}

// importFile is one document read for import, with the name its messages
// give it.
type importFile struct {
	name any // a file name, or the word for standard input
	doc  *store.Document
}

// maxMismatches caps the answers a refused import names: 10,000 unknown
// ids must not print 10,000 lines.
const maxMismatches = 5

// checkImportedAnswers refuses a session whose answers do not fit the pack
// it names: an id the pack has no question for, "yes" on a statement, "5"
// on a checklist item (before, they were stored and then ignored, and the
// wizard showed "77 of 78 answered" with nothing selected). The pack is the
// document's own, a built-in one, or one kept in the data file; a session
// whose pack is found nowhere cannot be checked, and is stored as before.
func (a *app) checkImportedAnswers(st *store.Store, files []importFile) error {
	l := a.locale()
	for _, f := range files {
		own := map[checklist.Ref]string{}
		for _, pf := range f.doc.Packs {
			own[pf.Ref()] = pf.YAML
		}
		for i, s := range f.doc.Sessions {
			var p *checklist.Pack
			var err error
			if y, ok := own[s.Pack]; ok {
				p, err = a.packs.parse(s.Pack, []byte(y))
			} else {
				p, err = a.lookupPack(st, s.Pack)
			}
			if err != nil {
				continue
			}
			mm := p.Mismatches(s.Answers)
			if len(mm) == 0 {
				continue
			}
			var parts []string
			for _, m := range mm[:min(len(mm), maxMismatches)] {
				id, v := clipText(m.ID), clipText(string(m.Value))
				switch m.Kind {
				case checklist.KindItem:
					parts = append(parts, l.T("truststore.import.not_item", "ID", id, "Value", v))
				case checklist.KindStatement:
					parts = append(parts, l.T("truststore.import.not_statement", "ID", id, "Value", v))
				default:
					parts = append(parts, l.T("truststore.import.unknown_id", "ID", id))
				}
			}
			if len(mm) > maxMismatches {
				parts = append(parts, l.N("truststore.import.more", len(mm)-maxMismatches))
			}
			msg := msgError("truststore.import.mismatch", "Count", len(mm), "N", i+1, "ID", s.ID,
				"Pack", store.RefString(s.Pack), "List", strings.Join(parts, "; "))
			if i < len(f.doc.Lines) {
				return &answersMismatch{withCode(exitInvalid, wrap(msg, "cmd.import.file_line", "File", f.name, "Line", f.doc.Lines[i]))}
			}
			return &answersMismatch{withCode(exitInvalid, wrap(msg, "cmd.import.file", "File", f.name))}
		}
	}
	return nil
}

// clipText shortens a value quoted from an imported file.
func clipText(s string) string {
	const n = 60
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// answersMismatch is checkImportedAnswers' refusal, which names the file
// and line as readImportFile's errors do.
type answersMismatch struct{ error }

func (e *answersMismatch) Unwrap() error { return e.error }

// importProblem is what is wrong with an import document, without the
// line, which the message about the file gives: the field, then the
// store's problem in the user's language (Error is the store's English).
type importProblem struct{ e *store.ImportError }

func (p importProblem) Error() string { return p.e.Msg }

// Localize words the problem in l's language.
func (p importProblem) Localize(l *i18n.Locale) string { return usertext.Error(l, p.e) }
func (p importProblem) Unwrap() error                  { return p.e }
