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
type ImportError struct {
	Line int
	Msg  string
}

// Error returns the message, with its line when known.
func (e *ImportError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
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
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	if len(data) > MaxDocument {
		return nil, &ImportError{Msg: fmt.Sprintf("the document is larger than %d MiB", MaxDocument>>20)}
	}
	// Editors on Windows start a file with a byte order mark, which JSON
	// does not allow; it carries nothing.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ImportError{Msg: "the document is empty"}
	}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &ImportError{Line: lineAt(data, se.Offset), Msg: "not valid JSON: " + jsonMsg(err)}
		}
		return nil, &ImportError{Msg: "not valid JSON: " + jsonMsg(err)}
	}
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	start := skipSpace(data, 0)
	if data[start] != '{' {
		return nil, &ImportError{Line: lineAt(data, int64(start)),
			Msg: "not a servicecheck sessions document: want a JSON object"}
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
		return nil, r.fail(jsonMsg(err))
	}
	seen := map[string]bool{}
	for r.dec.More() {
		t, err := r.dec.Token()
		if err != nil {
			return nil, r.fail(jsonMsg(err))
		}
		key, _ := t.(string)
		if seen[key] {
			return nil, r.fail(fmt.Sprintf("%q appears twice", clip(key)))
		}
		seen[key] = true
		if err := r.member(key); err != nil {
			return nil, err
		}
	}
	switch {
	case !seen["version"]:
		return nil, &ImportError{Msg: "version: missing"}
	case !seen["sessions"]:
		return nil, &ImportError{Msg: "sessions: missing"}
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

func (r *docReader) fail(msg string) error {
	return &ImportError{Line: lineAt(r.data, r.dec.InputOffset()), Msg: msg}
}

// member reads the value of the document member key.
func (r *docReader) member(key string) error {
	switch key {
	case "format":
		var f string
		if err := r.dec.Decode(&f); err != nil || f != DocFormat {
			return r.fail(fmt.Sprintf("format: want %q", DocFormat))
		}
	case "version":
		var v int
		if err := r.dec.Decode(&v); err != nil || v < 1 {
			return r.fail("version: want a whole number from 1")
		}
		if v > DocVersion {
			return r.fail(fmt.Sprintf("version %d is newer than this servicecheck reads (%d): upgrade servicecheck", v, DocVersion))
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
			return r.fail(jsonMsg(err))
		}
	default:
		return r.fail(fmt.Sprintf("unknown field %q", clip(key)))
	}
	return nil
}

func (r *docReader) sessionList() error {
	if t, err := r.dec.Token(); err != nil || t != json.Delim('[') {
		return r.fail("sessions: want a list of sessions")
	}
	for r.dec.More() {
		if len(r.sessions) >= MaxSessions {
			return r.fail(fmt.Sprintf("sessions: more than %d sessions", MaxSessions))
		}
		at := skipSpace(r.data, int(r.dec.InputOffset()))
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.fail(jsonMsg(err))
		}
		s, err := decodeSession(r.data, at)
		if err != nil {
			return err
		}
		r.sessions = append(r.sessions, s)
		r.starts = append(r.starts, at)
	}
	if _, err := r.dec.Token(); err != nil {
		return r.fail(jsonMsg(err))
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
		return nil, &ImportError{Line: lineAt(data, int64(at)+te.Offset),
			Msg: fmt.Sprintf("%s: want %s, got %s", field, typeName(te.Type.String()), te.Value)}
	case err != nil:
		return nil, &ImportError{Line: lineAt(data, int64(at)), Msg: jsonMsg(err)}
	}
	return &s, nil
}

func validateAll(data []byte, sessions []*checklist.Session, starts []int) error {
	now := time.Now()
	first := map[string]int{}
	for i, s := range sessions {
		normalizeImported(s)
		who := fmt.Sprintf("session %d", i+1)
		if ValidID(s.ID) {
			who += " (" + s.ID + ")"
		}
		if err := validateSession(s, now); err != nil {
			return &ImportError{Line: lineAt(data, int64(starts[i])), Msg: who + ": " + err.Error()}
		}
		if j, dup := first[s.ID]; dup {
			return &ImportError{Line: lineAt(data, int64(starts[i])),
				Msg: fmt.Sprintf("sessions[%d].id: %s has the id of session %d of this document (sessions[%d]): ids must be unique", i, who, j+1, j)}
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

// typeName says what JSON a Go type wants.
func typeName(goType string) string {
	switch {
	case goType == "string", strings.HasSuffix(goType, ".Value"), strings.HasSuffix(goType, ".Status"):
		return "a string"
	case goType == "time.Time":
		return "a time (RFC 3339)"
	case strings.HasPrefix(goType, "map["), strings.HasPrefix(goType, "checklist."), strings.HasPrefix(goType, "*checklist."):
		return "an object"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case goType == "bool", goType == "*bool":
		return "true or false"
	}
	return goType
}

// packList reads the document's content packs, each validated as PutPack
// would: a pack that does not load, or that does not say it is what its
// entry names, is reported at the line of its entry.
func (r *docReader) packList() error {
	if t, err := r.dec.Token(); err != nil || t != json.Delim('[') {
		return r.fail("packs: want a list of content packs")
	}
	type entry struct{ i, n int } // index in r.packs, number in the document
	at := map[checklist.Ref]entry{}
	for n := 1; r.dec.More(); n++ {
		if n > MaxPacks {
			return r.fail(fmt.Sprintf("packs: more than %d content packs", MaxPacks))
		}
		line := lineAt(r.data, int64(skipSpace(r.data, int(r.dec.InputOffset()))))
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.fail(jsonMsg(err))
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		var f PackFile
		if err := dec.Decode(&f); err != nil {
			return &ImportError{Line: line, Msg: fmt.Sprintf("pack %d: %s", n, jsonMsg(err))}
		}
		if _, err := checkPack(f.Ref(), []byte(f.YAML)); err != nil {
			return &ImportError{Line: line, Msg: fmt.Sprintf("pack %d: %v", n, err)}
		}
		if first, dup := at[f.Ref()]; dup {
			if r.packs[first.i].YAML != f.YAML {
				return &ImportError{Line: line, Msg: fmt.Sprintf("pack %d: content pack %s is also pack %d, with different content",
					n, RefString(f.Ref()), first.n)}
			}
			continue // the same pack twice: kept once
		}
		at[f.Ref()] = entry{len(r.packs), n}
		r.packs = append(r.packs, f)
	}
	if _, err := r.dec.Token(); err != nil {
		return r.fail(jsonMsg(err))
	}
	return nil
}
