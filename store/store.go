package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// DefaultTimeout is how long Open waits for another servicecheck to let go
// of the data file before it reports ErrInUse.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens the file for reading only, shared with other readers.
	// A missing file is reported (ErrNoFile), never created.
	ReadOnly bool
	// Timeout is how long to wait for the file lock; 0 means DefaultTimeout.
	Timeout time.Duration
	// Now is the clock for created, updated and answer times; nil means
	// time.Now.
	Now func() time.Time
	// Summarize fills Summary.Total on every write; it may be nil, and then
	// summaries carry no total. It runs inside the write transaction, so it
	// must not open the data file: packs reads the content packs kept in
	// the file (PutPack) within that same transaction, for sessions
	// answered with a pack that is not built in.
	Summarize func(s *checklist.Session, packs PackSource) scoring.Total
	// Pack finds the content pack a session was answered with, built in or
	// kept in the file (kept reads those within the transaction). The
	// upgrade to schema 4 uses it to read plans stored as sentences; nil
	// leaves them as text.
	Pack func(kept PackSource, ref checklist.Ref) (*checklist.Pack, error)
	// GroupCommit, when above zero, lets the writes a server makes at
	// the same moment from several goroutines (Apply, Create,
	// AddRespondent) share one commit (bbolt's Batch): it then pays for
	// one fsync where it paid for fifty, and each call still returns
	// only once its change is on disk. A lone write waits at most this
	// long for company. Zero (the wizard's case: one writer) commits each
	// write on its own.
	GroupCommit time.Duration
}

// Store is an open data file. Its methods may be called from several
// goroutines; each runs in its own transaction.
type Store struct {
	db   *bolt.DB
	path string
	opts Options
	// legacy is set while the store reads or writes values of a file from
	// before checksums (sealedSchema): in a migration step up to it, and
	// in Inspect of an old file.
	legacy bool
}

// Open opens (and, unless opts.ReadOnly, creates) the data file at path,
// upgrading its schema when it was written by an older servicecheck. The
// folder is created 0700 and the file 0600. A file held by another
// servicecheck gives ErrInUse after opts.Timeout; a damaged or foreign file
// gives ErrDamaged and is left untouched.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	exists, err := checkHeader(path, false)
	if err != nil {
		return nil, err
	}
	if !exists {
		if opts.ReadOnly {
			return nil, noFile(path, nil)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			dir := filepath.Dir(path)
			return nil, wrapCode("store.create_folder", "create data folder "+dir, dir, withoutPath(dir, err))
		}
	}
	s := &Store{path: path, opts: opts}
	if err := s.openBolt(); err != nil {
		return nil, err
	}
	schema, err := s.prepare()
	if err != nil {
		_ = s.db.Close()
		return nil, err
	}
	if schema < currentSchema && opts.ReadOnly {
		// An old file is upgraded even for a read: the file exists, so
		// nothing is created, and every reader then sees one layout.
		_ = s.db.Close()
		rw := opts
		rw.ReadOnly = false
		if err := Do(path, rw, func(*Store) error { return nil }); err != nil {
			return nil, err
		}
		return Open(path, opts)
	}
	return s, nil
}

// openBolt opens the file with bbolt. bbolt can panic inside Open on a
// damaged file after it has taken the file lock; the file is then closed
// here, or the lock would stay held until the process exits.
//
// Once the lock is held, the file open must still be the one at the path:
// erasing (erase.go) renames a compacted copy over the file while holding
// its lock, and a process that was waiting for that lock would otherwise
// go on with the old file, no longer in any folder, and write into it
// for nothing. Then the path is opened again.
func (s *Store) openBolt() error {
	for range 10 {
		var f *os.File
		open := func(name string, flag int, perm os.FileMode) (*os.File, error) {
			var err error
			f, err = openData(name, flag, perm)
			return f, err
		}
		s.db = nil
		err := guard(s.path, func() error {
			db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.opts.Timeout,
				ReadOnly: s.opts.ReadOnly, OpenFile: open})
			s.db = db
			return err
		})
		if err != nil {
			if s.db == nil && f != nil {
				_ = f.Close()
			}
			return s.openError(err)
		}
		if s.stillAtPath(f) {
			if s.opts.GroupCommit > 0 {
				s.db.MaxBatchDelay = s.opts.GroupCommit
			}
			return nil
		}
		_ = s.db.Close()
	}
	return newError(ErrInUse, fmt.Sprintf("data file %s keeps being replaced by another servicecheck: "+
		"try again", s.path), nil)
}

