package reliability

import (
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

// The crash test's plan for question n (1-based) of the built-in pack: the
// answer typed, and a note on every ninth question.
func plannedValue(q checklist.Question, n int) checklist.Value {
	if q.Kind == checklist.KindItem {
		return []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}[n%4]
	}
	if n%7 == 0 {
		return checklist.NA
	}
	return checklist.Rating(1 + n%5)
}

func plannedNote(n int) string {
	if n%9 != 0 {
		return ""
	}
	return fmt.Sprintf("note %d: phones ring out at lunch", n)
}

// confirmed is what the program said it saved, per session and question.
type confirmed map[string]map[string]checklist.Answer

// TestCrashSafetyKill9 runs a scripted audit through the real binary (the
// plain prompts of --accessible, through pipes) and kills it with SIGKILL
// at random points: most often just after it is sent an answer, so that
// the kill lands inside the save; sometimes at a random moment after
// start, in start-up or opening the file. After each kill the data file
// must pass the consistency check and hold every answer and note the
// program confirmed ("Saved: …", "Note saved."); the next round resumes
// the same session. 20 kills in go test; 500 with -soak.
func TestCrashSafetyKill9(t *testing.T) {
	kills := 20
	seed := *seedFlag
	if soak() {
		kills = 500
		if seed == 0 {
			seed = uint64(time.Now().UnixNano())
		}
	}
	if seed == 0 {
		seed = 20261124
	}
	rerun := fmt.Sprintf("go test ./reliability -run CrashSafety -seed %d", seed)
	if soak() {
		rerun += " -soak"
	}
	t.Logf("seed %d (rerun with: %s)", seed, rerun)
	rng := rand.New(rand.NewPCG(seed, 0xC0FFEE))
	pack := content.Default()
	qs := pack.Questions()
	w := newWorld(t)
	got := confirmed{}
	killsPer := map[string]int{}
	killed, client := 0, 1

	for round := 0; killed < kills; round++ {
		if round > 3*kills {
			t.Fatalf("only %d kills in %d rounds", killed, round)
		}
		args := []string{"resume", "--accessible"}
		if !hasUnfinished(t, w.db) {
			args = []string{"new", "--accessible", "--client", fmt.Sprintf("Client %d", client)}
			client++
		}
		plan := killPlan{afterSaves: 1 + rng.IntN(8), delay: time.Duration(rng.IntN(4000)) * time.Microsecond}
		if rng.IntN(4) == 0 {
			plan = killPlan{afterSaves: -1, delay: time.Duration(rng.IntN(40_000)) * time.Microsecond}
		}
		r := runAudit(t, w, args, qs, plan, got)
		if r.killed {
			killed++
			if r.session != "" {
				killsPer[r.session]++
			}
		}
		checkFile(t, w.db, fmt.Sprintf("round %d (%s)", round, plan))
		verify(t, w.db, qs, got, killsPer, fmt.Sprintf("round %d (%s)", round, plan))
	}

	// Resume to the end without a kill: the session completes with every
	// answer as planned, and `servicecheck doctor` agrees the file is sound.
	if hasUnfinished(t, w.db) {
		r := runAudit(t, w, []string{"resume", "--accessible"}, qs, killPlan{afterSaves: -1, delay: -1}, got)
		if !r.completed {
			t.Fatalf("the last resume did not complete the session:\n%s", clip(r.out))
		}
	}
	verify(t, w.db, qs, got, killsPer, "the end")
	sessions := 0
	err := store.Do(w.db, store.Options{ReadOnly: true}, func(s *store.Store) error {
		list, err := s.List(store.Filter{})
		for _, sum := range list {
			sess, err := s.Get(sum.ID)
			if err != nil {
				return err
			}
			if sess.Status != checklist.Completed || len(sess.Unanswered(pack)) != 0 {
				t.Errorf("session %s: status %s, %d unanswered", sess.ID, sess.Status, len(sess.Unanswered(pack)))
			}
			sessions++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if r := w.run("", "doctor"); r.code != 0 || !strings.Contains(r.stdout, "check: ok") {
		t.Errorf("doctor after the kills: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	n := 0
	for _, m := range got {
		n += len(m)
	}
	t.Logf("%d kills, %d sessions completed, %d answers confirmed", killed, sessions, n)
}

// killPlan says when a round ends: after afterSaves confirmed answers,
// the next answer is sent and the program killed delay later; afterSaves
// -1 kills delay after start instead, and delay -1 never kills.
type killPlan struct {
	afterSaves int
	delay      time.Duration
}

func (p killPlan) String() string {
	if p.afterSaves < 0 {
		return fmt.Sprintf("kill %v after start", p.delay)
	}
	return fmt.Sprintf("kill %v after answer %d", p.delay, p.afterSaves+1)
}

// auditResult is how one round of the audit ended.
type auditResult struct {
	killed, completed bool
	session           string
	out               string
}

var (
	questionLine = regexp.MustCompile(`^Question (\d+) of (\d+)\.`)
	sessionLine  = regexp.MustCompile(`^Session (\S+) for .*\.$`)
)

// runAudit runs one servicecheck with args, answering every prompt as
// planned, and records in got what the program confirmed.
func runAudit(t *testing.T, w *world, args []string, qs []checklist.Question, plan killPlan, got confirmed) auditResult {
	t.Helper()
	cmd := w.command(args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	chunks := make(chan string)
	go func() {
		defer close(chunks)
		buf := make([]byte, 4096)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				chunks <- string(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	var (
		res      auditResult
		all      strings.Builder
		pending  string
		current  int  // the question on show, 1-based
		prompted bool // the open prompt has been answered
		noted    = map[int]bool{}
		saves    int
		killAt   <-chan time.Time
		deadline = time.After(30 * time.Second)
	)
	kill := func() {
		if !res.killed {
			_ = cmd.Process.Signal(syscall.SIGKILL)
			res.killed = true
		}
	}
	if plan.afterSaves < 0 && plan.delay >= 0 {
		killAt = time.After(plan.delay)
	}
	send := func(s string) {
		if _, err := io.WriteString(stdin, s+"\n"); err != nil && !res.killed {
			t.Logf("write %q: %v", s, err)
		}
	}
	confirm := func(a checklist.Answer, noteOnly bool) {
		if res.session == "" || current == 0 {
			t.Fatalf("a confirmation before the session or question was shown:\n%s", clip(all.String()))
		}
		q := qs[current-1]
		m := got[res.session]
		if m == nil {
			m = map[string]checklist.Answer{}
			got[res.session] = m
		}
		old := m[q.ID]
		if noteOnly {
			old.Note = a.Note
		} else {
			old.Value = a.Value
		}
		m[q.ID] = old
	}
loop:
	for {
		select {
		case chunk, ok := <-chunks:
			if !ok {
				break loop
			}
			all.WriteString(chunk)
			pending += chunk
			for {
				i := strings.IndexByte(pending, '\n')
				if i < 0 {
					break
				}
				line := pending[:i]
				pending = pending[i+1:]
				switch {
				case questionLine.MatchString(line):
					m := questionLine.FindStringSubmatch(line)
					current, _ = strconv.Atoi(m[1])
					if total, _ := strconv.Atoi(m[2]); total != len(qs) {
						t.Fatalf("question %d of %d; the pack has %d", current, total, len(qs))
					}
				case sessionLine.MatchString(line):
					res.session = sessionLine.FindStringSubmatch(line)[1]
				case strings.HasPrefix(line, "Saved: "):
					confirm(checklist.Answer{Value: plannedValue(qs[current-1], current)}, false)
					saves++
				case line == "Note saved.":
					confirm(checklist.Answer{Note: plannedNote(current)}, true)
				case strings.HasPrefix(line, "Not saved"):
					t.Errorf("a save failed with no other process on the file: %s", line)
				case strings.HasPrefix(line, "saved. session ") && strings.HasSuffix(line, " is complete"):
					res.completed = true
				case strings.HasPrefix(line, "Answer (") || strings.HasPrefix(line, "Note ("):
					prompted = false // the echo of the answer ends the prompt's line
				}
			}
			if prompted || res.killed || current == 0 {
				continue
			}
			switch {
			case strings.HasPrefix(pending, "Set a plan now?"):
				send("n") // the plan is offered after the results: not now
				prompted = true
			case strings.HasPrefix(pending, "Note ("):
				send(plannedNote(current))
				prompted = true
			case strings.HasPrefix(pending, "Answer ("):
				if note := plannedNote(current); note != "" && !noted[current] {
					noted[current] = true
					send("n")
				} else {
					send(string(plannedValue(qs[current-1], current)))
				}
				prompted = true
				if plan.afterSaves >= 0 && saves >= plan.afterSaves && plan.delay >= 0 {
					time.Sleep(plan.delay)
					kill()
				}
			}
		case <-killAt:
			kill()
		case <-deadline:
			kill()
			t.Fatalf("servicecheck %v still running after 30s:\n%s", args, clip(all.String()))
		}
	}
	_ = stdin.Close()
	err = cmd.Wait()
	if !res.killed && err != nil {
		t.Fatalf("servicecheck %v: %v\n%s", args, err, clip(all.String()))
	}
	if strings.Contains(all.String(), "panic") || strings.Contains(all.String(), "goroutine ") {
		t.Fatalf("servicecheck %v crashed by itself:\n%s", args, clip(all.String()))
	}
	res.out = all.String()
	return res
}

// verify checks that every confirmed answer and note is stored, and that
// nothing unplanned is: each kill may have cut off at most one
// confirmation (a save that committed before its "Saved"), so a session
// holds at most as many answers beyond the confirmed ones as it had kills.
func verify(t *testing.T, path string, qs []checklist.Question, got confirmed, killsPer map[string]int, when string) {
	t.Helper()
	index := map[string]int{}
	for i, q := range qs {
		index[q.ID] = i + 1
	}
	err := store.Do(path, store.Options{ReadOnly: true}, func(s *store.Store) error {
		for id, answers := range got {
			sess, err := s.Get(id)
			if err != nil {
				return fmt.Errorf("session %s, which had confirmed answers: %w", id, err)
			}
			for qid, want := range answers {
				have := sess.Answers[qid]
				if want.Value != "" && have.Value != want.Value {
					t.Errorf("%s: session %s %s: stored %q, confirmed %q", when, id, qid, have.Value, want.Value)
				}
				if want.Note != "" && have.Note != want.Note {
					t.Errorf("%s: session %s %s: stored note %q, confirmed %q", when, id, qid, have.Note, want.Note)
				}
			}
			extra := 0
			for qid, a := range sess.Answers {
				n := index[qid]
				switch {
				case n == 0:
					t.Errorf("%s: session %s holds an answer to %s, which is not in the pack", when, id, qid)
				case a.Value != "" && a.Value != plannedValue(qs[n-1], n), a.Note != "" && a.Note != plannedNote(n):
					t.Errorf("%s: session %s %s holds %q (note %q), never sent", when, id, qid, a.Value, a.Note)
				case a.Value == "" && a.Note == "":
					t.Errorf("%s: session %s %s holds an empty answer", when, id, qid)
				}
				if a.Value != "" && answers[qid].Value == "" {
					extra++
				}
			}
			if extra > killsPer[id] {
				t.Errorf("%s: session %s holds %d unconfirmed answers after %d kills", when, id, extra, killsPer[id])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
}

// hasUnfinished reports whether the data file holds a session in progress.
func hasUnfinished(t *testing.T, path string) bool {
	t.Helper()
	var n int
	err := store.Do(path, store.Options{ReadOnly: true}, func(s *store.Store) error {
		list, err := s.List(store.Filter{Status: checklist.InProgress})
		n = len(list)
		return err
	})
	if err != nil && !strings.Contains(err.Error(), "no data file") {
		t.Fatal(err)
	}
	return n > 0
}
