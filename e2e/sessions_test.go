package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// recordComplete records a completed session for client from an answers
// file, with a note on the first question, and returns its id.
func recordComplete(t *testing.T, s *sandbox, p answerPlan, client, note string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "client: %q\ndate: 2026-01-15\nanswers:\n", client)
	for i, q := range p.qs {
		fmt.Fprintf(&b, "  %s: %q\n", q.ID, p.values[i])
	}
	fmt.Fprintf(&b, "notes:\n  %s: %q\n", p.qs[0].ID, note)
	file := filepath.Join(s.dir, "done.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	r := s.run("", "answer", "--answers", file)
	if r.code != 0 {
		t.Fatalf("answer: exit %d\n%s", r.code, r.stderr)
	}
	return onlySession(t, s.db).ID
}

// A rerun shows last time's answer and note under the question; editing
// the completed session asks to reopen it first, and the change made then
// is in the session's edit log.
func TestRerunAndReopen(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	const client = "Rerun Co"
	p := planAnswers(0, func(i int) int { return 1 + i%5 }) // the first item: yes
	db := s.db
	id := recordComplete(t, s, p, client, "only at the main desk")

	tm := s.start(80, 24, "new", "--client", client, "--assessor", "Ana")
	tm.waitFor("Last time: Yes · only at the main desk", wait)
	tm.send("n") // the rerun's own answer
	tm.waitFor("Last time: ", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit %d\n%s", code, tm.dump())
	}

	tm = s.start(80, 24, "resume", id)
	tm.waitFor("Results for "+client, wait)
	tm.send("e")
	tm.waitFor("Reopen it to edit?", wait)
	tm.send("n")
	tm.waitGone("Reopen it to edit?", wait)
	tm.send("e")
	tm.waitFor("Reopen it to edit?", wait)
	tm.send("y")
	tm.waitFor("1 of", wait)
	tm.send("p") // Yes → Partly
	tm.waitFor("saved", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit %d\n%s", code, tm.dump())
	}
	var done *checklist.Session
	for _, x := range sessions(t, db) {
		if x.ID == id {
			done = x
		}
	}
	if done == nil {
		t.Fatalf("session %s is gone", id)
	}
	if done.Status != checklist.Completed || done.ReopenedAt.IsZero() {
		t.Errorf("status %s, reopened %v: want completed and reopened", done.Status, done.ReopenedAt)
	}
	if len(done.Edits) != 1 {
		t.Fatalf("edit log %+v, want one change", done.Edits)
	}
	if e := done.Edits[0]; e.QID != p.qs[0].ID || e.OldValue != checklist.Yes || e.Value != checklist.Partly || e.At.IsZero() {
		t.Errorf("edit %+v, want %s: yes → partly", e, p.qs[0].ID)
	}
	r := s.run("", "show", id, "--json")
	if !strings.Contains(r.stdout, `"edits": [`) || !strings.Contains(r.stdout, `"audit_date": "2026-01-15"`) {
		t.Errorf("show --json lacks the edit log or the audit date:\n%.600s", r.stdout)
	}
}
