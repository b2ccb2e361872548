package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

func TestRecordCodecRoundTripAndTruncation(t *testing.T) {
	sess := completedSession("Rossi", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	sess.ID = "abc"
	sess.Cursor = "stmt-71"
	normalizeTimes(sess)
	b, err := encodeRecord(sess)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeRecord("abc", b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sess) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, sess)
	}
	// Every shorter or longer byte string is an error, never a panic or a
	// silently shorter session.
	for n := range len(b) {
		if _, err := decodeRecord("abc", b[:n]); err == nil {
			t.Fatalf("decoding the first %d of %d bytes succeeded", n, len(b))
		}
	}
	if _, err := decodeRecord("abc", append(b, 0)); err == nil {
		t.Error("decoding with a trailing byte succeeded")
	}
}

func TestSummaryCodecRoundTrip(t *testing.T) {
	at := time.UnixMilli(1740819600123)
	for _, s := range []Summary{
		{ID: "a", Client: "c", Status: checklist.InProgress, CreatedAt: at, UpdatedAt: at, Pack: testPack},
		{ID: "b", Client: "Rossi", Assessor: "Ann", Status: checklist.Completed, CreatedAt: at,
			UpdatedAt: at.Add(time.Hour), CompletedAt: at.Add(time.Hour), Pack: testPack, Answered: 72,
			Total: scoring.Total{Score: scoring.Of(31.5), Min: 8, Max: 40, Percent: scoring.Of(73.4),
				Band: "good", Complete: true, Scored: 7, Areas: 8, NA: 1}},
		{ID: "c", Client: "c", Status: checklist.InProgress, CreatedAt: at, UpdatedAt: at, Pack: testPack,
			Total: scoring.Total{Min: 3, Max: 15, Scored: 3, Areas: 8, NA: 1, Remaining: 4}},
	} {
		b := encodeSummary(&s)
		got, err := decodeSummary(b)
		if err != nil || !reflect.DeepEqual(got, s) {
			t.Errorf("round trip: %+v, %v; want %+v", got, err, s)
		}
		for n := range len(b) {
			if _, err := decodeSummary(b[:n]); err == nil {
				t.Fatalf("decoding the first %d of %d bytes succeeded", n, len(b))
			}
		}
	}
}

// TestSummaryCoversTotal fails when scoring.Total gains a field that the
// summary encoding does not store yet.
func TestSummaryCoversTotal(t *testing.T) {
	if n := reflect.TypeFor[scoring.Total]().NumField(); n != 10 {
		t.Fatalf("scoring.Total has %d fields; encodeSummary stores 10: update codec.go and this test", n)
	}
}

// TestSummaryFormat1Decodes: a summary written before format 2 decodes,
// with no not-applicable or remaining areas.
func TestSummaryFormat1Decodes(t *testing.T) {
	at := time.UnixMilli(1740819600123)
	s := Summary{ID: "b", Client: "Rossi", Status: checklist.Completed, CreatedAt: at, UpdatedAt: at,
		CompletedAt: at, Pack: testPack, Total: scoring.Total{Score: scoring.Of(20), Min: 8, Max: 40,
			Complete: true, Scored: 8, Areas: 8}}
	b := encodeSummary(&s)
	b = append([]byte{1}, b[1:len(b)-2]...) // format 1: no na and remaining
	got, err := decodeSummary(b)
	if err != nil || !reflect.DeepEqual(got, s) {
		t.Errorf("format 1: %+v, %v; want %+v", got, err, s)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	sess := completedSession("Rossi", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	sess.ID = "abc"
	b, _ := encodeRecord(sess)
	f.Add(b)
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Any bytes decode to an error or a session, never a panic; a
		// session that decodes encodes to bytes that decode to it again.
		s, err := decodeRecord("abc", b)
		if err != nil {
			return
		}
		again, err := encodeRecord(s)
		if err != nil {
			t.Fatalf("a decoded session does not encode: %v", err)
		}
		s2, err := decodeRecord("abc", again)
		if err != nil || !reflect.DeepEqual(s, s2) {
			t.Fatalf("re-encoded session differs: %v\n%+v\n%+v", err, s, s2)
		}
	})
}
