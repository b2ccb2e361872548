package main

import (
	"strings"
	"testing"
)

// An Italian user (LANG=it_IT.UTF-8, no --lang) reads what is wrong with
// an import document and with a damaged data file in Italian, with the
// file, the line and the document's member names kept as they are.
func TestImportAndDoctorInItalian(t *testing.T) {
	c := newCLITest(t)
	c.env["LANG"] = "it_IT.UTF-8"

	for _, tc := range []struct {
		doc, want string
	}{
		{"", "servicecheck: importazione di DIR/a.json: il documento è vuoto\n"},
		{`{"format":"servicecheck-sessions","version":1,` + "\n" + `"version":1}`,
			"servicecheck: importazione di DIR/a.json:2: version: compare due volte nello stesso oggetto (le chiavi JSON devono essere uniche)\n"},
		{`{"format":"servicecheck-sessions","version":1,"sessions":[` + "\n\n" + `{"id":"s1","client":7}]}`,
			"servicecheck: importazione di DIR/a.json:3: client: serve una stringa, trovato un numero\n"},
		{`{"format":"servicecheck-sessions","version":1,"sessions":[` + "\n" +
			`{"id":"s1","client":"Bar","assessor":"Ada","status":"completed","created_at":"2025-03-01T10:00:00Z",` +
			`"updated_at":"2025-03-01T10:00:00Z","pack":{"id":"p","version":"1","lang":"it"},"answers":{"q1":{"value":"forse"}}}]}`,
			"servicecheck: importazione di DIR/a.json:2: sessione 1 (s1): answers.q1.value: \"forse\" non è una risposta (yes, partly, no, na o da 1 a 5)\n"},
		{`{"format":"servicecheck-sessions","version":1,"sessions":[],"colore":1}`,
			"servicecheck: importazione di DIR/a.json:1: campo sconosciuto \"colore\"\n"},
		{"{\n  \"format\": \"servicecheck-sessions\",\n  \"version\": [1,\n",
			"servicecheck: importazione di DIR/a.json:4: JSON non valido: unexpected end of JSON input\n"},
	} {
		got := c.fails(exitInvalid, "import", c.file("a.json", []byte(tc.doc)))
		if got = strings.ReplaceAll(got, c.dir, "DIR"); got != tc.want {
			t.Errorf("import %q:\n got %q\nwant %q", tc.doc, got, tc.want)
		}
	}

	// Two damaged sessions: doctor lists both in Italian and says so.
	threeSessions(c)
	ss := c.sessions()
	damageSession(t, c.db, ss[0].ID)
	damageSession(t, c.db, ss[1].ID)
	errOut := c.fails(exitDamaged, "doctor")
	out := c.last.out
	for _, want := range []string{
		"problemi:\n",
		"  - la sessione \"" + ss[1].ID + "\" non si legge: il checksum non corrisponde: i byte sono stati modificati sul disco\n",
		"  - la sessione \"" + ss[0].ID + "\" non si legge: il checksum non corrisponde",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor's list lacks %q:\n%s", want, out)
		}
	}
	if want := "ha dei problemi: la sessione \""; !strings.Contains(errOut, want) || !strings.Contains(errOut, "e un altro problema") {
		t.Errorf("doctor's error: %q, want %q … e un altro problema", errOut, want)
	}
}
