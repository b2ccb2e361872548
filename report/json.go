package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes the full JSON report of d: the `show --json` document
// with every statement and item, its answer and its note.
func WriteJSON(w io.Writer, d Document) error {
	return encode(w, d)
}

// WriteSummaryJSON writes the `show --json` document: d without the
// individual answers.
func WriteSummaryJSON(w io.Writer, d Document) error {
	return encode(w, d.Summary())
}

// WriteComparisonJSON writes the `compare --json` document.
func WriteComparisonJSON(w io.Writer, c Comparison) error {
	return encode(w, c)
}

// encode writes v as indented JSON. HTML characters are left as they are:
// the document is data for scripts, never embedded in a page unescaped.
func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
