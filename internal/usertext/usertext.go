// Package usertext words the data of the domain packages for people, in a
// language: the problems and errors of checklist and store (codes with
// arguments, see checklist.Problem), the answer words, and errors of the
// commands' own (Message). The words are in the catalogue
// (i18n/catalog/domain.*.yaml and the callers' own domains); this package
// holds no sentence of its own.
package usertext

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
)

// coded is an error or problem that says what is wrong as a code and
// arguments: checklist.Problem and FieldError, the store's errors.
type coded interface {
	MessageCode() string
	MessageArgs() map[string]any
}

// positioned is a problem found at a place in a file.
type positioned interface {
	Position() string
}

// localizer is an error that words itself (Message).
type localizer interface {
	Localize(l *i18n.Locale) string
}

// Error words err in l's language. A list of problems (as a content pack
// or answers file gives) is one line per problem, each with its
// file:line:col. Context added with fmt.Errorf("…: %w") stays as written
// (commands add theirs with Wrap instead), and an error that has no code,
// such as one from the operating system, keeps its own text.
func Error(l *i18n.Locale, err error) string {
	if err == nil {
		return ""
	}
	var verrs checklist.ValidationErrors
	if errors.As(err, &verrs) && err.Error() == verrs.Error() {
		lines := make([]string, len(verrs))
		for i, e := range verrs {
			lines[i] = Error(l, e)
		}
		return strings.Join(lines, "\n")
	}
	switch e := err.(type) {
	case localizer:
		return e.Localize(l)
	case coded:
		if code := e.MessageCode(); code != "" {
			text := Problem(l, code, e.MessageArgs())
			if p, ok := err.(positioned); ok {
				if pos := p.Position(); pos != "" {
					text = pos + ": " + text
				}
			}
			// A cause that the English shows after a colon is shown
			// after the words too (checklist.ReadError).
			if inner := errors.Unwrap(err); inner != nil && strings.HasSuffix(err.Error(), ": "+inner.Error()) {
				text += ": " + Error(l, inner)
			}
			return text
		}
	}
	if s, ok := osError(l, err); ok {
		return s
	}
	if inner := errors.Unwrap(err); inner != nil {
		outer, in := err.Error(), inner.Error()
		if strings.HasSuffix(outer, in) {
			return outer[:len(outer)-len(in)] + Error(l, inner)
		}
	}
	return err.Error()
}

// osErrors are the operating system's errors people meet with files, by
// the code of their message (domain.os.*).
var osErrors = []struct {
	errno syscall.Errno
	code  string
}{
	{syscall.ENOENT, "os.not_exist"},
	{syscall.EACCES, "os.permission"},
	{syscall.EPERM, "os.permission"},
	{syscall.EEXIST, "os.exist"},
	{syscall.EISDIR, "os.is_dir"},
	{syscall.ENOTDIR, "os.not_dir"},
	{syscall.ENOSPC, "os.no_space"},
	{syscall.EROFS, "os.read_only"},
}

// osError words a file error of the operating system: the file, then
// what went wrong ("x.yaml: file not found"), leaving out the system
// call.
func osError(l *i18n.Locale, err error) (string, bool) {
	var path string
	errno, ok := err.(syscall.Errno)
	if pe, isPath := err.(*fs.PathError); isPath {
		path = pe.Path
		errno, ok = pe.Err.(syscall.Errno)
	}
	if !ok {
		return "", false
	}
	for _, e := range osErrors {
		if e.errno == errno {
			s := Problem(l, e.code, nil)
			if path != "" {
				s = path + ": " + s
			}
			return s, true
		}
	}
	return "", false
}

// Problem words the problem code with its arguments; its message is
// "domain." + code. An argument named Count makes it a plural message.
func Problem(l *i18n.Locale, code string, args map[string]any) string {
	return say(l, "domain."+code, args)
}

// say looks id up with args, turning the arguments that are words or
// numbers of their own into l's.
func say(l *i18n.Locale, id string, args map[string]any) string {
	pairs := make([]any, 0, 2*len(args))
	count, plural := 0, false
	for name, v := range args {
		switch v := v.(type) {
		case checklist.Term:
			pairs = append(pairs, name, l.T("domain."+string(v)))
		case checklist.Decimal:
			pairs = append(pairs, name, l.Decimal(string(v)))
		case Word:
			pairs = append(pairs, name, l.T(string(v)))
		case error:
			// A problem inside another (why a session does not read):
			// worded too.
			pairs = append(pairs, name, Error(l, v))
		default:
			if name == "Count" {
				if n, ok := v.(int); ok {
					count, plural = n, true
					continue
				}
			}
			pairs = append(pairs, name, v)
		}
	}
	if plural {
		return l.N(id, count, pairs...)
	}
	return l.T(id, pairs...)
}

