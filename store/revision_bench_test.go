package store

import "testing"

// BenchmarkApplyInterleaved is BenchmarkRecordInterleaved for the write the
// wizard makes since issue 12: Apply with the value the user saw and the
// session's revision (a CRC-64 of the record before and after), next to a
// bare bbolt update of the same record bytes.
func BenchmarkApplyInterleaved(b *testing.B) {
	interleaved(b, false, func(s *Store, id string) func(i int, q, next string) error {
		stored, rev, err := s.GetRev(id)
		if err != nil {
			b.Fatal(err)
		}
		seen := stored.Answers
		return func(i int, q, next string) error {
			a := answerFor(i, q)
			res, err := s.Apply(id, Change{Base: rev, QID: q, SetValue: true, OldValue: seen[q].Value,
				Value: a.Value, At: a.At, Cursor: next})
			if err != nil {
				return err
			}
			rev = res.Rev
			old := seen[q]
			old.Value = a.Value
			seen[q] = old
			return nil
		}
	})
}
