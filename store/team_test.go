package store

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/team"
)

func TestTeamAudit(t *testing.T) {
	s, path := openTest(t)
	newSession := func(client, assessor string) string {
		t.Helper()
		sess := &checklist.Session{Client: client, Assessor: assessor, Pack: checklist.Ref{ID: "p", Version: "1", Lang: "en"},
			Answers: map[string]checklist.Answer{"a1": {Value: "4"}}}
		if err := s.Create(sess); err != nil {
			t.Fatal(err)
		}
		return sess.ID
	}
	first := newSession("Bakery Rossi", "Ana")
	a := &team.Audit{Client: " bakery rossi ", Lang: "it"}
	if err := s.CreateTeam(a); err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a.Client != "Bakery Rossi" {
		t.Fatalf("created %+v: want an id and the client as stored", a)
	}
	added, err := s.AddRespondent(a.ID[:8], team.Respondent{Role: team.Owner, SessionID: first})
	if err != nil || !added {
		t.Fatalf("add: %v, %v", added, err)
	}
	// The same session again changes nothing.
	if added, err := s.AddRespondent(a.ID, team.Respondent{Role: team.Owner, SessionID: first}); err != nil || added {
		t.Fatalf("add again: %v, %v", added, err)
	}
	second := newSession("Bakery Rossi", "")
	if _, err := s.AddRespondent(a.ID, team.Respondent{Name: "Ben", Role: team.Staff, SessionID: second}); err != nil {
		t.Fatal(err)
	}
	other := newSession("Garage Bianchi", "Cai")
	if _, err := s.AddRespondent(a.ID, team.Respondent{Role: team.Staff, SessionID: other}); !errors.Is(err, ErrConflict) {
		t.Errorf("a session of another client: %v, want ErrConflict", err)
	}
	if _, err := s.AddRespondent(a.ID, team.Respondent{Role: "boss", SessionID: second}); !errors.Is(err, ErrInvalid) {
		t.Errorf("role boss: %v, want ErrInvalid", err)
	}
	if _, err := s.AddRespondent(a.ID, team.Respondent{Name: "x\x1b[2J", Role: team.Staff, SessionID: second}); !errors.Is(err, ErrInvalid) {
		t.Errorf("control character in a name: %v, want ErrInvalid", err)
	}
	b := &team.Audit{Client: "Bakery Rossi"}
	if err := s.CreateTeam(b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRespondent(b.ID, team.Respondent{Role: team.Staff, SessionID: first}); !errors.Is(err, ErrConflict) {
		t.Errorf("a session of another audit: %v, want ErrConflict", err)
	}
	if _, err := s.Team("zzzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown audit: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Read back after reopening, read-only.
	err = Do(path, Options{ReadOnly: true}, func(s *Store) error {
		got, err := s.Team(a.ID)
		if err != nil {
			return err
		}
		want := []team.Respondent{{Name: "Ana", Role: team.Owner, SessionID: first}, {Name: "Ben", Role: team.Staff, SessionID: second}}
		if len(got.Respondents) != 2 || got.Respondents[0] != want[0] || got.Respondents[1] != want[1] || got.Lang != "it" {
			t.Errorf("stored %+v, want respondents %+v", got, want)
		}
		if id, err := s.TeamOf(second); err != nil || id != a.ID {
			t.Errorf("TeamOf = %q, %v", id, err)
		}
		ss, err := s.TeamSessions(got)
		if err != nil || len(ss) != 2 {
			t.Errorf("sessions %d, %v", len(ss), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Inspect(path, Options{}); err != nil {
		t.Errorf("a file with team audits fails its check: %v", err)
	}
}

func TestTeamWithoutBuckets(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.Team("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no team bucket: %v", err)
	}
	if id, err := s.TeamOf("x"); err != nil || id != "" {
		t.Errorf("TeamOf on a file without teams: %q, %v", id, err)
	}
}

func TestTeams(t *testing.T) {
	s, _ := openTest(t)
	if got, err := s.Teams(); err != nil || len(got) != 0 {
		t.Fatalf("no audits yet: %v, %v", got, err)
	}
	var ids []string
	for i, client := range []string{"Bakery Rossi", "Garage Bianchi", "Bakery Rossi"} {
		a := &team.Audit{Client: client, Lang: "en", CreatedAt: time.Date(2026, 3, 2+i, 9, 0, 0, 0, time.UTC)}
		if err := s.CreateTeam(a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	got, err := s.Teams()
	if err != nil {
		t.Fatal(err)
	}
	var gotIDs []string
	for _, a := range got {
		gotIDs = append(gotIDs, a.ID)
	}
	want := []string{ids[2], ids[1], ids[0]}
	if !slices.Equal(gotIDs, want) {
		t.Errorf("Teams() = %v, want newest first %v", gotIDs, want)
	}
	if got[1].Client != "Garage Bianchi" {
		t.Errorf("second audit's client = %q", got[1].Client)
	}
}

// TestSetSettled stores, replaces and removes the consultant's decisions,
// each in a transaction of its own, and refuses what no decision may hold.
func TestSetSettled(t *testing.T) {
	s, path := openTest(t)
	a := &team.Audit{Client: "Bakery Rossi", Lang: "en"}
	if err := s.CreateTeam(a); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		qid     string
		d       *team.Settled
		wantErr error
		want    map[string]team.Settled // the decisions after the step
	}{
		{"a decision", "c1", &team.Settled{Value: checklist.No}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No}}},
		{"a note replaces it", "c1", &team.Settled{Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}}},
		{"a note alone", "c2", &team.Settled{Note: "ask the owner"}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}, "c2": {Note: "ask the owner"}}},
		{"a rating", "s1", &team.Settled{Value: "4"}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}, "c2": {Note: "ask the owner"},
				"s1": {Value: "4"}}},
		{"nil removes", "c2", nil, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}, "s1": {Value: "4"}}},
		{"empty removes", "s1", &team.Settled{}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}}},
		{"removing what is not there", "zz", nil, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"}}},
		{"not an answer", "c1", &team.Settled{Value: "maybe"}, ErrInvalid, nil},
		{"a control character in the note", "c1", &team.Settled{Value: checklist.Yes, Note: "ok\x1b[2J"}, ErrInvalid, nil},
		{"a note too long", "c1", &team.Settled{Value: checklist.Yes, Note: strings.Repeat("x", MaxNote+1)}, ErrInvalid, nil},
		{"a note at the limit", "c3", &team.Settled{Value: checklist.Yes, Note: strings.Repeat("é", MaxNote/2)}, nil,
			map[string]team.Settled{"c1": {Value: checklist.No, Note: "Agreed in the meeting\nwith Ana"},
				"c3": {Value: checklist.Yes, Note: strings.Repeat("é", MaxNote/2)}}},
		{"no question", "", &team.Settled{Value: checklist.Yes}, ErrInvalid, nil},
		{"a control character in the question", "c\n1", &team.Settled{Value: checklist.Yes}, ErrInvalid, nil},
		{"a question id too long", strings.Repeat("q", 129), &team.Settled{Value: checklist.Yes}, ErrInvalid, nil},
		{"invalid UTF-8", "c1", &team.Settled{Value: checklist.Yes, Note: "\xff"}, ErrInvalid, nil},
	}
	want := map[string]team.Settled{}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := s.SetSettled(a.ID[:6], st.qid, st.d)
			if st.wantErr != nil {
				if !errors.Is(err, st.wantErr) {
					t.Fatalf("SetSettled = %v, want %v", err, st.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			} else {
				want = st.want
			}
			got, err := s.Team(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got.Settled, want) {
				t.Errorf("decisions = %v, want %v", got.Settled, want)
			}
		})
	}
	if err := s.SetSettled("zzzz", "c1", &team.Settled{Value: checklist.Yes}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown audit: %v, want ErrNotFound", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// The decisions are in the file, sealed and checked like any record.
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		got, err := s.Team(a.ID)
		if err == nil && !maps.Equal(got.Settled, want) {
			t.Errorf("after reopening: %v, want %v", got.Settled, want)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Inspect(path, Options{}); err != nil {
		t.Errorf("a file with decisions fails its check: %v", err)
	}
}

// TestSetSettledKeepsTheConsensus: storing the consensus leaves the
// decisions where they are, and a decision leaves the consensus's link.
func TestSetSettledKeepsTheConsensus(t *testing.T) {
	s, _ := openTest(t)
	a := &team.Audit{Client: "Bakery Rossi", Lang: "en"}
	if err := s.CreateTeam(a); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettled(a.ID, "c1", &team.Settled{Value: checklist.Partly}); err != nil {
		t.Fatal(err)
	}
	base := &checklist.Session{Assessor: "Maria", Pack: testPack}
	c, err := s.SaveConsensus(a.ID, base, map[string]checklist.Answer{"c1": {Value: checklist.Partly}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettled(a.ID, "c1", &team.Settled{Value: checklist.No}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Team(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Consensus != c.ID || got.Settled["c1"].Value != checklist.No {
		t.Errorf("audit %+v: want consensus %s and the decision No", got, c.ID)
	}
}
