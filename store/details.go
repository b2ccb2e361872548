package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Session details (schema 7): the audit date, site, participants, session
// notes, when a completed session was reopened and the log of its edits
// after completion. A record that has any of them is written in record
// format 2: format 1 followed by one more string, the details as JSON
// (detailsRecord). A summary of a session with an audit date is written in
// summary format 3: format 2 followed by the audit date string. Records
// and summaries without details keep format 1, so a file upgraded to
// schema 7 needs no rewrite; the schema number only keeps an older
// servicecheck, which would find format 2 unreadable, from opening it.
const (
	detailsSchema       = 7
	recordFormatDetails = 2
	summaryFormatDated  = 3
	// MaxParticipants is the most participants a session may name.
	MaxParticipants = 100
	// MaxEdits is the most edits a session's log may hold.
	MaxEdits = 10_000
)

// detailsRecord is what record format 2 adds, as JSON.
type detailsRecord struct {
	AuditDate    string           `json:"audit_date,omitempty"`
	Site         string           `json:"site,omitempty"`
	Participants []string         `json:"participants,omitempty"`
	Notes        string           `json:"notes,omitempty"`
	ReopenedAt   time.Time        `json:"reopened_at,omitzero"`
	Edits        []checklist.Edit `json:"edits,omitempty"`
}

func hasDetails(s *checklist.Session) bool {
	return s.AuditDate != "" || s.Site != "" || len(s.Participants) > 0 || s.Notes != "" ||
		!s.ReopenedAt.IsZero() || len(s.Edits) > 0
}

func encodeDetails(s *checklist.Session) (string, error) {
	b, err := json.Marshal(detailsRecord{AuditDate: s.AuditDate, Site: s.Site, Participants: s.Participants,
		Notes: s.Notes, ReopenedAt: s.ReopenedAt, Edits: s.Edits})
	if err != nil {
		return "", fmt.Errorf("details: %w", err)
	}
	return string(b), nil
}

func decodeDetails(s *checklist.Session, text string) error {
	var d detailsRecord
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return fmt.Errorf("details: %w", err)
	}
	s.AuditDate, s.Site, s.Participants, s.Notes = d.AuditDate, d.Site, d.Participants, d.Notes
	s.ReopenedAt, s.Edits = d.ReopenedAt, d.Edits
	return nil
}

// checkDetails checks the details' texts and the audit date's form; it is
// part of checkContent, so records read from the file pass it too.
func checkDetails(s *checklist.Session) error {
	if s.AuditDate != "" {
		if _, err := checklist.ParseStoredDay(s.AuditDate); err != nil {
			v := fmt.Sprintf("%q", clip(s.AuditDate))
			return bad("field.not_audit_date", "audit_date", v+" is not a date written YYYY-MM-DD", "Value", v)
		}
	}
	if err := checkText("site", s.Site, maxName, false); err != nil {
		return err
	}
	if len(s.Participants) > MaxParticipants {
		return bad("field.too_many_participants", "participants", fmt.Sprintf("%d names, more than %d", len(s.Participants),
			MaxParticipants), "Value", len(s.Participants), "Max", MaxParticipants)
	}
	for i, p := range s.Participants {
		if err := checkText(fmt.Sprintf("participants[%d]", i), p, maxName, false); err != nil {
			return err
		}
	}
	if err := checkText("notes", s.Notes, MaxNote, true); err != nil {
		return err
	}
	if len(s.Edits) > MaxEdits {
		return bad("field.too_many_edits", "edits", fmt.Sprintf("%d edits, more than %d", len(s.Edits), MaxEdits),
			"Value", len(s.Edits), "Max", MaxEdits)
	}
	for i, e := range s.Edits {
		f := fmt.Sprintf("edits[%d]", i)
		if err := checkText(f+".question", e.QID, maxRef, false); err != nil {
			return err
		}
		for _, v := range []checklist.Value{e.OldValue, e.Value} {
			if _, ok := valueCode(v); !ok {
				q := fmt.Sprintf("%q", clip(string(v)))
				return bad("field.not_answer", f, q+" is not an answer (yes, partly, no, na or 1 to 5)", "Value", q)
			}
		}
		for _, n := range []string{e.OldNote, e.Note} {
			if err := checkText(f+".note", n, MaxNote, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// logEdit records in sess's edit log a change to question qid made at
// now, when the session is completed and the change changes something.
func logEdit(sess *checklist.Session, qid string, before, after checklist.Answer, now time.Time) error {
	if sess.Status != checklist.Completed || (before.Value == after.Value && before.Note == after.Note) {
		return nil
	}
	if len(sess.Edits) >= MaxEdits {
		return newError(ErrInvalid, fmt.Sprintf("session %s: more than %d edits after completion", sess.ID, MaxEdits), nil)
	}
	sess.Edits = append(sess.Edits, checklist.Edit{QID: qid, At: truncMS(now), OldValue: before.Value, Value: after.Value,
		OldNote: before.Note, Note: after.Note})
	return nil
}

// migrateDetails is the migration to schema 7: records and summaries of
// format 1 stay valid, so nothing is rewritten. Summaries written before
// issue 10's totals keep their old total until the session is next
// written (Store.Reindex rebuilds them all): a migration must not drop
// the totals of sessions whose pack it cannot find, which rebuilding
// would.
func migrateDetails(*bolt.Tx, *Store) error { return nil }
