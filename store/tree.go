package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// checkTree walks the B+tree of a bbolt file from the raw bytes, without
// bbolt: every page must lie inside the data, hold the type its parent
// expects, keep its elements inside its bounds and be reached once. bbolt
// trusts all of this; a page that points back at itself sends its cursor
// into an endless loop that eats all memory, and an element that points out
// of its page makes it read past the mapping. Neither can be recovered from,
// so such damage must be found before bbolt reads the file.
const (
	boltBranchFlag = 0x01
	boltLeafFlag   = 0x02
	boltBucketLeaf = 0x01
	boltElemSize   = 16
	boltBucketHdr  = 16
	maxTreeDepth   = 64
)

type treeChecker struct {
	r    io.ReaderAt
	ps   uint64
	hwm  uint64
	seen map[uint64]bool
}

func checkTree(r io.ReaderAt, m boltMeta, free []uint64) error {
	c := &treeChecker{r: r, ps: uint64(m.pageSize), hwm: m.pgid, seen: map[uint64]bool{0: true, 1: true}}
	hdr := make([]byte, boltPageHeader)
	if _, err := r.ReadAt(hdr, int64(m.freelist*c.ps)); err != nil {
		return codedError(nil, "tree.free_list", fmt.Sprintf("the free list is unreadable: %v", err), err, "Detail", err)
	}
	if err := c.mark(m.freelist, uint64(binary.NativeEndian.Uint32(hdr[12:]))); err != nil {
		return err
	}
	if err := c.bucket(m.root, nil, 0); err != nil {
		return err
	}
	// A page both in the tree and on the free list would be handed out
	// by the next write and overwritten, with the data it holds.
	for _, id := range free {
		if c.seen[id] {
			return problem("tree.in_use_free", fmt.Sprintf("page %d is in use and also on the free list", id), "Page", id)
		}
	}
	return nil
}

// mark records pages id..id+overflow as used.
func (c *treeChecker) mark(id, overflow uint64) error {
	if id < 2 || id+overflow >= c.hwm || id+overflow < id {
		return problem("tree.past_end", fmt.Sprintf("page %d is past the end of the data", id), "Page", id)
	}
	for p := id; p <= id+overflow; p++ {
		if c.seen[p] {
			return problem("tree.twice", fmt.Sprintf("page %d is reached twice", p), "Page", p)
		}
		c.seen[p] = true
	}
	return nil
}

// bucket checks a bucket whose root is page root, or the inline page in
// inline when root is 0.
func (c *treeChecker) bucket(root uint64, inline []byte, depth int) error {
	if root == 0 {
		if len(inline) < boltPageHeader {
			return problem("tree.inline_short", "an inline bucket is cut short")
		}
		_, _, err := c.elements(inline, boltLeafFlag, depth)
		return err
	}
	_, _, err := c.page(root, depth)
	return err
}

// page checks page id and what is below it, and returns its first and
// last keys.
func (c *treeChecker) page(id uint64, depth int) (first, last []byte, err error) {
	if depth > maxTreeDepth {
		return nil, nil, problem("tree.too_deep", fmt.Sprintf("the tree is deeper than %d levels", maxTreeDepth), "Max", maxTreeDepth)
	}
	if id < 2 || id >= c.hwm {
		return nil, nil, problem("tree.past_end", fmt.Sprintf("page %d is past the end of the data", id), "Page", id)
	}
	hdr := make([]byte, boltPageHeader)
	if _, err := c.r.ReadAt(hdr, int64(id*c.ps)); err != nil {
		return nil, nil, codedError(nil, "tree.unreadable", fmt.Sprintf("page %d is unreadable: %v", id, err), err, "Page", id, "Detail", err)
	}
	ne := binary.NativeEndian
	overflow := uint64(ne.Uint32(hdr[12:]))
	if ne.Uint64(hdr) != id {
		return nil, nil, problem("tree.wrong_id", fmt.Sprintf("page %d carries the id %d", id, ne.Uint64(hdr)), "Page", id, "Other", ne.Uint64(hdr))
	}
	if err := c.mark(id, overflow); err != nil {
		return nil, nil, err
	}
	buf := make([]byte, (overflow+1)*c.ps)
	if _, err := c.r.ReadAt(buf, int64(id*c.ps)); err != nil {
		return nil, nil, codedError(nil, "tree.unreadable", fmt.Sprintf("page %d is unreadable: %v", id, err), err, "Page", id, "Detail", err)
	}
	flags := ne.Uint16(buf[8:])
	if flags != boltBranchFlag && flags != boltLeafFlag {
		return nil, nil, problem("tree.unknown_type", fmt.Sprintf("page %d has the unknown type %#x", id, flags), "Page", id, "Type", fmt.Sprintf("%#x", flags))
	}
	return c.elements(buf, flags, depth)
}

