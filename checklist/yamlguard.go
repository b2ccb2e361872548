package checklist

// Checks made on a YAML file's bytes before it is parsed, shared by content
// packs and answers files: what the parser must never be handed.

import "unicode/utf8"

// maxNesting bounds how deeply flow collections ([ {) and compact block
// indicators (- ? on one line) may nest. A pack or an answers file needs
// a few levels; the YAML parser slows down steeply with depth (100,000
// levels take tens of seconds), so deeper input is refused before it is
// parsed.
const maxNesting = 64

// invalidUTF8Pos returns the line and column of the first byte that is not
// UTF-8, so the message can point at it.
func invalidUTF8Pos(data []byte) pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return pos{line, col}
}

// tooDeep returns the line where data nests deeper than maxNesting, or 0.
// It over-counts brackets inside quoted text, which is harmless: no real
// note holds 64 unclosed brackets.
func tooDeep(data []byte) int {
	line, depth := 1, 0
	atLineStart, indicators := true, 0
	for i, c := range data {
		switch c {
		case '\n':
			line++
			atLineStart, indicators = true, 0
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth = max(depth-1, 0)
		}
		if atLineStart {
			next := byte(' ')
			if i+1 < len(data) {
				next = data[i+1]
			}
			switch {
			case c == ' ' || c == '\t':
			case (c == '-' || c == '?' || c == ':') && (next == ' ' || next == '\t'):
				indicators++
			default:
				atLineStart = false
			}
		}
		if depth > maxNesting || indicators > maxNesting {
			return line
		}
	}
	return 0
}
