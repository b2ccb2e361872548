// Package termtext is the one home of the rule that keeps text from driving
// a terminal: which characters are control characters, how to find them
// (for the validators that refuse them) and how to remove them (for every
// string written to a terminal, whatever its source: content packs, stored
// records, notes, client names, reports, errors).
//
// A control character here is any C0 character (U+0000–U+001F), DEL
// (U+007F), any C1 character (U+0080–U+009F) and the Unicode bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
// can make text read differently from what it holds. Escape sequences (ESC
// and what follows it: CSI, OSC such as a window title, DCS, …) are removed
// whole, so that no parameter of a stripped sequence is left behind as
// text.
package termtext

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// IsControl reports whether r is a control character in the sense of the
// package: C0, DEL, C1 or a bidirectional override.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// allowedIn reports whether control character r is kept in multiline
// text: a line break, a tab, or the carriage return of a CRLF file.
func allowedIn(r rune) bool { return r == '\n' || r == '\t' || r == '\r' }

// Find returns the byte offset and value of the first control character in
// s, or -1 when there is none. Multiline text may hold line breaks, tabs
// and carriage returns. Invalid UTF-8 is not a control character; callers
// that refuse it check it themselves.
func Find(s string, multiline bool) (int, rune) {
	for i, r := range s {
		if IsControl(r) && !(multiline && allowedIn(r)) {
			return i, r
		}
	}
	return -1, 0
}

// Clean returns s fit to be written to a terminal: escape sequences are
// removed whole, and so is every other control character except line
// breaks and tabs. A carriage return is dropped (it would let text
// overwrite the start of its line); invalid UTF-8 becomes U+FFFD, which a
// terminal cannot read as a C1 control. Text with nothing to remove is
// returned as it is, without copying.
func Clean(s string) string { return clean(s, false) }

// Line is Clean for text shown on one line: line breaks and tabs become
// spaces.
func Line(s string) string { return clean(s, true) }

func clean(s string, oneLine bool) string {
	if isClean(s, oneLine) {
		return s
	}
	if strings.IndexByte(s, 0x1b) >= 0 || strings.Contains(s, "\xc2") {
		// C1 introducers written as characters begin sequences too: spell
		// them with ESC so that the sequence is removed whole.
		s = ansi.Strip(c1.Replace(s))
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			if oneLine {
				return ' '
			}
			return r
		case IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

var c1 = strings.NewReplacer("\u009b", "\x1b[", "\u009d", "\x1b]", "\u0090", "\x1bP",
	"\u0098", "\x1bX", "\u009e", "\x1b^", "\u009f", "\x1b_", "\u009c", "\x1b\\")

func isClean(s string, oneLine bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && (oneLine || c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || IsControl(r) {
			return false
		}
		i += n
	}
	return true
}
