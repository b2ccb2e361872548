package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/servicecheck/servicecheck/checklist"
)

// encodeRecord encodes a validated session (see validateSession).
func encodeRecord(s *checklist.Session) ([]byte, error) {
	st, ok := statusCode(s.Status)
	if !ok {
		return nil, fmt.Errorf("unknown status %q", s.Status)
	}
	e := encoder{b: make([]byte, 0, 64+24*len(s.Answers))}
	created := s.CreatedAt.UnixMilli()
	details := hasDetails(s)
	if details {
		e.byte(recordFormatDetails)
	} else {
		e.byte(recordFormat)
	}
	e.str(s.Client)
	e.str(s.Assessor)
	e.byte(st)
	e.varint(created)
	e.since(s.UpdatedAt.UnixMilli(), created)
	if s.CompletedAt.IsZero() {
		e.byte(0)
	} else {
		e.byte(1)
		e.since(s.CompletedAt.UnixMilli(), created)
	}
	e.str(s.Pack.ID)
	e.str(s.Pack.Version)
	e.str(s.Pack.Lang)
	e.str(s.Cursor)
	ids := make([]string, 0, len(s.Answers))
	for id := range s.Answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	e.uvarint(uint64(len(ids)))
	for _, id := range ids {
		a := s.Answers[id]
		vc, ok := valueCode(a.Value)
		if !ok {
			return nil, fmt.Errorf("answer %q: unknown value %q", id, a.Value)
		}
		var flags byte
		if !a.At.IsZero() {
			flags |= 1
		}
		if a.Note != "" {
			flags |= 2
		}
		e.str(id)
		e.byte(vc)
		e.byte(flags)
		if flags&1 != 0 {
			e.since(a.At.UnixMilli(), created)
		}
		if flags&2 != 0 {
			e.str(a.Note)
		}
	}
	if isZeroPlan(s.Plan) {
		e.str("")
	} else {
		p, err := json.Marshal(s.Plan)
		if err != nil {
			return nil, codedError(nil, "store.record_plan", "its plan does not read: "+jsonMsg(err), err, "Detail", jsonMsg(err))
		}
		e.str(string(p))
	}
	if details {
		text, err := encodeDetails(s)
		if err != nil {
			return nil, err
		}
		e.str(text)
	}
	return e.b, nil
}

func isZeroPlan(p checklist.Plan) bool { return p.IsZero() }

// decodeRecord decodes the record stored under id (without its checksum)
// and checks its content as checkContent does. It never panics: any
// malformed input returns errCorrupt, the plan's JSON error or the
// content's problem.
func decodeRecord(id string, b []byte) (*checklist.Session, error) {
	d := decoder{b: b}
	f := d.byte()
	if d.err == nil && f != recordFormat && f != recordFormatDetails {
		return nil, problem("store.record_format", fmt.Sprintf("record format %d is not known to this servicecheck", f), "Format", int(f))
	}
	s := &checklist.Session{ID: id}
	s.Client = d.str()
	s.Assessor = d.str()
	st := d.byte()
	if int(st) >= len(statusCodes) {
		d.fail()
	} else {
		s.Status = statusCodes[st]
	}
	created := d.varint()
	s.CreatedAt = msTime(created)
	s.UpdatedAt = msTime(created + d.varint())
	if flags := d.byte(); flags&1 != 0 {
		s.CompletedAt = msTime(created + d.varint())
	}
	s.Pack.ID = d.str()
	s.Pack.Version = d.str()
	s.Pack.Lang = d.str()
	s.Cursor = d.str()
	n := d.uvarint()
	// Each answer takes at least 3 bytes: a length byte, a value, flags.
	if n > uint64(len(d.b))/3 {
		d.fail()
		n = 0
	}
	s.Answers = make(map[string]checklist.Answer, n)
	for range n {
		qid := d.str()
		vc := d.byte()
		flags := d.byte()
		var a checklist.Answer
		if int(vc) >= len(valueCodes) {
			d.fail()
		} else {
			a.Value = valueCodes[vc]
		}
		if flags&1 != 0 {
			a.At = msTime(created + d.varint())
		}
		if flags&2 != 0 {
			a.Note = d.str()
		}
		if d.err != nil {
			break
		}
		s.Answers[qid] = a
	}
	plan := d.str()
	var details string
	if f == recordFormatDetails {
		details = d.str()
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errCorrupt
	}
	if plan != "" {
		if err := json.Unmarshal([]byte(plan), &s.Plan); err != nil {
			return nil, codedError(nil, "store.record_plan", "its plan does not read: "+jsonMsg(err), err, "Detail", jsonMsg(err))
		}
		// A plan stored before schema 6 reads in today's form (free-text
		// due and review outcomes moved); migrate_actions.go writes it so.
		checklist.UpgradePlan(&s.Plan)
	}
	if details != "" {
		if err := decodeDetails(s, details); err != nil {
			return nil, err
		}
	}
	if !ValidID(id) {
		k := fmt.Sprintf("%q", clip(id))
		return nil, problem("store.record_key", "its key "+k+" is not a session id", "Key", k)
	}
	if err := checkContent(s); err != nil {
		return nil, err
	}
	return s, nil
}

// openRecord checks the checksum of the record v stored under id and
// decodes it.
func (s *Store) openRecord(id string, v []byte) (*checklist.Session, error) {
	p, err := s.unsealV(bucketSessions, []byte(id), v)
	if err != nil {
		return nil, err
	}
	return decodeRecord(id, p)
}
