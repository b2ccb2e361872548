package checklist

import (
	"slices"
	"strings"
	"testing"
)

func TestParseAnswersDetails(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		want       AnswersDetails
		err        string
	}{
		{"all", "client: Acme\ndate: 2026-03-02\nsite: Via Roma 3\nparticipants: [Ann, Luca Bianchi]\nsession_notes: owner away\nanswers: {}\n",
			AnswersDetails{Date: "2026-03-02", Site: "Via Roma 3", Participants: []string{"Ann", "Luca Bianchi"}, SessionNotes: "owner away"}, ""},
		{"participants as one line", "client: Acme\nparticipants: \"Ann, Bo,\"\nanswers: {}\n",
			AnswersDetails{Participants: []string{"Ann", "Bo"}}, ""},
		{"none", "client: Acme\nanswers: {}\n", AnswersDetails{}, ""},
		{"bad date", "client: Acme\ndate: 2026-02-30\nanswers: {}\n", AnswersDetails{}, "f:2:7: date: 2026-02-30 is not a date written YYYY-MM-DD"},
		{"participant with a control character", "client: Acme\nparticipants: [\"a\\u001bb\"]\nanswers: {}\n", AnswersDetails{}, "participants[0]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseAnswers("f", []byte(tt.data), answersPack())
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d := f.Details
			if d.Date != tt.want.Date || d.Site != tt.want.Site || !slices.Equal(d.Participants, tt.want.Participants) ||
				d.SessionNotes != tt.want.SessionNotes {
				t.Errorf("details = %+v, want %+v", d, tt.want)
			}
			var s Session
			d.Apply(&s)
			if s.AuditDate != tt.want.Date || s.Site != tt.want.Site || s.Notes != tt.want.SessionNotes {
				t.Errorf("applied: %+v", s)
			}
		})
	}
}
