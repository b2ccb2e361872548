package checklist

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// MaxAnswersFileSize bounds an answers file: a full pack's answers with
// long notes fit in a few tens of kilobytes, and the limit keeps a hostile
// file from costing time or memory.
const MaxAnswersFileSize = 256 << 10

// maxNesting bounds how deeply flow collections ([ {) and compact block
// indicators (- ? on one line) may nest. An answers file needs two levels;
// the YAML parser slows down steeply with depth (100,000 levels take tens
// of seconds), so deeper input is refused before it is parsed.
const maxNesting = 64

// AnswersFile is an answers file read and checked against a pack: who the
// session is for and every answer given, ready to store as a session.
//
// The file is YAML or JSON (JSON is YAML):
//
//	client: Acme Ltd
//	assessor: Jo
//	answers:
//	  culture.front-line-time: yes     # item: yes | partly | no | na
//	  responsiveness.third-ring: 4     # statement: 1..5 | na
//	notes:
//	  responsiveness.third-ring: "Phones ring out at lunch"
//
// An id left empty (`id:` or `id: null`) counts as not answered.
type AnswersFile struct {
	Name     string
	Client   string
	Assessor string
	// Answers maps each answered or annotated id to its answer; At is
	// left zero for the caller to set.
	Answers map[string]Answer
	// Missing lists the pack's ids with no value, in the wizard's order.
	Missing []string

	answersAt pos // where the answers mapping is, for the missing-ids error
}

// Incomplete returns a validation error listing every missing id, or nil
// when every question of the pack has a value.
func (f *AnswersFile) Incomplete() error {
	if len(f.Missing) == 0 {
		return nil
	}
	const show = 10
	ids := f.Missing
	more := ""
	if len(ids) > show {
		more = fmt.Sprintf(" and %d more", len(ids)-show)
		ids = ids[:show]
	}
	return ValidationErrors{f.errAt(f.answersAt, "answers",
		fmt.Sprintf("%d of the pack's ids not answered: %s%s", len(f.Missing), strings.Join(ids, ", "), more))}
}

func (f *AnswersFile) errAt(p pos, field, msg string) *FieldError {
	return &FieldError{File: f.Name, Line: p.line, Column: p.col, Field: field, Msg: msg}
}

// ParseAnswers reads an answers file named name (for messages) and checks it
// against p. It reports every problem at once, each with its line and
// column: syntax errors, unknown fields and ids, values that do not fit
// the question, notes for unknown ids. Missing ids are not an error here:
// they are listed in Missing, and Incomplete turns them into one.
func ParseAnswers(name string, data []byte, p *Pack) (*AnswersFile, error) {
	f := &AnswersFile{Name: name, Answers: map[string]Answer{}}
	if len(data) > MaxAnswersFileSize {
		return nil, ValidationErrors{f.errAt(pos{}, "", fmt.Sprintf("file is larger than %d bytes", MaxAnswersFileSize))}
	}
	// Editors on Windows start files with a byte order mark; it is not
	// part of the first key.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8At(data)], []byte("\n"))
		return nil, ValidationErrors{f.errAt(pos{line, 1}, "", "not valid UTF-8: save the file as UTF-8")}
	}
	if line := tooDeep(data); line > 0 {
		return nil, ValidationErrors{f.errAt(pos{line, 1}, "", fmt.Sprintf("nested more than %d levels deep", maxNesting))}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, ValidationErrors{answersSyntaxError(name, err)}
	}
	var errs ValidationErrors
	fail := func(at pos, field, msg string) { errs = append(errs, f.errAt(at, field, msg)) }

	if len(file.Docs) > 1 {
		fail(nodePos(file.Docs[1]), "", "more than one document: an answers file holds one session")
	}
	var body ast.Node
	if len(file.Docs) > 0 {
		body = file.Docs[0].Body
	}
	top, ok := body.(*ast.MappingNode)
	if !ok {
		if body == nil {
			fail(pos{1, 1}, "", "file is empty: expected client, assessor and answers")
		} else {
			fail(nodePos(body), "", "expected a mapping with client, assessor and answers")
		}
		return nil, errs
	}
	kinds := kindsOf(p)
	seenAnswers := false
	for _, mv := range top.Values {
		key, at := keyOf(mv)
		switch key {
		case "client", "assessor":
			s, msg := scalarText(mv.Value)
			if msg != "" {
				fail(nodePos(mv.Value), key, msg)
				continue
			}
			s = strings.TrimSpace(s)
			if key == "client" {
				f.Client = s
			} else {
				f.Assessor = s
			}
		case "answers":
			seenAnswers = true
			f.answersAt = at
			eachEntry(mv.Value, key, fail, func(id string, idAt pos, v ast.Node) {
				k, known := kinds[id]
				if !known {
					fail(idAt, "answers."+id, "unknown id: not a checklist item or statement of "+p.ID+" "+p.Version)
					return
				}
				s, msg := scalarText(v)
				if msg != "" {
					fail(nodePos(v), "answers."+id, msg)
					return
				}
				if strings.TrimSpace(s) == "" {
					return
				}
				val, err := ParseValue(k, s)
				if err != nil {
					fail(nodePos(v), "answers."+id, err.Error())
					return
				}
				a := f.Answers[id]
				a.Value = val
				f.Answers[id] = a
			})
		case "notes":
			eachEntry(mv.Value, key, fail, func(id string, idAt pos, v ast.Node) {
				if _, known := kinds[id]; !known {
					fail(idAt, "notes."+id, "unknown id: not a checklist item or statement of "+p.ID+" "+p.Version)
					return
				}
				s, msg := scalarText(v)
				if msg != "" {
					fail(nodePos(v), "notes."+id, msg)
					return
				}
				if s == "" {
					return
				}
				a := f.Answers[id]
				a.Note = s
				f.Answers[id] = a
			})
		default:
			fail(at, key, "unknown field: use client, assessor, answers and notes")
		}
	}
	if !seenAnswers {
		fail(nodePos(top), "answers", "no answers: add an answers mapping of id: value")
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b *FieldError) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, errs
	}
	for _, q := range p.Questions() {
		if f.Answers[q.ID].Value == "" {
			f.Missing = append(f.Missing, q.ID)
		}
	}
	return f, nil
}

