package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/store"
)

// doctorOptions are the inputs of `servicecheck doctor`.
type doctorOptions struct {
	Out io.Writer
	// Salvage writes what can be read into a new data file, Output.
	Salvage bool
	Output  string
}

func newDoctorCmd(a *app) *cobra.Command {
	opts := &doctorOptions{}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the data file",
		Long: "Check the data file without changing it: its header, bbolt's consistency\n" +
			"check, and that every session reads back and is listed and every content pack\n" +
			"kept for them loads. Prints where the file is, its size, schema version and\n" +
			"number of sessions. Exits 5 when the file has a problem, 4 when another\n" +
			"servicecheck is using it, 3 when there is no data file yet, 1 when every\n" +
			"user of the computer may write to it.\n\n" +
			"--salvage -o FILE reads every session and content pack that can still be read\n" +
			"out of a damaged file, page by page, writes them into the new data file FILE\n" +
			"(never over an existing one) and lists the sessions that were lost (exit 5\n" +
			"when any were). The damaged file is only read.",
		Example: "  servicecheck doctor\n  servicecheck doctor --db backup.db\n" +
			"  servicecheck doctor --salvage -o rescued.db",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out = cmd.OutOrStdout()
			if opts.Salvage {
				return runSalvage(a, opts)
			}
			if opts.Output != "" {
				return usageError("truststore.salvage_more.output_alone")
			}
			return runDoctor(a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Salvage, "salvage", false, "write every readable session into a new data file (-o)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "with --salvage: the new data file")
	return cmd
}

func runDoctor(a *app, opts *doctorOptions) (err error) {
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	// The report is written in one go at the end, so that a standard
	// output that cannot be written fails the command rather than lose
	// the report silently.
	var out bytes.Buffer
	defer func() {
		if _, werr := opts.Out.Write(out.Bytes()); werr != nil && err == nil {
			err = werr
		}
	}()
	l := a.locale()
	field := func(id string, value any) {
		fmt.Fprintf(&out, "%s: %v\n", l.T(id), value)
	}
	h, err := store.Inspect(path, a.storeOptions(true))
	field("cmd.doctor.file", h.Path)
	// A folder's size says nothing about a data file.
	if fi, serr := os.Stat(h.Path); serr == nil && fi.Mode().IsRegular() && (h.Size > 0 || err == nil) {
		field("cmd.doctor.size", byteSize(l, h.Size))
	}
	// One problem is the error itself, printed on stderr; several are
	// listed here, each on its own line, in the user's language (the
	// detail of bbolt or the operating system stays theirs).
	if len(h.Problems) > 1 {
		fmt.Fprintf(&out, "%s:\n", l.T("cmd.doctor.problems"))
		for _, p := range h.Problems {
			fmt.Fprintf(&out, "  - %s\n", cellText(usertext.Error(l, p)))
		}
	}
	if err != nil {
		return err
	}
	schema := l.Int(h.Schema)
	switch {
	case h.Schema == 0:
		schema = l.T("cmd.doctor.schema_none", "Current", h.CurrentSchema)
	case h.Schema < h.CurrentSchema:
		schema = l.T("cmd.doctor.schema_old", "Schema", h.Schema, "Current", h.CurrentSchema)
	}
	field("cmd.doctor.schema", schema)
	field("cmd.doctor.sessions", l.Int(h.Sessions))
	if h.Schema >= 2 {
		field("cmd.doctor.clients", l.Int(h.Clients))
	}
	if h.Schema >= 3 {
		field("cmd.doctor.packs", l.Int(h.Packs))
	}
	field("cmd.doctor.check", l.T("cmd.doctor.ok"))
	// Anyone who may write the file may change every session in it
	// behind the checksums' back: they are no signature.
	if fi, serr := os.Stat(h.Path); serr == nil && fi.Mode().Perm()&0o002 != 0 {
		return msgError("truststore.doctor.world_writable", "Mode", fmt.Sprintf("%#o", fi.Mode().Perm()))
	}
	return nil
}

// byteSize formats n for people, with the exact count for scripts.
func byteSize(l *i18n.Locale, n int64) string {
	exact := l.N("cmd.doctor.bytes", int(n))
	switch {
	case n < 1<<10:
		return exact
	case n < 1<<20:
		return l.T("cmd.doctor.kib", "Size", l.Decimal(fmt.Sprintf("%.1f", float64(n)/(1<<10))), "Exact", exact)
	}
	return l.T("cmd.doctor.mib", "Size", l.Decimal(fmt.Sprintf("%.1f", float64(n)/(1<<20))), "Exact", exact)
}
