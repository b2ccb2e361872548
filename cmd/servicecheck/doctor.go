package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/store"
)

// doctorOptions are the inputs of `servicecheck doctor`.
type doctorOptions struct {
	Out io.Writer
}

func newDoctorCmd(a *app) *cobra.Command {
	opts := &doctorOptions{}
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the data file",
		Long: "Check the data file without changing it: its header, bbolt's consistency\n" +
			"check, and that every session reads back and is listed and every content pack\n" +
			"kept for them loads. Prints where the file is, its size, schema version and\n" +
			"number of sessions. Exits 5 when the file has a problem, 4 when another\n" +
			"servicecheck is using it, 3 when there is no data file yet.",
		Example: "  servicecheck doctor\n  servicecheck doctor --db backup.db",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out = cmd.OutOrStdout()
			return runDoctor(a, opts)
		},
	}
}

func runDoctor(a *app, opts *doctorOptions) error {
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	h, err := store.Inspect(path, a.storeOptions(true))
	fmt.Fprintf(opts.Out, "data file: %s\n", h.Path)
	if h.Size > 0 || err == nil {
		fmt.Fprintf(opts.Out, "size: %s\n", byteSize(h.Size))
	}
	// One problem is the error itself, printed on stderr; several are
	// listed here, each on its own line.
	if len(h.Problems) > 1 {
		fmt.Fprintln(opts.Out, "problems:")
		for _, p := range h.Problems {
			fmt.Fprintf(opts.Out, "  - %s\n", p)
		}
	}
	if err != nil {
		return err
	}
	schema := fmt.Sprint(h.Schema)
	switch {
	case h.Schema == 0:
		schema = fmt.Sprintf("none yet (set up as %d when first written)", h.CurrentSchema)
	case h.Schema < h.CurrentSchema:
		schema = fmt.Sprintf("%d (upgraded to %d the next time servicecheck opens it)", h.Schema, h.CurrentSchema)
	}
	fmt.Fprintf(opts.Out, "schema: %s\n", schema)
	fmt.Fprintf(opts.Out, "sessions: %d\n", h.Sessions)
	if h.Schema >= 2 {
		fmt.Fprintf(opts.Out, "clients: %d\n", h.Clients)
	}
	if h.Schema >= 3 {
		fmt.Fprintf(opts.Out, "content packs kept: %d\n", h.Packs)
	}
	fmt.Fprintln(opts.Out, "check: ok")
	return nil
}

// byteSize formats n for people, with the exact count for scripts.
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB (%d bytes)", float64(n)/(1<<10), n)
	}
	return fmt.Sprintf("%.1f MiB (%d bytes)", float64(n)/(1<<20), n)
}
