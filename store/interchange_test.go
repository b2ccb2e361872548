package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestExportImportRoundTrip(t *testing.T) {
	want := fixtureSessions()
	var buf bytes.Buffer
	if err := ExportJSON(&buf, want); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "{\n  \"format\": \"servicecheck-sessions\",\n  \"version\": 1,") {
		t.Errorf("document starts %q", buf.String()[:60])
	}
	got, err := ImportJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d sessions, want %d", len(got), len(want))
	}
	for i := range want {
		if !sameSession(got[i], want[i]) {
			t.Errorf("session %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// A bare session object is a document of one.
	buf.Reset()
	_ = ExportJSON(&buf, want[2:])
	doc := buf.String()
	bare := doc[strings.Index(doc, "[")+1 : strings.LastIndex(doc, "]")]
	got, err = ImportJSON(strings.NewReader(bare))
	if err != nil || len(got) != 1 || !sameSession(got[0], want[2]) {
		t.Errorf("bare session: %v, %v", got, err)
	}
}

// sameSession compares sessions as instants, whatever their time zones.
func sameSession(a, b *checklist.Session) bool {
	var x, y bytes.Buffer
	_ = ExportJSON(&x, []*checklist.Session{utc(a)})
	_ = ExportJSON(&y, []*checklist.Session{utc(b)})
	return x.String() == y.String()
}

func utc(s *checklist.Session) *checklist.Session {
	c := *s
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	if !c.CompletedAt.IsZero() {
		c.CompletedAt = c.CompletedAt.UTC()
	}
	c.Answers = map[string]checklist.Answer{}
	for k, a := range s.Answers {
		a.At = a.At.UTC()
		c.Answers[k] = a
	}
	return &c
}

// session is a valid session as JSON with the fields in over replaced (a
// value of nil drops the field).
func session(over map[string]any) string {
	f := map[string]any{
		"id": "0q3k5h2m7xyz", "client": "Rossi", "assessor": "Ann", "status": "in_progress",
		"created_at": "2025-01-10T09:00:00Z", "updated_at": "2025-01-10T09:05:00Z",
		"pack":    map[string]string{"id": "servicecheck", "version": "1.0.0", "lang": "en"},
		"answers": map[string]any{"item-01": map[string]string{"value": "yes", "at": "2025-01-10T09:01:00Z"}},
	}
	for k, v := range over {
		if v == nil {
			delete(f, k)
		} else {
			f[k] = v
		}
	}
	var b strings.Builder
	b.WriteString("{")
	first := true
	for _, k := range []string{"id", "client", "assessor", "status", "created_at", "updated_at", "completed_at",
		"pack", "answers", "cursor", "plan", "extra"} {
		v, ok := f[k]
		if !ok {
			continue
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, "\n  %q: %s", k, jsonOf(v))
	}
	b.WriteString("\n}")
	return b.String()
}

func jsonOf(v any) string {
	var buf bytes.Buffer
	_ = encodeJSON(&buf, v)
	return strings.TrimSpace(buf.String())
}

func doc(sessions ...string) string {
	return "{\n\"format\": \"servicecheck-sessions\",\n\"version\": 1,\n\"sessions\": [\n" +
		strings.Join(sessions, ",\n") + "\n]\n}\n"
}

func TestImportJSONRejects(t *testing.T) {
	manyAnswers := map[string]any{}
	for i := range MaxAnswers + 1 {
		manyAnswers[fmt.Sprintf("q%d", i)] = map[string]string{"value": "yes"}
	}
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"empty", " \n", 0, "the document is empty"},
		{"not JSON", "{\n\"format\": \"servicecheck-sessions\",\n\"version\": 1\n\"sessions\": []}", 4, "not valid JSON"},
		{"a list", "[]", 1, "want a JSON object"},
		{"wrong format", `{"format":"csv","version":1,"sessions":[]}`, 1, "format: want"},
		{"newer version", `{"format":"servicecheck-sessions","version":2,"sessions":[]}`, 1, "upgrade servicecheck"},
		{"no version", `{"format":"servicecheck-sessions","sessions":[]}`, 0, "version: missing"},
		{"unknown member", `{"format":"servicecheck-sessions","version":1,"sessions":[],"x":1}`, 1, `unknown field "x"`},
		{"sessions not a list", `{"format":"servicecheck-sessions","version":1,"sessions":{}}`, 1, "want a list"},
		{"session not an object", doc(`5`), 5, "want an object, got a number"},
		{"client is a number", doc(session(nil), session(map[string]any{"id": "b", "client": 42})), 17, "client: want a string, got a number"},
		{"answers is a list", doc(session(map[string]any{"answers": []int{1}})), 13, "answers: want an object, got a list"},
		{"unknown session field", doc(session(map[string]any{"extra": true})), 5, `unknown field "extra"`},
		{"bad time", doc(session(map[string]any{"created_at": "yesterday"})), 5, "parsing time"},
		{"bad id", doc(session(map[string]any{"id": "../../etc"})), 5, "session 1: id:"},
		{"missing id", doc(session(map[string]any{"id": nil})), 5, "session 1: id:"},
		{"bad status", doc(session(map[string]any{"status": "paused"})), 5, "(0q3k5h2m7xyz): status"},
		{"completed without time", doc(session(map[string]any{"status": "completed"})), 5, "completed_at: missing"},
		{"updated before created", doc(session(map[string]any{"updated_at": "2024-01-01T00:00:00Z"})), 5, "updated_at: before created_at"},
		{"time out of range", doc(session(map[string]any{"created_at": "1970-01-01T00:00:00Z"})), 5, "created_at: 1970"},
		{"future time", doc(session(map[string]any{"updated_at": "2999-01-01T00:00:00Z"})), 5, "out of range"},
		{"bad value", doc(session(map[string]any{"answers": map[string]any{"q": map[string]string{"value": "maybe"}}})), 5, `"maybe" is not an answer`},
		{"empty answer", doc(session(map[string]any{"answers": map[string]any{"q": map[string]string{}}})), 5, "neither a value nor a note"},
		{"no pack", doc(session(map[string]any{"pack": nil})), 5, "pack.id: missing"},
		{"huge note", doc(session(map[string]any{"answers": map[string]any{"q": map[string]string{
			"value": "yes", "note": strings.Repeat("x", MaxNote+1)}}})), 5, "note: 65537 bytes, more than 65536"},
		{"too many answers", doc(session(map[string]any{"answers": manyAnswers})), 5, "10001 answers, more than 10000"},
		{"terminal escape in client", doc(session(map[string]any{"client": "Rossi\x1b]0;pwned\x07"})), 5, "control character"},
		{"huge client", doc(session(map[string]any{"client": strings.Repeat("é", 200)})), 5, "client: 400 bytes"},
		{"too many goals", doc(session(map[string]any{"plan": map[string]any{"goals": make([]struct{}, MaxGoals+1)}})), 5, "101 goals"},
		{"deep nesting", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), 1, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ImportJSON(strings.NewReader(tt.in))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %d sessions, %v; want ErrInvalid", len(got), err)
			}
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Line != tt.line || !strings.Contains(ie.Msg, tt.want) {
				t.Errorf("got %q (line %d); want line %d and %q", err, ie.Line, tt.line, tt.want)
			}
		})
	}
}

