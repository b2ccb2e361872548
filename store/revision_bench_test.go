package store

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// BenchmarkApplyInterleaved is BenchmarkRecordInterleaved for the write the
// wizard makes since issue 12: Apply with the value the user saw and the
// session's revision (a CRC-64 of the record before and after), next to a
// bare bbolt update of the same record bytes.
func BenchmarkApplyInterleaved(b *testing.B) {
	qs := questionIDs(answersLen)
	full := completedSession("Rossi", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	full.Status, full.CompletedAt = checklist.InProgress, time.Time{}
	s, _ := openTest(b)
	sess := *full
	if err := s.Create(&sess); err != nil {
		b.Fatal(err)
	}
	stored, rev, err := s.GetRev(sess.ID)
	if err != nil {
		b.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	bare := *full
	bare.ID = "0q3k5h2m7xyz"
	normalizeTimes(&bare)
	rec, err := encodeRecord(&bare)
	if err != nil {
		b.Fatal(err)
	}
	seen := stored.Answers
	var inStore, inBolt time.Duration
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		a := answerFor(i, q)
		c := Change{Base: rev, QID: q, SetValue: true, OldValue: seen[q].Value, Value: a.Value,
			At: a.At, Cursor: qs[(i+1)%len(qs)]}
		t0 := time.Now()
		res, err := s.Apply(sess.ID, c)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		rev = res.Rev
		old := seen[q]
		old.Value = a.Value
		seen[q] = old
		err = db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucketIfNotExists(bucketSessions)
			if err != nil {
				return err
			}
			return bk.Put([]byte(bare.ID), rec)
		})
		if err != nil {
			b.Fatal(err)
		}
		inStore += t1.Sub(t0)
		inBolt += time.Since(t1)
		i++
	}
	b.ReportMetric(float64(inStore.Nanoseconds())/float64(i), "store-ns")
	b.ReportMetric(float64(inBolt.Nanoseconds())/float64(i), "bbolt-ns")
	b.ReportMetric(float64(inStore)/float64(inBolt), "x-bbolt")
}
