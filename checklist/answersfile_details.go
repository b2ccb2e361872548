package checklist

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// AnswersDetails are the session details an answers file may give:
//
//	date: 2026-03-02                 # the audit date, YYYY-MM-DD
//	site: Via Roma 3
//	participants: [Ann, Luca Bianchi]  # or "Ann, Luca Bianchi"
//	session_notes: |
//	  The owner was away.
//
// "notes" is taken by the notes on questions, so the session's own are
// session_notes.
type AnswersDetails struct {
	Date         string
	Site         string
	Participants []string
	SessionNotes string
}

// Apply puts the details the file gives into s.
func (d AnswersDetails) Apply(s *Session) {
	if d.Date != "" {
		s.AuditDate = d.Date
	}
	if d.Site != "" {
		s.Site = d.Site
	}
	if len(d.Participants) > 0 {
		s.Participants = d.Participants
	}
	if d.SessionNotes != "" {
		s.Notes = d.SessionNotes
	}
}

const maxFileParticipants = 100

// detail reads one of the detail fields; it reports whether key is one.
func (ap *answersParser) detail(key string, n ast.Node) bool {
	d := &ap.f.Details
	switch key {
	case "date":
		s, pr := scalarText(n)
		s = strings.TrimSpace(s)
		if pr == nil && s != "" {
			if iso, err := ParseAuditDate(s); err != nil {
				pr = problem("answers.date_invalid", s+" is not a date written YYYY-MM-DD", "Value", s)
			} else {
				s = iso
			}
		}
		if pr != nil {
			ap.fail(nodePos(n), key, pr)
			return true
		}
		d.Date = s
	case "site", "session_notes":
		s, pr := scalarText(n)
		if pr == nil {
			if key == "site" {
				pr = textProblem(s, MaxNameBytes, false)
			} else {
				pr = textProblem(s, MaxNoteBytes, true)
			}
		}
		if pr != nil {
			ap.fail(nodePos(n), key, pr)
			return true
		}
		if key == "site" {
			d.Site = strings.TrimSpace(s)
		} else {
			d.SessionNotes = strings.TrimSpace(s)
		}
	case "participants":
		ap.participants(n)
	default:
		return false
	}
	return true
}

// participants reads a list of names, or one line of names with commas.
func (ap *answersParser) participants(n ast.Node) {
	var names []string
	switch sq := unwrap(n).(type) {
	case nil, *ast.NullNode:
		return
	case *ast.SequenceNode:
		for i, item := range sq.Values {
			s, pr := scalarText(item)
			if pr == nil {
				pr = textProblem(s, MaxNameBytes, false)
			}
			if pr != nil {
				ap.fail(nodePos(item), fmt.Sprintf("participants[%d]", i), pr)
				continue
			}
			if s = strings.TrimSpace(s); s != "" {
				names = append(names, s)
			}
		}
	default:
		s, pr := scalarText(n)
		if pr != nil {
			ap.fail(nodePos(n), "participants", problem("answers.participants_not_list", "expected a list of names"))
			return
		}
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				if pr := textProblem(p, MaxNameBytes, false); pr != nil {
					ap.fail(nodePos(n), "participants", pr)
					return
				}
				names = append(names, p)
			}
		}
	}
	if len(names) > maxFileParticipants {
		ap.fail(nodePos(n), "participants", problem("answers.too_many_participants",
			fmt.Sprintf("%d names, more than %d", len(names), maxFileParticipants), "Value", len(names), "Max", maxFileParticipants))
		return
	}
	ap.f.Details.Participants = names
}
