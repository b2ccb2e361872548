package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/fileout"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// exportFormats are the report formats, in the order help lists them.
var exportFormats = []string{"md", "html", "pdf", "docx", "json", "csv"}

// exportOptions are the inputs of `servicecheck export`.
type exportOptions struct {
	Out     io.Writer
	ErrOut  io.Writer
	Session string // an id, an id prefix or "latest"
	Client  string // with "latest"
	Format  string
	Output  string // file to write; "" or "-" for standard output
	CSVSep  string // "" for the session's language's separator, else ",", ";" or "tab"
	Paper   string // pdf: "a4" or "letter"
	// Branding names the consultant on the cover of the readable reports;
	// the config file fills it when it has the keys, the flags override.
	Branding brandingOptions
}

// brandingOptions are the consultant's details as given: names, and the
// logo as a file path, read by export.
type brandingOptions struct {
	Firm, Consultant, Contact, Logo string
}

func newExportCmd(a *app) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export [ID|latest|AUDIT] --format md|html|pdf|docx|json|csv",
		Short: "Write a session's report as Markdown, HTML, PDF, Word (docx), JSON or CSV",
		Long: "Write a session's report to hand over:\n\n" +
			"  md    Markdown, readable as plain text too\n" +
			"  html  one self-contained page (no scripts, nothing loaded) that prints on A4\n" +
			"        and Letter, with a chart of the areas and the change since the\n" +
			"        client's previous completed session\n" +
			"  json  the show --json document with every answer and note, plus the session\n" +
			"        itself, which servicecheck import reads back exactly\n" +
			"  pdf   the report to hand over: cover, summary, findings, areas, action plan,\n" +
			"        sign-off and every answer in an appendix; A4, or --paper letter\n" +
			"  docx  the same report as an editable Word document\n" +
			"  csv   one row per answered question, for a spreadsheet (UTF-8 with BOM)\n\n" +
			"--firm, --consultant, --contact and --logo (a PNG or JPEG file) put the\n" +
			"consultant's details on the cover of md, html, pdf and docx reports.\n\n" +
			"Given a team audit's id (see servicecheck team), it writes the report of the\n" +
			"audit's agreed result (team settle) with a Team view part: the respondents,\n" +
			"their disagreements, and each area's and section's mean, range and spread.\n\n" +
			"Without a session, --format json exports every session (with --client, every\n" +
			"session of that client) in one file: a backup, or a move to another computer\n" +
			"with 'servicecheck import'.\n\n" +
			"-o writes the report to a file, replacing it if it exists (a named pipe or a\n" +
			"device such as /dev/stdout is written to, never replaced).",
		Example: "  servicecheck export latest --client \"Acme Ltd\" --format html -o acme.html\n" +
			"  servicecheck export latest --client \"Acme Ltd\" --format pdf --firm \"Qualità Srl\" -o acme.pdf\n" +
			"  servicecheck export 06fjya6 --format csv > answers.csv\n" +
			"  servicecheck export --format json -o sessions.json",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.ErrOut = cmd.OutOrStdout(), cmd.ErrOrStderr()
			if len(args) == 1 {
				opts.Session = args[0]
			}
			opts.Branding = opts.Branding.or(a.settings())
			return runExport(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "with latest: the newest session of this client; alone: all of its sessions")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "md", "report format: "+strings.Join(exportFormats, ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&opts.Paper, "paper", "a4", "pdf paper size: a4 or letter")
	cmd.Flags().StringVar(&opts.Branding.Firm, "firm", "", "the consultant's firm, on the report's cover")
	cmd.Flags().StringVar(&opts.Branding.Consultant, "consultant", "", "the consultant's name, on the report's cover")
	cmd.Flags().StringVar(&opts.Branding.Contact, "contact", "", "the consultant's contact (e-mail, phone), on the report's cover")
	cmd.Flags().StringVar(&opts.Branding.Logo, "logo", "", "a PNG or JPEG logo for the cover of pdf and docx reports")
	cmd.Flags().StringVar(&opts.CSVSep, "csv-sep", "", `CSV field separator: ",", ";" or "tab" (default: ";" where the session's language writes a decimal comma, else ",")`)
	return cmd
}

