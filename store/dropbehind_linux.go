package store

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// dropBehind tells the kernel that the process no longer needs the pages
// of the data file's mapping that it has read so far in tx. A long walk
// over an index (EachSummary over 100,000 sessions reads 15 MB of index
// pages, and the kernel maps neighbouring pages around each one it faults
// in) would otherwise keep every page it passed resident in the process
// until the file is closed.
//
// MADV_DONTNEED on bbolt's read-only, shared file mapping only unmaps: the
// page cache keeps the pages, and a page read again is mapped again with
// the same bytes, which no writer may change while tx is open. So it is
// safe whatever is still in use (the cursor's pages are simply mapped
// back); an error is of no consequence either, the pages just stay.
func dropBehind(tx *bolt.Tx) {
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
