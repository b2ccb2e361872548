package main

import (
	"errors"
	"fmt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// Exit codes that scripts can rely on. They are documented in docs/json.md
// and in the man page (man.go).
const (
	exitOK       = 0
	exitError    = 1 // anything not listed below
	exitUsage    = 2 // wrong flags or arguments
	exitNotFound = 3 // no such session, client or file
	exitInUse    = 4 // the data file is in use by another servicecheck
	exitDamaged  = 5 // the data file is damaged or not a servicecheck file
	exitInvalid  = 6 // a content pack, answers or import file failed validation
)

// exitErr attaches an exit code to an error.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string { return e.err.Error() }
func (e *exitErr) Unwrap() error { return e.err }

// withCode wraps err so that the process exits with code.
func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitErr{code: code, err: err}
}

// usageErrorf reports a wrong use of flags or arguments (exit 2).
//
// Deprecated: the text is English; new messages go in the catalogue
// (usageError).
func usageErrorf(format string, args ...any) error {
	return withCode(exitUsage, fmt.Errorf(format, args...))
}

// exitCode maps an error returned by a command to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var e *exitErr
	if errors.As(err, &e) {
		return e.code
	}
	for _, m := range errorCodes {
		if errors.Is(err, m.target) {
			return m.code
		}
	}
	return exitError
}

// errorCodes maps sentinel errors of the packages below cmd to exit codes.
var errorCodes = []struct {
	target error
	code   int
}{
	{store.ErrNotFound, exitNotFound},
	{store.ErrNoFile, exitNotFound},
	{store.ErrInUse, exitInUse},
	{store.ErrDamaged, exitDamaged},
	{store.ErrConflict, exitInvalid},
	{store.ErrInvalid, exitInvalid},
	{store.ErrAmbiguous, exitUsage},
	{checklist.ErrInvalid, exitInvalid},
}
