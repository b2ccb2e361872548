package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestCreateAssignsAndRoundTrips(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("  Bakery Rossi ")
	sess.Answers = map[string]checklist.Answer{"item-01": {Value: checklist.Yes, Note: "line one\nline two",
		At: time.Date(2025, 3, 1, 9, 0, 0, 123456789, time.UTC)}}
	sess.Plan = checklist.Plan{Vision: "v", Goals: []checklist.Goal{{Problem: "p", What: "w", Target: "t", Met: new(bool)}}}
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
		Goals: []checklist.Goal{{Problem: "slow", What: "rings", Target: "3", Due: "june"}}}
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

// seed creates sessions for clients in order, one clock tick apart, and
// completes those marked.
func seed(t *testing.T, s *Store, clients []string, complete []bool) []string {
	t.Helper()
	var ids []string
	for i, c := range clients {
		sess := newSession(c)
		if err := s.Create(sess); err != nil {
			t.Fatal(err)
		}
		if err := s.Record(sess.ID, "stmt-50", checklist.Answer{Value: "4"}, ""); err != nil {
			t.Fatal(err)
		}
		if complete[i] {
			if err := s.Complete(sess.ID); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, sess.ID)
	}
	return ids
}

func TestListClientsLatest(t *testing.T) {
	s, _ := openTest(t)
	ids := seed(t, s, []string{"Rossi", "bakery", "rossi ", "Zeta", ""}, []bool{true, false, true, true, false})
	ids2 := func(l []Summary) []string {
		var out []string
		for _, x := range l {
			out = append(out, x.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all newest first", Filter{}, []string{ids[4], ids[3], ids[2], ids[1], ids[0]}},
		{"client any case and spaces", Filter{Client: " ROSSI"}, []string{ids[2], ids[0]}},
		{"status", Filter{Status: checklist.InProgress}, []string{ids[4], ids[1]}},
		{"limit", Filter{Limit: 2}, []string{ids[4], ids[3]}},
		{"client and status and limit", Filter{Client: "rossi", Status: checklist.Completed, Limit: 1}, []string{ids[2]}},
		{"unknown client", Filter{Client: "nobody"}, nil},
	}
	for _, tt := range tests {
		l, err := s.List(tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids2(l); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	l, _ := s.List(Filter{Client: "zeta"})
	if len(l) != 1 || l[0].Answered != 1 || l[0].Total.Scored != 1 || l[0].Status != checklist.Completed ||
		l[0].CompletedAt.IsZero() || l[0].Pack != testPack || l[0].Assessor != "Ann" {
		t.Errorf("summary %+v", l)
	}
	clients, err := s.Clients()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"bakery", "rossi", "Zeta"}; !slices.Equal(clients, want) {
		t.Errorf("clients %q, want %q", clients, want)
	}
	latest, err := s.LatestCompleted("Rossi")
	if err != nil || latest.ID != ids[2] {
		t.Errorf("latest completed: %v, %v; want %s", latest, err, ids[2])
	}
	if _, err := s.LatestCompleted("bakery"); !errors.Is(err, ErrNotFound) {
		t.Errorf("latest completed with none completed: %v", err)
	}
}

func TestDeleteRemovesIndexEntries(t *testing.T) {
	s, _ := openTest(t)
	ids := seed(t, s, []string{"Rossi", "Bakery", "ROSSI"}, []bool{true, true, false})
	if err := s.Delete(ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ids[1]); !errors.Is(err, ErrNotFound) {
		t.Errorf("get deleted: %v", err)
	}
	if err := s.Delete(ids[1]); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	n, err := s.DeleteClient(" rossi")
	if err != nil || n != 2 {
		t.Fatalf("delete client: %d, %v", n, err)
	}
	if _, err := s.DeleteClient("rossi"); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete client twice: %v", err)
	}
	l, _ := s.List(Filter{})
	c, _ := s.Clients()
	if len(l) != 0 || len(c) != 0 {
		t.Errorf("left after deleting everything: %v %v", l, c)
	}
	err = s.view(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSessions, bucketSummaries, bucketClients} {
			if k, _ := tx.Bucket(b).Cursor().First(); k != nil {
				t.Errorf("bucket %s still holds %q", b, k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPutMovesIndexEntries(t *testing.T) {
	s, _ := openTest(t)
	sess := newSession("Rossi")
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	sess.Client = "Bianchi"
	sess.Answers = map[string]checklist.Answer{"item-01": {Value: "yes"}}
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.List(Filter{Client: "rossi"}); len(l) != 0 {
		t.Errorf("old client still lists %v", l)
	}
	l, _ := s.List(Filter{Client: "bianchi"})
	if len(l) != 1 || l[0].Answered != 1 {
		t.Errorf("new client lists %+v", l)
	}
	if c, _ := s.Clients(); !slices.Equal(c, []string{"Bianchi"}) {
		t.Errorf("clients %v", c)
	}
	if err := s.Put(&checklist.Session{Client: "x", Pack: testPack}); !errors.Is(err, ErrInvalid) {
		t.Errorf("put without id: %v", err)
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
