package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/servicecheck/servicecheck/config"
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

// dbPath is the data file this run uses: --db, else $SERVICECHECK_DB,
// else the config file's db, else the default in the user data folder.
func (a *app) dbPath() (string, error) {
	return store.ResolvePath(a.dbSetting().Value, a.getenv)
}

// dbSetting is the data file setting and where it came from; "" from the
// default.
func (a *app) dbSetting() config.Value {
	return a.settings().DB.Override("--db", a.dbFlag)
}

// storeOptions are the options every command opens the data file with.
func (a *app) storeOptions(readOnly bool) store.Options {
	return store.Options{ReadOnly: readOnly, Now: a.now, Summarize: a.summarize, Pack: a.packs.resolve}
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

// refuseDataFile returns a usage error when out, a file a command is about
// to write, is the data file itself: a report written over it would
// destroy every session (--db x.db export latest -o x.db).
func (a *app) refuseDataFile(out string) error {
	if out == "" || out == "-" {
		return nil
	}
	db, err := a.dbPath()
	if err != nil {
		return nil // the command reports it when it opens the file
	}
	if sameFile(out, db) {
		return usageError("cmd.export.is_data_file", "File", out)
	}
	return nil
}

// sameFile reports whether a and b name one file: the same path, or two
// paths (links, relative names) to one existing file.
func sameFile(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// resumeCommand is the command line that resumes session id: with --db when
// this run was given one, so that the line works as printed (the
// environment variable, if that is how the file was chosen, is still set).
func (a *app) resumeCommand(id string) string {
	if a.dbFlag == "" {
		return "servicecheck resume " + id
	}
	path, err := a.dbPath()
	if err != nil {
		path = a.dbFlag
	}
	return "servicecheck --db " + shellQuote(path) + " resume " + id
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and / . _ - + : @.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
