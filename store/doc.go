// Package store keeps servicecheck sessions in one local bbolt file.
//
// Every answer is committed in its own transaction as it is given, so that
// quitting, a crash or a kill loses nothing that was confirmed. Records use
// a compact, versioned binary encoding (see codec.go); a summary index and a
// client index let history be listed without decoding whole records. The
// content packs of a user's own that sessions were answered with are kept
// too (see packs.go), so those sessions outlast the pack files. The
// file carries a schema version and is upgraded by an ordered list of
// migrations run in one transaction (see schema.go).
//
// The file is held only while a Store is open: open it, do the work, close
// it (Do does all three), so that a second servicecheck can use it next.
package store
