package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// The layout of a data file, schema 7:
//
//	meta       app = "servicecheck", schema = uint64 big-endian
//	sessions   id -> record (codec.go) + checksum
//	summaries  created ms (uint64 big-endian) + id -> summary (codec.go) + checksum
//	clients    client key + 0x00 + created ms + id -> client name as written + checksum
//	packs      pack id + 0x00 + version + 0x00 + lang -> the pack's YAML (packs.go) + checksum
//
// The checksum is seal.go's CRC-32C. Schema 1 had meta and sessions only;
// listing had to decode every record. Schema 2 had no packs: a session
// answered with a user's own pack could not be read once the pack file was
// gone. Schema 3 stored a suggested plan problem as an English sentence
// (migrate_plan.go). Schema 4 had no checksums: a byte changed on disk went
// unnoticed. Schema 5 kept a goal's "by when" as free text and a review's
// met/partly/not met (migrate_actions.go). Schema 6 had no session
// details (details.go): an older servicecheck cannot read their record
// format 2.
var (
	bucketMeta      = []byte("meta")
	bucketSessions  = []byte("sessions")
	bucketSummaries = []byte("summaries")
	bucketClients   = []byte("clients")
	bucketPacks     = []byte("packs")

	keyApp    = []byte("app")
	keySchema = []byte("schema")
	appName   = []byte("servicecheck")
)

// currentSchema is the schema this servicecheck writes.
const currentSchema = detailsSchema

// A migration brings a file from schema-1 to schema. Like containerd's
// metadata store, migrations are an ordered list and all that a file needs
// run in one write transaction: an upgrade either completes or leaves the
// file as it was.
type migration struct {
	schema int
	name   string
	fn     func(tx *bolt.Tx, s *Store) error
}

// migrations lists every migration in order; the last one's schema is
// currentSchema (a test checks it).
func migrations() []migration {
	return []migration{
		{1, "create the sessions bucket", func(tx *bolt.Tx, _ *Store) error {
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			if err := meta.Put(keyApp, appName); err != nil {
				return err
			}
			_, err = tx.CreateBucketIfNotExists(bucketSessions)
			return err
		}},
		{2, "build the summary and client indexes", func(tx *bolt.Tx, s *Store) error {
			return s.rebuildIndexes(tx)
		}},
		{3, "create the content packs bucket", func(tx *bolt.Tx, _ *Store) error {
			_, err := tx.CreateBucketIfNotExists(bucketPacks)
			return err
		}},
		{4, "keep suggested plan problems as sources", func(tx *bolt.Tx, s *Store) error {
			return s.migratePlanSources(tx)
		}},
		{sealedSchema, "add a checksum to every record", func(tx *bolt.Tx, s *Store) error {
			return s.sealAll(tx)
		}},
		{6, "make plans action plans: due dates and goal statuses", func(tx *bolt.Tx, s *Store) error {
			return s.migrateActionPlans(tx)
		}},
		{detailsSchema, "keep session details and the edit log", migrateDetails},
	}
}

// readSchema returns the schema of the file open in tx: 0 for a file with
// no buckets at all (new), an error for a file that is not servicecheck's.
func readSchema(tx *bolt.Tx, path string) (int, error) {
	// A sessions bucket makes it servicecheck's file: a marker that is
	// missing or changed beside one is damage, for doctor to look at.
	ours := tx.Bucket(bucketSessions) != nil
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if k, _ := tx.Cursor().First(); k != nil {
			if ours {
				return 0, damaged(path, problem("damage.marker_missing", "its servicecheck marker is missing"), nil)
			}
			return 0, notOurs(path, problem("damage.no_marker", "it holds no servicecheck marker"), nil)
		}
		return 0, nil
	}
	if app := meta.Get(keyApp); string(app) != string(appName) {
		if ours {
			return 0, damaged(path, problem("damage.marker_changed", "its servicecheck marker was changed"), nil)
		}
		return 0, notOurs(path, problem("damage.no_marker", "it holds no servicecheck marker"), nil)
	}
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0, damaged(path, problem("damage.schema_unreadable", "its schema version is unreadable"), nil)
	}
	n := binary.BigEndian.Uint64(v)
	if n == 0 || n > 1<<20 {
		return 0, damaged(path, problem("damage.schema_impossible", fmt.Sprintf("its schema version %d is impossible", n), "Schema", n), nil)
	}
	return int(n), nil
}

