package e2e

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/sshterm"
	"github.com/servicecheck/servicecheck/store"
)

// server is a running `servicecheck serve`.
type server struct {
	cmd   *exec.Cmd
	addr  string
	codes []string
	host  gossh.PublicKey

	mu     sync.Mutex
	log    strings.Builder // stdout and stderr, as the consultant sees them
	exited chan struct{}
}

var (
	listenLine = regexp.MustCompile(`on (127\.0\.0\.1:\d+)$`)
	codeLine   = regexp.MustCompile(`^  ([0-9A-Z]{4}-[0-9A-Z]{4})$`)
)

// startServer runs servicecheck serve in s on 127.0.0.1 and a free port,
// with args added, and waits until it prints its address and the line
// saying how to stop it. It is killed when the test ends.
func startServer(t *testing.T, s *sandbox, args ...string) *server {
	t.Helper()
	hostKey := filepath.Join(s.dir, "host_ed25519")
	all := append([]string{"serve", "--listen", "127.0.0.1:0", "--host-key", hostKey}, args...)
	cmd := exec.Command(s.bin, all...)
	cmd.Env, cmd.Dir = s.environ(), s.dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	srv := &server{cmd: cmd, exited: make(chan struct{})}
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		srv.mu.Lock()
		defer srv.mu.Unlock()
		return srv.log.Write(p)
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = cmd.Wait(); close(srv.exited) }()
	t.Cleanup(func() {
		select {
		case <-srv.exited:
		default:
			_ = cmd.Process.Kill()
			<-srv.exited
		}
	})
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		once := sync.Once{}
		for sc.Scan() {
			line := sc.Text()
			srv.mu.Lock()
			srv.log.WriteString(line + "\n")
			if m := listenLine.FindStringSubmatch(line); m != nil {
				srv.addr = m[1]
			}
			if m := codeLine.FindStringSubmatch(line); m != nil {
				srv.codes = append(srv.codes, m[1])
			}
			srv.mu.Unlock()
			if strings.HasPrefix(line, "Ctrl+C stops the server") {
				once.Do(func() { close(ready) })
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case <-ready:
	case <-srv.exited:
		t.Fatalf("serve exited before it was ready:\n%s", srv.output())
	case <-time.After(wait):
		t.Fatalf("serve not ready after %v:\n%s", wait, srv.output())
	}
	data, err := os.ReadFile(hostKey)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(hostKey); fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", fi.Mode().Perm())
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		t.Fatal(err)
	}
	srv.host = signer.PublicKey()
	return srv
}

func (s *server) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// stop sends SIGINT (Ctrl+C) and waits for a clean exit.
func (s *server) stop(t *testing.T) {
	t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("serve did not stop after SIGINT:\n%s", s.output())
	}
	if code := s.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("serve exited with %d after SIGINT:\n%s", code, s.output())
	}
}

