package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// exportFormats are the report formats, in the order help lists them.
var exportFormats = []string{"md", "html", "json", "csv"}

// exportOptions are the inputs of `servicecheck export`.
type exportOptions struct {
	Out     io.Writer
	Session string // an id, an id prefix or "latest"
	Client  string // with "latest"
	Format  string
	Output  string // file to write; "" or "-" for standard output
}

func newExportCmd(a *app) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export ID|latest --format md|html|json|csv",
		Short: "Write a session's report as Markdown, HTML, JSON or CSV",
		Long: "Write a session's report to hand over:\n\n" +
			"  md    Markdown, readable as plain text too\n" +
			"  html  one self-contained page (no scripts, nothing loaded) that prints on A4\n" +
			"        and Letter, with a chart of the areas and the change since the\n" +
			"        client's previous completed session\n" +
			"  json  the show --json document with every answer and note, plus the session\n" +
			"        itself, which servicecheck import reads back exactly\n" +
			"  csv   one row per answered question, for a spreadsheet (UTF-8 with BOM)\n\n" +
			"-o writes the report to a file, replacing it if it exists.",
		Example: "  servicecheck export latest --client \"Acme Ltd\" --format html -o acme.html\n" +
			"  servicecheck export 01JQ4 --format csv > answers.csv",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out, opts.Session = cmd.OutOrStdout(), args[0]
			return runExport(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "with latest: the newest session of this client")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "md", "report format: "+strings.Join(exportFormats, ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runExport(a *app, opts *exportOptions) error {
	if !slices.Contains(exportFormats, opts.Format) {
		return usageErrorf("unknown format %q: use %s", opts.Format, strings.Join(exportFormats, ", "))
	}
	if err := checkSessionArgs(opts.Session, opts.Client); err != nil {
		return err
	}
	// JSON describes the session alone, so that it round-trips through
	// import; the readable formats show the change since last time.
	var sess *checklist.Session
	var doc report.Document
	var packs []store.PackFile
	err := a.withStore(true, func(st *store.Store) error {
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
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "md":
		err = report.WriteMarkdown(&buf, doc)
	case "html":
		err = report.WriteHTML(&buf, doc)
	case "json":
		err = writeJSON(&buf, exportDocument{Format: store.DocFormat, Version: store.DocVersion,
			Sessions: []*checklist.Session{sess}, Reports: []report.Document{doc}, Packs: packs})
	case "csv":
		err = report.WriteCSV(&buf, doc)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.Out.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(opts.Output, buf.Bytes())
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

// writeFileAtomic writes data to a temporary file next to path and renames
// it over path, so that a failed export never leaves half a report where
// the previous one was. Reports hold client data: the file is private to
// the user (0600), like the data file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
