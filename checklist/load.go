package checklist

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// MaxPackSize is the largest content pack file Load accepts. The English
// pack is a few dozen kilobytes; the limit keeps a wrong or hostile file
// from costing much memory or time.
const MaxPackSize = 1 << 20 // 1 MiB, as the error message says

// LoadFile reads and validates the content pack at path. Errors name the
// file as path was given.
func LoadFile(path string) (*Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{Problem: *problem("pack.read", "load content pack"), Err: err}
	}
	defer f.Close()
	// Read one byte past the limit so that Load can say the file is too big
	// without reading all of a huge file.
	data, err := readLimited(f, MaxPackSize+1)
	if err != nil {
		return nil, &ReadError{Problem: *problem("pack.read_file", "load content pack "+path, "File", path), Err: err}
	}
	return Load(path, data)
}

// Load parses and validates a content pack read from the file called name.
// It never panics. On failure the error is a ValidationErrors listing every
// problem found, each with its line and column, except that a YAML syntax
// error stops the parse and is the only one reported.
func Load(name string, data []byte) (*Pack, error) {
	d := &decoder{file: name, seen: map[string]pos{}}
	if len(data) > MaxPackSize {
		d.add(pos{}, "", problem("pack.too_large", "file is larger than the limit of 1 MiB"))
		return nil, d.errs
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // editors on Windows add a byte-order mark
	if !utf8.Valid(data) {
		d.add(invalidUTF8Pos(data), "", problem("pack.not_utf8", "file is not valid UTF-8 text"))
		return nil, d.errs
	}
	// The YAML parser slows down with the square of the nesting depth: a
	// 1 MiB file of '[' would take minutes. No pack nests deeply.
	if line := tooDeep(data); line > 0 {
		d.add(pos{line, 1}, "", problemTooDeep())
		return nil, d.errs
	}
	file, err := parse(data)
	if err != nil {
		d.syntaxError(err)
		return nil, d.errs
	}
	var bodies []ast.Node
	for _, doc := range file.Docs {
		if doc != nil && doc.Body != nil {
			bodies = append(bodies, doc.Body)
		}
	}
	if len(bodies) == 0 {
		d.add(pos{}, "", problem("pack.empty", "file is empty"))
		return nil, d.errs
	}
	for _, extra := range bodies[1:] {
		d.add(nodePos(extra), "", problem("pack.extra_document", "a content pack file holds one YAML document: remove the '---' and what follows"))
	}
	p := d.pack(bodies[0])
	if len(d.errs) > 0 {
		slices.SortStableFunc(d.errs, func(a, b *FieldError) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, d.errs
	}
	return p, nil
}

// parse runs the YAML parser, turning a panic inside it into an error so that
// no input can crash the caller. Duplicate keys are allowed here because the
// decoder reports them along with every other problem.
func parse(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the YAML parser failed: %v", r)
		}
	}()
	return parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
}

func (d *decoder) syntaxError(err error) {
	var p pos
	msg := err.Error()
	if ye, ok := err.(yaml.Error); ok {
		p = tokenPos(ye.GetToken())
		msg = ye.GetMessage()
	}
	// One line per error: goccy's messages are short, but make sure.
	d.add(p, "", problemSyntax(strings.Join(strings.Fields(msg), " ")))
}

func readLimited(f *os.File, limit int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(f, limit))
}
