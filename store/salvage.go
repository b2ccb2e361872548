package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// Lost is a stored session that could not be read back.
type Lost struct {
	// ID is the session's id, or "" when even that is unreadable.
	ID string
	// Client and CreatedAt come from the session's summary when that
	// reads; empty otherwise.
	Client    string
	CreatedAt time.Time
	// Why says what is wrong: a coded error (see internal/usertext),
	// whose Error is its English.
	Why error
}

// Salvaged is what Salvage could read out of a data file.
type Salvaged struct {
	Sessions []*checklist.Session // newest first
	Packs    []PackFile
	Lost     []Lost
}

// Salvage reads every session and kept content pack that can still be read
// out of the data file at path, without trusting its tree: it reads every
// page of the file, keeps each record whose checksum holds (from schema 4;
// an older file's records must decode), and names, from the summary index,
// the sessions whose record is damaged or gone. Pages on the free list,
// which hold earlier versions of records and deleted ones, are left out
// when the free list reads; when it does not, the newest version of each
// session is kept. It only reads the file, which it does not lock: run it
// on a file no servicecheck is writing (a damaged one, or a copy).
func Salvage(path string) (*Salvaged, error) {
	if exists, err := checkKind(path); err != nil || !exists {
		if err == nil {
			err = noFile(path, nil)
		}
		return nil, err
	}
	f, err := openData(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, openFailed(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, openFailed(path, err)
	}
	sc := newScanner(data)
	sc.scan()
	return sc.result(), nil
}

type salvageScanner struct {
	data   []byte
	ps     int
	free   map[uint64]bool
	sealed bool
	// found holds the newest readable version of each session; bad the ids
	// of session records that do not read, with why; sums the summaries
	// that read, by id.
	found map[string]*checklist.Session
	bad   map[string]error
	sums  map[string]Summary
	packs map[checklist.Ref]string
	kvs   [][2][]byte
}

func newScanner(data []byte) *salvageScanner {
	sc := &salvageScanner{data: data, ps: 4096, found: map[string]*checklist.Session{},
		bad: map[string]error{}, sums: map[string]Summary{}, packs: map[checklist.Ref]string{}}
	var metas []boltMeta
	for _, ps := range []int{0, 1024, 2048, 4096, 8192, 16384, 32768, 65536} {
		if ps+boltPageHeader+boltMetaSize <= len(data) {
			if m, ok := parseMeta(data[ps:]); ok && (ps == 0 || int(m.pageSize) == ps) {
				metas = append(metas, m)
			}
		}
	}
	if len(metas) > 0 {
		m := metas[0]
		for _, x := range metas[1:] {
			if x.txid > m.txid {
				m = x
			}
		}
		sc.ps = int(m.pageSize)
		sc.free = readFree(data, m)
	}
	return sc
}

// readFree returns the pages on the free list of m, or nil when it does not
// read.
func readFree(data []byte, m boltMeta) map[uint64]bool {
	ids, why := checkFreelist(bytes.NewReader(data), m)
	if why != nil {
		return nil
	}
	free := map[uint64]bool{}
	for _, id := range ids {
		free[id] = true
	}
	return free
}

// scan reads every leaf page (and the inline buckets inside them) and
// sorts out what their entries are.
func (sc *salvageScanner) scan() {
	ne := binary.NativeEndian
	for id := 2; (id+1)*sc.ps <= len(sc.data); id++ {
		if sc.free[uint64(id)] {
			continue
		}
		page := sc.data[id*sc.ps : (id+1)*sc.ps]
		if ne.Uint16(page[8:]) != boltLeafFlag || ne.Uint64(page) != uint64(id) {
			continue
		}
		if ov := int(ne.Uint32(page[12:])); ov > 0 && (id+1+ov)*sc.ps <= len(sc.data) {
			page = sc.data[id*sc.ps : (id+1+ov)*sc.ps]
			id += ov
		}
		sc.leaf(page, 0)
	}
	// Whether the file's values are sealed: any sealed session or summary
	// says so; otherwise it is an older file, whose records must decode.
	for _, kv := range sc.kvs {
		if _, err := unseal(bucketSessions, kv[0], kv[1]); err == nil {
			sc.sealed = true
			break
		}
		if _, err := unseal(bucketSummaries, kv[0], kv[1]); err == nil {
			sc.sealed = true
			break
		}
	}
	for _, kv := range sc.kvs {
		sc.entry(kv[0], kv[1])
	}
}

// leaf collects the entries of the leaf page in p.
func (sc *salvageScanner) leaf(p []byte, depth int) {
	ne := binary.NativeEndian
	if len(p) < boltPageHeader || depth > 2 {
		return
	}
	count := int(ne.Uint16(p[10:]))
	for i := range count {
		at := boltPageHeader + i*boltElemSize
		if at+boltElemSize > len(p) {
			return
		}
		e := p[at : at+boltElemSize]
		flags, pos := ne.Uint32(e[0:]), int(ne.Uint32(e[4:]))
		ksize, vsize := int(ne.Uint32(e[8:])), int(ne.Uint32(e[12:]))
		end := at + pos + ksize + vsize
		if pos < 0 || ksize < 0 || vsize < 0 || end > len(p) || end < at {
			continue
		}
		k, v := p[at+pos:at+pos+ksize], p[at+pos+ksize:end]
		if flags&boltBucketLeaf != 0 {
			if len(v) >= boltBucketHdr && ne.Uint64(v) == 0 {
				sc.leaf(v[boltBucketHdr:], depth+1) // an inline bucket
			}
			continue
		}
		sc.kvs = append(sc.kvs, [2][]byte{k, v})
	}
}

// entry sorts one key and value out: a session record, a summary, a pack,
// or something else (a client index entry, the marker) that is rebuilt.
func (sc *salvageScanner) entry(k, v []byte) {
	open := func(bucket []byte) ([]byte, bool) {
		if !sc.sealed {
			return v, true
		}
		p, err := unseal(bucket, k, v)
		return p, err == nil
	}
	if ValidID(string(k)) && len(v) > 0 && (v[0] == recordFormat || v[0] == recordFormatDetails) {
		id := string(k)
		p, ok := open(bucketSessions)
		if !ok {
			sc.bad[id] = errChecksum
			return
		}
		sess, err := decodeRecord(id, p)
		if err != nil {
			sc.bad[id] = err
			return
		}
		if old, ok := sc.found[id]; !ok || sess.UpdatedAt.After(old.UpdatedAt) {
			sc.found[id] = sess
		}
		return
	}
	if len(k) > 8 && ValidID(string(k[8:])) {
		if p, ok := open(bucketSummaries); ok {
			if sum, err := decodeSummary(p); err == nil && sum.ID == string(k[8:]) {
				sc.sums[sum.ID] = sum
			}
		}
		return
	}
	if ref, ok := refOfKey(k); ok {
		if p, ok := open(bucketPacks); ok {
			if _, err := checkPack(ref, p); err == nil {
				sc.packs[ref] = string(p)
			}
		}
	}
}

func (sc *salvageScanner) result() *Salvaged {
	out := &Salvaged{}
	for _, s := range sc.found {
		out.Sessions = append(out.Sessions, s)
	}
	slices.SortFunc(out.Sessions, func(a, b *checklist.Session) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	for ref, y := range sc.packs {
		out.Packs = append(out.Packs, PackFile{ID: ref.ID, Version: ref.Version, Lang: ref.Lang, YAML: y})
	}
	slices.SortFunc(out.Packs, func(a, b PackFile) int { return bytes.Compare(packKey(a.Ref()), packKey(b.Ref())) })
	lost := map[string]Lost{}
	for id, why := range sc.bad {
		if _, ok := sc.found[id]; !ok {
			lost[id] = Lost{ID: id, Why: codedError(nil, "lost.damaged", fmt.Sprintf("its record is damaged: %v", why), why, "Detail", why)}
		}
	}
	for id, sum := range sc.sums {
		if _, ok := sc.found[id]; ok {
			continue
		}
		l, ok := lost[id]
		if !ok {
			l = Lost{ID: id, Why: errRecordMissing}
		}
		l.Client, l.CreatedAt = sum.Client, sum.CreatedAt
		lost[id] = l
	}
	for _, l := range lost {
		out.Lost = append(out.Lost, l)
	}
	slices.SortFunc(out.Lost, func(a, b Lost) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// errRecordMissing is why a session listed in the indexes was lost.
var errRecordMissing = problem("lost.missing", "its record is missing")
