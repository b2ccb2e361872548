package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// damageSession flips one byte inside the stored record of session id.
func damageSession(t *testing.T, db, id string) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	_ = bdb.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket([]byte("sessions")).Get([]byte(id)))
		return nil
	})
	bdb.Close()
	raw, _ := os.ReadFile(db)
	at := bytes.Index(raw, v)
	if v == nil || at < 0 {
		t.Fatalf("record of %s not found", id)
	}
	// Every copy: a free page may hold the same bytes.
	for i := at; i >= 0; {
		raw[i+len(v)/2] ^= 0x20
		j := bytes.Index(raw[i+len(v):], v)
		if j < 0 {
			break
		}
		i += len(v) + j
	}
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// threeSessions records three sessions and returns their ids, newest first.
func threeSessions(c *cliTest) []string {
	for _, who := range []string{"Rossi", "Bianchi", "Rossi"} {
		c.ok("answer", "--answers", c.file(who+".yaml", answersFile(who, flat("3"), nil)))
	}
	var out []string
	for _, s := range c.sessions() {
		out = append(out, s.ID)
	}
	return out
}

// An export that cannot read every session writes what it read, names
// what it skipped and exits 5; it never replaces an existing file (an
// older, complete backup) with the incomplete one. Before, it exited 0
// with 5 of 7 sessions.
func TestExportSaysWhatItSkipped(t *testing.T) {
	c := newCLITest(t)
	ids := threeSessions(c)
	damageSession(t, c.db, ids[1])
	out := c.run("", "export", "--format", "json")
	if c.last.code != exitDamaged {
		t.Fatalf("exit %d, want %d; stderr %s", c.last.code, exitDamaged, c.last.errOut)
	}
	if !strings.Contains(out, ids[0]) || !strings.Contains(out, ids[2]) || strings.Contains(out, ids[1]) {
		t.Errorf("the export does not hold exactly the readable sessions:\n%.400s", out)
	}
	for _, want := range []string{"1 session could not be read:", ids[1] + " Bianchi", "checksum does not match",
		"1 session is not in the export", "doctor --salvage -o FILE"} {
		if !strings.Contains(c.last.errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, c.last.errOut)
		}
	}
	backup := c.file("backup.json", []byte("an older, complete backup\n"))
	c.fails(exitDamaged, "export", "--format", "json", "-o", backup)
	if b, _ := os.ReadFile(backup); string(b) != "an older, complete backup\n" {
		t.Errorf("the incomplete export replaced %s", backup)
	}
	if !strings.Contains(c.last.errOut, "was left as it was") {
		t.Errorf("stderr %s", c.last.errOut)
	}
	fresh := filepath.Join(c.dir, "fresh.json")
	c.fails(exitDamaged, "export", "--format", "json", "-o", fresh)
	if b, err := os.ReadFile(fresh); err != nil || !bytes.Contains(b, []byte(ids[0])) {
		t.Errorf("a new file gets what could be read: %v", err)
	}
}

// doctor --salvage -o FILE writes every readable session into a new data
// file, which is sound and lists them, names what was lost, and never
// writes over an existing file or the data file.
func TestDoctorSalvage(t *testing.T) {
	c := newCLITest(t)
	ids := threeSessions(c)
	rescued := filepath.Join(c.dir, "rescued.db")
	out := c.ok("doctor", "--salvage", "-o", rescued)
	if !strings.Contains(out, "salvaged 3 sessions into "+rescued) || !strings.Contains(out, "nothing was lost") {
		t.Errorf("stdout %s", out)
	}
	os.Remove(rescued)
	damageSession(t, c.db, ids[2])
	before, _ := os.ReadFile(c.db)
	c.fails(exitDamaged, "doctor", "--salvage", "-o", rescued)
	if !strings.Contains(c.last.out, "salvaged 2 sessions") || !strings.Contains(c.last.out, ids[2]+" Rossi") ||
		!strings.Contains(c.last.errOut, "1 session could not be salvaged") {
		t.Errorf("stdout %s\nstderr %s", c.last.out, c.last.errOut)
	}
	if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
		t.Error("salvage changed the damaged file")
	}
	damaged := c.db
	c.db = rescued
	if out := c.ok("doctor"); !strings.Contains(out, "sessions: 2") {
		t.Errorf("the salvaged file: %s", out)
	}
	c.db = damaged
	c.fails(exitError, "doctor", "--salvage", "-o", rescued)
	if !strings.Contains(c.last.errOut, "already exists") {
		t.Errorf("over an existing file: %s", c.last.errOut)
	}
	c.fails(exitUsage, "doctor", "--salvage", "-o", c.db)
	c.fails(exitUsage, "doctor", "--salvage")
}

