package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// Import refuses what encoding/json lets through silently, and names the
// line and the path of the field: a key twice in one object (the last one
// won), bytes that are not UTF-8 (they became U+FFFD), and one id given to
// two sessions of one document (reported as "already stored").
func TestReadDocumentIsStrict(t *testing.T) {
	second := strings.Replace(session(nil), `"Rossi"`, `"Bianchi"`, 1)
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"duplicate top-level key", strings.Replace(doc(session(nil)), `"version": 1,`, `"version": 1, "version": 1,`, 1),
			3, `version: appears twice in one object`},
		{"duplicate key in a session", doc(strings.Replace(session(nil), `"client": "Rossi"`, `"client": "Rossi", "client": "Evil"`, 1)),
			7, `sessions[0].client: appears twice in one object`},
		{"duplicate answer id", doc(strings.Replace(session(nil), `"item-01":{`, `"item-01":{"value":"no"},"item-01":{`, 1)),
			13, `sessions[0].answers.item-01: appears twice`},
		{"duplicate key in an answer", doc(strings.Replace(session(nil), `{"at":"2025-01-10T09:01:00Z","value":"yes"}`,
			`{"at":"2025-01-10T09:01:00Z","value":"yes","value":"no"}`, 1)),
			13, `sessions[0].answers.item-01.value: appears twice`},
		{"invalid UTF-8 in a value", doc(strings.Replace(session(nil), `"Rossi"`, "\"Ro\xffssi\"", 1)),
			7, `sessions[0].client: not valid UTF-8`},
		{"invalid UTF-8 in a key", doc(strings.Replace(session(nil), `"item-01"`, "\"item-\xc3\"", 1)),
			13, `sessions[0].answers: a key is not valid UTF-8`},
		{"one id twice in a document", doc(session(nil), second),
			15, `sessions[1].id: session 2 (0q3k5h2m7xyz) has the id of session 1 of this document (sessions[0])`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDocument(strings.NewReader(tt.in))
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Line != tt.line || !strings.Contains(ie.Msg, tt.want) {
				t.Errorf("got %v, want line %d: %q", err, tt.line, tt.want)
			}
		})
	}
}

// An import that brings nothing new leaves the data file's bytes exactly
// as they were (bbolt writes a new meta page on every commit, even an
// empty one).
func TestNoOpImportLeavesBytes(t *testing.T) {
	s, path := openTest(t)
	sess := completedSession("Rossi", newClock().Now())
	sess.ID = "0q3k5h2m7xyz"
	if _, err := s.Import(sessionsOf(sess)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	res, err := s.Import(sessionsOf(sess, sess))
	if err != nil || len(res.Skipped) != 2 || len(res.Imported) != 0 {
		t.Fatalf("import again: %+v, %v", res, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a no-op import changed the file's bytes")
	}
}

func sessionsOf(ss ...*checklist.Session) []*checklist.Session { return ss }
