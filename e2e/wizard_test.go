package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// TestFullAuditFromHome walks a whole audit as a user would: the home
// menu, the new-session form, a note, every question of the checklist and
// the self-assessment, the results; then checks that the data file holds
// every answer and that the CLI reads the same result back.
func TestFullAuditFromHome(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(0, func(i int) int { return 1 + i%5 })
	tm := s.start(80, 24)

	tm.waitFor("1  Start a new session", wait)
	tm.waitFor("0 clients", wait)
	tm.send("1")
	tm.waitFor("Who is this audit for?", wait)
	tm.send("Bäckerei Ünal & Söhne", "enter")
	// Wait for the focus (the bar) to move to the next field: huh moves
	// it in a command of its own, after keys already typed (see
	// TestSetupFormTypeAhead).
	tm.waitFor("┃ Assessor", wait)
	tm.send("Ana", "enter")
	tm.waitFor(fmt.Sprintf("0 of %d answered", len(plan.qs)), wait)
	tm.waitForText(plan.qs[0].Text, wait)

	// A note on the first question, before its answer.
	tm.send("tab")
	tm.waitFor("enter saves it, esc cancels", wait)
	tm.send("Training is yearly — ask HR.", "enter")
	tm.waitFor("Note Training is yearly — ask HR.", wait)

	answerRange(t, tm, plan, 0, len(plan.qs))
	tm.waitFor("Results for Bäckerei Ünal & Söhne, assessed by Ana", wait)

	res := plan.result()
	tm.waitFor(fmt.Sprintf("Total  %s of 40", res.Total.Score), wait)
	tm.waitFor(fmt.Sprintf("%d findings · n and N go through them", len(res.Findings)), wait)

	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d after q on the results, want 0\n%s", code, tm.dump())
	}
	sess := onlySession(t, s.db)
	tm.waitOutput(fmt.Sprintf("saved. session %s is complete", sess.ID), wait)

	if sess.Client != "Bäckerei Ünal & Söhne" || sess.Assessor != "Ana" {
		t.Errorf("stored client %q, assessor %q", sess.Client, sess.Assessor)
	}
	if sess.Status != checklist.Completed || sess.CompletedAt.IsZero() {
		t.Errorf("stored status %q, completed at %v; want completed", sess.Status, sess.CompletedAt)
	}
	checkAnswers(t, sess, plan, 0, len(plan.qs))
	if note := sess.Answers[plan.qs[0].ID].Note; note != "Training is yearly — ask HR." {
		t.Errorf("stored note %q", note)
	}

	// Another process reads the same result through the CLI.
	r := s.run("", "show", "latest", "--json")
	if r.code != 0 {
		t.Fatalf("show latest --json: exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		ID     string           `json:"id"`
		Status checklist.Status `json:"status"`
		Total  struct {
			Score    scoring.Score `json:"score"`
			Complete bool          `json:"complete"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("show latest --json: %v\n%s", err, r.stdout)
	}
	if doc.ID != sess.ID || doc.Status != checklist.Completed || !doc.Total.Complete ||
		doc.Total.Score.String() != res.Total.Score.String() {
		t.Errorf("show latest --json: id %s status %s total %s complete %v; want %s completed %s complete",
			doc.ID, doc.Status, doc.Total.Score, doc.Total.Complete, sess.ID, res.Total.Score)
	}
}

// TestQuitHalfwayAndResume quits in the middle of the checklist, in each
// of the ways a user would, and resumes in each of the ways offered: the
// session continues at the question where it stopped, and the finished
// session holds the answers from both sittings.
func TestQuitHalfwayAndResume(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		quitKey string
		resume  func(t *testing.T, s *sandbox, id string) *term
	}{
		{"q then resume ID", "q", func(t *testing.T, s *sandbox, id string) *term {
			return s.start(80, 24, "resume", id)
		}},
		{"ctrl+c then resume", "ctrl+c", func(t *testing.T, s *sandbox, _ string) *term {
			return s.start(80, 24, "resume")
		}},
		{"q then home menu", "q", func(t *testing.T, s *sandbox, _ string) *term {
			tm := s.start(80, 24)
			tm.waitFor("1 unfinished session", wait)
			tm.send("2")
			tm.waitFor("Resume an unfinished session", wait)
			tm.waitFor("Tóth Kft", wait)
			tm.send("enter")
			return tm
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, servicecheckBin)
			plan := planAnswers(1, func(i int) int { return 5 - i%3 })
			const half = 17

			tm := s.start(80, 24, "new", "--client", "Tóth Kft")
			tm.waitForText(plan.qs[0].Text, wait)
			answerRange(t, tm, plan, 0, half)
			tm.waitForText(plan.qs[half].Text, wait)
			tm.send(tt.quitKey)
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d after %s, want 0\n%s", code, tt.quitKey, tm.dump())
			}
			id := resumeID(t, tm)

			sess := onlySession(t, s.db)
			if sess.ID != id || sess.Status != checklist.InProgress {
				t.Fatalf("stored session %s is %s; want %s in progress", sess.ID, sess.Status, id)
			}
			checkAnswers(t, sess, plan, 0, half)
			if sess.Cursor != plan.qs[half].ID {
				t.Errorf("stored cursor %q, want %q (the question on screen when quitting)", sess.Cursor, plan.qs[half].ID)
			}

			tm = tt.resume(t, s, id)
			tm.waitFor(fmt.Sprintf("%d of %d answered", half, len(plan.qs)), wait)
			tm.waitForText(plan.qs[half].Text, wait)
			answerRange(t, tm, plan, half, len(plan.qs))
			tm.waitFor("Results for Tóth Kft", wait)
			tm.send("q")
			if code := tm.waitExit(wait); code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
			}
			sess = onlySession(t, s.db)
			if sess.ID != id || sess.Status != checklist.Completed {
				t.Errorf("stored session %s is %s; want %s completed", sess.ID, sess.Status, id)
			}
			checkAnswers(t, sess, plan, 0, len(plan.qs))
		})
	}
}

// TestSecondSessionShowsDeltas completes two sessions for the same client
// and checks that the second one's results show the change since the first,
// in total and per area, as the scores stored in the file say.
func TestSecondSessionShowsDeltas(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	first := planAnswers(2, func(i int) int { return 1 + i%3 })  // mostly low
	second := planAnswers(0, func(i int) int { return 5 - i%2 }) // mostly high

	tm := s.start(100, 30, "new", "--client", "Rossi", "--assessor", "Ana")
	tm.waitForText(first.qs[0].Text, wait)
	answerRange(t, tm, first, 0, len(first.qs))
	tm.waitFor("Results for Rossi", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("first session: exit code %d\n%s", code, tm.dump())
	}

	// The client's name is matched whatever its case and spacing.
	tm = s.start(100, 30, "new", "--client", "  rossi ")
	tm.waitForText(second.qs[0].Text, wait)
	answerRange(t, tm, second, 0, len(second.qs))
	tm.waitFor("Results for", wait)
	tm.waitFor("since ", wait)

	cmp := scoring.Compare(first.result(), second.result())
	if cmp.Total.Delta.Value <= 0 {
		t.Fatalf("test plans should raise the total, got delta %s", cmp.Total.Delta)
	}
	tm.waitFor(fmt.Sprintf("%s  since", deltaText(cmp.Total.Delta)), wait)
	tm.waitFor(fmt.Sprintf("(%s → %s)", cmp.Total.A, cmp.Total.B), wait)
	for _, d := range cmp.Areas {
		tm.waitScreen(fmt.Sprintf("area %q with change %q", d.Title, deltaText(d.Delta)), wait, func(scr string) bool {
			return strings.Contains(lineWith(scr, d.Title), deltaText(d.Delta))
		})
	}
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("second session: exit code %d\n%s", code, tm.dump())
	}
	all := sessions(t, s.db)
	if len(all) != 2 {
		t.Fatalf("data file holds %d sessions, want 2", len(all))
	}
	for i, p := range []answerPlan{first, second} {
		if !strings.EqualFold(strings.TrimSpace(all[i].Client), "rossi") || all[i].Status != checklist.Completed {
			t.Errorf("session %d: client %q status %s; want Rossi completed", i+1, all[i].Client, all[i].Status)
		}
		checkAnswers(t, all[i], p, 0, len(p.qs))
	}
}

// deltaText is how a change reads on screen: the arrow carries the
// direction, the sign and one decimal the size.
func deltaText(d scoring.Score) string {
	switch v := d.Format(1); {
	case d.Value >= 0.05:
		return "↑ +" + v
	case d.Value <= -0.05:
		return "↓ −" + scoring.Of(-d.Value).Format(1)
	default:
		return "= " + scoring.Of(0).Format(1)
	}
}

// TestSetupFormTypeAhead types the new-session form faster than it
// redraws, as over a slow SSH link or from a paste: client, enter,
// assessor, enter arrive together. Every character must land in the field
// it was typed for.
func TestSetupFormTypeAhead(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	plan := planAnswers(0, func(int) int { return 3 })
	tm := s.start(80, 24)
	tm.waitFor("1  Start a new session", wait)
	tm.send("1")
	tm.waitFor("┃ Client", wait)
	tm.write("Acme\rAna\r")
	tm.waitForText(plan.qs[0].Text, wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", code, tm.dump())
	}
	sess := onlySession(t, s.db)
	if sess.Client != "Acme" || sess.Assessor != "Ana" {
		// huh moves the focus to the next field in a command of its
		// own; keys read before it runs must still reach the next field.
		t.Errorf("typed ahead \"Acme⏎Ana⏎\" into the new-session form, stored client %q assessor %q", sess.Client, sess.Assessor)
	}
}