// errNewer is returned for a file written by a newer servicecheck; it is
// reported as ErrDamaged (exit 5) with a message that says to upgrade.
func errNewer(path string, schema int) error {
	return codedError(ErrDamaged, "store.newer", fmt.Sprintf("data file %s was written by a newer servicecheck "+
		"(schema %d; this one reads up to %d): upgrade servicecheck; the file was left unchanged",
		path, schema, currentSchema), nil, "Path", path, "Schema", schema, "Current", currentSchema)
}

// prepare checks the file's schema and, on a writable store, upgrades it.
// It returns the schema the file is at afterwards.
func (s *Store) prepare() (int, error) {
	var schema int
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		schema, err = readSchema(tx, s.path)
		return err
	})
	if err != nil {
		return 0, err
	}
	if schema > currentSchema {
		return 0, errNewer(s.path, schema)
	}
	if !s.opts.ReadOnly && schema >= sealedSchema {
		if err := s.verify(); err != nil {
			return 0, err
		}
	}
	if schema == currentSchema || s.opts.ReadOnly {
		return schema, nil
	}
	err = s.update(func(tx *bolt.Tx) error {
		// Read again under the write lock's transaction: another process
		// may have upgraded the file since the read above.
		from, err := readSchema(tx, s.path)
		if err != nil {
			return err
		}
		return s.migrate(tx, from, currentSchema)
	})
	if err != nil {
		return 0, err
	}
	return currentSchema, nil
}

// migrate runs the migrations after from, up to and including to.
func (s *Store) migrate(tx *bolt.Tx, from, to int) error {
	for _, m := range migrations() {
		if m.schema <= from || m.schema > to {
			continue
		}
		// The steps before checksums read and write values as they were.
		s.legacy = m.schema < sealedSchema
		err := m.fn(tx, s)
		s.legacy = false
		if err != nil {
			if errors.Is(err, ErrDamaged) {
				return err
			}
			return codedError(nil, "store.upgrade", fmt.Sprintf("upgrade data file %s to schema %d (%s): %v", s.path, m.schema, m.name, err), err,
				"Path", s.path, "Schema", m.schema, "Detail", err)
		}
		v := binary.BigEndian.AppendUint64(nil, uint64(m.schema))
		if err := tx.Bucket(bucketMeta).Put(keySchema, v); err != nil {
			return err
		}
	}
	return nil
}

// rebuildIndexes drops and rebuilds the summary and client indexes from the
// records.
func (s *Store) rebuildIndexes(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketSummaries, bucketClients} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		b, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		b.FillPercent = indexFill
	}
	return tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
		sess, err := s.openRecord(string(k), v)
		if err != nil {
			return damaged(s.path, codedError(nil, "damage.session_decode", fmt.Sprintf("session %s does not decode: %v", k, err), err, "ID", string(k), "Detail", err), err)
		}
		return s.putIndexes(tx, nil, sess)
	})
}

// Reindex rebuilds the summary and client indexes from the records, for
// example after Options.Summarize changed how totals are computed.
func (s *Store) Reindex() error {
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSessions) == nil {
			return nil
		}
		return s.rebuildIndexes(tx)
	})
}

// sealAll adds a checksum to every value of a schema-4 file, after checking
// that it reads: a record that is already damaged must not be sealed as
// sound. bbolt's values may not be changed while a bucket is walked, so
// each bucket is read whole first.
func (s *Store) sealAll(tx *bolt.Tx) error {
	check := map[string]func(k, v []byte) error{
		string(bucketSessions): func(k, v []byte) error { _, err := decodeRecord(string(k), v); return err },
		string(bucketSummaries): func(_, v []byte) error {
			_, err := decodeSummary(v)
			return err
		},
		string(bucketClients): func(_, v []byte) error { return checkText("client", string(v), maxName, false) },
		string(bucketPacks): func(k, v []byte) error {
			ref, ok := refOfKey(k)
			if !ok {
				return problem("damage.key_unreadable", "its key is unreadable")
			}
			_, err := checkPack(ref, v)
			return err
		},
	}
	for _, name := range [][]byte{bucketSessions, bucketSummaries, bucketClients, bucketPacks} {
		b := tx.Bucket(name)
		if b == nil {
			return damaged(s.path, problem("damage.bucket_missing", fmt.Sprintf("its %s bucket is missing", name), "Bucket", string(name)), nil)
		}
		var kvs [][2][]byte
		err := b.ForEach(func(k, v []byte) error {
			if err := check[string(name)](k, v); err != nil {
				return damaged(s.path, entryError(name, k, err), err)
			}
			kvs = append(kvs, [2][]byte{bytes.Clone(k), seal(name, k, v)})
			return nil
		})
		if err != nil {
			return err
		}
		for _, kv := range kvs {
			if err := b.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	return nil
}
