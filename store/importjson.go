package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// ImportError is a document that failed to read or validate. Line, when
// not 0, is where in the document the problem is (the session's first line
// for a session that fails validation); the CLI prints it as file:line.
//
// What is wrong is Code with Args (its message is "domain." + Code, see
// internal/usertext), about Field when set, the path of a member of the
// document ("sessions[2].answers.q1.value"); Msg is the same in English,
// with the field, for logs and Error.
type ImportError struct {
	Line  int
	Field string
	Code  string
	Args  map[string]any
	Msg   string
}

// Error returns the message, with its line when known.
func (e *ImportError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// MessageCode returns the code of what is wrong.
func (e *ImportError) MessageCode() string { return e.Code }

// MessageArgs returns the arguments of the message by name.
func (e *ImportError) MessageArgs() map[string]any { return e.Args }

// Position is the field the problem is about, "" for the document.
func (e *ImportError) Position() string { return e.Field }

// importErr returns the problem code at line (0 when unknown) about field
// (or ""), with its English and its arguments as name, value pairs.
func importErr(code string, line int, field, english string, args ...any) *ImportError {
	e := &ImportError{Line: line, Field: field, Code: code, Args: make(map[string]any, len(args)/2), Msg: english}
	if field != "" {
		e.Msg = field + ": " + english
	}
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		e.Args[name] = args[i+1]
	}
	return e
}

// notJSON is the problem of JSON that does not read, at line: the words
// of encoding/json stay as its detail. A member that is not known, which
// encoding/json reports too, is a problem of its own.
func notJSON(line int, err error) *ImportError {
	d := jsonMsg(err)
	if k, ok := strings.CutPrefix(d, "unknown field "); ok {
		return importErr("import.unknown_member", line, "", d, "Key", k)
	}
	return importErr("import.not_json", line, "", "not valid JSON: "+d, "Detail", d)
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ImportError) Unwrap() error { return ErrInvalid }

// Document is what an interchange document holds.
type Document struct {
	Sessions []*checklist.Session
	// Lines holds the line each session starts at in the document.
	Lines []int
	// Packs are the user's own content packs the sessions were answered
	// with, each a valid pack whose id, version and language are its own.
	Packs []PackFile
}

// ImportJSON reads an interchange document as ReadDocument does and returns
// its sessions alone; Import them with the document's Packs, or sessions
// answered with a pack of the user's own may not be readable.
func ImportJSON(r io.Reader) ([]*checklist.Session, error) {
	doc, err := ReadDocument(r)
	if err != nil {
		return nil, err
	}
	return doc.Sessions, nil
}

// ReadDocument reads an interchange document (or one bare session) from r
// and validates every session and content pack in it. Input of any size or
// shape is safe: the document is capped at MaxDocument bytes, every string
// and count at the limits in validate.go, and any error is returned, never
// a panic.
func ReadDocument(r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return nil, wrapCode("import.read", "read sessions", "", err)
	}
	if len(data) > MaxDocument {
		return nil, importErr("import.too_large", 0, "", fmt.Sprintf("the document is larger than %d MiB", MaxDocument>>20), "Max", MaxDocument>>20)
	}
	// Editors on Windows start a file with a byte order mark, which JSON
	// does not allow; it carries nothing.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, importErr("import.empty", 0, "", "the document is empty")
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, notJSON(lineAt(data, se.Offset), err)
		}
		return nil, notJSON(0, err)
	}
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	start := skipSpace(data, 0)
	if data[start] != '{' {
		return nil, importErr("import.not_object", lineAt(data, int64(start)), "",
			"not a servicecheck sessions document: want a JSON object")
	}
	var probe struct {
		Format *string `json:"format"`
	}
	if err := json.Unmarshal(data, &probe); err != nil || probe.Format == nil {
		s, err := decodeSession(data, start)
		if err != nil {
			return nil, err
		}
		doc := &Document{Sessions: []*checklist.Session{s}, Lines: []int{lineAt(data, int64(start))}}
		return doc, validateAll(data, doc.Sessions, []int{start})
	}
	dr, err := decodeDocument(data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Sessions: dr.sessions, Packs: dr.packs}
	for _, at := range dr.starts {
		doc.Lines = append(doc.Lines, lineAt(data, int64(at)))
	}
	return doc, validateAll(data, dr.sessions, dr.starts)
}

