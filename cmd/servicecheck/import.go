package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

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
func readImportFile(name string, stdin io.Reader) (*store.Document, string, error) {
	r, display := stdin, "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", withCode(exitNotFound, fmt.Errorf("import: no file %s", name))
		}
		if err != nil {
			return nil, "", fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, "", withCode(exitUsage, fmt.Errorf("import %s: it is a folder: give the exported .json files", name))
		}
		r, display = f, name
	}
	doc, err := store.ReadDocument(r)
	var ie *store.ImportError
	switch {
	case errors.As(err, &ie) && ie.Line > 0:
		return nil, "", withCode(exitInvalid, fmt.Errorf("import %s:%d: %s", display, ie.Line, ie.Msg))
	case errors.As(err, &ie):
		return nil, "", withCode(exitInvalid, fmt.Errorf("import %s: %s", display, ie.Msg))
	case err != nil:
		return nil, "", fmt.Errorf("import %s: %w", display, err)
	}
	own := doc.Packs[:0]
	for _, f := range doc.Packs {
		p, err := checklist.Load(store.RefString(f.Ref()), []byte(f.YAML))
		if err != nil {
			return nil, "", fmt.Errorf("import %s: %w", display, err) // ReadDocument loaded it
		}
		builtin, err := sameAsBuiltin(p)
		if err != nil {
			return nil, "", fmt.Errorf("import %s: %w: nothing was imported", display, err)
		}
		if !builtin {
			own = append(own, f)
		}
	}
	doc.Packs = own
	return doc, display, nil
}

// sessionCount says "1 session" or "n sessions".
func sessionCount(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}

// importFile is one document read for import, with the name its messages
// give it.
type importFile struct {
	name string
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
				switch m.Kind {
				case checklist.KindItem:
					parts = append(parts, l.T("trust.import.not_item", "ID", clipText(m.ID), "Value", clipText(string(m.Value))))
				case checklist.KindStatement:
					parts = append(parts, l.T("trust.import.not_statement", "ID", clipText(m.ID), "Value", clipText(string(m.Value))))
				default:
					parts = append(parts, l.T("trust.import.unknown_id", "ID", clipText(m.ID)))
				}
			}
			if len(mm) > maxMismatches {
				parts = append(parts, l.N("trust.import.more", len(mm)-maxMismatches))
			}
			msg := l.N("trust.import.mismatch", len(mm), "N", i+1, "ID", s.ID, "Pack", store.RefString(s.Pack),
				"List", strings.Join(parts, "; "))
			where := f.name
			if i < len(f.doc.Lines) {
				where = fmt.Sprintf("%s:%d", f.name, f.doc.Lines[i])
			}
			return &answersMismatch{withCode(exitInvalid, fmt.Errorf("import %s: %s", where, msg))}
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
