package checklist

import (
	"errors"
	"strconv"
	"strings"
)

// ErrInvalid is matched (with errors.Is) by every error that says a content
// pack failed validation, so that callers can tell a bad pack from a file
// that could not be read.
var ErrInvalid = errors.New("invalid content pack")

// FieldError is one problem found in a content pack file, located at the
// node that causes it. For a missing field the position is that of the
// mapping that should hold it.
type FieldError struct {
	File   string
	Line   int // from 1; 0 when the problem concerns the whole file
	Column int // from 1
	// Field is the path of the offending field, such as
	// areas[2].statements[0].id; empty for syntax errors and problems of the
	// file as a whole.
	Field string
	// Code and Args say what is wrong as data, for the catalogue (see
	// Problem); Msg says it in English, for logs and tests.
	Code string
	Args map[string]any
	Msg  string
}

// at places a problem at a position of a file.
func at(file string, p pos, field string, pr *Problem) *FieldError {
	return &FieldError{File: file, Line: p.line, Column: p.col, Field: field, Code: pr.Code, Args: pr.Args, Msg: pr.Msg}
}

// Error returns "file:line:col: field: msg", the form editors and compilers
// use, leaving out the position or field when there is none.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(max(e.Column, 1)))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// ValidationErrors lists every problem found in one content pack file, in
// the order they appear in the file.
type ValidationErrors []*FieldError

// Error returns one line per problem.
func (v ValidationErrors) Error() string {
	lines := make([]string, len(v))
	for i, e := range v {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors, so that errors.As finds a
// *FieldError in a ValidationErrors.
func (v ValidationErrors) Unwrap() []error {
	errs := make([]error, len(v))
	for i, e := range v {
		errs[i] = e
	}
	return errs
}

// Is reports whether target is ErrInvalid.
func (v ValidationErrors) Is(target error) bool { return target == ErrInvalid }

// MessageCode returns the code of the problem's message; the position and
// field are not part of it (see Position).
func (e *FieldError) MessageCode() string { return e.Code }

// MessageArgs returns the arguments of the problem's message by name.
func (e *FieldError) MessageArgs() map[string]any { return e.Args }

// Position returns "file:line:col: field", the part of Error before the
// message, which reads the same in every language.
func (e *FieldError) Position() string {
	s := e.Error()
	return strings.TrimSuffix(strings.TrimSuffix(s, e.Msg), ": ")
}
