package store

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Every value a schema-5 file stores in the sessions, summaries, clients and
// packs buckets ends with a CRC-32C (Castagnoli, which CPUs compute in
// hardware) of the bucket's name, the key and the value before it:
//
//	value = payload + crc32c(uvarint(len(bucket)) bucket uvarint(len(key)) key payload), 4 bytes big-endian
//
// Every read checks it. bbolt checksums only its meta pages: a flipped byte
// in a data page went unnoticed (a question id became "p$omises" and the
// answer silently left the scores). The key and the bucket are covered too,
// so that a record moved under another key, or an index entry read as a
// record, fails the check as well. The meta bucket (the servicecheck marker
// and the schema, read before the schema is known) is not sealed: any change
// to the schema number makes it unknown or impossible, which is refused.
const sealSize = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errChecksum reports a value whose checksum does not match; callers name
// the record.
var errChecksum = problem("store.checksum", "its checksum does not match: the bytes were changed on disk")

// sealSum is the checksum of payload stored under key in bucket.
func sealSum(bucket, key, payload []byte) uint32 {
	// The prefix goes through the table in one call when it fits on the
	// stack, as it does for every key servicecheck writes: each call has
	// a fixed cost that a list of 100,000 summaries pays 100,000 times.
	var buf [128]byte
	h := binary.AppendUvarint(buf[:0], uint64(len(bucket)))
	h = append(h, bucket...)
	h = binary.AppendUvarint(h, uint64(len(key)))
	h = append(h, key...)
	return crc32.Update(crc32.Update(0, castagnoli, h), castagnoli, payload)
}

// seal returns payload with its checksum appended, in a new slice.
func seal(bucket, key, payload []byte) []byte {
	out := make([]byte, len(payload), len(payload)+sealSize)
	copy(out, payload)
	return binary.BigEndian.AppendUint32(out, sealSum(bucket, key, payload))
}

// unseal checks the checksum of v, stored under key in bucket, and returns
// the payload, which shares v's memory.
func unseal(bucket, key, v []byte) ([]byte, error) {
	if len(v) < sealSize {
		return nil, errChecksum
	}
	p := v[:len(v)-sealSize]
	if binary.BigEndian.Uint32(v[len(p):]) != sealSum(bucket, key, p) {
		return nil, errChecksum
	}
	return p, nil
}

// sealedSchema is the first schema whose values are sealed.
const sealedSchema = 5

// sealV and unsealV seal and unseal for this store: a store working on a
// file (or a migration step) from before sealedSchema reads and writes
// values as they are.
func (s *Store) sealV(bucket, key, payload []byte) []byte {
	if s.legacy {
		return payload
	}
	return seal(bucket, key, payload)
}

func (s *Store) unsealV(bucket, key, v []byte) ([]byte, error) {
	if s.legacy {
		return v, nil
	}
	return unseal(bucket, key, v)
}

// sealedBuckets are the buckets whose values are sealed.
var sealedBuckets = [][]byte{bucketSessions, bucketSummaries, bucketClients, bucketPacks}

// verify checks, before anything is written to a file of sealedSchema or
// later, what a write could otherwise spread or bury: every key is found by
// a lookup, every value's checksum holds, and the indexes have an entry
// per session. A write to a damaged file would commit a new version of the
// damaged pages it touches (bbolt copies them), report success and leave
// the damage for a later read to find, or make it worse. It reads only
// what bbolt has mapped, and only for files up to treeCheckLimit, which
// Open reads whole anyway; on larger files each write checks the records
// it reads.
func (s *Store) verify() error {
	if fi, err := os.Stat(s.path); err != nil || fi.Size() > treeCheckLimit {
		return nil
	}
	return s.view(func(tx *bolt.Tx) error {
		if p := checkLookups(tx); len(p) > 0 {
			return damaged(s.path, p[0], nil)
		}
		var counts []int
		for _, name := range sealedBuckets {
			b := tx.Bucket(name)
			if b == nil {
				return damaged(s.path, problem("damage.bucket_missing", fmt.Sprintf("its %s bucket is missing", name), "Bucket", string(name)), nil)
			}
			n := 0
			err := b.ForEach(func(k, v []byte) error {
				n++
				if _, err := unseal(name, k, v); err != nil {
					return damaged(s.path, entryError(name, k, err), err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			counts = append(counts, n)
		}
		if counts[0] != counts[1] || counts[0] != counts[2] {
			return damaged(s.path, problem("damage.counts", fmt.Sprintf("it holds %d sessions, %d summaries and %d client index entries",
				counts[0], counts[1], counts[2]), "Sessions", counts[0], "Summaries", counts[1], "Clients", counts[2]), nil)
		}
		return nil
	})
}

// entryError is the problem of an entry of a bucket that does not read.
func entryError(bucket, k []byte, err error) error {
	key := fmt.Sprintf("%q", clip(string(k)))
	return codedError(nil, "damage.entry", fmt.Sprintf("%s entry %s does not read: %v", bucket, key, err), err,
		"Bucket", string(bucket), "Key", key, "Detail", err)
}
