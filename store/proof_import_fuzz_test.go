package store_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// FuzzImportRoundTrip feeds ImportJSON, the parser of `servicecheck
// import`, anything at all, as FuzzImportJSON does, and checks more: what
// it refuses is ErrInvalid with a message, and what it accepts survives an
// export and a second import unchanged, so that a document moved between
// laptops twice arrives as it left. The seed corpus of hostile documents is
// in testdata/fuzz/FuzzImportRoundTrip; scripts/fuzz runs it for longer.
func FuzzImportRoundTrip(f *testing.F) {
	var doc bytes.Buffer
	if err := store.ExportJSON(&doc, []*checklist.Session{seedSession()}); err != nil {
		f.Fatal(err)
	}
	f.Add(doc.Bytes())
	f.Add([]byte(`{"format":"servicecheck-sessions","version":1,"sessions":[]}`))
	f.Add([]byte(`{"id":"abc","client":"x","status":"in_progress","created_at":"2025-01-01T00:00:00Z",` +
		`"updated_at":"2025-01-01T00:00:00Z","pack":{"id":"servicecheck","version":"1.0.0","lang":"en"},"answers":{}}`))
	f.Add([]byte(strings.Repeat("[", 10_000)))
	f.Add([]byte("{\"format\":\"servicecheck-sessions\",\"version\":1e400,\"sessions\":null}"))
	f.Add([]byte("\xef\xbb\xbf{\"id\":\"\xff\xfe\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sessions, err := store.ImportJSON(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("refused without ErrInvalid: %v", err)
			}
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("refused with an empty message")
			}
			return
		}
		var again bytes.Buffer
		if err := store.ExportJSON(&again, sessions); err != nil {
			t.Fatalf("accepted sessions do not export: %v", err)
		}
		back, err := store.ImportJSON(&again)
		if err != nil {
			t.Fatalf("exported sessions do not import again: %v\n%s", err, again.Bytes())
		}
		if !reflect.DeepEqual(normalize(sessions), normalize(back)) {
			t.Fatalf("sessions changed through export and import:\nfirst  %+v\nsecond %+v", sessions, back)
		}
	})
}

// normalize makes equal times compare equal (the location of a parsed time
// is not part of its value) and nil and empty answers the same.
func normalize(ss []*checklist.Session) []checklist.Session {
	out := make([]checklist.Session, len(ss))
	for i, s := range ss {
		c := *s
		c.CreatedAt, c.UpdatedAt, c.CompletedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC(), c.CompletedAt.UTC()
		c.Answers = map[string]checklist.Answer{}
		for k, a := range s.Answers {
			a.At = a.At.UTC()
			c.Answers[k] = a
		}
		out[i] = c
	}
	return out
}

// seedSession is a completed session with notes, a plan and odd text.
func seedSession() *checklist.Session {
	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	return &checklist.Session{
		ID: "0q3k5h2m7xyz", Client: "Bäckerei Rossi — Shkodër 🍞", Assessor: "Ana", Status: checklist.Completed,
		CreatedAt: at, UpdatedAt: at.Add(time.Hour), CompletedAt: at.Add(time.Hour),
		Pack: checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "en"},
		Answers: map[string]checklist.Answer{
			"culture.training":        {Value: checklist.Yes, At: at, Note: "once a year,\n\"at the kick-off\""},
			"culture.programme":       {Value: checklist.Partly, At: at},
			"responsiveness.quick":    {Value: checklist.Rating(4), At: at},
			"responsiveness.measured": {Value: checklist.NA, At: at},
			"responsiveness.promises": {Value: checklist.Rating(1), At: at, Note: "<script>alert(1)</script>"},
		},
		Plan: checklist.Plan{Vision: "Answer before the third ring.", Goals: []checklist.Goal{
			{Problem: "slow answers", What: "calls answered", Target: "90% in 3 rings", Owner: "Ann", DueDate: func() checklist.Day { d, _ := checklist.ParseDay("2025-09-01"); return d }(), Status: checklist.StatusOpen},
		}},
	}
}