// decodeDocument reads the document's members one by one, to know where
// each session starts.
func decodeDocument(data []byte) (*docReader, error) {
	r := &docReader{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	if _, err := r.dec.Token(); err != nil { // the opening brace, checked before
		return nil, r.failJSON(err)
	}
	seen := map[string]bool{}
	for r.dec.More() {
		t, err := r.dec.Token()
		if err != nil {
			return nil, r.failJSON(err)
		}
		key, _ := t.(string)
		if seen[key] {
			k := fmt.Sprintf("%q", clip(key))
			return nil, r.fail(importErr("import.member_twice", 0, "", k+" appears twice", "Key", k))
		}
		seen[key] = true
		if err := r.member(key); err != nil {
			return nil, err
		}
	}
	switch {
	case !seen["version"]:
		return nil, importErr("field.missing", 0, "version", "missing")
	case !seen["sessions"]:
		return nil, importErr("field.missing", 0, "sessions", "missing")
	}
	return r, nil
}

// docReader reads an interchange document member by member.
type docReader struct {
	data     []byte
	dec      *json.Decoder
	sessions []*checklist.Session
	starts   []int // byte offset of each session
	packs    []PackFile
}

// fail returns e at the line the reader is at.
func (r *docReader) fail(e *ImportError) error {
	e.Line = lineAt(r.data, r.dec.InputOffset())
	return e
}

// failJSON is fail for JSON that does not read.
func (r *docReader) failJSON(err error) error { return r.fail(notJSON(0, err)) }

// member reads the value of the document member key.
func (r *docReader) member(key string) error {
	switch key {
	case "format":
		var f string
		if err := r.dec.Decode(&f); err != nil || f != DocFormat {
			f := fmt.Sprintf("%q", DocFormat)
			return r.fail(importErr("import.want_format", 0, "format", "want "+f, "Format", f))
		}
	case "version":
		var v int
		if err := r.dec.Decode(&v); err != nil || v < 1 {
			return r.fail(importErr("import.want_version", 0, "version", "want a whole number from 1"))
		}
		if v > DocVersion {
			return r.fail(importErr("import.newer", 0, "", fmt.Sprintf("version %d is newer than this servicecheck reads (%d): upgrade servicecheck", v, DocVersion),
				"Version", v, "Current", DocVersion))
		}
	case "sessions":
		return r.sessionList()
	case "packs":
		return r.packList()
	case "reports":
		// The scored reports that `export --format json` writes beside the
		// sessions: derived data, scored again wherever it is shown.
		var skip json.RawMessage
		if err := r.dec.Decode(&skip); err != nil {
			return r.failJSON(err)
		}
	default:
		k := fmt.Sprintf("%q", clip(key))
		return r.fail(importErr("import.unknown_member", 0, "", "unknown field "+k, "Key", k))
	}
	return nil
}

func (r *docReader) sessionList() error {
	if t, err := r.dec.Token(); err != nil || t != json.Delim('[') {
		return r.fail(importErr("import.want_sessions", 0, "sessions", "want a list of sessions"))
	}
	for r.dec.More() {
		if len(r.sessions) >= MaxSessions {
			return r.fail(importErr("import.too_many_sessions", 0, "sessions", fmt.Sprintf("more than %d sessions", MaxSessions), "Max", MaxSessions))
		}
		at := skipSpace(r.data, int(r.dec.InputOffset()))
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.failJSON(err)
		}
		s, err := decodeSession(r.data, at)
		if err != nil {
			return err
		}
		r.sessions = append(r.sessions, s)
		r.starts = append(r.starts, at)
	}
	if _, err := r.dec.Token(); err != nil {
		return r.failJSON(err)
	}
	return nil
}

// decodeSession decodes the session object that starts at data[at],
// refusing fields that checklist.Session does not have.
func decodeSession(data []byte, at int) (*checklist.Session, error) {
	dec := json.NewDecoder(bytes.NewReader(data[at:]))
	dec.DisallowUnknownFields()
	var s checklist.Session
	err := dec.Decode(&s)
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "session"
		}
		want, got := typeName(te.Type.String()), jsonKind(te.Value)
		return nil, importErr("import.wrong_type", lineAt(data, int64(at)+te.Offset), field,
			fmt.Sprintf("want %s, got %s", english(want), english(got)), "Want", want, "Got", got)
	case err != nil:
		return nil, notJSON(lineAt(data, int64(at)), err)
	}
	return &s, nil
}

func validateAll(data []byte, sessions []*checklist.Session, starts []int) error {
	now := time.Now()
	first := map[string]int{}
	for i, s := range sessions {
		normalizeImported(s)
		line := lineAt(data, int64(starts[i]))
		if err := validateSession(s, now); err != nil {
			if ValidID(s.ID) {
				return importErr("import.session_id", line, "", fmt.Sprintf("session %d (%s): %v", i+1, s.ID, err),
					"N", i+1, "ID", s.ID, "Detail", err)
			}
			return importErr("import.session", line, "", fmt.Sprintf("session %d: %v", i+1, err), "N", i+1, "Detail", err)
		}
		if j, dup := first[s.ID]; dup {
			return importErr("import.same_id", line, fmt.Sprintf("sessions[%d].id", i),
				fmt.Sprintf("session %d (%s) has the id of session %d of this document (sessions[%d]): ids must be unique", i+1, s.ID, j+1, j),
				"N", i+1, "ID", s.ID, "First", j+1, "Index", j)
		}
		first[s.ID] = i
	}
	return nil
}

