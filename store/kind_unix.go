//go:build unix

package store

import "syscall"

// openNonblock makes opening a named pipe return at once instead of
// waiting for the other end; it changes nothing for a regular file.
const openNonblock = syscall.O_NONBLOCK