// elements checks the elements of the page in buf (header included) and
// returns its first and last keys. Keys must be in order, and the keys
// below a branch element must lie between its key and the next one's, as
// bbolt's own check requires: a lookup relies on it.
func (c *treeChecker) elements(buf []byte, want uint16, depth int) (first, last []byte, err error) {
	ne := binary.NativeEndian
	id := ne.Uint64(buf)
	if ne.Uint16(buf[8:]) != want {
		return nil, nil, problem("tree.wrong_type", fmt.Sprintf("page %d has type %#x where %#x belongs", id, ne.Uint16(buf[8:]), want),
			"Page", id, "Type", fmt.Sprintf("%#x", ne.Uint16(buf[8:])), "Want", fmt.Sprintf("%#x", want))
	}
	count := uint64(ne.Uint16(buf[10:]))
	if want == boltBranchFlag && count == 0 {
		return nil, nil, problem("tree.empty_branch", fmt.Sprintf("branch page %d is empty", id), "Page", id)
	}
	if boltPageHeader+count*boltElemSize > uint64(len(buf)) {
		return nil, nil, problem("tree.too_many", fmt.Sprintf("page %d holds more elements than fit", id), "Page", id)
	}
	var prevLast []byte // the last key below the previous branch element
	key := func(k []byte) error {
		if last != nil && bytes.Compare(k, last) <= 0 {
			return problem("tree.key_order", fmt.Sprintf("page %d: its keys are out of order", id), "Page", id)
		}
		if first == nil {
			first = k
		}
		last = k
		return nil
	}
	for i := range count {
		at := boltPageHeader + i*boltElemSize
		e := buf[at : at+boltElemSize]
		if want == boltBranchFlag {
			pos, ksize := uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:]))
			if at+pos+ksize > uint64(len(buf)) {
				return nil, nil, problem("tree.key_outside", fmt.Sprintf("page %d: a key lies outside the page", id), "Page", id)
			}
			k := buf[at+pos : at+pos+ksize]
			if err := key(k); err != nil {
				return nil, nil, err
			}
			if prevLast != nil && bytes.Compare(prevLast, k) >= 0 {
				return nil, nil, problem("tree.key_below", fmt.Sprintf("page %d: a key is out of order with the page below it", id), "Page", id)
			}
			cf, cl, err := c.page(ne.Uint64(e[8:]), depth+1)
			if err != nil {
				return nil, nil, err
			}
			if bytes.Compare(cf, k) < 0 {
				return nil, nil, problem("tree.key_below", fmt.Sprintf("page %d: a key is out of order with the page below it", id), "Page", id)
			}
			prevLast = cl
			continue
		}
		flags, pos := ne.Uint32(e[0:]), uint64(ne.Uint32(e[4:]))
		ksize, vsize := uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		end := at + pos + ksize + vsize
		if end > uint64(len(buf)) || end < at {
			return nil, nil, problem("tree.value_outside", fmt.Sprintf("page %d: a value lies outside the page", id), "Page", id)
		}
		if err := key(buf[at+pos : at+pos+ksize]); err != nil {
			return nil, nil, err
		}
		if flags&boltBucketLeaf == 0 {
			continue
		}
		v := buf[at+pos+ksize : end]
		if len(v) < boltBucketHdr {
			return nil, nil, problem("tree.header_short", fmt.Sprintf("page %d: a bucket header is cut short", id), "Page", id)
		}
		if err := c.bucket(ne.Uint64(v), v[boltBucketHdr:], depth+1); err != nil {
			return nil, nil, err
		}
	}
	return first, last, nil
}
