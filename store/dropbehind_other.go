//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// dropBehind does nothing here: peak memory is measured and tuned on Linux
// (see dropbehind_linux.go).
func dropBehind(*bolt.Tx) {}
