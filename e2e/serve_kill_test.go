package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/internal/sshterm"
)

// TestServeKillLosesNoSavedAnswer answers with five respondents at once
// and kills the server (SIGKILL, no chance to clean up) while they are
// answering: every answer a respondent saw as "✓ saved" is in the data
// file.
func TestServeKillLosesNoSavedAnswer(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	const n = 5
	signers := make([]gossh.Signer, n)
	for i := range signers {
		signers[i] = newKey(t)
	}
	keys := filepath.Join(s.dir, "authorized_keys")
	writeAuthorizedKeys(t, keys, signers...)
	srv := startServer(t, s, "--client", "Acme Ltd", "--authorized-keys", keys)
	plan := planAnswers(3, func(i int) int { return 1 + i%5 })

	var mu sync.Mutex
	confirmed := make([]int, n) // answers each respondent saw saved
	var wg sync.WaitGroup
	kill := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tm, err := sshterm.Dial(srv.addr, srv.config(fmt.Sprintf("r%d", i), gossh.PublicKeys(signers[i])), 80, 24)
			if err != nil {
				t.Errorf("r%d: %v", i, err)
				return
			}
			defer tm.Close()
			if err := tm.WaitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait); err != nil {
				t.Errorf("r%d: %v", i, err)
				return
			}
			for j := range plan.qs[:len(plan.qs)-1] {
				select {
				case <-kill:
					return
				default:
				}
				if err := tm.Send(plan.keysFor(j, false)...); err != nil {
					return // the server is gone
				}
				want := fmt.Sprintf("%d of %d answered", j+1, len(plan.qs))
				err := tm.WaitUntil(want+" saved", wait, func(scr string) bool {
					return strings.Contains(scr, want) && strings.Contains(scr, "✓ saved") && !strings.Contains(scr, "saving…")
				})
				if err != nil {
					return // killed before the save was shown
				}
				mu.Lock()
				confirmed[i] = j + 1
				mu.Unlock()
			}
		}()
	}
	// Kill once every respondent has a few answers saved.
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		mu.Lock()
		least := confirmed[0]
		for _, c := range confirmed {
			least = min(least, c)
		}
		mu.Unlock()
		if least >= 5 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	_ = srv.cmd.Process.Kill()
	<-srv.exited
	close(kill)
	wg.Wait()

	mu.Lock()
	saw := append([]int(nil), confirmed...)
	mu.Unlock()
	stored := map[string]int{}
	for _, sess := range sessions(t, s.db) {
		got := 0
		for j := range plan.qs {
			if sess.Answers[plan.qs[j].ID].Value == plan.values[j] {
				got = j + 1
			} else {
				break
			}
		}
		stored[sess.Assessor] = got
	}
	for i, c := range saw {
		who := fmt.Sprintf("r%d", i)
		if c == 0 {
			t.Fatalf("%s saw nothing saved before the kill: the test proves nothing", who)
		}
		if stored[who] < c {
			t.Errorf("%s saw %d answers saved, the data file holds the first %d", who, c, stored[who])
		}
	}
	t.Logf("saved answers seen before SIGKILL: %v; stored: %v", saw, stored)
}

// TestServeCtrlCWithRespondentConnected stops the server with Ctrl+C
// (SIGINT) while a respondent is in the middle of a session and typing a
// note: the server ends their wizard, which saves the answers and the
// note typed so far, and exits cleanly.
func TestServeCtrlCWithRespondentConnected(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	ana := newKey(t)
	keys := filepath.Join(s.dir, "authorized_keys")
	writeAuthorizedKeys(t, keys, ana)
	srv := startServer(t, s, "--client", "Acme Ltd", "--authorized-keys", keys)
	tm, err := sshterm.Dial(srv.addr, srv.config("ana", gossh.PublicKeys(ana)), 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	defer tm.Close()
	plan := planAnswers(0, func(i int) int { return 3 })
	if err := tm.WaitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	for j := range 2 {
		if err := tm.Send(plan.keysFor(j, false)...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.WaitFor(fmt.Sprintf("2 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	if err := tm.Send("tab"); err != nil {
		t.Fatal(err)
	}
	if err := tm.WaitFor("enter saves it, esc cancels", wait); err != nil {
		t.Fatal(err)
	}
	if err := tm.Send("Half a thought"); err != nil {
		t.Fatal(err)
	}
	if err := tm.WaitFor("Half a thought", wait); err != nil {
		t.Fatal(err)
	}
	srv.stop(t)
	if err := tm.Wait(wait); err != nil {
		t.Errorf("the respondent's session did not end with the server: %v", err)
	}
	sess := onlySession(t, s.db)
	checkAnswers(t, sess, plan, 0, 2)
	if note := sess.Answers[plan.qs[2].ID].Note; note != "Half a thought" {
		t.Errorf("the note being typed was stored as %q", note)
	}
}
