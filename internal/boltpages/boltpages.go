// Package boltpages finds the bytes of a bbolt file that hold data, for
// the tests that damage them (store's and reliability's byte-flip tests):
// the used part of every branch and leaf page in use, without the meta
// pages (which bbolt checksums itself), the free list, free pages and the
// unused tail of each page, where a changed byte changes nothing.
package boltpages

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Span is a run of bytes of the file: Len bytes from Off.
type Span struct{ Off, Len int64 }

// Live returns the used bytes of every branch and leaf page in use in the
// bbolt file at path. It works on a copy, because bbolt loads the free list
// only for a writer.
func Live(path string) ([]Span, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "boltpages")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "copy.db")
	if err := os.WriteFile(cp, raw, 0o600); err != nil {
		return nil, err
	}
	db, err := bolt.Open(cp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ps := int64(db.Info().PageSize)
	var spans []Span
	err = db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil {
				return err
			}
			if info == nil {
				return nil
			}
			if info.Type != "branch" && info.Type != "leaf" {
				continue
			}
			off := int64(id) * ps
			size := ps * int64(1+info.OverflowCount)
			if off+size > int64(len(raw)) {
				return fmt.Errorf("page %d runs past the end of the file", id)
			}
			spans = append(spans, Span{off, used(raw[off:off+size], info.Type == "leaf")})
			id += info.OverflowCount
		}
	})
	return spans, err
}

// used returns how many bytes of page p (header included) hold data.
func used(p []byte, leaf bool) int64 {
	const hdr, elem = 16, 16
	ne := binary.NativeEndian
	count := int64(ne.Uint16(p[10:]))
	end := hdr + count*elem
	for i := range count {
		at := hdr + i*elem
		e := p[at : at+elem]
		var n int64
		if leaf {
			n = at + int64(ne.Uint32(e[4:])) + int64(ne.Uint32(e[8:])) + int64(ne.Uint32(e[12:]))
		} else {
			n = at + int64(ne.Uint32(e[0:])) + int64(ne.Uint32(e[4:]))
		}
		end = max(end, n)
	}
	return min(end, int64(len(p)))
}