// stillAtPath reports whether f is the file at s.path.
func (s *Store) stillAtPath(f *os.File) bool {
	if f == nil {
		return true
	}
	a, err1 := f.Stat()
	b, err2 := os.Stat(s.path)
	return err1 != nil || err2 != nil || os.SameFile(a, b)
}

// openError turns what bbolt returns from Open into the store's errors.
func (s *Store) openError(err error) error {
	switch {
	case errors.Is(err, ErrDamaged):
		return err
	case errors.Is(err, berrors.ErrTimeout):
		return codedError(ErrInUse, "store.in_use", fmt.Sprintf("data file %s is in use by another servicecheck: "+
			"finish or quit that one and try again", s.path), err, "Path", s.path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch):
		return notOurs(s.path, err, err)
	}
	return openFailed(s.path, err)
}

// Do opens the file, runs fn and closes the file, so that the file is held
// only as long as fn runs.
func Do(path string, opts Options, fn func(*Store) error) (err error) {
	s, err := Open(path, opts)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return fn(s)
}

// Close releases the file.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return wrapCode("store.close", "close data file "+s.path, s.path, err)
	}
	return nil
}

// Path returns the data file's path.
func (s *Store) Path() string { return s.path }

func (s *Store) now() time.Time { return truncMS(s.opts.Now()) }

// view and update run fn in a transaction, turning a panic inside bbolt
// (which it raises on some damaged files) into ErrDamaged.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.View(fn) })
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.commit(s.db.Update, fn)
}

// updateShared is update, sharing the commit with other goroutines' when
// Options.GroupCommit allows it. fn may then run more than once (bbolt
// runs it again alone when another call of the batch fails), so it must
// leave nothing behind but what it writes in tx.
func (s *Store) updateShared(fn func(tx *bolt.Tx) error) error {
	if s.opts.GroupCommit > 0 {
		return s.commit(s.db.Batch, func(tx *bolt.Tx) error {
			// bbolt may run fn on a goroutine of its own, where guard's
			// fault handling does not reach: a fault there becomes a
			// panic bbolt recovers, and fn runs again alone, guarded.
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			return fn(tx)
		})
	}
	return s.update(fn)
}

func (s *Store) commit(run func(func(*bolt.Tx) error) error, fn func(tx *bolt.Tx) error) error {
	err := guard(s.path, func() error { return run(fn) })
	if _, ok := err.(*kindError); err != nil && !ok {
		// A write that failed below the store: a full disk, a lost
		// device. bbolt rolled the transaction back.
		return wrapCode("store.save", "save to data file "+s.path, s.path, err)
	}
	return err
}

// guard runs fn, turning a panic (bbolt's, or a memory fault on a damaged
// mapping, which SetPanicOnFault makes recoverable) into ErrDamaged.
func guard(path string, fn func() error) error { return guardCaller(path, nil, fn) }

// guardCaller is guard for a transaction that calls back into the caller's
// code (EachSummary): a panic raised while *inCaller is true is a bug of
// the caller, not damage to the file, and goes on as a panic, with the
// caller's frames still on the stack.
func guardCaller(path string, inCaller *bool, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if inCaller != nil && *inCaller {
			return
		}
		if r := recover(); r != nil {
			why := problem("damage.panic", "it could not be read: "+fmt.Sprint(r), "Detail", fmt.Sprint(r))
			if _, ok := r.(runtime.Error); ok {
				// A bucket or page missing where the layout has one:
				// the Go detail means nothing to the user.
				why = problem("damage.part_unreadable", "a part of it that should be there could not be read")
			}
			err = damaged(path, why, nil)
		}
	}()
	return fn()
}

func noFile(path string, cause error) error {
	return codedError(ErrNoFile, "store.no_file", fmt.Sprintf("no data file at %s yet: run servicecheck to "+
		"start a first session, or point --db or %s at an existing file", path, EnvDB), cause, "Path", path, "Env", EnvDB)
}