// config is a client configuration that checks the server's host key.
func (s *server) config(user string, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{User: user, Auth: auth, HostKeyCallback: gossh.FixedHostKey(s.host), Timeout: wait}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// newKey makes a client key pair.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

func writeAuthorizedKeys(t testing.TB, path string, keys ...gossh.Signer) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# respondents of the e2e test\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// answerAll answers every question of plan over SSH, checking the
// progress as it goes, and waits for the results.
func answerAll(t *testing.T, tm *sshterm.Term, plan answerPlan) {
	t.Helper()
	if err := tm.WaitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	const burst = 12
	for start := 0; start < len(plan.qs); start += burst {
		end := min(len(plan.qs), start+burst)
		var ks []string
		for i := start; i < end; i++ {
			ks = append(ks, plan.keysFor(i, i%5 == 2)...)
		}
		if err := tm.Send(ks...); err != nil {
			t.Fatal(err)
		}
		if end < len(plan.qs) {
			if err := tm.WaitFor(fmt.Sprintf("%d of %d answered", end, len(plan.qs)), wait); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tm.WaitFor("Results for Acme Ltd", wait); err != nil {
		t.Fatal(err)
	}
}

// TestServeWholeSession is a respondent answering a whole session over
// SSH with an authorized key, while the server's terminal shows their
// progress; the answers are in the data file after Ctrl+C stops the
// server. An unknown key is refused.
func TestServeWholeSession(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	ana, stranger := newKey(t), newKey(t)
	keys := filepath.Join(s.dir, "authorized_keys")
	writeAuthorizedKeys(t, keys, ana)
	srv := startServer(t, s, "--client", "Acme Ltd", "--authorized-keys", keys)

	if _, err := sshterm.Dial(srv.addr, srv.config("eve", gossh.PublicKeys(stranger)), 80, 24); err == nil {
		t.Fatal("a key not in the authorized keys was let in")
	}
	if _, err := sshterm.Dial(srv.addr, srv.config("eve", gossh.Password("letmein")), 80, 24); err == nil {
		t.Fatal("a password was let in where only keys are allowed")
	}

	tm, err := sshterm.Dial(srv.addr, srv.config("ana", gossh.PublicKeys(ana)), 80, 24)
	if err != nil {
		t.Fatalf("connect with an authorized key: %v\n%s", err, srv.output())
	}
	defer tm.Close()
	plan := planAnswers(1, func(i int) int { return 1 + i%5 })
	answerAll(t, tm, plan)
	if err := tm.Send("q"); err != nil {
		t.Fatal(err)
	}
	if err := tm.Wait(wait); err != nil {
		t.Fatal(err)
	}
	srv.stop(t)
	out := srv.output()
	for _, want := range []string{"ana connected with a key from 127.0.0.1:",
		fmt.Sprintf("ana: 12 of %d answered", len(plan.qs)), "ana completed session ", "stopped; the data file is closed"} {
		if !strings.Contains(out, want) {
			t.Errorf("the server's log lacks %q:\n%s", want, out)
		}
	}
	sess := onlySession(t, s.db)
	if sess.Client != "Acme Ltd" || sess.Assessor != "ana" || sess.Status != checklist.Completed {
		t.Errorf("stored %q by %q, %s", sess.Client, sess.Assessor, sess.Status)
	}
	checkAnswers(t, sess, plan, 0, len(plan.qs))
}

// TestServeJoinCodes lets respondents in with one-time join codes: a
// wrong code and a used one are refused, and each respondent is added to
// the team audit.
func TestServeJoinCodes(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	r := s.run("", "team", "new", "--client", "Acme Ltd")
	if r.code != 0 {
		t.Fatalf("team new: %d %s", r.code, r.stderr)
	}
	audit := strings.TrimSpace(r.stdout)
	srv := startServer(t, s, "--team", audit, "--codes", "2")
	if len(srv.codes) != 2 {
		t.Fatalf("codes %v:\n%s", srv.codes, srv.output())
	}
	interactive := func(code string) gossh.AuthMethod {
		return gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			ans := make([]string, len(qs))
			for i := range qs {
				ans[i] = code
			}
			return ans, nil
		})
	}
	if _, err := sshterm.Dial(srv.addr, srv.config("eve", gossh.Password("AAAA-AAAA")), 80, 24); err == nil {
		t.Fatal("a wrong join code was let in")
	}
	// The code as typed by hand: lower case, no dash.
	typed := strings.ToLower(strings.ReplaceAll(srv.codes[0], "-", ""))
	tm, err := sshterm.Dial(srv.addr, srv.config("ben", interactive(typed)), 80, 24)
	if err != nil {
		t.Fatalf("connect with a join code: %v\n%s", err, srv.output())
	}
	plan := planAnswers(2, func(i int) int { return 5 - i%3 })
	if err := tm.WaitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	if err := tm.Send(plan.keysFor(0, false)...); err != nil {
		t.Fatal(err)
	}
	if err := tm.WaitFor(fmt.Sprintf("1 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	tm.Close() // the connection drops; the answer given is kept
	if _, err := sshterm.Dial(srv.addr, srv.config("ben", gossh.Password(srv.codes[0])), 80, 24); err == nil {
		t.Fatal("a used join code was let in again")
	}
	tm2, err := sshterm.Dial(srv.addr, srv.config("cai", gossh.Password(srv.codes[1])), 80, 24)
	if err != nil {
		t.Fatalf("the second code: %v", err)
	}
	if err := tm2.WaitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait); err != nil {
		t.Fatal(err)
	}
	tm2.Close()
	// The server sees both go.
	deadline := time.Now().Add(wait)
	for strings.Count(srv.output(), " left (") < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	srv.stop(t)
	if !strings.Contains(srv.output(), "refused a wrong or used join code") {
		t.Errorf("refusals not logged:\n%s", srv.output())
	}
	st, err := store.Open(s.db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := st.Team(audit)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Respondents) != 2 || a.Respondents[0].Name != "ben" || a.Respondents[1].Name != "cai" {
		t.Fatalf("respondents %+v", a.Respondents)
	}
	ben, err := st.Get(a.Respondents[0].SessionID)
	if err != nil {
		t.Fatal(err)
	}
	if got := ben.Answers[plan.qs[0].ID].Value; got != plan.values[0] {
		t.Errorf("ben's first answer %q, want %q", got, plan.values[0])
	}
}

// TestServeRefusesWithoutAuth: no keys and no codes, no server.
func TestServeRefusesWithoutAuth(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	r := s.run("", "serve", "--client", "Acme Ltd")
	if r.code != 2 || !strings.Contains(r.stderr, "lets nobody in") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}
