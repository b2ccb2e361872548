package store

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// idAlphabet is Crockford's base32 in lower case: no i, l, o or u, so an id
// read aloud or copied by hand is hard to get wrong.
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// idEpoch is where id times start counting.
var idEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// newID returns a 12-character id: 7 characters of seconds since 2020 (good
// for 1,000 years), so ids sort by creation, then 5 random characters (25
// bits), so that ids made on two laptops in the same second still differ.
// Create also checks the id is unused in the file.
func newID(t time.Time) string {
	var b [12]byte
	sec := max(int64(t.Sub(idEpoch)/time.Second), 0)
	for i := 6; i >= 0; i-- {
		b[i] = idAlphabet[sec&31]
		sec >>= 5
	}
	r := rand.Uint32()
	for i := 11; i >= 7; i-- {
		b[i] = idAlphabet[r&31]
		r >>= 5
	}
	return string(b[:])
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func trimSpace(s string) string { return strings.TrimSpace(s) }

// normalizeTimes drops what the store cannot keep (below a millisecond), so
// that what the caller holds equals what Get returns.
func normalizeTimes(s *checklist.Session) {
	s.CreatedAt = truncMS(s.CreatedAt)
	s.UpdatedAt = truncMS(s.UpdatedAt)
	s.CompletedAt = truncMS(s.CompletedAt)
	for id, a := range s.Answers {
		a.At = truncMS(a.At)
		s.Answers[id] = a
	}
}
