package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
)

// The bbolt file header, as bbolt v1 writes it. checkHeader reads it before
// the file is handed to bbolt because bbolt trusts it: a truncated file makes
// bbolt touch memory past the end of the mapped file (SIGBUS, which no
// recover catches), and an empty file is silently formatted as a new
// database, overwriting what the user may still want to rescue.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16 // id u64, flags u16, count u16, overflow u32
	boltMetaFlag     = 0x04
	boltFreelistFlag = 0x10
	boltMetaSize     = 64 // magic, version, pageSize, flags u32; root, seq, freelist, pgid, txid, checksum u64
	boltNoFreelist   = ^uint64(0)
	boltMinPage      = 1024
	boltMaxPage      = 1 << 24
	boltChecksumFrom = 56
)

type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
}

// parseMeta reads a meta page from buf (page header included) and reports
// whether it is a valid bbolt meta page.
func parseMeta(buf []byte) (boltMeta, bool) {
	if len(buf) < boltPageHeader+boltMetaSize {
		return boltMeta{}, false
	}
	if binary.NativeEndian.Uint16(buf[8:]) != boltMetaFlag {
		return boltMeta{}, false
	}
	m := buf[boltPageHeader : boltPageHeader+boltMetaSize]
	ne := binary.NativeEndian
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	_, _ = h.Write(m[:boltChecksumFrom])
	if h.Sum64() != ne.Uint64(m[boltChecksumFrom:]) {
		return boltMeta{}, false
	}
	return boltMeta{pageSize: ne.Uint32(m[8:]), root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]),
		pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, true
}

// checkHeader reports whether path exists and, when it does, whether its
// header is sound enough to give to bbolt. It only reads the file.
//
// The tree check (tree.go) reads the whole file, so it runs on open only for
// files up to treeCheckLimit (a few thousand sessions); all reads through
// bbolt are also guarded (see guard), and doctor checks files of any size.
func checkHeader(path string, fullTree bool) (exists bool, err error) {
	exists, err = checkKind(path)
	if !exists || err != nil {
		return exists, err
	}
	f, err := openData(path, os.O_RDONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return true, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return true, openFailed(path, err)
	}
	if st.Size() == 0 {
		return true, damaged(path, problem("damage.empty", "the file is empty"), nil)
	}
	readAt := func(off int64) []byte {
		buf := make([]byte, boltPageHeader+boltMetaSize)
		n, err := f.ReadAt(buf, off)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil
		}
		return buf[:n]
	}
	// Meta page 0 gives the page size; when it is damaged, look for meta
	// page 1 at each possible page size, as bbolt does.
	var metas []boltMeta
	m0, ok0 := parseMeta(readAt(0))
	if ok0 {
		metas = append(metas, m0)
		if m1, ok := parseMeta(readAt(int64(m0.pageSize))); ok && m1.pageSize == m0.pageSize {
			metas = append(metas, m1)
		}
	} else {
		for ps := int64(boltMinPage); ps <= boltMaxPage && ps < st.Size(); ps <<= 1 {
			if m1, ok := parseMeta(readAt(ps)); ok && int64(m1.pageSize) == ps {
				metas = append(metas, m1)
				break
			}
		}
	}
	if len(metas) == 0 {
		return true, notOurs(path, problem("damage.no_header", "it has no database header"), nil)
	}
	m := metas[0]
	for _, x := range metas[1:] {
		if x.txid > m.txid {
			m = x
		}
	}
	// The size is read after the header: bbolt grows the file before it
	// writes a header that points into the new part.
	if st, err = f.Stat(); err != nil {
		return true, openFailed(path, err)
	}
	ps := uint64(m.pageSize)
	switch {
	case ps < boltMinPage || ps > boltMaxPage || ps&(ps-1) != 0:
		return true, damaged(path, problem("damage.page_size", fmt.Sprintf("its page size %d is impossible", ps), "Size", int(ps)), nil)
	case m.pgid < 2 || m.pgid > uint64(st.Size())/ps:
		return true, damaged(path, problem("damage.truncated", fmt.Sprintf("it is truncated: %d bytes where %d are needed",
			st.Size(), m.pgid*ps), "Size", st.Size(), "Need", m.pgid*ps), nil)
	case m.root < 2 || m.root >= m.pgid:
		return true, damaged(path, problem("damage.root_past_end", "its root page is past the end of the data"), nil)
	case m.freelist == boltNoFreelist:
		return true, notOurs(path, problem("damage.no_freelist", "it was written without a free list, which servicecheck never does"), nil)
	case m.freelist < 2 || m.freelist >= m.pgid:
		return true, damaged(path, problem("damage.freelist_past_end", "its free list is past the end of the data"), nil)
	}
	free, why := checkFreelist(f, m)
	if why != nil {
		return true, damaged(path, why, nil)
	}
	var r io.ReaderAt = f
	if !fullTree {
		if st.Size() > treeCheckLimit {
			return true, nil
		}
		// One read of a small file is faster than a read per page.
		b := make([]byte, st.Size())
		if _, err := f.ReadAt(b, 0); err != nil {
			return true, openFailed(path, err)
		}
		r = bytes.NewReader(b)
	}
	if err := checkTree(r, m, free); err != nil {
		return true, damaged(path, err, err)
	}
	return true, nil
}

