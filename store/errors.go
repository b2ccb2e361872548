package store

import "errors"

// Sentinel errors; match them with errors.Is. The messages users see come
// from the wrapping error, which names the file or session and says what to
// do.
var (
	// ErrNotFound: no session, client or completed session matches.
	ErrNotFound = errors.New("not found")
	// ErrInUse: another servicecheck holds the data file.
	ErrInUse = errors.New("data file in use")
	// ErrDamaged: the data file is damaged or is not a servicecheck file.
	ErrDamaged = errors.New("data file damaged")
	// ErrNoFile: a read-only open found no data file.
	ErrNoFile = errors.New("no data file")
	// ErrConflict: a session with the same id but different content exists.
	ErrConflict = errors.New("conflict")
	// ErrInvalid: a session or an import document failed validation.
	ErrInvalid = errors.New("invalid")
	// ErrAmbiguous: an id prefix matches more than one session.
	ErrAmbiguous = errors.New("ambiguous id")
)

// kindError carries a sentinel (kind) for errors.Is, a message in English
// (for logs and wrapping) without the sentinel's own text appended to it,
// and, for the errors people meet, a code and arguments that a
// presentation layer words in the user's language: its catalogue id is
// "domain." + code (i18n/catalog/domain.*).
type kindError struct {
	kind  error
	msg   string
	cause error
	code  string
	args  map[string]any
}

func (e *kindError) Error() string { return e.msg }

// MessageCode returns the code of the error's message, "" when it has
// none and only its English text can be shown.
func (e *kindError) MessageCode() string { return e.code }

// MessageArgs returns the arguments of the error's message by name.
func (e *kindError) MessageArgs() map[string]any { return e.args }

func (e *kindError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.kind, e.cause} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func newError(kind error, msg string, cause error) error {
	return &kindError{kind: kind, msg: msg, cause: cause}
}

// codedError is newError with the message's code and its arguments, given
// as name, value pairs; kind may be nil for an error that is none of the
// sentinels. A string argument from the outside world (an id, a
// client) is quoted already, as msg quotes it.
func codedError(kind error, code, msg string, cause error, args ...any) error {
	e := &kindError{kind: kind, msg: msg, cause: cause, code: code, args: make(map[string]any, len(args)/2)}
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		e.args[name] = args[i+1]
	}
	return e
}

// problem is a coded error that is none of the sentinels: one thing found
// wrong (a problem doctor lists, why a session was lost), with its English.
func problem(code, english string, args ...any) error {
	return codedError(nil, code, english, nil, args...)
}

// wrapCode is an error met doing something to the file at path: the
// English says what was being done and then cause; the catalogue's
// message (domain.code) has the path as Path and the cause, worded in
// turn, as Detail.
func wrapCode(code, english, path string, cause error) error {
	return codedError(nil, code, english+": "+cause.Error(), cause, "Path", path, "Detail", cause)
}
