package checklist

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// This file turns goccy/go-yaml AST nodes into typed values while recording
// every problem with its position. Walking the AST ourselves, rather than
// decoding into structs, is what lets one pass report all the mistakes of a
// file with their line and column instead of stopping at the first.

// pos is a place in the file; the zero pos means unknown.
type pos struct{ line, col int }

func tokenPos(tk *token.Token) pos {
	if tk == nil || tk.Position == nil {
		return pos{}
	}
	return pos{tk.Position.Line, max(tk.Position.Column, 1)}
}

// nodePos is where a node starts as a reader sees it: the first key of a
// block mapping, the bracket of a flow collection, the indicator of a block
// scalar. goccy's own token for a block mapping is its first ':', which
// would point readers at the wrong column.
func nodePos(n ast.Node) pos {
	switch n := n.(type) {
	case nil:
		return pos{}
	case *ast.MappingNode:
		if !n.IsFlowStyle && len(n.Values) > 0 && n.Values[0] != nil && n.Values[0].Key != nil {
			return nodePos(n.Values[0].Key)
		}
		return tokenPos(n.Start)
	case *ast.MappingValueNode:
		if n.Key != nil {
			return nodePos(n.Key)
		}
		return tokenPos(n.Start)
	case *ast.MappingKeyNode:
		return tokenPos(n.Start)
	case *ast.SequenceNode:
		return tokenPos(n.Start)
	case *ast.LiteralNode:
		return tokenPos(n.Start)
	case *ast.TagNode:
		return tokenPos(n.Start)
	case *ast.AnchorNode:
		return tokenPos(n.Start)
	case *ast.AliasNode:
		return tokenPos(n.Start)
	case *ast.DocumentNode:
		if n.Body != nil {
			return nodePos(n.Body)
		}
		return tokenPos(n.Start)
	}
	return tokenPos(n.GetToken())
}

// kind is the shape of a YAML value, as far as a content pack cares.
type kind int

const (
	kindNull kind = iota
	kindText
	kindNumber
	kindBool
	kindMapping
	kindList
	kindOther
)

// String is the kind as it reads in "must be X, not Y".
func (k kind) String() string {
	switch k {
	case kindNull:
		return "empty"
	case kindText:
		return "text"
	case kindNumber:
		return "a number"
	case kindBool:
		return "true/false"
	case kindMapping:
		return "a mapping"
	case kindList:
		return "a list"
	}
	return "an unsupported value"
}

// term is the kind as a word to translate.
func (k kind) term() Term {
	switch k {
	case kindNull:
		return termEmpty
	case kindText:
		return termText
	case kindNumber:
		return termNumber
	case kindBool:
		return termBool
	case kindMapping:
		return termMapping
	case kindList:
		return termList
	}
	return termOther
}

// value is a node with its kind worked out and anchors and tags removed.
type value struct {
	node ast.Node
	kind kind
	text string  // the scalar as written, for text and numbers
	num  float64 // for numbers
	pos  pos
}

// value classifies n. It reports aliases and tags itself and then returns
// false: they have no place in a content pack, and resolving aliases would
// let a small hostile file expand without bound.
func (d *decoder) value(n ast.Node, field string) (value, bool) {
	v, ok := d.classify(n, field)
	if ok && v.kind == kindText {
		// A pack's text is shown on terminals: a control character in it
		// could retitle the window or clear the screen.
		if at, r := termtext.Find(v.text, true); at >= 0 {
			c := fmt.Sprintf("%U", r)
			d.add(v.pos, field, problem("text.control", fmt.Sprintf("holds the control character %s: remove it", c), "Char", c))
			return value{}, false
		}
	}
	return v, ok
}

