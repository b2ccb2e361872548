package store

// The record encoding. Sessions are stored in a small binary format rather
// than as checklist.Session JSON: a completed session (72 answers) takes
// about 1 KiB instead of about 6 KiB, decoding needs no reflection, and
// times are whole milliseconds, written as varint offsets from the session's
// creation. Each record starts with a format byte so that a later format can
// be read next to this one; the schema version (schema.go) says which
// formats a file may hold.
//
// record (format 1):
//
//	format byte (1)
//	client, assessor string
//	status byte (0 in progress, 1 completed)
//	created varint (unix ms), updated varint (ms after created)
//	flags byte (bit 0: completed time follows) [completed varint (ms after created)]
//	pack id, version, lang string
//	cursor string
//	answers uvarint, then per answer, sorted by id:
//	  id string, value byte (valueCodes), flags byte (bit 0: time, bit 1: note)
//	  [at varint (ms after created)] [note string]
//	plan string (checklist.Plan as JSON; empty for no plan)
//
// string = uvarint length + UTF-8 bytes. Nothing may follow the plan.

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

const (
	recordFormat  = 1
	summaryFormat = 1
)

// errCorrupt reports bytes that do not decode; callers name the record.
var errCorrupt = errors.New("record does not decode")

// valueCodes lists the answer values by their one-byte code.
var valueCodes = [...]checklist.Value{"", checklist.Yes, checklist.Partly, checklist.No, checklist.NA,
	"1", "2", "3", "4", "5"}

func valueCode(v checklist.Value) (byte, bool) {
	for i, c := range valueCodes {
		if c == v {
			return byte(i), true
		}
	}
	return 0, false
}

var statusCodes = [...]checklist.Status{checklist.InProgress, checklist.Completed}

func statusCode(s checklist.Status) (byte, bool) {
	for i, c := range statusCodes {
		if c == s {
			return byte(i), true
		}
	}
	return 0, false
}

// msTime turns unix milliseconds into a time; the store keeps no finer
// precision.
func msTime(ms int64) time.Time { return time.UnixMilli(ms) }

// truncMS drops what the store cannot keep, so that a session written and
// read back compares equal.
func truncMS(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return msTime(t.UnixMilli())
}

type encoder struct{ b []byte }

func (e *encoder) byte(c byte)         { e.b = append(e.b, c) }
func (e *encoder) uvarint(v uint64)    { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)      { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)        { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) float(f float64)     { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f)) }
func (e *encoder) since(t, base int64) { e.varint(t - base) }

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return math.Float64frombits(v)
}

// encodeRecord encodes a validated session (see validateSession).
func encodeRecord(s *checklist.Session) ([]byte, error) {
	st, ok := statusCode(s.Status)
	if !ok {
		return nil, fmt.Errorf("unknown status %q", s.Status)
	}
	e := encoder{b: make([]byte, 0, 64+24*len(s.Answers))}
	created := s.CreatedAt.UnixMilli()
	e.byte(recordFormat)
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
			return nil, fmt.Errorf("plan: %w", err)
		}
		e.str(string(p))
	}
	return e.b, nil
}

func isZeroPlan(p checklist.Plan) bool { return p.Vision == "" && len(p.Goals) == 0 }

// decodeRecord decodes the record stored under id. It never panics: any
// malformed input returns errCorrupt (or the plan's JSON error).
func decodeRecord(id string, b []byte) (*checklist.Session, error) {
	d := decoder{b: b}
	if f := d.byte(); d.err == nil && f != recordFormat {
		return nil, fmt.Errorf("record format %d is not known to this servicecheck", f)
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
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errCorrupt
	}
	if plan != "" {
		if err := json.Unmarshal([]byte(plan), &s.Plan); err != nil {
			return nil, fmt.Errorf("plan: %w", err)
		}
	}
	return s, nil
}

// summaryOf builds the index entry of s.
func summaryOf(s *checklist.Session, summarize func(*checklist.Session) scoring.Total) Summary {
	sum := Summary{ID: s.ID, Client: s.Client, Assessor: s.Assessor, Status: s.Status,
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, CompletedAt: s.CompletedAt, Pack: s.Pack}
	for _, a := range s.Answers {
		if a.Value != "" {
			sum.Answered++
		}
	}
	if summarize != nil {
		sum.Total = summarize(s)
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
	e.byte(summaryFormat)
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
	return e.b
}

// interner hands out one string for repeated byte strings: a history
// list repeats the same client, assessor and pack in many summaries, and
// sharing them saves most of List's allocations.
type interner map[string]string

func (in interner) str(d *decoder) string {
	if in == nil {
		return d.str()
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
	s := string(b)
	if len(in) < 4096 {
		in[s] = s
	}
	return s
}

func decodeSummary(b []byte) (Summary, error) { return decodeSummaryInterned(b, nil) }

// decodeSummaryInterned decodes a summary, sharing repeated strings
// through in (which may be nil).
func decodeSummaryInterned(b []byte, in interner) (Summary, error) {
	d := decoder{b: b}
	if f := d.byte(); d.err == nil && f != summaryFormat {
		return Summary{}, fmt.Errorf("summary format %d is not known to this servicecheck", f)
	}
	var s Summary
	s.ID = d.str()
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
	if d.err != nil {
		return Summary{}, d.err
	}
	if len(d.b) != 0 {
		return Summary{}, errCorrupt
	}
	return s, nil
}
