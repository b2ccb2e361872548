package store

import (
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Deleting erases. bbolt only unlinks a deleted value: its page goes on
// the free list and keeps the bytes until it is reused, so that a client's
// name and notes stayed readable in the file (`strings` found them) after
// `delete --client`. After a delete commits, erase rewrites the file
// without its free pages: bbolt's Compact copies every live value into a
// new file in the same folder (0600), which is synced and renamed over the
// data file while this store still holds the old one's lock; then the store
// opens the new file. Processes waiting for the lock meanwhile find, once
// they get it, that their file is no longer the one at the path, and open
// that (openBolt). The old file's blocks go back to the file system, which
// does not overwrite them until it reuses them: full-disk encryption is
// what protects a disk's free space.

// compactTxSize bounds each transaction of the copy, so that a large file
// is not held in memory at once.
const compactTxSize = 64 << 20

// erase rewrites the data file without the bytes of deleted data.
func (s *Store) erase() error {
	// A link stays a link: the file it names is replaced.
	target, err := filepath.EvalSymlinks(s.path)
	if err != nil {
		return s.eraseFailed(err)
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".erase-*")
	if err != nil {
		return s.eraseFailed(err)
	}
	name := tmp.Name()
	_ = tmp.Close()
	defer os.Remove(name) // after the rename, nothing is there
	err = func() error {
		if err := os.Chmod(name, 0o600); err != nil {
			return err
		}
		// The file must be empty for bbolt to lay out a new database.
		if err := os.Truncate(name, 0); err != nil {
			return err
		}
		dst, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			return err
		}
		err = guard(s.path, func() error { return bolt.Compact(dst, s.db, compactTxSize) })
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = f.Sync()
		_ = f.Close()
		if err != nil {
			return err
		}
		return os.Rename(name, target)
	}()
	if err != nil {
		return s.eraseFailed(err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	// This store still holds the old file, with its lock: let it go and
	// open the new one.
	_ = s.db.Close()
	if err := s.openBolt(); err != nil {
		return wrapCode("store.reopen", "reopen data file "+s.path+" after erasing deleted data", s.path, err)
	}
	return nil
}

func (s *Store) eraseFailed(err error) error {
	return wrapCode("store.erase_failed", "the deletion is saved, but erasing the deleted data from data file "+s.path+" failed "+
		"(it stays in the file's free space until it is reused; delete again to retry)", s.path, withoutPath(s.path, err))
}
