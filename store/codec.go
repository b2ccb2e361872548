package store

// The record encoding. Sessions are stored in a small binary format rather
// than as checklist.Session JSON: a completed session (72 answers, 8 notes,
// a plan) takes about 1.5 KiB instead of 4.7 KiB, decoding needs no
// reflection, and times are whole milliseconds, written as varint offsets
// from the session's creation. Each record starts with a format byte so that a later format can
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
	"math"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

const (
	recordFormat  = 1
	summaryFormat = 1
)

// errCorrupt reports bytes that do not decode; callers name the record.
var errCorrupt = problem("store.corrupt", "record does not decode")

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