// treeCheckLimit is the largest file whose tree Open checks.
const treeCheckLimit = 16 << 20

// checkFreelist checks the free-list page, which bbolt reads while opening
// a file for writing (a panic there would leave the file locked and mapped
// until the process exits, with nothing to close), and returns the pages
// it lists.
func checkFreelist(f io.ReaderAt, m boltMeta) ([]uint64, error) {
	ps := int64(m.pageSize)
	hdr := make([]byte, boltPageHeader+8)
	if _, err := f.ReadAt(hdr, int64(m.freelist)*ps); err != nil {
		return nil, problem("damage.freelist_unreadable", "its free list is unreadable")
	}
	ne := binary.NativeEndian
	id, flags := ne.Uint64(hdr[0:]), ne.Uint16(hdr[8:])
	count, overflow := uint64(ne.Uint16(hdr[10:])), uint64(ne.Uint32(hdr[12:]))
	if id != m.freelist || flags != boltFreelistFlag || m.freelist+overflow >= m.pgid {
		return nil, problem("damage.freelist_page", "its free list page is not a free list")
	}
	start := int64(boltPageHeader)
	if count == 0xFFFF { // the real count is in the first element
		count = ne.Uint64(hdr[boltPageHeader:])
		start += 8
	}
	if uint64(start)+count*8 > (overflow+1)*uint64(ps) {
		return nil, problem("damage.freelist_long", "its free list is longer than its page")
	}
	ids := make([]byte, count*8)
	if _, err := f.ReadAt(ids, int64(m.freelist)*ps+start); err != nil {
		return nil, problem("damage.freelist_unreadable", "its free list is unreadable")
	}
	free := make([]uint64, count)
	for i := range count {
		if free[i] = ne.Uint64(ids[i*8:]); free[i] < 2 || free[i] >= m.pgid {
			return nil, problem("damage.freelist_past_end", "its free list names a page past the end of the data")
		}
	}
	return free, nil
}

// openFailed wraps an error met while opening or reading the data file
// at path. The os errors name the file themselves; it is named once.
func openFailed(path string, err error) error {
	return wrapCode("store.open", "open data file "+path, path, withoutPath(path, err))
}

// withoutPath drops the operation and file name from an os error about
// path, for a message that names path already.
func withoutPath(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return pe.Err
	}
	return err
}

// damaged and notOurs build the ErrDamaged messages: what is wrong, that
// the file was left alone, and what to do.
//
// why is what is wrong, a problem (a coded error) or, for the detail of
// bbolt or the operating system, their own error.
func damaged(path string, why error, cause error) error {
	return codedError(ErrDamaged, "store.damaged", fmt.Sprintf("data file %s is damaged (%s); it was left unchanged: "+
		"restore it from a backup, or move it aside to start a new one; "+
		"'servicecheck doctor' checks a data file", path, why), cause, "Path", path, "Detail", why)
}

func notOurs(path string, why error, cause error) error {
	return codedError(ErrDamaged, "store.not_ours", fmt.Sprintf("%s is not a servicecheck data file (%s); it was left unchanged: "+
		"pass another file with --db or %s, or move it aside", path, why, EnvDB), cause, "Path", path, "Detail", why, "Env", EnvDB)
}