// endless yields one byte forever, for documents too large to accept.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

func TestImportJSONRefusesHugeDocuments(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"format":"servicecheck-sessions","version":1,"sessions":[],"x":"`), endless('a'))
	_, err := ImportJSON(r)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Fatalf("got %v", err)
	}
}

func TestImportIntoStore(t *testing.T) {
	s, _ := openTest(t)
	sessions := fixtureSessions()
	res, err := s.Import(sessions)
	if err != nil || len(res.Imported) != 3 || len(res.Skipped) != 0 {
		t.Fatalf("first import: %+v, %v", res, err)
	}
	got, _ := s.Get(sessions[1].ID)
	if !sameSession(got, sessions[1]) {
		t.Errorf("imported session differs:\n got %+v\nwant %+v", got, sessions[1])
	}
	// The same sessions again, as read back from an export: all skipped.
	var buf bytes.Buffer
	all, _, _ := s.Sessions(Filter{})
	_ = ExportJSON(&buf, all)
	again, err := ImportJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	res, err = s.Import(again)
	if err != nil || len(res.Imported) != 0 || len(res.Skipped) != 3 {
		t.Fatalf("second import: %+v, %v", res, err)
	}
	// A changed session with a stored id is a conflict, and the new session
	// in the same batch is not imported either.
	changed := *sessions[2]
	changed.Answers = map[string]checklist.Answer{"item-00": {Value: checklist.No, At: changed.CreatedAt}}
	fresh := newSession("New Client")
	fresh.ID, fresh.Status = "0qzzzzzzzzzz", checklist.InProgress
	fresh.CreatedAt, fresh.UpdatedAt = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	_, err = s.Import([]*checklist.Session{fresh, &changed})
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), changed.ID) {
		t.Fatalf("conflicting import: %v, want ErrConflict naming %s", err, changed.ID)
	}
	if _, err := s.Get(fresh.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a session was imported from a batch that failed: %v", err)
	}
	stored, _ := s.Get(sessions[2].ID)
	if !reflect.DeepEqual(stored.Answers, sessions[2].Answers) {
		t.Error("the conflicting import changed the stored session")
	}
	// Two different sessions with one id in a batch conflict too.
	other := *fresh
	other.Client = "Someone Else"
	if _, err := s.Import([]*checklist.Session{fresh, &other}); !errors.Is(err, ErrConflict) {
		t.Errorf("duplicate ids in one batch: %v", err)
	}
	if _, err := s.Import([]*checklist.Session{{ID: "x y"}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("invalid session: %v", err)
	}
}

func FuzzImportJSON(f *testing.F) {
	f.Add(doc(session(nil)))
	f.Add(session(nil))
	f.Add(`{"format":"servicecheck-sessions","version":1,"sessions":[5]}`)
	f.Add(`{"format":"servicecheck-sessions","version":1,"sessions":[],"packs":[{"id":"mini","version":"1.0.0","lang":"en","yaml":` +
		strconv.Quote(string(miniPack("mini", "1.0.0", "We answer fast."))) + `}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		// Any input gives sessions and packs that pass validation, or an ImportError;
		// never a panic.
		got, err := ReadDocument(strings.NewReader(in))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an ImportError", err)
			}
			return
		}
		for _, s := range got.Sessions {
			if err := validateSession(s, time.Now()); err != nil {
				t.Fatalf("accepted an invalid session: %v", err)
			}
		}
		for _, p := range got.Packs {
			if _, err := checkPack(p.Ref(), []byte(p.YAML)); err != nil {
				t.Fatalf("accepted an invalid pack: %v", err)
			}
		}
	})
}
