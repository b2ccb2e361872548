package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/fileout"
	"github.com/servicecheck/servicecheck/store"
)

// runSalvage is doctor --salvage -o FILE: every session and content pack
// that can be read out of the data file goes into a new data file, and
// what was lost is listed.
func runSalvage(a *app, opts *doctorOptions) error {
	l := a.locale()
	if opts.Output == "" || opts.Output == "-" {
		return usageError("truststore.salvage.needs_output")
	}
	if err := a.refuseDataFile(opts.Output); err != nil {
		return err
	}
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	got, err := store.Salvage(path)
	if err != nil {
		return err
	}
	// The new file is built beside the one asked for and then written by
	// the rule of every output (fileout), never over an existing file.
	tmp, err := os.MkdirTemp(filepath.Dir(opts.Output), ".servicecheck-salvage-*")
	if err != nil {
		return wrap(err, "cmd.write.failed", "File", opts.Output)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "salvaged.db")
	lost := got.Lost
	err = store.Do(built, a.storeOptions(false), func(st *store.Store) error {
		if _, err := st.Import(got.Sessions, got.Packs...); err == nil || !errors.Is(err, store.ErrInvalid) {
			return err
		}
		// One session the store would not take again (a time too far
		// ahead, say) must not cost the others: one at a time.
		for _, s := range got.Sessions {
			if _, err := st.Import([]*checklist.Session{s}, got.Packs...); err != nil {
				lost = append(lost, store.Lost{ID: s.ID, Client: s.Client, CreatedAt: s.CreatedAt, Why: err})
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	data, err := os.ReadFile(built)
	if err != nil {
		return err
	}
	err = writeOutput(nil, opts.Output, data, fileout.Options{Perm: 0o600, NoClobber: true})
	if errors.Is(err, fileout.ErrExists) {
		return msgError("truststore.salvage_more.exists", "File", opts.Output)
	}
	if err != nil {
		return err
	}
	saved := len(got.Sessions) - (len(lost) - len(got.Lost))
	fmt.Fprintln(opts.Out, l.N("truststore.salvage.done", saved, "File", opts.Output))
	if len(got.Packs) > 0 {
		fmt.Fprintln(opts.Out, l.N("truststore.salvage.packs", len(got.Packs)))
	}
	if len(lost) == 0 {
		fmt.Fprintln(opts.Out, l.T("truststore.salvage.complete"))
		return nil
	}
	printLost(opts.Out, l, lost)
	return withCode(exitDamaged, msgError("truststore.salvage.incomplete", "Count", len(lost)))
}
