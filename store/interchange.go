package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// The interchange document that moves sessions between laptops:
//
//	{"format":"servicecheck-sessions","version":1,"sessions":[<session>...]}
//
// where each session is checklist.Session's JSON. ImportJSON also accepts a
// single bare session object.
const (
	DocFormat  = "servicecheck-sessions"
	DocVersion = 1
)

type document struct {
	Format   string               `json:"format"`
	Version  int                  `json:"version"`
	Sessions []*checklist.Session `json:"sessions"`
}

// ExportJSON writes sessions as one interchange document.
func ExportJSON(w io.Writer, sessions []*checklist.Session) error {
	if sessions == nil {
		sessions = []*checklist.Session{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(document{Format: DocFormat, Version: DocVersion, Sessions: sessions}); err != nil {
		return fmt.Errorf("export sessions: %w", err)
	}
	return nil
}

// ImportError is a document that failed to read or validate. Line, when
// not 0, is where in the document the problem is (the session's first line
// for a session that fails validation); the CLI prints it as file:line.
type ImportError struct {
	Line int
	Msg  string
}

func (e *ImportError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ImportError) Unwrap() error { return ErrInvalid }

// ImportJSON reads an interchange document (or one bare session) from r and
// validates every session in it. Input of any size or shape is safe: the
// document is capped at MaxDocument bytes, every string and count at the
// limits in validate.go, and any error is returned, never a panic.
func ImportJSON(r io.Reader) ([]*checklist.Session, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	if len(data) > MaxDocument {
		return nil, &ImportError{Msg: fmt.Sprintf("the document is larger than %d MiB", MaxDocument>>20)}
	}
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
		return []*checklist.Session{s}, validateAll(data, []*checklist.Session{s}, []int{start})
	}
	sessions, starts, err := decodeDocument(data)
	if err != nil {
		return nil, err
	}
	return sessions, validateAll(data, sessions, starts)
}

// decodeDocument reads the document's members one by one, to know where
// each session starts.
func decodeDocument(data []byte) ([]*checklist.Session, []int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(msg string) error {
		return &ImportError{Line: lineAt(data, dec.InputOffset()), Msg: msg}
	}
	if _, err := dec.Token(); err != nil { // the opening brace, checked above
		return nil, nil, fail(jsonMsg(err))
	}
	var (
		sessions []*checklist.Session
		starts   []int
		seen     = map[string]bool{}
	)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, fail(jsonMsg(err))
		}
		key, _ := t.(string)
		if seen[key] {
			return nil, nil, fail(fmt.Sprintf("%q appears twice", key))
		}
		seen[key] = true
		switch key {
		case "format":
			var f string
			if err := dec.Decode(&f); err != nil || f != DocFormat {
				return nil, nil, fail(fmt.Sprintf("format: want %q", DocFormat))
			}
		case "version":
			var v int
			if err := dec.Decode(&v); err != nil || v < 1 {
				return nil, nil, fail("version: want a whole number from 1")
			}
			if v > DocVersion {
				return nil, nil, fail(fmt.Sprintf("version %d is newer than this servicecheck reads (%d): upgrade servicecheck", v, DocVersion))
			}
		case "sessions":
			if t, err := dec.Token(); err != nil || t != json.Delim('[') {
				return nil, nil, fail("sessions: want a list of sessions")
			}
			for dec.More() {
				if len(sessions) >= MaxSessions {
					return nil, nil, fail(fmt.Sprintf("sessions: more than %d sessions", MaxSessions))
				}
				at := skipSpace(data, int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, nil, fail(jsonMsg(err))
				}
				s, err := decodeSession(data, at)
				if err != nil {
					return nil, nil, err
				}
				sessions = append(sessions, s)
				starts = append(starts, at)
			}
			if _, err := dec.Token(); err != nil {
				return nil, nil, fail(jsonMsg(err))
			}
		case "reports":
			// The scored reports that `export --format json` writes beside
			// the sessions: derived data, scored again wherever they are
			// shown, so import reads past them.
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, nil, fail(jsonMsg(err))
			}
		default:
			return nil, nil, fail(fmt.Sprintf("unknown field %q", clip(key)))
		}
	}
	switch {
	case !seen["version"]:
		return nil, nil, &ImportError{Msg: "version: missing"}
	case !seen["sessions"]:
		return nil, nil, &ImportError{Msg: "sessions: missing"}
	}
	return sessions, starts, nil
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
	for i, s := range sessions {
		normalizeImported(s)
		if err := validateSession(s, now); err != nil {
			who := fmt.Sprintf("session %d", i+1)
			if ValidID(s.ID) {
				who += " (" + s.ID + ")"
			}
			return &ImportError{Line: lineAt(data, int64(starts[i])), Msg: who + ": " + err.Error()}
		}
	}
	return nil
}

// normalizeImported makes an imported session compare as the store keeps
// it: names trimmed, times in milliseconds.
func normalizeImported(s *checklist.Session) {
	s.Client = trimSpace(s.Client)
	s.Assessor = trimSpace(s.Assessor)
	normalizeTimes(s)
}

// ImportResult lists the ids that Import stored and those it skipped
// because an identical session was already there.
type ImportResult struct {
	Imported []string
	Skipped  []string
}

// Import stores sessions (from ImportJSON) in one transaction: all of them
// or, on any error, none. A session whose id is already stored is skipped
// when its content is identical and refused (ErrConflict) when it differs.
func (s *Store) Import(sessions []*checklist.Session) (ImportResult, error) {
	var res ImportResult
	now := later(s.now(), time.Now())
	type item struct {
		sess *checklist.Session
		rec  []byte
	}
	items := make([]item, 0, len(sessions))
	for i, in := range sessions {
		c := *in
		c.Answers = maps.Clone(in.Answers)
		normalizeImported(&c)
		if err := validateSession(&c, now); err != nil {
			return res, newError(ErrInvalid, fmt.Sprintf("import: session %d (%s): %v", i+1, clip(c.ID), err), err)
		}
		rec, err := encodeRecord(&c)
		if err != nil {
			return res, newError(ErrInvalid, fmt.Sprintf("import: session %d (%s): %v", i+1, c.ID, err), err)
		}
		items = append(items, item{&c, rec})
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		for _, it := range items {
			stored := b.sessions.Get([]byte(it.sess.ID))
			switch {
			case stored == nil:
				if err := s.putSession(tx, nil, it.sess); err != nil {
					return err
				}
				res.Imported = append(res.Imported, it.sess.ID)
			case bytes.Equal(stored, it.rec):
				res.Skipped = append(res.Skipped, it.sess.ID)
			default:
				return newError(ErrConflict, fmt.Sprintf("session %s is already stored with different content: "+
					"nothing was imported; delete the stored one first if the imported one should replace it",
					it.sess.ID), nil)
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// Sessions returns the full sessions that match f, newest first, read in
// one transaction (for export and trends).
func (s *Store) Sessions(f Filter) ([]*checklist.Session, error) {
	sums, err := s.List(f)
	if err != nil {
		return nil, err
	}
	out := make([]*checklist.Session, 0, len(sums))
	err = s.view(func(tx *bolt.Tx) error {
		for _, sum := range sums {
			v := tx.Bucket(bucketSessions).Get([]byte(sum.ID))
			if v == nil {
				continue // deleted since List
			}
			sess, err := s.decode(sum.ID, v)
			if err != nil {
				return err
			}
			out = append(out, sess)
		}
		return nil
	})
	return out, err
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
