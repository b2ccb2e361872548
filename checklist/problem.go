package checklist

import "fmt"

// Problem is what is wrong with a value, a field or a file, as data: a
// code that names the problem and the arguments it is worded with. The
// code is the key of its message in the catalogue (i18n/catalog/domain.*,
// id "domain." + Code), so a presentation layer words it in the user's
// language; Msg is the same problem in English, for logs, wrapping and
// tests, and is never the text a user reads.
//
// An argument is a string, a number or a Term. A string that comes from
// the input is quoted already (with %q), so that no control character in
// it reaches a terminal. An argument named Count makes the message a
// plural one.
type Problem struct {
	Code string
	Args map[string]any
	Msg  string
}

// Error returns the English message.
func (p *Problem) Error() string { return p.Msg }

// ReadError is a file that could not be read: what was being done, as a
// Problem, and the error of the operating system, which follows it after
// a colon.
type ReadError struct {
	Problem
	Err error
}

// Error returns the English message and the cause.
func (e *ReadError) Error() string { return e.Msg + ": " + e.Err.Error() }

// Unwrap returns the operating system's error.
func (e *ReadError) Unwrap() error { return e.Err }

// Term is an argument that is itself a word to translate, such as the kind
// of a YAML value in "must be text, not a number"; its message is
// "domain." + the term.
type Term string

// The kinds of YAML value, as terms.
const (
	termEmpty   Term = "kind.empty"
	termText    Term = "kind.text"
	termNumber  Term = "kind.number"
	termBool    Term = "kind.bool"
	termMapping Term = "kind.mapping"
	termList    Term = "kind.list"
	termOther   Term = "kind.unsupported"
)

// problem builds a Problem from a code, its English wording and its
// arguments given as name, value pairs.
func problem(code, msg string, args ...any) *Problem {
	p := &Problem{Code: code, Msg: msg}
	if len(args) > 0 {
		p.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			name, ok := args[i].(string)
			if !ok {
				panic(fmt.Sprintf("checklist: argument name %v is not a string", args[i])) // a bug in this package
			}
			p.Args[name] = args[i+1]
		}
	}
	return p
}

// Decimal is an argument that is a number with a decimal point, written
// as in Go ("12.5"); a presentation layer writes it the user's way.
type Decimal string

// Problems shared by content packs and answers files.

func problemEmpty() *Problem { return problem("file.empty_value", "must not be empty") }

func problemTooDeep() *Problem {
	return problem("file.too_deep", fmt.Sprintf("nested more than %d levels deep", maxNesting), "Max", maxNesting)
}

// problemSyntax is a YAML syntax error; detail is the parser's own
// message, which is in English whatever the user's language.
func problemSyntax(detail string) *Problem {
	return problem("file.syntax", "syntax error: "+detail, "Detail", detail)
}

// MessageCode returns the code of the problem's message.
func (p *Problem) MessageCode() string { return p.Code }

// MessageArgs returns the arguments of the problem's message by name.
func (p *Problem) MessageArgs() map[string]any { return p.Args }
