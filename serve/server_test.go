package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/internal/sshterm"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/team"
)

// TestServerInProcess runs the server in this process (so that the race
// detector sees the server, the shared store and the events together):
// three respondents with join codes answer a few questions at once, then
// Shutdown ends their wizards and every answer is stored and linked to
// the team audit.
func TestServerInProcess(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "sc.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	au := &team.Audit{Client: "Acme Ltd", Lang: "en"}
	if err := st.CreateTeam(au); err != nil {
		t.Fatal(err)
	}
	codes, err := NewCodes(3)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var events []Event
	srv, err := New(Config{HostKey: filepath.Join(dir, "host"), Codes: codes, CodePrompt: "code: ", Store: st,
		Pack: content.Default(), Client: au.Client, Team: au, Full: "full",
		Events: func(e Event) { mu.Lock(); events = append(events, e); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	addr, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(addr.String(), "127.0.0.1:") {
		t.Fatalf("listening on %s, want loopback", addr)
	}
	qs := content.Default().Questions()
	var wg sync.WaitGroup
	for i, code := range codes.List() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg := &gossh.ClientConfig{User: fmt.Sprintf("r%d", i), Auth: []gossh.AuthMethod{gossh.Password(code)},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
			tm, err := sshterm.Dial(addr.String(), cfg, 80, 24)
			if err != nil {
				t.Error(err)
				return
			}
			defer tm.Close()
			for j := range 3 {
				_ = tm.Send("y")
				want := fmt.Sprintf("%d of %d answered", j+1, len(qs))
				if err := tm.WaitFor(want, 10*time.Second); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := st.Team(au.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Respondents) != 3 {
		t.Fatalf("respondents %+v", got.Respondents)
	}
	for _, r := range got.Respondents {
		s, err := st.Get(r.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs[:3] {
			if s.Answers[q.ID].Value != "yes" {
				t.Errorf("%s: %s stored %q", r.Name, q.ID, s.Answers[q.ID].Value)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	kinds := map[EventKind]int{}
	for _, e := range events {
		kinds[e.Kind]++
	}
	if kinds[Connected] != 3 || kinds[Progress] < 9 || kinds[Disconnected] != 3 {
		t.Errorf("events %v", kinds)
	}
}