func (d *decoder) classify(n ast.Node, field string) (value, bool) {
	p := nodePos(n)
	for {
		switch t := n.(type) {
		case *ast.AnchorNode:
			n = t.Value
			continue
		case *ast.AliasNode:
			d.add(p, field, problem("pack.alias", "aliases (*name) are not supported: write the value out"))
			return value{}, false
		case *ast.TagNode:
			tag := ""
			if t.Start != nil {
				tag = t.Start.Value
			}
			if tag == "!!str" {
				if tk := scalarToken(t.Value); tk != nil {
					return value{node: t.Value, kind: kindText, text: tk.Value, pos: p}, true
				}
			}
			d.add(p, field, problem("pack.tag", fmt.Sprintf("tag %s is not supported", tag), "Tag", fmt.Sprintf("%q", tag)))
			return value{}, false
		}
		break
	}
	v := value{node: n, pos: p}
	switch t := n.(type) {
	case nil, *ast.NullNode:
		v.kind = kindNull
	case *ast.StringNode:
		v.kind, v.text = kindText, t.Value
	case *ast.LiteralNode:
		v.kind = kindText
		if t.Value != nil {
			v.text = t.Value.Value
		}
	case *ast.IntegerNode:
		v.kind, v.text = kindNumber, tokenText(t.Token)
		switch i := t.Value.(type) {
		case int64:
			v.num = float64(i)
		case uint64:
			v.num = float64(i)
		default:
			v.num = math.NaN()
		}
	case *ast.FloatNode:
		v.kind, v.text, v.num = kindNumber, tokenText(t.Token), t.Value
	case *ast.InfinityNode:
		v.kind, v.text, v.num = kindNumber, tokenText(t.Token), t.Value
	case *ast.NanNode:
		v.kind, v.text, v.num = kindNumber, tokenText(t.Token), math.NaN()
	case *ast.BoolNode:
		v.kind, v.text = kindBool, tokenText(t.Token)
	case *ast.MappingNode, *ast.MappingValueNode:
		v.kind = kindMapping
	case *ast.SequenceNode:
		v.kind = kindList
	default:
		v.kind = kindOther
	}
	return v, true
}

func tokenText(tk *token.Token) string {
	if tk == nil {
		return ""
	}
	return tk.Value
}

// scalarToken returns the token of a plain scalar node, or nil.
func scalarToken(n ast.Node) *token.Token {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Token
	case *ast.IntegerNode:
		return n.Token
	case *ast.FloatNode:
		return n.Token
	case *ast.BoolNode:
		return n.Token
	case *ast.NullNode:
		return n.Token
	case *ast.InfinityNode:
		return n.Token
	case *ast.NanNode:
		return n.Token
	}
	return nil
}

// entry is one field of a mapping.
type entry struct {
	keyPos pos
	node   ast.Node
}

// object is a mapping whose keys have been checked against a known set.
type object struct {
	path   string
	pos    pos
	fields map[string]entry
}

// field returns the path of the named field of o.
func (o *object) field(name string) string { return joinPath(o.path, name) }

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func indexPath(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// object checks that n is a mapping whose keys are all in known, each once.
func (d *decoder) object(n ast.Node, path string, known []string) (*object, bool) {
	v, ok := d.value(n, path)
	if !ok {
		return nil, false
	}
	if v.kind != kindMapping {
		d.wrongKind(v, path, kindMapping)
		return nil, false
	}
	var pairs []*ast.MappingValueNode
	switch m := v.node.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	o := &object{path: path, pos: v.pos, fields: make(map[string]entry, len(pairs))}
	for _, mv := range pairs {
		if mv == nil {
			continue
		}
		kp := nodePos(mv.Key)
		if kp == (pos{}) {
			kp = tokenPos(mv.Start)
		}
		name, ok := d.keyName(mv.Key, kp, path)
		if !ok {
			continue
		}
		if !contains(known, name) {
			d.add(kp, joinPath(path, fieldName(name)), unknownFieldMsg(name, known))
			continue
		}
		if prev, dup := o.fields[name]; dup {
			d.add(kp, joinPath(path, name), problem("pack.duplicate_field", fmt.Sprintf("duplicate field (first at line %d)", prev.keyPos.line), "Line", prev.keyPos.line))
			continue
		}
		o.fields[name] = entry{keyPos: kp, node: mv.Value}
	}
	return o, true
}

// keyName returns the text of a mapping key; only plain scalars name fields.
func (d *decoder) keyName(k ast.MapKeyNode, p pos, path string) (string, bool) {
	var n ast.Node = k
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		n = mk.Value
	}
	switch n.(type) {
	case *ast.MergeKeyNode:
		d.add(p, path, problem("pack.merge_key", "merge keys (<<) are not supported: write the fields out"))
		return "", false
	}
	if tk := scalarToken(n); tk != nil {
		if s, ok := n.(*ast.StringNode); ok {
			return s.Value, true
		}
		return tk.Value, true
	}
	d.add(p, path, problem("pack.key_not_text", "field names must be plain text"))
	return "", false
}

