package store

import (
	"bytes"
	"strings"
	"testing"
)

// A document saved by an editor that starts files with a byte order mark
// imports like the same document without it.
func TestImportJSONByteOrderMark(t *testing.T) {
	doc := `{"format": "servicecheck-sessions", "version": 1, "sessions": [
{"id": "bom1", "client": "Rossi", "status": "in_progress",
 "created_at": "2025-07-01T09:00:00Z", "updated_at": "2025-07-01T09:00:00Z",
 "pack": {"id": "servicecheck", "version": "1.0.0", "lang": "en"}}]}`
	for _, prefix := range []string{"", "\ufeff"} {
		sessions, err := ImportJSON(bytes.NewReader([]byte(prefix + doc)))
		if err != nil {
			t.Fatalf("prefix %q: %v", prefix, err)
		}
		if len(sessions) != 1 || sessions[0].ID != "bom1" {
			t.Errorf("prefix %q: %d sessions", prefix, len(sessions))
		}
	}
	// Only a leading mark is skipped: one later in the text is an error.
	if _, err := ImportJSON(strings.NewReader(" \ufeff" + doc)); err == nil {
		t.Error("a byte order mark after a space was accepted")
	}
}