// normalizeImported makes an imported session compare as the store keeps
// it: names trimmed, times in milliseconds.
func normalizeImported(s *checklist.Session) {
	s.Client = trimSpace(s.Client)
	s.Assessor = trimSpace(s.Assessor)
	normalizeTimes(s)
	// An export of a servicecheck before schema 6: its free-text due
	// dates and review outcomes move as the store's upgrade moves them
	// (on copies: the caller's session may share its plan's lists).
	s.Plan.Goals = slices.Clone(s.Plan.Goals)
	s.Plan.Review = slices.Clone(s.Plan.Review)
	checklist.UpgradePlan(&s.Plan)
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r' || data[i] == ',') {
		i++
	}
	return min(i, len(data)-1)
}

// lineAt returns the 1-based line of byte offset off.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func jsonMsg(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// typeName says what JSON a Go type wants, as a word to translate
// (domain.import.type.*), or the Go type itself for one not foreseen.
func typeName(goType string) any {
	switch {
	case goType == "string", strings.HasSuffix(goType, ".Value"), strings.HasSuffix(goType, ".Status"):
		return checklist.Term("import.type.string")
	case goType == "time.Time":
		return checklist.Term("import.type.time")
	case strings.HasPrefix(goType, "map["), strings.HasPrefix(goType, "checklist."), strings.HasPrefix(goType, "*checklist."):
		return checklist.Term("import.type.object")
	case strings.HasPrefix(goType, "[]"):
		return checklist.Term("import.type.list")
	case goType == "bool", goType == "*bool":
		return checklist.Term("import.type.bool")
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), strings.HasPrefix(goType, "float"):
		return checklist.Term("import.type.number")
	}
	return goType
}

// jsonKind is the word for the kind of JSON value encoding/json names
// ("number", "array"…) that was found instead.
func jsonKind(v string) any {
	switch v {
	case "string", "number", "object", "array", "bool":
		return checklist.Term("import.got." + v)
	}
	if strings.HasPrefix(v, "number ") { // "number 1.5" for an integer field
		return checklist.Term("import.got.number")
	}
	return v
}

// typeWords are the English of typeName's and jsonKind's words, as the
// catalogue has them.
var typeWords = map[checklist.Term]string{
	"import.type.string": "a string", "import.type.time": "a time (RFC 3339)",
	"import.type.object": "an object", "import.type.list": "a list",
	"import.type.bool": "true or false", "import.type.number": "a number",
	"import.got.string": "a string", "import.got.number": "a number", "import.got.object": "an object",
	"import.got.array": "a list", "import.got.bool": "true or false",
}

// english is the English of a word from typeName or jsonKind.
func english(w any) string {
	if t, ok := w.(checklist.Term); ok {
		return typeWords[t]
	}
	return fmt.Sprint(w)
}

// packList reads the document's content packs, each validated as PutPack
// would: a pack that does not load, or that does not say it is what its
// entry names, is reported at the line of its entry.
func (r *docReader) packList() error {
	if t, err := r.dec.Token(); err != nil || t != json.Delim('[') {
		return r.fail(importErr("import.want_packs", 0, "packs", "want a list of content packs"))
	}
	type entry struct{ i, n int } // index in r.packs, number in the document
	at := map[checklist.Ref]entry{}
	for n := 1; r.dec.More(); n++ {
		if n > MaxPacks {
			return r.fail(importErr("import.too_many_packs", 0, "packs", fmt.Sprintf("more than %d content packs", MaxPacks), "Max", MaxPacks))
		}
		line := lineAt(r.data, int64(skipSpace(r.data, int(r.dec.InputOffset()))))
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.failJSON(err)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		var f PackFile
		if err := dec.Decode(&f); err != nil {
			why := notJSON(0, err)
			return importErr("import.pack", line, "", fmt.Sprintf("pack %d: %v", n, why), "N", n, "Detail", why)
		}
		if _, err := checkPack(f.Ref(), []byte(f.YAML)); err != nil {
			return importErr("import.pack", line, "", fmt.Sprintf("pack %d: %v", n, err), "N", n, "Detail", err)
		}
		if first, dup := at[f.Ref()]; dup {
			if r.packs[first.i].YAML != f.YAML {
				return importErr("import.pack_twice", line, "", fmt.Sprintf("pack %d: content pack %s is also pack %d, with different content",
					n, RefString(f.Ref()), first.n), "N", n, "Pack", RefString(f.Ref()), "First", first.n)
			}
			continue // the same pack twice: kept once
		}
		at[f.Ref()] = entry{len(r.packs), n}
		r.packs = append(r.packs, f)
	}
	if _, err := r.dec.Token(); err != nil {
		return r.failJSON(err)
	}
	return nil
}
