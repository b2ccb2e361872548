package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestCreateAssignsAndRoundTrips(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("  Bakery Rossi ")
	sess.Answers = map[string]checklist.Answer{"item-01": {Value: checklist.Yes, Note: "line one\nline two",
		At: time.Date(2025, 3, 1, 9, 0, 0, 123456789, time.UTC)}}
	sess.Plan = checklist.Plan{Vision: "v", Goals: []checklist.Goal{{Problem: "p", What: "w", Target: "t", Owner: "Ann", Status: checklist.StatusInProgress}}}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if len(sess.ID) != 12 || !ValidID(sess.ID) {
		t.Errorf("id %q: want 12 id characters", sess.ID)
	}
	if sess.Client != "Bakery Rossi" || sess.Status != checklist.InProgress || sess.CreatedAt.IsZero() ||
		!sess.UpdatedAt.Equal(sess.CreatedAt) {
		t.Errorf("create did not fill the session: %+v", sess)
	}
	got, err := s.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sess) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, sess)
	}
	if got.Answers["item-01"].At.Nanosecond() != 123000000 {
		t.Errorf("answer time kept %d ns, want milliseconds", got.Answers["item-01"].At.Nanosecond())
	}
	if err := s.Create(&checklist.Session{ID: sess.ID, Client: "x", Pack: testPack}); !errors.Is(err, ErrConflict) {
		t.Errorf("create with a used id: got %v, want ErrConflict", err)
	}
}

func TestCreateRejectsInvalid(t *testing.T) {
	tests := []struct {
		name string
		sess checklist.Session
	}{
		{"no pack", checklist.Session{Client: "a"}},
		{"bad status", checklist.Session{Client: "a", Pack: testPack, Status: "paused"}},
		{"bad value", checklist.Session{Client: "a", Pack: testPack,
			Answers: map[string]checklist.Answer{"q": {Value: "maybe"}}}},
		{"control character in client", checklist.Session{Client: "a\x1b[2J", Pack: testPack}},
		{"bad id", checklist.Session{ID: "a b", Client: "a", Pack: testPack}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTest(t)
			if err := s.Create(&tt.sess); !errors.Is(err, ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
			if l, _ := s.List(Filter{}); len(l) != 0 {
				t.Errorf("an invalid session was stored: %v", l)
			}
		})
	}
}

func TestRecordResumesAcrossOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "servicecheck.db")
	opts := testOptions()
	var id string
	ids := questionIDs(5)
	err := Do(path, opts, func(s *Store) error {
		sess := newSession("Rossi")
		if err := s.Create(sess); err != nil {
			return err
		}
		id = sess.ID
		for i, q := range ids[:3] {
			if err := s.Record(id, q, answerFor(i, q), ids[i+1]); err != nil {
				return err
			}
		}
		return s.Record(id, ids[1], checklist.Answer{Value: checklist.Partly, Note: "only on weekdays"}, ids[3])
	})
	if err != nil {
		t.Fatal(err)
	}
	err = Do(path, Options{ReadOnly: true}, func(s *Store) error {
		got, err := s.Get(id)
		if err != nil {
			return err
		}
		if got.Cursor != ids[3] {
			t.Errorf("cursor %q, want %q", got.Cursor, ids[3])
		}
		if len(got.Answers) != 3 || got.Answers[ids[1]].Note != "only on weekdays" ||
			got.Answers[ids[1]].Value != checklist.Partly || got.Answers[ids[0]].At.IsZero() {
			t.Errorf("answers %+v", got.Answers)
		}
		if !got.UpdatedAt.After(got.CreatedAt) {
			t.Errorf("updated %v not after created %v", got.UpdatedAt, got.CreatedAt)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRecordEdits(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		qid     string
		ans     checklist.Answer
		wantErr error
		want    map[string]checklist.Value
	}{
		{"answer", "item-01", checklist.Answer{Value: checklist.No}, nil, map[string]checklist.Value{"item-01": "no"}},
		{"note only", "item-02", checklist.Answer{Note: "ask Bea"}, nil, map[string]checklist.Value{"item-01": "no", "item-02": ""}},
		{"clear", "item-01", checklist.Answer{}, nil, map[string]checklist.Value{"item-02": ""}},
		{"invalid value", "item-03", checklist.Answer{Value: "7"}, ErrInvalid, map[string]checklist.Value{"item-02": ""}},
		{"empty question id", "", checklist.Answer{Value: "yes"}, ErrInvalid, map[string]checklist.Value{"item-02": ""}},
	}
	for _, st := range steps {
		err := s.Record(sess.ID, st.qid, st.ans, "c")
		if !errors.Is(err, st.wantErr) || (err != nil) != (st.wantErr != nil) {
			t.Fatalf("%s: got %v, want %v", st.name, err, st.wantErr)
		}
		got, err := s.Get(sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		vals := map[string]checklist.Value{}
		for id, a := range got.Answers {
			vals[id] = a.Value
		}
		if !reflect.DeepEqual(vals, st.want) {
			t.Errorf("%s: answers %v, want %v", st.name, vals, st.want)
		}
	}
	if err := s.Record("nope", "item-01", checklist.Answer{Value: "yes"}, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("record on a missing session: %v", err)
	}
}

func TestCursorPlanComplete(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCursor(sess.ID, "stmt-41"); err != nil {
		t.Fatal(err)
	}
	plan := checklist.Plan{Vision: "calls answered by the third ring",
		Goals: []checklist.Goal{{Problem: "slow", What: "rings", Target: "3", Note: "june"}}}
	if err := s.SetPlan(sess.ID, plan); err != nil {
		t.Fatal(err)
	}
	if err := s.Complete(sess.ID); err != nil {
		t.Fatal(err)
	}
	first, _ := s.Get(sess.ID)
	if err := s.Complete(sess.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(sess.ID)
	if got.Cursor != "stmt-41" || !reflect.DeepEqual(got.Plan, plan) || got.Status != checklist.Completed {
		t.Errorf("got %+v", got)
	}
	if got.CompletedAt.IsZero() || !got.CompletedAt.Equal(first.CompletedAt) {
		t.Errorf("completed at %v, first %v: a second Complete must keep the first time", got.CompletedAt, first.CompletedAt)
	}
}

func TestGetByPrefix(t *testing.T) {
	s, _ := openTest(t)
	for _, id := range []string{"abc111", "abc222", "xyz"} {
		if err := s.Create(&checklist.Session{ID: id, Client: "c", Pack: testPack}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		in, want string
		err      error
	}{
		{"xyz", "xyz", nil},
		{"x", "xyz", nil},
		{"abc1", "abc111", nil},
		{"abc", "", ErrAmbiguous},
		{"q", "", ErrNotFound},
		{"", "", ErrNotFound},
	}
	for _, tt := range tests {
		got, err := s.Get(tt.in)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Get(%q): %v, want %v", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got.ID != tt.want {
			t.Errorf("Get(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestPermissionsAndReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	path := filepath.Join(dir, "sub", "servicecheck.db")
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNoFile) {
		t.Fatalf("read-only open of a missing file: %v, want ErrNoFile", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only open created %s", dir)
	}
	if err := Do(path, Options{}, func(*Store) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{dir, 0o700}, {filepath.Dir(path), 0o700}, {path, 0o600}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != c.want {
			t.Errorf("%s: mode %v, want %v", c.path, fi.Mode().Perm(), c.want)
		}
	}
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		if err := s.Create(newSession("x")); err == nil {
			t.Error("a read-only store accepted a write")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestResolvePath(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name, flag string
		getenv     func(string) string
		want       string
	}{
		{"flag wins", "/x/flag.db", env(EnvDB, "/x/env.db", "XDG_DATA_HOME", "/x/xdg"), "/x/flag.db"},
		{"env", "", env(EnvDB, "/x/env.db", "XDG_DATA_HOME", "/x/xdg"), "/x/env.db"},
		{"xdg", "", env("XDG_DATA_HOME", "/x/xdg", "HOME", "/home/u"), "/x/xdg/servicecheck/servicecheck.db"},
		{"relative xdg ignored", "", env("XDG_DATA_HOME", "rel", "HOME", "/home/u"), "/home/u/.local/share/servicecheck/servicecheck.db"},
		{"home", "", env("HOME", "/home/u"), "/home/u/.local/share/servicecheck/servicecheck.db"},
	}
	for _, tt := range tests {
		if runtime.GOOS != "linux" && tt.flag == "" && tt.name != "env" {
			continue // the data folder differs by platform
		}
		got, err := ResolvePath(tt.flag, tt.getenv)
		if err != nil || got != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	wd, _ := os.Getwd()
	if got, _ := ResolvePath("rel.db", env()); got != filepath.Join(wd, "rel.db") {
		t.Errorf("relative flag: %q, want it made absolute", got)
	}
}

// TestConcurrentRecords records from several goroutines at once, as a TUI
// may from its commands: every answer lands, none overwrites another.
func TestConcurrentRecords(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	qs := questionIDs(answersLen)
	var wg sync.WaitGroup
	errs := make(chan error, len(qs))
	for g := range 8 {
		wg.Go(func() {
			for i := g; i < len(qs); i += 8 {
				errs <- s.Record(sess.ID, qs[i], answerFor(i, qs[i]), "")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Get(sess.ID)
	if err != nil || len(got.Answers) != len(qs) {
		t.Fatalf("%d answers, %v; want %d", len(got.Answers), err, len(qs))
	}
	l, _ := s.List(Filter{})
	if l[0].Answered != len(qs) {
		t.Errorf("summary counts %d answers", l[0].Answered)
	}
}