// invalidUTF8At returns the offset of the first byte that is not UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
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

// kindsOf maps every id of p to its kind in one pass, rather than
// searching the pack for each line of the file.
func kindsOf(p *Pack) map[string]Kind {
	m := make(map[string]Kind)
	for _, q := range p.Questions() {
		m[q.ID] = q.Kind
	}
	return m
}

// eachEntry calls fn for every key of the mapping n, reporting anything
// that is not a mapping of scalar keys.
func eachEntry(n ast.Node, field string, fail func(pos, string, string), fn func(id string, at pos, v ast.Node)) {
	switch m := unwrap(n).(type) {
	case *ast.NullNode, nil:
		return
	case *ast.MappingNode:
		for _, mv := range m.Values {
			id, at := keyOf(mv)
			if id == "" {
				fail(at, field, "expected an id as key")
				continue
			}
			fn(id, at, mv.Value)
		}
	default:
		fail(nodePos(n), field, "expected a mapping of id: value")
	}
}

// keyOf returns the text of a mapping key and where it is.
func keyOf(mv *ast.MappingValueNode) (string, pos) {
	if mv == nil || mv.Key == nil {
		return "", pos{}
	}
	at := nodePos(mv.Key)
	switch k := mv.Key.(type) {
	case *ast.StringNode:
		return k.Value, at
	case ast.ScalarNode:
		if tk := k.GetToken(); tk != nil {
			return tk.Value, at
		}
	}
	return "", at
}

// scalarText returns a scalar's text as written (so 4 and "4" read alike,
// and yes stays yes whatever the YAML version), or a message saying why n
// is not a usable scalar. Null reads as "".
func scalarText(n ast.Node) (string, string) {
	if _, ok := n.(*ast.TagNode); ok {
		n = unwrap(n)
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", ""
	case *ast.StringNode:
		return v.Value, ""
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", ""
		}
		return v.Value.Value, ""
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if tk := v.GetToken(); tk != nil {
			return tk.Value, ""
		}
		return "", ""
	case *ast.AnchorNode, *ast.AliasNode:
		return "", "anchors and aliases are not supported in an answers file"
	case *ast.MappingNode, *ast.SequenceNode:
		return "", "expected a single value, not a list or mapping"
	}
	return "", "expected a single value"
}

// unwrap removes tags (such as !!str) around a node.
func unwrap(n ast.Node) ast.Node {
	for {
		t, ok := n.(*ast.TagNode)
		if !ok {
			return n
		}
		n = t.Value
	}
}

// answersSyntaxError turns a YAML parse error into one positioned error, keeping
// goccy's message but not its multi-line source excerpt.
func answersSyntaxError(name string, err error) *FieldError {
	var ye yaml.Error
	if errors.As(err, &ye) {
		e := &FieldError{File: name, Msg: "syntax error: " + ye.GetMessage()}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, max(tk.Position.Column, 1)
		}
		return e
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return &FieldError{File: name, Msg: "syntax error: " + first}
}
