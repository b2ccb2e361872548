package store

import (
	"errors"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

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
	// "rossi " was created after "Rossi" and took its spelling.
	if want := []string{"bakery", "Rossi", "Zeta"}; !slices.Equal(clients, want) {
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