func runExport(a *app, opts *exportOptions) error {
	if !slices.Contains(exportFormats, opts.Format) {
		return usageError("cmd.export.unknown_format", "Format", fmt.Sprintf("%q", opts.Format), "Formats", strings.Join(exportFormats, ", "))
	}
	if err := a.refuseDataFile(opts.Output); err != nil {
		return err
	}
	comma, err := csvSeparator(opts.CSVSep)
	if err != nil {
		return err
	}
	paged, err := pagedOptions(opts)
	if err != nil {
		return err
	}
	if (opts.Format == "pdf" || opts.Format == "docx") && (opts.Output == "" || opts.Output == "-") && stdoutTerminal(opts.Out).Styled {
		return usageError("report.export.binary_terminal", "Format", opts.Format)
	}
	if opts.Session == "" {
		switch {
		case opts.Format == "json":
			return runExportAll(a, opts)
		case opts.Format == "csv" && opts.Client != "":
			return runExportClientCSV(a, opts, comma)
		}
		return usageError("report.export.needs_id")
	}
	if err := checkSessionArgs(opts.Session, opts.Client); err != nil {
		return err
	}
	// JSON describes the session alone, so that it round-trips through
	// import; the readable formats show the change since last time.
	var sess *checklist.Session
	var doc report.Document
	var packs []store.PackFile
	err = a.orTeam(opts.Session, func() error {
		return a.withStore(true, func(st *store.Store) error {
			var err error
			if sess, err = findSession(st, opts.Session, opts.Client); err != nil {
				return err
			}
			if doc, err = a.buildDocument(st, sess, opts.Format != "json"); err != nil {
				return err
			}
			if opts.Format == "json" {
				packs, err = keptPacks(st, sess)
			}
			return err
		})
	}, func(st *store.Store, t loadedTeam) error {
		// A team audit: its agreed result's report with the team view.
		var err error
		if sess, doc, err = a.teamDocument(st, t, opts.Format != "json"); err != nil {
			return err
		}
		if opts.Format == "json" {
			packs, err = keptPacks(st, sess)
		}
		return err
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var pdf report.PDFResult
	switch opts.Format {
	case "pdf":
		pdf, err = report.WritePDFReport(&buf, doc.In(a.loc), paged)
	case "docx":
		err = report.WriteDOCX(&buf, doc.In(a.loc), paged)
	case "md":
		err = report.WriteMarkdownReport(&buf, doc.In(a.loc), paged)
	case "html":
		err = report.WriteHTMLReport(&buf, doc.In(a.loc), paged)
	case "json":
		err = writeJSON(&buf, exportDocument{Format: store.DocFormat, Version: store.DocVersion,
			Sessions: []*checklist.Session{sess}, Reports: []report.Document{doc}, Packs: packs})
	case "csv":
		err = report.WriteCSVWith(&buf, doc.In(a.loc), report.CSVOptions{Comma: comma})
	}
	if err != nil {
		return err
	}
	if err := writeExport(opts, buf.Bytes()); err != nil {
		return err
	}
	a.sayWrote(opts, pdf.Pages)
	if pdf.Unshown > 0 && opts.ErrOut != nil {
		// Said even when the PDF goes to standard output: the file
		// itself cannot tell that "?" stands for a lost character.
		fmt.Fprintln(opts.ErrOut, termtext.Line(a.locale().N("report.pdf_unshown", pdf.Unshown)))
	}
	return nil
}

// sayWrote tells on standard error what an export wrote to a file, with
// its pages when it has them: "wrote acme.pdf (4 pages)".
func (a *app) sayWrote(opts *exportOptions, pages int) {
	if opts.Output == "" || opts.Output == "-" || opts.ErrOut == nil {
		return
	}
	l := a.locale()
	if pages > 0 {
		fmt.Fprintln(opts.ErrOut, termtext.Line(l.N("report.wrote", pages, "File", opts.Output)))
		return
	}
	fmt.Fprintln(opts.ErrOut, termtext.Line(l.T("report.wrote_file", "File", opts.Output)))
}

// runExportClientCSV writes every session of opts.Client, oldest first, as
// one CSV with one header: answers, scores and plan of each session.
func runExportClientCSV(a *app, opts *exportOptions, comma rune) error {
	var docs []report.Document
	var lost []store.Lost
	err := a.withStore(true, func(st *store.Store) error {
		sessions, l, err := st.Sessions(store.Filter{Client: opts.Client})
		if err != nil {
			return err
		}
		lost = l
		for _, s := range sessions {
			p, err := a.lookupPack(st, s.Pack)
			if err != nil {
				return err
			}
			docs = append(docs, report.Build(p, s, nil, nil).In(a.loc))
		}
		return nil
	})
	if err != nil {
		return wrap(err, "cmd.export.failed")
	}
	if len(docs) == 0 && len(lost) == 0 {
		return notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", opts.Client))
	}
	slices.SortFunc(docs, func(x, y report.Document) int { return audit.Compare(x.Stamp(), y.Stamp()) })
	var buf bytes.Buffer
	if err := report.WriteCSVSessions(&buf, docs, report.CSVOptions{Comma: comma}); err != nil {
		return err
	}
	if err := writeExport(opts, buf.Bytes()); err != nil {
		return err
	}
	if len(lost) > 0 {
		printLost(opts.ErrOut, a.locale(), lost)
		return withCode(exitDamaged, msgError("truststore.export.incomplete", "Count", len(lost)))
	}
	a.sayWrote(opts, 0)
	return nil
}

// runExportAll writes every session (of opts.Client, when given) as one
// JSON document that import reads back, with the packs of the user's own
// they were answered with. A session whose content is found nowhere is
// exported without a report: the export is a backup first, and its
// reports are derived from the sessions anyway.
func runExportAll(a *app, opts *exportOptions) error {
	doc := exportDocument{Format: store.DocFormat, Version: store.DocVersion}
	var lost []store.Lost
	err := a.withStore(true, func(st *store.Store) error {
		var err error
		if doc.Sessions, lost, err = st.Sessions(store.Filter{Client: opts.Client}); err != nil {
			return err
		}
		doc.Reports = make([]report.Document, 0, len(doc.Sessions))
		for _, s := range doc.Sessions {
			if p, err := a.lookupPack(st, s.Pack); err == nil {
				doc.Reports = append(doc.Reports, report.Build(p, s, nil, nil))
			}
		}
		doc.Packs, err = keptPacks(st, doc.Sessions...)
		return err
	})
	if err != nil {
		return wrap(err, "cmd.export.failed")
	}
	if len(doc.Sessions) == 0 && len(lost) == 0 && opts.Client != "" {
		return notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", opts.Client))
	}
	if doc.Sessions == nil {
		doc.Sessions = []*checklist.Session{}
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, doc); err != nil {
		return err
	}
	if len(lost) == 0 {
		if err := writeExport(opts, buf.Bytes()); err != nil {
			return err
		}
		a.sayWrote(opts, 0)
		return nil
	}
	// What could be read is still written, to be kept; but an incomplete
	// backup never replaces a file that may be an older, complete one.
	l := a.locale()
	printLost(opts.ErrOut, l, lost)
	err = writeOutput(opts.Out, opts.Output, buf.Bytes(), fileout.Options{Perm: 0o600, NoClobber: true})
	if errors.Is(err, fileout.ErrExists) {
		return withCode(exitDamaged, msgError("truststore.export.kept", "File", opts.Output))
	}
	if err != nil {
		return err
	}
	return withCode(exitDamaged, msgError("truststore.export.incomplete", "Count", len(lost)))
}

// writeExport writes an export to standard output or to the -o file.
func writeExport(opts *exportOptions, data []byte) error {
	return writeOutput(opts.Out, opts.Output, data, fileout.Options{Perm: 0o600})
}

// exportDocument is the JSON export: the interchange document that
// `servicecheck import` reads (format, version, sessions, and the packs of
// the user's own that the sessions were answered with, so that they can be
// read on another computer), with the scored report of each session beside
// it. Import ignores the reports, which are derived from the sessions and
// scored again wherever they are shown. The document depends on nothing but
// the session and its pack, so that export, import into another file and
// export again give the same bytes.
type exportDocument struct {
	Format   string               `json:"format"`
	Version  int                  `json:"version"`
	Sessions []*checklist.Session `json:"sessions"`
	Reports  []report.Document    `json:"reports"`
	Packs    []store.PackFile     `json:"packs,omitempty"`
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are:
// the documents are data, and escaped notes read badly.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// csvSeparator reads --csv-sep: "" leaves the choice to the session's
// language (0).
func csvSeparator(v string) (rune, error) {
	switch v {
	case "":
		return 0, nil
	case ",", ";":
		return rune(v[0]), nil
	case "tab", "\t", "\\t":
		return '\t', nil
	}
	return 0, usageError("report.csv_sep_unknown", "Value", fmt.Sprintf("%q", v))
}
