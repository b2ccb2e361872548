package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// RenameClient gives every session of client from (matched as ClientKey
// does) the name to, in one transaction, and returns how many there were.
// A from with no sessions is ErrNotFound; a to that already names another
// client with sessions is ErrConflict (MergeClients joins two histories:
// a rename never does so by accident). Changing only the spelling
// ("acme ltd" to "Acme Ltd") is a rename.
func (s *Store) RenameClient(from, to string) (int, error) {
	to = trimSpace(to)
	if err := checkClientName(to); err != nil {
		return 0, err
	}
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		if ClientKey(from) != ClientKey(to) {
			if ids := clientIDs(bucketsOf(tx), to); len(ids) > 0 {
				return codedError(ErrConflict, "store.client_exists", fmt.Sprintf("client %q already has sessions: "+
					"to join the two histories, merge them", to), nil, "Client", fmt.Sprintf("%q", to))
			}
		}
		var err error
		n, err = s.moveClient(tx, from, to)
		return err
	})
	return n, err
}

// MergeClients moves every session of client from to client into, which
// must have sessions already, under into's stored name: a typo'd
// client's history joins the right one. It returns how many sessions
// moved. Either client with no sessions is ErrNotFound; the same client
// twice is ErrInvalid.
func (s *Store) MergeClients(from, into string) (int, error) {
	if ClientKey(from) == ClientKey(into) {
		return 0, codedError(ErrInvalid, "store.client_same", fmt.Sprintf("%q and %q are the same client", trimSpace(from),
			trimSpace(into)), nil, "First", fmt.Sprintf("%q", trimSpace(from)), "Second", fmt.Sprintf("%q", trimSpace(into)))
	}
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		b := bucketsOf(tx)
		name, err := storedSpelling(b, into)
		if err != nil {
			return damaged(s.path, err, err)
		}
		if name == "" {
			return noClient(into)
		}
		n, err = s.moveClient(tx, from, name)
		return err
	})
	return n, err
}

// moveClient renames every session of from to name, re-indexing each.
func (s *Store) moveClient(tx *bolt.Tx, from, name string) (int, error) {
	ids := clientIDs(bucketsOf(tx), from)
	if len(ids) == 0 {
		return 0, noClient(from)
	}
	// Collected first: the client index changes as sessions move.
	for _, id := range ids {
		sess, err := s.loadExact(tx, id)
		if err != nil {
			return 0, err
		}
		old := *sess
		sess.Client = name
		if err := s.putSession(tx, &old, sess); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

func clientIDs(b buckets, client string) []string {
	p := clientPrefix(client)
	var ids []string
	c := b.clients.Cursor()
	for k, _ := c.Seek(p); hasPrefix(k, p); k, _ = c.Next() {
		ids = append(ids, string(k[len(p)+8:]))
	}
	return ids
}

func noClient(client string) error {
	return codedError(ErrNotFound, "store.no_client", fmt.Sprintf("no sessions for client %q", trimSpace(client)), nil,
		"Client", fmt.Sprintf("%q", trimSpace(client)))
}

func checkClientName(name string) error {
	if name == "" {
		return codedError(ErrInvalid, "store.client_empty", "the new client name is empty", nil)
	}
	if err := checkText("client", name, maxName, false); err != nil {
		return newError(ErrInvalid, err.Error(), err)
	}
	return nil
}
