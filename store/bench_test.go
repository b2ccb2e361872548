package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/team"
)

// BenchmarkRecord measures saving one answer, a committed and synced
// transaction, next to a bare bbolt Update that writes the same record
// bytes: the difference is what the store adds (decoding, validation,
// encoding, the summary index).
func BenchmarkRecord(b *testing.B) {
	qs := questionIDs(answersLen)
	full := completedSession("Rossi", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	full.Status, full.CompletedAt = checklist.InProgress, time.Time{}
	b.Run("store", func(b *testing.B) {
		s, _ := openTest(b)
		sess := *full
		if err := s.Create(&sess); err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			q := qs[i%len(qs)]
			if err := s.Record(sess.ID, q, answerFor(i, q), qs[(i+1)%len(qs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("bbolt", func(b *testing.B) {
		db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		sess := *full
		sess.ID = "0q3k5h2m7xyz"
		normalizeTimes(&sess)
		rec, err := encodeRecord(&sess)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			err := db.Update(func(tx *bolt.Tx) error {
				bk, err := tx.CreateBucketIfNotExists(bucketSessions)
				if err != nil {
					return err
				}
				return bk.Put([]byte(sess.ID), rec)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(rec)), "B/record")
	})
}

// BenchmarkRecordInterleaved measures the same two writes as BenchmarkRecord,
// one of each per iteration, so that the disk's mood (each is two fsyncs)
// weighs on both alike and their ratio holds still from run to run. It
// reports store-ns and bbolt-ns per write and their ratio, x-bbolt.
func BenchmarkRecordInterleaved(b *testing.B) { recordInterleaved(b, false) }

// BenchmarkRecordCPU is BenchmarkRecordInterleaved without syncing either
// file: what the store itself costs (decoding, validation, encoding, the
// checksums, the summary index) against bbolt's own work, without the
// disk's fsyncs, which swing from run to run on a shared machine.
func BenchmarkRecordCPU(b *testing.B) { recordInterleaved(b, true) }

func recordInterleaved(b *testing.B, noSync bool) {
	interleaved(b, noSync, func(s *Store, id string) func(i int, q, next string) error {
		return func(i int, q, next string) error { return s.Record(id, q, answerFor(i, q), next) }
	})
}

// interleaved times one write to a session in progress, made by the step
// that setup returns, against a bare bbolt update of the same record
// bytes, one of each per iteration, and reports store-ns, bbolt-ns and
// their ratio, x-bbolt. noSync turns off both files' fsyncs.
func interleaved(b *testing.B, noSync bool, setup func(s *Store, id string) func(i int, q, next string) error) {
	qs := questionIDs(answersLen)
	full := completedSession("Rossi", time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	full.Status, full.CompletedAt = checklist.InProgress, time.Time{}
	s, _ := openTest(b)
	sess := *full
	if err := s.Create(&sess); err != nil {
		b.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s.db.NoSync, db.NoSync = noSync, noSync
	bare := *full
	bare.ID = "0q3k5h2m7xyz"
	normalizeTimes(&bare)
	rec, err := encodeRecord(&bare)
	if err != nil {
		b.Fatal(err)
	}
	step := setup(s, sess.ID)
	var inStore, inBolt time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if err := step(i, qs[i%len(qs)], qs[(i+1)%len(qs)]); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		err := db.Update(func(tx *bolt.Tx) error {
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

// fillStore stores n completed sessions for clients clients, a thousand per
// transaction and without syncing (a fixture, not a measurement).
func fillStore(b *testing.B, s *Store, n, clients int) {
	b.Helper()
	s.db.NoSync = true
	defer func() { s.db.NoSync = false }()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for start := 0; start < n; start += 1000 {
		batch := make([]*checklist.Session, 0, 1000)
		for i := start; i < min(start+1000, n); i++ {
			sess := completedSession(fmt.Sprintf("Client %d", i%clients), t0.Add(time.Duration(i)*time.Minute))
			sess.ID = fmt.Sprintf("s%08d", i)
			batch = append(batch, sess)
		}
		if _, err := s.Import(batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList measures a full history list, newest first, from the
// summary index, at 10,000 and 100,000 sessions.
func BenchmarkList(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			s, _ := openTest(b)
			fillStore(b, s, n, 100)
			for b.Loop() {
				l, err := s.List(Filter{})
				if err != nil || len(l) != n {
					b.Fatalf("%d summaries, %v", len(l), err)
				}
			}
		})
	}
	// A file with team audits: every summary is looked up in the team
	// links (Summary.Team, Summary.Respondent).
	b.Run("sessions=10000/teams", func(b *testing.B) {
		s, _ := openTest(b)
		fillStore(b, s, 10_000, 100)
		withTeam(b, s, "client 42")
		for b.Loop() {
			l, err := s.List(Filter{})
			if err != nil || len(l) != 10_000 {
				b.Fatalf("%d summaries, %v", len(l), err)
			}
		}
	})
	b.Run("sessions=10000/client", func(b *testing.B) {
		s, _ := openTest(b)
		fillStore(b, s, 10_000, 100)
		for b.Loop() {
			l, err := s.List(Filter{Client: "client 42"})
			if err != nil || len(l) != 100 {
				b.Fatalf("%d summaries, %v", len(l), err)
			}
		}
	})
}

// BenchmarkEachSummary walks the same history as BenchmarkList without
// keeping it: what a streaming `servicecheck list` costs in the store. Its
// B/op is garbage (the id and the strings the interner does not share),
// none of it retained.
func BenchmarkEachSummary(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			s, _ := openTest(b)
			fillStore(b, s, n, 100)
			for b.Loop() {
				seen := 0
				err := s.EachSummary(Filter{}, func(Summary) error {
					seen++
					return nil
				})
				if err != nil || seen != n {
					b.Fatalf("%d summaries, %v", seen, err)
				}
			}
		})
	}
}

// BenchmarkFileSize answers whole sessions the way the wizard does (create,
// 72 answers one transaction each, 8 of them with notes, a plan, complete)
// and reports how much each adds to the file: B/session is the growth of
// bbolt's used pages (the high-water mark), file-B/session the growth of the
// file itself, which bbolt extends ahead of need.
func BenchmarkFileSize(b *testing.B) {
	s, path := openTest(b)
	s.db.NoSync = true // the layout is the same; only the timing would differ
	qs := questionIDs(answersLen)
	answer := func() {
		sess := newSession("Rossi")
		if err := s.Create(sess); err != nil {
			b.Fatal(err)
		}
		for i, q := range qs {
			a := answerFor(i, q)
			if i%9 == 0 {
				a.Note = "we do this only in the main shop, not online"
			}
			if err := s.Record(sess.ID, q, a, qs[(i+1)%len(qs)]); err != nil {
				b.Fatal(err)
			}
		}
		plan := completedSession("", time.Now()).Plan
		if err := s.SetPlan(sess.ID, plan); err != nil {
			b.Fatal(err)
		}
		if err := s.Complete(sess.ID); err != nil {
			b.Fatal(err)
		}
	}
	for range 20 { // past the fixed cost of a new file
		answer()
	}
	used0, file0 := sizes(b, s, path)
	n := 0
	for b.Loop() {
		answer()
		n++
	}
	used, file := sizes(b, s, path)
	b.ReportMetric(float64(used-used0)/float64(n), "B/session")
	b.ReportMetric(float64(file-file0)/float64(n), "file-B/session")
}

func sizes(b *testing.B, s *Store, path string) (used, file int64) {
	_ = s.db.View(func(tx *bolt.Tx) error {
		used = tx.Size()
		return nil
	})
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return used, fi.Size()
}

// withTeam makes a team audit of client with every session of the client
// as a respondent.
func withTeam(b *testing.B, s *Store, client string) {
	b.Helper()
	a := &team.Audit{Client: client}
	if err := s.CreateTeam(a); err != nil {
		b.Fatal(err)
	}
	sums, err := s.List(Filter{Client: client})
	if err != nil {
		b.Fatal(err)
	}
	for _, sum := range sums {
		if _, err := s.AddRespondent(a.ID, team.Respondent{Role: team.Staff, SessionID: sum.ID}); err != nil {
			b.Fatal(err)
		}
	}
}
