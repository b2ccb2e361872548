package config

import (
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// entry is one "key: value" line of the file, with positions.
type entry struct {
	key             string
	keyLine, keyCol int
	value           string
	line, col       int // of the value
}

// parse reads the file's top-level mapping of scalar values. A syntax
// error, or a file that is not a mapping, is one whole-file problem and no
// entries; a key given twice or a value that is not a single scalar is a
// problem of that key, and the other keys are still read.
func parse(path string, data []byte) ([]entry, []*Problem) {
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		detail := err.Error()
		var line, col int
		if ye, ok := err.(yaml.Error); ok {
			detail = ye.GetMessage()
			if t := ye.GetToken(); t != nil && t.Position != nil {
				line, col = t.Position.Line, t.Position.Column
			}
		}
		return nil, []*Problem{problem(path, line, col, "", "syntax", "Detail", strings.Join(strings.Fields(detail), " "))}
	}
	if len(f.Docs) == 0 {
		return nil, nil
	}
	if len(f.Docs) > 1 {
		return nil, []*Problem{problem(path, 0, 0, "", "extra_document")}
	}
	var values []*ast.MappingValueNode
	switch body := f.Docs[0].Body.(type) {
	case nil, *ast.NullNode:
		return nil, nil // empty, or only comments
	case *ast.MappingNode:
		values = body.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{body}
	default:
		line, col := position(body.GetToken())
		return nil, []*Problem{problem(path, line, col, "", "not_map")}
	}
	var entries []entry
	var problems []*Problem
	seen := map[string]bool{}
	for _, mv := range values {
		var e entry
		e.keyLine, e.keyCol = position(mv.Key.GetToken())
		e.key = keyText(mv.Key)
		e.line, e.col = e.keyLine, e.keyCol
		if mv.Value != nil {
			if l, c := position(mv.Value.GetToken()); l > 0 {
				e.line, e.col = l, c
			}
		}
		if seen[e.key] {
			problems = append(problems, problem(path, e.keyLine, e.keyCol, e.key, "duplicate", "Key", e.key))
			continue
		}
		seen[e.key] = true
		v, ok := scalar(mv.Value)
		if !ok {
			problems = append(problems, problem(path, e.line, e.col, e.key, "not_scalar", "Key", e.key, "Example", example(e.key)))
			continue
		}
		e.value = v
		entries = append(entries, e)
	}
	return entries, problems
}

// keyText is a key as written, without quotes.
func keyText(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	if t := k.GetToken(); t != nil {
		return t.Value
	}
	return k.String()
}

// scalar returns a node's value as text: strings as they are, numbers and
// booleans as written (contact: 0551234 keeps its zero), null as "".
func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return strings.TrimRight(v.Value.Value, "\n"), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return v.GetToken().Value, true
	}
	return "", false
}

func position(t *token.Token) (int, int) {
	if t == nil || t.Position == nil {
		return 0, 0
	}
	return t.Position.Line, t.Position.Column
}

func example(key string) string {
	switch key {
	case "lang":
		return "it"
	case "db":
		return "~/audits.db"
	case "logo":
		return "logo.png"
	}
	return "Ana Rossi"
}
