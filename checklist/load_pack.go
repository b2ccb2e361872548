package checklist

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// The fields each mapping of a pack may hold; anything else is reported.
var (
	packFields      = []string{"id", "version", "lang", "title", "intro", "bands", "sections", "areas"}
	bandFields      = []string{"id", "label", "from"}
	sectionFields   = []string{"id", "title", "purpose", "items"}
	itemFields      = []string{"id", "text", "help", "advice"}
	areaFields      = []string{"id", "title", "explanation", "statements", "actions"}
	statementFields = []string{"id", "text"}
)

// Id rules. A segment is lowercase letters and digits, joined by single
// hyphens; dotted ids nest an item or statement under its section or area.
var (
	segmentRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dottedRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$`)
	langRE    = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// The id rules, as the codes of the problem of breaking them.
const (
	segmentRule = "pack.invalid_id"
	dottedRule  = "pack.invalid_dotted_id"
)

var ruleText = map[string]string{
	segmentRule: "use lowercase letters, digits and hyphens",
	dottedRule:  "use lowercase letters, digits and hyphens, in parts separated by dots",
}

// decoder collects the problems of one file while building its Pack.
type decoder struct {
	file string
	errs ValidationErrors
	// seen maps every id met so far to where it was first used, because ids
	// are unique across the whole pack.
	seen map[string]pos
}

func (d *decoder) add(p pos, field string, pr *Problem) {
	d.errs = append(d.errs, at(d.file, p, field, pr))
}

// pack decodes the root mapping. It returns a Pack even when errors were
// recorded; the caller discards it then.
func (d *decoder) pack(root ast.Node) *Pack {
	o, ok := d.object(root, "", packFields)
	if !ok {
		return nil
	}
	p := &Pack{}
	// The pack's own id names the pack, not an answer: it may equal a
	// section or area id.
	p.ID, _, _ = d.checkID(o, "id", dottedRE, dottedRule, "")
	p.Version = d.plain(o, "version", true)
	if lang, at, ok := d.text(o, "lang", true); ok {
		if langRE.MatchString(lang) {
			p.Lang = lang
		} else {
			d.add(at, "lang", problem("pack.not_lang", fmt.Sprintf("%q is not a language code such as en or pt-BR", lang), "Value", fmt.Sprintf("%q", lang)))
		}
	}
	p.Title = d.plain(o, "title", true)
	p.Intro = d.plain(o, "intro", false)
	if nodes, ok := d.list(o, "bands", "band"); ok {
		p.Bands = d.bands(nodes)
	}
	if nodes, ok := d.list(o, "sections", "section"); ok {
		for i, n := range nodes {
			if s, ok := d.section(n, indexPath("sections", i)); ok {
				p.Sections = append(p.Sections, s)
			}
		}
	}
	if nodes, ok := d.list(o, "areas", "area"); ok {
		for i, n := range nodes {
			if a, ok := d.area(n, indexPath("areas", i)); ok {
				p.Areas = append(p.Areas, a)
			}
		}
	}
	return p
}

// plain returns a text field with surrounding white space (such as the
// newline a YAML block scalar ends with) removed.
func (d *decoder) plain(o *object, name string, required bool) string {
	s, _, _ := d.text(o, name, required)
	return strings.TrimSpace(s)
}

// id reads an id field, checks it and records it as used: the ids of
// sections, items, areas, statements and bands are unique across the pack
// because answers and bands are looked up by id alone.
func (d *decoder) id(o *object, name string, re *regexp.Regexp, rule, prefix string) string {
	s, at, ok := d.checkID(o, name, re, rule, prefix)
	if !ok {
		return s
	}
	if first, dup := d.seen[s]; dup {
		d.add(at, o.field(name), problem("pack.duplicate_id", fmt.Sprintf("duplicate id %q (first used at line %d)", s, first.line),
			"Value", fmt.Sprintf("%q", s), "Line", first.line))
	} else {
		d.seen[s] = at
	}
	return s
}

// checkID reads an id field and checks it against re and, when prefix is
// not empty, that it starts with prefix.
func (d *decoder) checkID(o *object, name string, re *regexp.Regexp, rule, prefix string) (string, pos, bool) {
	s, at, ok := d.text(o, name, true)
	if !ok {
		return "", at, false
	}
	switch {
	case prefix != "" && !strings.HasPrefix(s, prefix):
		d.add(at, o.field(name), problem("pack.id_prefix", fmt.Sprintf("%q must start with %q, the id it belongs to", s, prefix),
			"Value", fmt.Sprintf("%q", s), "Prefix", fmt.Sprintf("%q", prefix)))
		return s, at, false
	case !re.MatchString(s):
		d.add(at, o.field(name), problem(rule, fmt.Sprintf("%q is not a valid id: %s", s, ruleText[rule]), "Value", fmt.Sprintf("%q", s)))
		return s, at, false
	}
	return s, at, true
}

func (d *decoder) section(n ast.Node, path string) (Section, bool) {
	o, ok := d.object(n, path, sectionFields)
	if !ok {
		return Section{}, false
	}
	s := Section{ID: d.id(o, "id", segmentRE, segmentRule, "")}
	s.Title = d.plain(o, "title", true)
	s.Purpose = d.plain(o, "purpose", true)
	prefix := childPrefix(s.ID)
	if nodes, ok := d.list(o, "items", "item"); ok {
		for i, n := range nodes {
			itemObj, ok := d.object(n, indexPath(o.field("items"), i), itemFields)
			if !ok {
				continue
			}
			s.Items = append(s.Items, Item{
				ID:     d.id(itemObj, "id", dottedRE, dottedRule, prefix),
				Text:   d.plain(itemObj, "text", true),
				Help:   d.plain(itemObj, "help", false),
				Advice: d.plain(itemObj, "advice", false),
			})
		}
	}
	return s, true
}

func (d *decoder) area(n ast.Node, path string) (Area, bool) {
	o, ok := d.object(n, path, areaFields)
	if !ok {
		return Area{}, false
	}
	a := Area{ID: d.id(o, "id", segmentRE, segmentRule, "")}
	a.Title = d.plain(o, "title", true)
	a.Explanation = d.plain(o, "explanation", true)
	prefix := childPrefix(a.ID)
	if nodes, ok := d.list(o, "statements", "statement"); ok {
		for i, n := range nodes {
			so, ok := d.object(n, indexPath(o.field("statements"), i), statementFields)
			if !ok {
				continue
			}
			a.Statements = append(a.Statements, Statement{
				ID:   d.id(so, "id", dottedRE, dottedRule, prefix),
				Text: d.plain(so, "text", true),
			})
		}
	}
	if nodes, ok := d.list(o, "actions", "action"); ok {
		for i, n := range nodes {
			field := indexPath(o.field("actions"), i)
			v, ok := d.value(n, field)
			if !ok {
				continue
			}
			switch {
			case v.kind == kindNull || (v.kind == kindText || v.kind == kindNumber) && strings.TrimSpace(v.text) == "":
				d.add(v.pos, field, problemEmpty())
			case v.kind == kindText || v.kind == kindNumber:
				a.Actions = append(a.Actions, strings.TrimSpace(v.text))
			default:
				d.wrongKind(v, field, kindText)
			}
		}
	}
	return a, true
}

// childPrefix is what the ids of a section's items or an area's statements
// must start with; empty when the parent id is itself unusable, so that one
// mistake is not reported again on every child.
func childPrefix(parent string) string {
	if !segmentRE.MatchString(parent) {
		return ""
	}
	return parent + "."
}

// bands decodes the bands and checks that they split 0..100 in order.
func (d *decoder) bands(nodes []ast.Node) []Band {
	var bands []Band
	prev, havePrev := 0.0, false
	for i, n := range nodes {
		path := indexPath("bands", i)
		o, ok := d.object(n, path, bandFields)
		if !ok {
			havePrev = false
			continue
		}
		b := Band{ID: d.id(o, "id", segmentRE, segmentRule, "")}
		b.Label = d.plain(o, "label", true)
		from, at, ok := d.number(o, "from")
		switch {
		case !ok:
			havePrev = false
		case math.IsNaN(from) || from < 0 || from > 100:
			d.add(at, o.field("from"), problem("pack.band_range", "must be a percentage from 0 to 100"))
			havePrev = false
		case i == 0 && from != 0:
			d.add(at, o.field("from"), problem("pack.band_first", "the first band must start from 0"))
			prev, havePrev = from, true
		case havePrev && from <= prev:
			d.add(at, o.field("from"), problem("pack.band_order", fmt.Sprintf("must be greater than the previous band's from (%s)", formatNum(prev)),
				"Previous", Decimal(formatNum(prev))))
			prev = from
		default:
			prev, havePrev = from, true
		}
		b.From = from
		bands = append(bands, b)
	}
	return bands
}

func formatNum(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}
