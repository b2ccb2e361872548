package checklist

import (
	"strings"
	"testing"
)

// Names and notes the store would refuse are refused by the parser, with
// the line and column to fix, rather than failing later with a message
// that names a session that was never stored.
func TestParseAnswersTextLimits(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // "" when the file is valid
	}{
		{"bell in client", "client: \"Acme\\u0007\"\nanswers: {}\n",
			"t.yaml:1:9: client: holds the control character U+0007: remove it"},
		{"escape in assessor", "client: A\nassessor: \"\\e[31mred\"\nanswers: {}\n",
			"t.yaml:2:11: assessor: holds the control character U+001B: remove it"},
		{"newline in client", "client: \"two\\nlines\"\nanswers: {}\n",
			"t.yaml:1:9: client: holds the control character U+000A: remove it"},
		{"long client", "client: " + strings.Repeat("x", MaxNameBytes+1) + "\nanswers: {}\n",
			"t.yaml:1:9: client: 257 bytes long: at most 256"},
		{"longest client", "client: " + strings.Repeat("x", MaxNameBytes) + "\nanswers: {}\n", ""},
		{"escape in note", "client: A\nanswers: {}\nnotes:\n  culture.training: \"a\\u001bb\"\n",
			"t.yaml:4:21: notes.culture.training: holds the control character U+001B: remove it"},
		{"lines and tabs in note", "client: A\nanswers: {}\nnotes:\n  culture.training: \"a\\n\\tb\\r\\n\"\n", ""},
		{"long note", "client: A\nanswers: {}\nnotes:\n  culture.training: " + strings.Repeat("n", MaxNoteBytes+1) + "\n",
			"t.yaml:4:21: notes.culture.training: 65537 bytes long: at most 65536"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnswers("t.yaml", []byte(tt.data), answersPack())
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}