// doctor flags a data file that every user may write to.
func TestDoctorFlagsWorldWritableFile(t *testing.T) {
	c := newCLITest(t)
	threeSessions(c)
	if err := os.Chmod(c.db, 0o666); err != nil {
		t.Fatal(err)
	}
	c.fails(exitError, "doctor")
	if !strings.Contains(c.last.errOut, "can be written by every user") || !strings.Contains(c.last.errOut, "chmod 600") {
		t.Errorf("stderr %s", c.last.errOut)
	}
	os.Chmod(c.db, 0o600)
	c.ok("doctor")
}

// delete --client erases: the client's name and notes are no longer in
// the data file's bytes, which stays 0600.
func TestDeleteClientErases(t *testing.T) {
	c := newCLITest(t)
	c.ok("answer", "--answers", c.file("z.yaml", answersFile("Zanzibar Widgets", flat("2"),
		map[string]string{"responsiveness.third-ring": "the owner shouts at callers"})))
	c.ok("answer", "--answers", c.file("k.yaml", answersFile("Keep Ltd", flat("4"), nil)))
	c.ok("delete", "--client", "Zanzibar Widgets", "--yes")
	raw, _ := os.ReadFile(c.db)
	for _, gone := range []string{"Zanzibar", "zanzibar", "shouts at callers"} {
		if bytes.Contains(raw, []byte(gone)) {
			t.Errorf("%q is still in the data file's bytes", gone)
		}
	}
	if fi, _ := os.Stat(c.db); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if out := c.ok("list"); !strings.Contains(out, "Keep Ltd") {
		t.Errorf("list: %s", out)
	}
}

// importDoc is an interchange document of one session of the built-in
// pack with the given answers (JSON object members).
func importDoc(answers string) []byte {
	return []byte(`{"format": "servicecheck-sessions", "version": 1, "sessions": [
{"id": "0qimport0001", "client": "Rossi", "status": "in_progress",
 "created_at": "2025-07-01T09:00:00Z", "updated_at": "2025-07-01T09:00:00Z",
 "pack": {"id": "servicecheck", "version": "1.0.0", "lang": "en"},
 "answers": {` + answers + `}}]}
`)
}

// Import refuses answers that do not fit the session's pack, each named
// with the file, line and field; a flood of them is capped and counted.
func TestImportRefusesAnswersThatDoNotFit(t *testing.T) {
	c := newCLITest(t)
	var many strings.Builder
	for i := range 10_000 {
		if i > 0 {
			many.WriteString(",")
		}
		fmt.Fprintf(&many, `"nope.%d": {"value": "yes"}`, i)
	}
	tests := []struct{ name, answers, want string }{
		{"yes on a rating", `"responsiveness.third-ring": {"value": "yes"}`,
			`bad.json:2: session 1 (0qimport0001): 1 answer does not fit content pack servicecheck 1.0.0 (en): answers.responsiveness.third-ring.value: "yes" is not a rating of a statement (1 to 5 or na)`},
		{"5 on an item", `"culture.every-level": {"value": "5"}`,
			`answers.culture.every-level.value: "5" is not an answer to a checklist item (yes, partly, no or na)`},
		{"unknown id", `"responsiveness.p$omises": {"value": "4"}`,
			`answers.responsiveness.p$omises: the pack has no question with this id`},
		{"10,000 unknown ids", many.String(), `10000 answers do not fit content pack`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.fails(exitInvalid, "import", c.file("bad.json", importDoc(tt.answers)))
			if !strings.Contains(c.last.errOut, tt.want) {
				t.Errorf("stderr %.600s\nwant %s", c.last.errOut, tt.want)
			}
			if n := strings.Count(c.last.errOut, "\n"); n > 3 || len(c.last.errOut) > 2000 {
				t.Errorf("%d lines, %d bytes of errors", n, len(c.last.errOut))
			}
		})
	}
	if !strings.Contains(c.last.errOut, "and 9995 more") {
		t.Errorf("the capped list does not count the rest: %.600s", c.last.errOut)
	}
	if len(c.sessions()) != 0 {
		t.Error("a refused import stored something")
	}
}

// A duplicate JSON key is refused with the file, line and path, and an
// import that brings nothing new leaves the data file's bytes as they were.
func TestImportDuplicateKeyAndNoOp(t *testing.T) {
	c := newCLITest(t)
	dup := importDoc(`"culture.every-level": {"value": "yes"}, "culture.every-level": {"value": "no"}`)
	c.fails(exitInvalid, "import", c.file("dup.json", dup))
	if want := "dup.json:5: sessions[0].answers.culture.every-level: appears twice in one object"; !strings.Contains(c.last.errOut, want) {
		t.Errorf("stderr %s\nwant %s", c.last.errOut, want)
	}
	good := c.file("good.json", importDoc(`"culture.every-level": {"value": "yes"}`))
	c.ok("import", good)
	before, _ := os.ReadFile(c.db)
	if out := c.ok("import", good, good); !strings.Contains(out, "imported 0 sessions, skipped 2 already present") {
		t.Errorf("stdout %s", out)
	}
	if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
		t.Error("a no-op import changed the data file's bytes")
	}
}
