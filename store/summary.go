package store

import (
	"fmt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// summaryOf builds the index entry of s.
func summaryOf(s *checklist.Session, summarize func(*checklist.Session, PackSource) scoring.Total, packs PackSource) Summary {
	sum := Summary{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, CompletedAt: s.CompletedAt, Pack: s.Pack,
		AuditDate: s.AuditDate}
	for _, a := range s.Answers {
		if a.Value != "" {
			sum.Answered++
		}
	}
	if summarize != nil {
		sum.Total = summarize(s, packs)
	}
	return sum
}

// encodeSummary writes a summary index entry:
//
//	format byte (1), id, client, assessor string, status byte,
//	created varint, updated varint (after created),
//	flags byte (bit 0 completed, bit 1 score valid, bit 2 percent valid,
//	bit 3 complete) [completed varint (after created)],
//	pack id, version, lang string, answered uvarint,
//	[score float64] min, max float64 [percent float64] band string,
//	scored, areas uvarint
func encodeSummary(s *Summary) []byte {
	e := encoder{b: make([]byte, 0, 96+len(s.Client)+len(s.Assessor))}
	st, _ := statusCode(s.Status)
	created := s.CreatedAt.UnixMilli()
	var flags byte
	if !s.CompletedAt.IsZero() {
		flags |= 1
	}
	if s.Total.Score.Valid {
		flags |= 2
	}
	if s.Total.Percent.Valid {
		flags |= 4
	}
	if s.Total.Complete {
		flags |= 8
	}
	if s.AuditDate != "" {
		e.byte(summaryFormatDated)
	} else {
		e.byte(summaryFormat)
	}
	e.str(s.ID)
	e.str(s.Client)
	e.str(s.Assessor)
	e.byte(st)
	e.varint(created)
	e.since(s.UpdatedAt.UnixMilli(), created)
	e.byte(flags)
	if flags&1 != 0 {
		e.since(s.CompletedAt.UnixMilli(), created)
	}
	e.str(s.Pack.ID)
	e.str(s.Pack.Version)
	e.str(s.Pack.Lang)
	e.uvarint(uint64(s.Answered))
	if flags&2 != 0 {
		e.float(s.Total.Score.Value)
	}
	e.float(s.Total.Min)
	e.float(s.Total.Max)
	if flags&4 != 0 {
		e.float(s.Total.Percent.Value)
	}
	e.str(s.Total.Band)
	e.uvarint(uint64(s.Total.Scored))
	e.uvarint(uint64(s.Total.Areas))
	if s.AuditDate != "" {
		e.str(s.AuditDate)
	}
	return e.b
}

// interner hands out one string for repeated byte strings: a history
// list repeats the same client, assessor and pack in many summaries, and
// sharing them saves most of List's allocations.
type interner map[string]string

func (in interner) str(d *decoder) string {
	if in == nil {
		return checkedStr(d, d.str())
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	b := d.b[:n]
	d.b = d.b[n:]
	if s, ok := in[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := checkedStr(d, string(b))
	if len(in) < 4096 && d.err == nil {
		in[s] = s
	}
	return s
}

// checkedStr fails d when s is not clean one-line text: a summary is shown
// as it is read, in lists on a terminal.
func checkedStr(d *decoder, s string) string {
	if d.err == nil && checkText("", s, len(s), false) != nil {
		d.fail()
	}
	return s
}

func decodeSummary(b []byte) (Summary, error) { return decodeSummaryInterned(b, nil) }

// openSummary checks the checksum of the summary v stored under key k and
// decodes it; a missing one (v nil) is an error too.
func openSummary(k, v []byte, in interner) (Summary, error) {
	if v == nil {
		return Summary{}, problem("damage.index_no_summary", "the client index names a session with no summary")
	}
	p, err := unseal(bucketSummaries, k, v)
	if err != nil {
		return Summary{}, codedError(nil, "damage.summary", "a summary: "+err.Error(), err, "Detail", err)
	}
	sum, err := decodeSummaryInterned(p, in)
	if err != nil {
		return Summary{}, codedError(nil, "health.summary_decode", "a summary does not decode: "+err.Error(), err, "Detail", err)
	}
	return sum, nil
}

// decodeSummaryInterned decodes a summary, sharing repeated strings
// through in (which may be nil).
func decodeSummaryInterned(b []byte, in interner) (Summary, error) {
	d := decoder{b: b}
	f := d.byte()
	if d.err == nil && f != summaryFormat && f != summaryFormatDated {
		return Summary{}, problem("damage.summary_format", fmt.Sprintf("summary format %d is not known to this servicecheck", f), "Format", int(f))
	}
	var s Summary
	s.ID = d.str()
	if d.err == nil && !ValidID(s.ID) {
		d.fail()
	}
	s.Client = in.str(&d)
	s.Assessor = in.str(&d)
	if st := d.byte(); int(st) < len(statusCodes) {
		s.Status = statusCodes[st]
	} else {
		d.fail()
	}
	created := d.varint()
	s.CreatedAt = msTime(created)
	s.UpdatedAt = msTime(created + d.varint())
	flags := d.byte()
	if flags&1 != 0 {
		s.CompletedAt = msTime(created + d.varint())
	}
	s.Pack.ID = in.str(&d)
	s.Pack.Version = in.str(&d)
	s.Pack.Lang = in.str(&d)
	s.Answered = int(d.uvarint())
	if flags&2 != 0 {
		s.Total.Score = scoring.Of(d.float())
	}
	s.Total.Min = d.float()
	s.Total.Max = d.float()
	if flags&4 != 0 {
		s.Total.Percent = scoring.Of(d.float())
	}
	s.Total.Complete = flags&8 != 0
	s.Total.Band = in.str(&d)
	s.Total.Scored = int(d.uvarint())
	s.Total.Areas = int(d.uvarint())
	if f == summaryFormatDated {
		s.AuditDate = d.str()
	}
	if d.err != nil {
		return Summary{}, d.err
	}
	if len(d.b) != 0 {
		return Summary{}, errCorrupt
	}
	return s, nil
}
