package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/store"
)

const storeCmdSession = `{"id": "0qc000000001", "client": "Rossi", "status": "in_progress",
 "created_at": "2025-07-01T09:00:00Z", "updated_at": "2025-07-01T09:00:00Z",
 "pack": {"id": "servicecheck", "version": "1.0.0", "lang": "en"}}`

// TestStoreCommandsExitCodes checks the exit codes that scripts rely on for
// doctor and import.
func TestStoreCommandsExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.json", storeCmdSession)
	conflict := write("conflict.json", strings.Replace(storeCmdSession, `"Rossi"`, `"Bianchi"`, 1))
	invalid := write("invalid.json", `{"id": 5}`)
	damaged := write("damaged.db", "not a database")
	db := filepath.Join(dir, "data", "servicecheck.db")

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"doctor, no file", []string{"--db", db, "doctor"}, exitNotFound, "no data file at"},
		{"import", []string{"--db", db, "import", good}, exitOK, ""},
		{"doctor", []string{"--db", db, "doctor"}, exitOK, ""},
		{"import again", []string{"--db", db, "import", good}, exitOK, ""},
		{"import a conflict", []string{"--db", db, "import", conflict}, exitInvalid, "different content"},
		{"import invalid", []string{"--db", db, "import", invalid}, exitInvalid, "invalid.json:1: id: want a string"},
		{"import nothing", []string{"--db", db, "import"}, exitUsage, "import: missing argument"},
		{"doctor, damaged", []string{"--db", damaged, "doctor"}, exitDamaged, "not a servicecheck data file"},
		{"import into damaged", []string{"--db", damaged, "import", good}, exitDamaged, "left unchanged"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		a := newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if code := run(context.Background(), a, tt.args); code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.name, code, tt.code, errOut.String())
		}
		if !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("%s: stderr %q, want %q", tt.name, errOut.String(), tt.stderr)
		}
	}

	// While another servicecheck holds the file, doctor and import exit 4.
	held, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{{"--db", db, "doctor"}, {"--db", db, "import", good}} {
		var out, errOut bytes.Buffer
		a := newApp(strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if code := run(context.Background(), a, args); code != exitInUse ||
			!strings.Contains(errOut.String(), "in use by another servicecheck") {
			t.Errorf("%v while held: exit %d, stderr %q", args[2:], code, errOut.String())
		}
	}
}