// Word is an argument that is a catalogue message of its own, such as the
// name standard input goes by.
type Word string

// Message is an error whose text is a catalogue message: the commands'
// own errors, worded in the user's language when printed and in English
// by Error (for logs and wrapping). Cause, when set, follows the message
// after a colon, worded by Error(l, Cause).
type Message struct {
	ID    string
	Args  map[string]any
	Cause error
	// Inside is set when the message places the cause itself, as its
	// {{.Cause}}, rather than having it follow.
	Inside bool
	// Kind, when set, is a sentinel error that errors.Is matches without
	// it being part of the text.
	Kind error
}

// Of returns a Message error for id that errors.Is matches with kind.
func Of(kind error, id string, args ...any) *Message {
	return &Message{ID: id, Args: pairs(args), Kind: kind}
}

// Is reports whether target is m's Kind.
func (m *Message) Is(target error) bool { return m.Kind != nil && target == m.Kind }

// New returns a Message error for catalogue id with arguments given as
// name, value pairs (an argument named Count makes it plural).
func New(id string, args ...any) *Message {
	return &Message{ID: id, Args: pairs(args)}
}

// Wrap returns a Message error for id that says cause after it, as
// fmt.Errorf("…: %w") would; nil when cause is nil.
func Wrap(cause error, id string, args ...any) error {
	if cause == nil {
		return nil
	}
	return &Message{ID: id, Args: pairs(args), Cause: cause}
}

// WrapInside is Wrap for a message that places the cause itself, as its
// argument Cause ("import {{.File}}: {{.Cause}}: nothing was imported").
func WrapInside(cause error, id string, args ...any) error {
	if cause == nil {
		return nil
	}
	return &Message{ID: id, Args: pairs(args), Cause: cause, Inside: true}
}

func pairs(args []any) map[string]any {
	m := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			panic(fmt.Sprintf("usertext: argument name %v is not a string", args[i])) // a bug in the caller
		}
		m[name] = args[i+1]
	}
	return m
}

// Localize words m in l's language.
func (m *Message) Localize(l *i18n.Locale) string {
	if m.Inside {
		args := make(map[string]any, len(m.Args)+1)
		for k, v := range m.Args {
			args[k] = v
		}
		args["Cause"] = Error(l, m.Cause)
		return say(l, m.ID, args)
	}
	s := say(l, m.ID, m.Args)
	if m.Cause != nil {
		s += ": " + Error(l, m.Cause)
	}
	return s
}

// Error is m in English.
func (m *Message) Error() string { return m.Localize(i18n.For(i18n.Default)) }

// Unwrap returns the cause, so that errors.Is and errors.As see through m.
func (m *Message) Unwrap() error { return m.Cause }

// Value is the word for an answer value in l's language ("Sì", "4 spesso").
func Value(l *i18n.Locale, v checklist.Value) string {
	if id := v.MessageID(); id != "" {
		return l.T(id)
	}
	return string(v)
}

// Outcome is the word for a reviewed goal's outcome in l's language, as
// a sentence uses it ("partly met"); "not reviewed" when there is none.
func Outcome(l *i18n.Locale, o checklist.Outcome) string {
	if o == "" {
		return l.T("domain.outcome.none")
	}
	return l.T(o.MessageID())
}

// AnswerWords returns the words of l's language for the checklist
// choices, in lower case, as the parsers accept them (checklist.Words):
// the catalogue's words, and the same without accents ("si" for "sì"),
// which a keyboard without them types.
func AnswerWords(l *i18n.Locale) checklist.Words {
	w := checklist.Words{}
	for _, v := range []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA} {
		word := strings.ToLower(strings.TrimSpace(l.T(v.MessageID())))
		w[word] = v
		w[plain(word)] = v
	}
	return w
}

// AnswerWord is the word for v as an answers file or a prompt takes it:
// lower case ("sì", "in parte", "po").
func AnswerWord(l *i18n.Locale, v checklist.Value) string {
	return strings.ToLower(l.T(v.MessageID()))
}

// plain drops the accents of the letters the catalogue's answer words use.
func plain(s string) string {
	return strings.NewReplacer("à", "a", "è", "e", "é", "e", "ì", "i", "ò", "o", "ù", "u",
		"ë", "e", "ç", "c", "ê", "e", "ô", "o", "û", "u", "î", "i").Replace(s)
}
