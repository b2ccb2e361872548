package i18n

import (
	"errors"
	"strings"
	"sync"
	"text/template"

	"github.com/goccy/go-yaml"
)

// The fast path. Building a go-i18n bundle costs about half a millisecond
// (it sets up the plural rules of every CLDR language) and parsing the
// catalogue's YAML with goccy about 0.1 ms a kilobyte: more than `list`
// may add to its start-up (≤ 3× hello-world, docs/benchmarks.md). So a
// message is found without go-i18n: only the file of its domain is read
// (an id's first segment names its file; ids of no file of their own live
// in common), with a reader for the plain YAML the catalogue is written
// in, and a message without plural forms is filled in with text/template
// directly. go-i18n is used for what it is needed for, choosing plural
// forms (N), and to check the whole catalogue (Check). The catalogue
// tests compare both readers on every file.

// forms are a message's texts by CLDR plural category; a message without
// plural forms has only "other".
type forms map[string]string

// leaves are the texts of one catalogue file by their dotted key path: a
// message's id, or for a plural message its id and the category
// ("import.imported.one"). go-i18n refuses a mapping that mixes plural
// categories with other keys, and the catalogue tests load every file
// with it, so an id with an ".other" leaf is a plural message.
type leaves map[string]string

// forms returns the forms of message id.
func (m leaves) forms(id string) (forms, bool) {
	if s, ok := m[id]; ok {
		return forms{"other": s}, true
	}
	other, ok := m[id+".other"]
	if !ok {
		return nil, false
	}
	f := forms{"other": other}
	for _, c := range []string{"zero", "one", "two", "few", "many"} {
		if s, ok := m[id+"."+c]; ok {
			f[c] = s
		}
	}
	return f, true
}

var fileCache sync.Map // file name → *fileEntry

type fileEntry struct {
	once sync.Once
	msgs leaves
	err  error
}

// fileMessages returns the texts of the named catalogue file, read once.
func fileMessages(name string) (leaves, error) {
	v, _ := fileCache.LoadOrStore(name, &fileEntry{})
	e := v.(*fileEntry)
	e.once.Do(func() {
		raw, err := catalogFS.ReadFile(name)
		if err != nil {
			e.err = err
			return
		}
		e.msgs, e.err = parseCatalogue(raw)
	})
	return e.msgs, e.err
}

// fileFor returns the catalogue file of lang that holds id: the file of
// the domain its first segment names, else common's.
func fileFor(lang, id string) string {
	domain, _, _ := strings.Cut(id, ".")
	name := "catalog/" + domain + "." + lang + ".yaml"
	for _, f := range files()[lang] {
		if f == name {
			return name
		}
	}
	return "catalog/common." + lang + ".yaml"
}

// lookup finds the forms of id in lang, else in English, as go-i18n falls
// back to the bundle's default language.
func lookup(lang, id string) (forms, bool) {
	for _, l := range []string{lang, Default} {
		msgs, err := fileMessages(fileFor(l, id))
		if err != nil {
			continue
		}
		if f, ok := msgs.forms(id); ok {
			return f, true
		}
	}
	return nil, false
}

var templates sync.Map // text → *template.Template

// render fills in text with data, as go-i18n would: a placeholder missing
// from data is an error.
func render(text string, data map[string]any) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	v, ok := templates.Load(text)
	if !ok {
		t, err := template.New("").Option("missingkey=error").Parse(text)
		if err != nil {
			return "", err
		}
		v, _ = templates.LoadOrStore(text, t)
	}
	var b strings.Builder
	if err := v.(*template.Template).Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// parseCatalogue reads a catalogue file into its texts: with plainYAML
// when the file keeps to the plain form the catalogue is written in
// (nested keys, double-quoted texts, comments), else with goccy's full
// parser.
func parseCatalogue(raw []byte) (leaves, error) {
	if m, ok := plainYAML(string(raw)); ok {
		return m, nil
	}
	var tree map[string]any
	if err := yaml.Unmarshal(raw, &tree); err != nil {
		return nil, err
	}
	return flattenTree(tree), nil
}

// flattenTree turns the full parser's nested maps into leaves.
func flattenTree(tree map[string]any) leaves {
	out := leaves{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case string:
			out[prefix] = v
		case map[string]any:
			for k, c := range v {
				id := k
				if prefix != "" {
					id = prefix + "." + k
				}
				walk(id, c)
			}
		}
	}
	walk("", tree)
	return out
}

// plainYAML reads the subset of YAML the catalogue is written in, in one
// pass: lines that are blank, comments, "key:" opening a mapping, or
// "key: "text"" with a double-quoted text, keys plain or double-quoted,
// nested by indentation. Anything else makes it give up (ok false), and
// the caller uses the full parser.
func plainYAML(src string) (out leaves, ok bool) {
	type level struct {
		indent int
		path   string // the dotted path of the mapping, "" at the top
	}
	out = make(leaves, strings.Count(src, "\n"))
	stack := []level{{0, ""}}
	pending := false // the previous line opened a mapping, not yet indented into
	pendingPath := ""
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] == '\t' {
			return nil, false
		}
		indent := len(line) - len(trimmed)
		if pending {
			if indent <= stack[len(stack)-1].indent {
				return nil, false // an empty mapping: not the catalogue's form
			}
			stack = append(stack, level{indent, pendingPath})
			pending = false
		}
		for len(stack) > 1 && indent < stack[len(stack)-1].indent {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1]
		if indent != top.indent {
			return nil, false
		}
		key, rest, ok := cutKey(trimmed)
		if !ok {
			return nil, false
		}
		path := key
		if top.path != "" {
			path = top.path + "." + key
		}
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			pending, pendingPath = true, path
			continue
		}
		text, after, ok := cutQuoted(rest)
		if !ok {
			return nil, false
		}
		if after = strings.TrimLeft(after, " "); after != "" && after[0] != '#' {
			return nil, false
		}
		if _, dup := out[path]; dup {
			return nil, false
		}
		out[path] = text
	}
	if pending {
		return nil, false
	}
	return out, true
}

// cutKey reads "key:" or "\"key\":" at the start of s.
func cutKey(s string) (key, rest string, ok bool) {
	if strings.HasPrefix(s, `"`) {
		k, after, ok := cutQuoted(s)
		if !ok || !strings.HasPrefix(after, ":") {
			return "", "", false
		}
		return k, after[1:], true
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return "", "", false
	}
	key = s[:i]
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return "", "", false
		}
	}
	rest = s[i+1:]
	if rest != "" && rest[0] != ' ' {
		return "", "", false
	}
	return key, rest, true
}

// cutQuoted reads a double-quoted text at the start of s, with the escapes
// \" \\ \n and \t; any other escape makes it give up.
func cutQuoted(s string) (text, rest string, ok bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", false
	}
	if end := strings.IndexAny(s[1:], `"\`); end >= 0 && s[1+end] == '"' {
		return s[1 : 1+end], s[2+end:], true // no escape: the text as it is
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), s[i+1:], true
		case '\\':
			if i+1 == len(s) {
				return "", "", false
			}
			i++
			switch s[i] {
			case '"', '\\':
				b.WriteByte(s[i])
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				return "", "", false
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

// errNoMessage is what lookup's callers report for an id in no file.
var errNoMessage = errors.New("no such message")

// Read returns the catalogue files read so far, in no order: tests use it
// to check that a command reads only what it shows (and --version
// nothing), which keeps start-up fast.
func Read() []string {
	var names []string
	fileCache.Range(func(k, v any) bool {
		names = append(names, k.(string))
		return true
	})
	return names
}
