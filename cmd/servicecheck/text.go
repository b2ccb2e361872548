package main

import (
	"fmt"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
)

// orEnglish is l, or English when a caller (a test) left it unset.
func orEnglish(l *i18n.Locale) *i18n.Locale {
	if l == nil {
		return i18n.For(i18n.Default)
	}
	return l
}

// The commands' own errors are catalogue messages (cmd.*.yaml): printError
// words them in the user's language, and Error gives the English for
// wrapping and logs.

// usageError reports a wrong use of flags or arguments (exit 2) with the
// catalogue message id and its arguments as name, value pairs.
func usageError(id string, args ...any) error {
	return withCode(exitUsage, usertext.New(id, args...))
}

// notFound reports that a session, client or file does not exist (exit 3).
func notFound(id string, args ...any) error {
	return withCode(exitNotFound, usertext.New(id, args...))
}

// msgError is a catalogue message as an error, exit 1 unless it wraps an
// error that says otherwise.
func msgError(id string, args ...any) error {
	return usertext.New(id, args...)
}

// notFoundf reports that a session or client does not exist (exit 3).
//
// Deprecated: the text is English; new messages go in the catalogue
// (notFound).
func notFoundf(format string, args ...any) error {
	return withCode(exitNotFound, fmt.Errorf(format, args...))
}

// wrap says cause after the catalogue message id, as fmt.Errorf("…: %w")
// does; nil when cause is nil.
func wrap(cause error, id string, args ...any) error {
	return usertext.Wrap(cause, id, args...)
}
