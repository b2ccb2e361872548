package main

import (
	"errors"
	"strings"

	"github.com/servicecheck/servicecheck/store"
)

// dbFlagValue is the --db flag. An empty value is refused: a script's
// --db "$FILE" with FILE unset would otherwise work on the user's own
// data file.
type dbFlagValue struct{ p *string }

func (v dbFlagValue) String() string { return *v.p }
func (v dbFlagValue) Type() string   { return "string" }

func (v dbFlagValue) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("it needs a file name")
	}
	*v.p = s
	return nil
}

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
