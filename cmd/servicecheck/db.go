package main

import (
	"github.com/servicecheck/servicecheck/store"
)

// dbPath is the data file this run uses: --db, else $SERVICECHECK_DB, else
// the default in the user data folder.
func (a *app) dbPath() (string, error) {
	return store.ResolvePath(a.dbFlag, a.getenv)
}

// storeOptions are the options every command opens the data file with.
func (a *app) storeOptions(readOnly bool) store.Options {
	return store.Options{ReadOnly: readOnly, Now: a.now, Summarize: a.summarize}
}

// withStore opens the data file, runs fn and closes the file again, so that
// the file is held only while the command needs it.
func (a *app) withStore(readOnly bool, fn func(*store.Store) error) error {
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	return store.Do(path, a.storeOptions(readOnly), fn)
}
