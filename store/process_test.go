package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// The tests here run a copy of the test binary as a second process, chosen
// by the environment variable childEnv, so that locks and crashes are real.
const (
	childEnv   = "STORE_TEST_CHILD"
	childDB    = "STORE_TEST_DB"
	childID    = "STORE_TEST_ID"
	answersLen = 72
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "record":
		os.Exit(childRecord(os.Getenv(childDB), os.Getenv(childID)))
	case "hold":
		os.Exit(childHold(os.Getenv(childDB)))
	}
	os.Exit(m.Run())
}

// childRecord resumes the session at its cursor and records the remaining
// answers one by one, each through Do (open, record, close), printing
// "ok <qid>" once Record has returned.
func childRecord(path, id string) int {
	qs := questionIDs(answersLen)
	var start int
	err := Do(path, Options{}, func(s *Store) error {
		sess, err := s.Get(id)
		if err != nil {
			return err
		}
		if sess.Cursor == "" && len(sess.Answers) > 0 {
			start = len(qs) // finished
		} else if i := slices.Index(qs, sess.Cursor); i >= 0 {
			start = i
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	step := bufio.NewReader(os.Stdin)
	for i := start; i < len(qs); i++ {
		// Wait for the parent's go-ahead, so that it decides when the
		// kill comes: between answers or during one.
		if _, err := step.ReadByte(); err != nil {
			return 0
		}
		next := ""
		if i+1 < len(qs) {
			next = qs[i+1]
		}
		err := Do(path, Options{}, func(s *Store) error {
			return s.Record(id, qs[i], answerFor(i, qs[i]), next)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Printf("ok %s\n", qs[i])
	}
	return 0
}

// childHold opens the store, says so, and keeps it open until stdin closes.
func childHold(path string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("held")
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = s.Close()
	return 0
}

func child(t *testing.T, role, path, id string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, childDB+"="+path, childID+"="+id)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestKillNineLosesNothing kills a recording process with SIGKILL at random
// points, resumes after each kill, and checks that every answer the child
// confirmed is stored and the file passes bbolt's consistency check.
func TestKillNineLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "servicecheck.db")
	var id string
	err := Do(path, Options{}, func(s *Store) error {
		sess := newSession("Rossi")
		err := s.Create(sess)
		id = sess.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	confirmed := map[string]bool{}
	kills := 0
	done := false
	for round := 0; round < 40 && !done; round++ {
		cmd := child(t, "record", path, id)
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let the child record a random number of answers, then start one
		// more and kill the child after a random delay: before, during or
		// after that answer's commit.
		after := rng.IntN(12)
		sc := bufio.NewScanner(out)
		for n := 0; ; n++ {
			if _, err := in.Write([]byte{'g'}); err != nil {
				break // the child finished the session and left
			}
			if n == after {
				time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
				if cmd.Process.Signal(syscall.SIGKILL) == nil {
					kills++
				}
				break
			}
			if !sc.Scan() {
				break
			}
			qid, ok := strings.CutPrefix(sc.Text(), "ok ")
			if !ok {
				t.Fatalf("child said %q", sc.Text())
			}
			confirmed[qid] = true
		}
		// Whatever the child printed before it died was confirmed too.
		for sc.Scan() {
			if qid, ok := strings.CutPrefix(sc.Text(), "ok "); ok {
				confirmed[qid] = true
			}
		}
		_ = in.Close()
		_ = cmd.Wait()

		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: open after kill: %v", round, err)
		}
		sess, err := s.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		for qid := range confirmed {
			if !sess.Answered(qid) {
				t.Errorf("round %d: confirmed answer %s was lost", round, qid)
			}
		}
		// Each kill may have come between a commit and its "ok": at most
		// one unconfirmed answer per kill, never an answer not recorded.
		if extra := len(sess.Answers) - len(confirmed); extra < 0 || extra > kills {
			t.Errorf("round %d: %d answers stored, %d confirmed, %d kills", round, len(sess.Answers), len(confirmed), kills)
		}
		done = sess.Cursor == "" && len(sess.Answers) == answersLen
		err = s.db.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				return err
			}
			return nil
		})
		_ = s.Close()
		if err != nil {
			t.Fatalf("round %d: consistency check: %v", round, err)
		}
	}
	if kills < 3 {
		t.Errorf("only %d kills landed; the test did not exercise crashes", kills)
	}
	sess, err := getOnce(path, id)
	if err != nil {
		t.Fatal(err)
	}
	if !done || len(sess.Answers) != answersLen || sess.Cursor != "" {
		t.Errorf("after resuming to the end: %d answers, cursor %q", len(sess.Answers), sess.Cursor)
	}
	for i, q := range questionIDs(answersLen) {
		if sess.Answers[q].Value != answerFor(i, q).Value {
			t.Errorf("answer %s = %q, want %q", q, sess.Answers[q].Value, answerFor(i, q).Value)
		}
	}
	t.Logf("%d kills, %d answers confirmed", kills, len(confirmed))
}

func getOnce(path, id string) (*checklist.Session, error) {
	var sess *checklist.Session
	err := Do(path, Options{ReadOnly: true}, func(s *Store) error {
		var err error
		sess, err = s.Get(id)
		return err
	})
	return sess, err
}

// TestSecondProcessGetsInUse holds the file in a child process and checks
// that opening it here fails with ErrInUse promptly, for writing and for
// reading alike.
func TestSecondProcessGetsInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "servicecheck.db")
	cmd := child(t, "hold", path, "")
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stdin.Close(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "held\n" {
		t.Fatalf("child: %q, %v", line, err)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(path, Options{ReadOnly: ro})
		took := time.Since(start)
		if !errors.Is(err, ErrInUse) {
			t.Fatalf("read-only %v: got %v, want ErrInUse", ro, err)
		}
		if !strings.Contains(err.Error(), "in use by another servicecheck") || !strings.Contains(err.Error(), path) {
			t.Errorf("message %q should name the file and say it is in use", err)
		}
		if took >= 2*time.Second {
			t.Errorf("read-only %v: ErrInUse after %v, want under 2s", ro, took)
		}
	}
	_ = stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if err := Do(path, Options{}, func(*Store) error { return nil }); err != nil {
		t.Errorf("open after the other process quit: %v", err)
	}
}
