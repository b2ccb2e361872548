package checklist

// The YAML side of answers files: checks made before parsing, and reading
// goccy/go-yaml AST nodes as the scalars and mappings an answers file
// holds, each problem with its position.

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// eachEntry calls fn for every key of the mapping n, reporting anything
// that is not a mapping of scalar keys.
func eachEntry(n ast.Node, field string, fail func(pos, string, *Problem), fn func(id string, at pos, v ast.Node)) {
	switch m := unwrap(n).(type) {
	case *ast.NullNode, nil:
		return
	case *ast.MappingNode:
		for _, mv := range m.Values {
			id, at := keyOf(mv)
			if id == "" {
				fail(at, field, problem("answers.key_not_id", "expected an id as key"))
				continue
			}
			fn(id, at, mv.Value)
		}
	default:
		fail(nodePos(n), field, problem("answers.not_id_mapping", "expected a mapping of id: value"))
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
func scalarText(n ast.Node) (string, *Problem) {
	if _, ok := n.(*ast.TagNode); ok {
		n = unwrap(n)
	}
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", nil
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", nil
		}
		return v.Value.Value, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if tk := v.GetToken(); tk != nil {
			return tk.Value, nil
		}
		return "", nil
	case *ast.AnchorNode, *ast.AliasNode:
		return "", problem("answers.anchor", "anchors and aliases are not supported in an answers file")
	case *ast.MappingNode, *ast.SequenceNode:
		return "", problem("answers.not_scalar", "expected a single value, not a list or mapping")
	}
	return "", problem("answers.not_value", "expected a single value")
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
		var p pos
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p = pos{tk.Position.Line, max(tk.Position.Column, 1)}
		}
		return at(name, p, "", problemSyntax(ye.GetMessage()))
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return at(name, pos{}, "", problemSyntax(first))
}