// fieldName returns an unknown key as it can be shown in a field path:
// as written when it is a plain word, quoted otherwise, so that a key with
// spaces, dots or a line break cannot garble the one-line error.
func fieldName(name string) string {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return strconv.Quote(name)
		}
	}
	if name == "" {
		return `""`
	}
	return name
}

func unknownFieldMsg(name string, known []string) *Problem {
	best, bestDist := "", 3
	for _, k := range known {
		if dist := editDistance(strings.ToLower(name), k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best != "" {
		return problem("pack.unknown_field_suggest", fmt.Sprintf("unknown field (did you mean %q?)", best),
			"Suggestion", fmt.Sprintf("%q", best))
	}
	list := strings.Join(known, ", ")
	return problem("pack.unknown_field", "unknown field (expected one of: "+list+")", "Known", list)
}

// editDistance is the Levenshtein distance, used only for "did you mean"
// hints on short field names; long inputs are not compared at all.
func editDistance(a, b string) int {
	if len(a) > 40 || len(b) > 40 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) wrongKind(v value, field string, want kind) {
	if v.kind == kindNull {
		d.add(v.pos, field, problemEmpty())
		return
	}
	if want == kindText && v.kind == kindBool {
		d.add(v.pos, field, problem("pack.wrong_kind_quote", fmt.Sprintf("must be %s, not %s (put it in quotes)", want, v.kind),
			"Want", want.term(), "Got", v.kind.term()))
		return
	}
	d.add(v.pos, field, problem("pack.wrong_kind", fmt.Sprintf("must be %s, not %s", want, v.kind),
		"Want", want.term(), "Got", v.kind.term()))
}

// text returns the named field as text, exactly as written. Numbers count
// as text so that "version: 1.0" means "1.0". A missing or blank field is
// reported when required and returned as "" otherwise.
func (d *decoder) text(o *object, name string, required bool) (string, pos, bool) {
	e, ok := o.fields[name]
	if !ok {
		if required {
			d.add(o.pos, o.field(name), problem("pack.required", "is required"))
		}
		return "", o.pos, false
	}
	v, ok := d.value(e.node, o.field(name))
	if !ok {
		return "", e.keyPos, false
	}
	switch v.kind {
	case kindText, kindNumber:
		if strings.TrimSpace(v.text) == "" {
			if required {
				d.add(e.keyPos, o.field(name), problemEmpty())
			}
			return "", e.keyPos, false
		}
		return v.text, v.pos, true
	case kindNull:
		if required {
			d.add(e.keyPos, o.field(name), problemEmpty())
		}
		return "", e.keyPos, false
	}
	d.wrongKind(v, o.field(name), kindText)
	return "", v.pos, false
}

// number returns the named field as a number; it is always required.
func (d *decoder) number(o *object, name string) (float64, pos, bool) {
	e, ok := o.fields[name]
	if !ok {
		d.add(o.pos, o.field(name), problem("pack.required", "is required"))
		return 0, o.pos, false
	}
	v, ok := d.value(e.node, o.field(name))
	if !ok {
		return 0, e.keyPos, false
	}
	switch v.kind {
	case kindNumber:
		return v.num, v.pos, true
	case kindNull:
		d.add(e.keyPos, o.field(name), problemEmpty())
		return 0, e.keyPos, false
	}
	d.wrongKind(v, o.field(name), kindNumber)
	return 0, v.pos, false
}

// list returns the elements of the named list field, which must hold at
// least one element, called what in messages.
func (d *decoder) list(o *object, name, what string) ([]ast.Node, bool) {
	e, ok := o.fields[name]
	if !ok {
		d.add(o.pos, o.field(name), problem("pack.required", "is required"))
		return nil, false
	}
	v, ok := d.value(e.node, o.field(name))
	if !ok {
		return nil, false
	}
	switch v.kind {
	case kindNull:
		d.add(e.keyPos, o.field(name), problem("pack.at_least_one."+what, "must have at least one "+what))
		return nil, false
	case kindList:
		seq, _ := v.node.(*ast.SequenceNode)
		if seq == nil || len(seq.Values) == 0 {
			d.add(v.pos, o.field(name), problem("pack.at_least_one."+what, "must have at least one "+what))
			return nil, false
		}
		return seq.Values, true
	}
	d.wrongKind(v, o.field(name), kindList)
	return nil, false
}
