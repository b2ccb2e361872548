package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
)

// TestWizardInAlbanian runs the wizard with --lang sq in a terminal: the
// questions are the Albanian pack's, with their letters intact, the session
// records the pack's language, and resume continues in Albanian without
// the flag.
func TestWizardInAlbanian(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	sq, err := content.ForLang("sq")
	if err != nil {
		t.Fatal(err)
	}
	qs := sq.Questions()

	tm := s.start(80, 24, "new", "--lang", "sq", "--client", "Kafe Shkodra")
	tm.waitForText(qs[0].Text, wait) // A janë trajnuar të gjithë …
	tm.send("p")                     // po: the Albanian screens take Albanian keys
	tm.waitFor("1 nga 78 me përgjigje", wait)
	tm.waitForText(qs[1].Text, wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d after q, want 0\n%s", code, tm.dump())
	}
	sess := onlySession(t, s.db)
	if want := (checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: "sq"}); sess.Pack != want {
		t.Errorf("stored pack %+v, want %+v", sess.Pack, want)
	}
	if sess.Answers[qs[0].ID].Value != checklist.Yes || sess.Cursor != qs[1].ID {
		t.Errorf("stored answers %+v, cursor %q", sess.Answers, sess.Cursor)
	}

	tm = s.start(80, 24, "resume")
	tm.waitFor("1 nga 78 me përgjigje", wait)
	tm.waitForText(qs[1].Text, wait) // … në çdo nivel …
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("resume: exit code %d after q, want 0\n%s", code, tm.dump())
	}
}

// TestWizardWithOwnPack answers in the wizard with a pack of one's own,
// deletes the pack file, and resumes: the data file's copy of the pack
// shows the same questions.
func TestWizardWithOwnPack(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, servicecheckBin)
	en, err := content.YAML("en")
	if err != nil {
		t.Fatal(err)
	}
	first := content.Default().Questions()[0].Text
	second := content.Default().Questions()[1].Text
	y := bytes.Replace(en, []byte("version: 1.0.0"), []byte("version: 2.0.0"), 1)
	y = bytes.Replace(y, []byte(second), []byte("Does customer focus reach the night shift too?"), 1)
	file := filepath.Join(s.dir, "own.yaml")
	if err := os.WriteFile(file, y, 0o600); err != nil {
		t.Fatal(err)
	}

	tm := s.start(80, 24, "new", "--pack", file, "--client", "Hotel Drini")
	tm.waitForText(first, wait)
	tm.send("p")
	tm.waitForText("Does customer focus reach the night shift too?", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("exit code %d after q, want 0\n%s", code, tm.dump())
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if v := onlySession(t, s.db).Pack.Version; v != "2.0.0" {
		t.Errorf("stored pack version %q, want 2.0.0", v)
	}

	tm = s.start(80, 24, "resume")
	tm.waitForText("Does customer focus reach the night shift too?", wait)
	tm.send("q")
	if code := tm.waitExit(wait); code != 0 {
		t.Fatalf("resume: exit code %d after q, want 0\n%s", code, tm.dump())
	}
}
