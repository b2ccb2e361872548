package store

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// checkJSON refuses what encoding/json lets through silently: a key that
// appears twice in one object (the last one won) and bytes that are not
// UTF-8 (they became U+FFFD). Each is reported with its line and its path
// in the document ("sessions[2].answers.culture.training.note"). data is
// valid JSON (checked before).
func checkJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		object bool
		keys   map[string]bool
		key    string // the current member's key, in an object
		index  int    // the current element's index, in an array
		expect bool   // in an object: the next string is a key
	}
	var stack []*frame
	path := func() string {
		var b []byte
		for i, f := range stack {
			switch {
			case f.object && f.key != "":
				if i > 0 {
					b = append(b, '.')
				}
				b = append(b, f.key...)
			case !f.object:
				b = append(b, '[')
				b = strconv.AppendInt(b, int64(f.index), 10)
				b = append(b, ']')
			}
		}
		return string(b)
	}
	fail := func(at int64, e *ImportError) error {
		e.Line = lineAt(data, at)
		return e
	}
	var prev int64
	for {
		start := prev
		t, err := dec.Token()
		if err != nil {
			return nil // the end, or an error json.Unmarshal reported first
		}
		end := dec.InputOffset()
		prev = end
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if s, ok := t.(string); ok {
			if raw := data[start:end]; !utf8.Valid(raw) {
				at := start + int64(invalidAt(raw))
				if top != nil && top.object && top.expect {
					return fail(at, importErr("import.key_not_utf8", 0, path(), "a key is not valid UTF-8"))
				}
				if p := path(); p != "" {
					return fail(at, importErr("field.not_utf8", 0, p, "not valid UTF-8"))
				}
				return fail(at, importErr("import.not_utf8", 0, "", "the document is not valid UTF-8"))
			}
			if top != nil && top.object && top.expect {
				if top.keys[s] {
					top.key = s
					return fail(end, importErr("import.key_twice", 0, path(), "appears twice in one object (JSON keys must be unique)"))
				}
				top.keys[s] = true
				top.key = s
				top.expect = false
				continue
			}
		}
		switch t {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, keys: map[string]bool{}, expect: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value ended: the enclosing object expects a key next, the
		// enclosing array its next element.
		if len(stack) > 0 {
			if f := stack[len(stack)-1]; f.object {
				f.expect = true
			} else {
				f.index++
			}
		}
	}
}

// invalidAt returns the offset of the first byte of b that is not UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}
