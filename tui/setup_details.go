package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/huh/v2"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/store"
)

// lastSetupField is the key of the setup form's last field: enter there
// starts the session.
const lastSetupField = "notes"

// setupValues is what the setup form holds: who the session is for and
// its details. Date is YYYY-MM-DD; Participants are written with commas.
type setupValues struct {
	Client, Assessor  string
	Date, Site, Notes string
	Participants      string
}

// detailFields are the form's fields for the session's details: the
// audit date (today unless changed), site, participants and notes. They
// have no description, so that the form fits 24 rows.
func (s *setupState) detailFields(l *i18n.Locale, v setupValues) []huh.Field {
	date, site, parts, notes := v.Date, v.Site, v.Participants, v.Notes
	s.date, s.site, s.participants, s.notes = &date, &site, &parts, &notes
	return []huh.Field{
		huh.NewInput().Key("date").
			Title(l.T("session.setup.date")).
			Placeholder("YYYY-MM-DD").
			CharLimit(10).
			Validate(func(v string) error {
				if d, err := checklist.ParseAuditDate(v); err != nil || d == "" {
					return errors.New(l.T("session.setup.date_invalid"))
				}
				return nil
			}).
			Value(s.date),
		huh.NewInput().Key("site").
			Title(l.T("session.setup.site")).
			CharLimit(120).
			Value(s.site),
		huh.NewInput().Key("participants").
			Title(l.T("session.setup.participants")).
			Placeholder(l.T("session.setup.participants_placeholder")).
			CharLimit(1000).
			Value(s.participants),
		huh.NewInput().Key(lastSetupField).
			Title(l.T("session.setup.notes")).
			CharLimit(checklist.MaxNoteBytes).
			Value(s.notes),
	}
}

// AuditDay is the audit date a new session started from s gets: s.Date,
// or the day of now.
func (s Start) AuditDay(now time.Time) string {
	if s.Date != "" {
		return s.Date
	}
	return checklist.AuditDateOf(now)
}

// values reads the form.
func (s *setupState) values() setupValues {
	get := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	return setupValues{Client: get(s.client), Assessor: get(s.assessor), Date: get(s.date), Site: get(s.site),
		Participants: get(s.participants), Notes: get(s.notes)}
}

// apply puts the details into a new session.
func (v setupValues) apply(s *checklist.Session) {
	date, _ := checklist.ParseAuditDate(v.Date) // the form validated it
	s.AuditDate, s.Site, s.Notes = date, v.Site, v.Notes
	s.Participants = SplitNames(v.Participants)
}

// SplitNames reads a list of names written with commas (or semicolons),
// dropping empty ones.
func SplitNames(text string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// fillAssessor fills an empty assessor with the one of the client's last
// session, once the client is chosen.
func (s *setupState) fillAssessor() {
	if s.assessor == nil || strings.TrimSpace(*s.assessor) != "" {
		return
	}
	if a, ok := s.assessors[store.ClientKey(*s.client)]; ok {
		*s.assessor = a
		s.assessorInput.Value(s.assessor)
	}
}

// lastAssessors maps each client (by store.ClientKey) to the assessor of
// its newest session that names one.
func lastAssessors(list []store.Summary) map[string]string {
	out := map[string]string{}
	newest := map[string]store.Summary{}
	for _, x := range list {
		if x.Assessor == "" {
			continue
		}
		k := store.ClientKey(x.Client)
		if cur, ok := newest[k]; !ok || audit.Compare(x.Stamp(), cur.Stamp()) > 0 {
			newest[k] = x
			out[k] = x.Assessor
		}
	}
	return out
}
