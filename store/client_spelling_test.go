package store

import (
	"testing"
)

// A new session for a client already in the file takes the client's name
// as written before, whatever the case and surrounding spaces typed this
// time, so that history, lists and reports show one name per client.
func TestCreateKeepsTheClientsSpelling(t *testing.T) {
	s, _ := openTest(t)
	tests := []struct {
		typed, want string
	}{
		{"Acme Ltd", "Acme Ltd"},
		{" acme LTD ", "Acme Ltd"},
		{"ACME LTD", "Acme Ltd"},
		{"Acme  Ltd", "Acme  Ltd"}, // inner spaces make another client
		{"Beta Café", "Beta Café"},
		{"BETA CAFÉ", "Beta Café"},
		{"", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		sess := newSession(tt.typed)
		if err := s.Create(sess); err != nil {
			t.Fatalf("%q: %v", tt.typed, err)
		}
		if sess.Client != tt.want {
			t.Errorf("%q: session client %q, want %q", tt.typed, sess.Client, tt.want)
		}
		got, err := s.Get(sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Client != tt.want {
			t.Errorf("%q: stored client %q, want %q", tt.typed, got.Client, tt.want)
		}
	}
	clients, err := s.Clients()
	if err != nil {
		t.Fatal(err)
	}
	if len(clients) != 3 || clients[0] != "Acme  Ltd" || clients[1] != "Acme Ltd" || clients[2] != "Beta Café" {
		t.Errorf("clients %q", clients)
	}
	sums, err := s.List(Filter{Client: "acme ltd"})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		if sum.Client != "Acme Ltd" {
			t.Errorf("listed %q", sum.Client)
		}
	}
	if len(sums) != 3 {
		t.Errorf("%d sessions of Acme Ltd, want 3", len(sums))
	}
}

// Put writes a session as given: an import or an edit keeps its own
// spelling.
func TestPutKeepsTheGivenSpelling(t *testing.T) {
	s, _ := openTest(t)
	if err := s.Create(newSession("Acme Ltd")); err != nil {
		t.Fatal(err)
	}
	sess := newSession("ACME LTD")
	sess.ID = "put1"
	if err := s.Put(sess); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get("put1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Client != "ACME LTD" {
		t.Errorf("put stored %q", got.Client)
	}
}
