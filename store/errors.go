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

// kindError carries a sentinel (kind) for errors.Is and a message written
// for people, without the sentinel's own text appended to it.
type kindError struct {
	kind  error
	msg   string
	cause error
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

func newError(kind error, msg string, cause error) error {
	return &kindError{kind: kind, msg: msg, cause: cause}
}
