package store

import (
	"bytes"
	"encoding/binary"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Buckets are filled to 90% when pages split: keys are mostly appended
// (ids and index keys start with the creation time), and bbolt's default
// of 50% would leave half of every page empty.
const (
	recordFill = 0.9
	indexFill  = 0.9
)

// ClientKey is how client names are matched: case-insensitively, with
// surrounding spaces trimmed.
func ClientKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// timeKey orders the summary index: creation time, then id.
func timeKey(s *checklist.Session) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(s.ID)), uint64(s.CreatedAt.UnixMilli()))
	return append(k, s.ID...)
}

// clientPrefix is where a client's entries start in the client index.
func clientPrefix(name string) []byte {
	return append([]byte(ClientKey(name)), 0)
}

func clientKey(s *checklist.Session) []byte {
	return append(clientPrefix(s.Client), timeKey(s)...)
}

type buckets struct {
	sessions, summaries, clients *bolt.Bucket
}

// bucketsOf returns the buckets of a schema-2 file. In a write transaction
// it sets their fill percentage, which bbolt does not remember.
func bucketsOf(tx *bolt.Tx) buckets {
	b := buckets{tx.Bucket(bucketSessions), tx.Bucket(bucketSummaries), tx.Bucket(bucketClients)}
	if tx.Writable() {
		b.sessions.FillPercent = recordFill
		b.summaries.FillPercent = indexFill
		b.clients.FillPercent = indexFill
	}
	return b
}

// hasPrefix wraps bytes.HasPrefix for cursor loops.
func hasPrefix(k, p []byte) bool { return k != nil && bytes.HasPrefix(k, p) }
