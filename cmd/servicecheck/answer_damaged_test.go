package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// When the client's earlier session cannot be read, answer fails before it
// writes: the data file is byte for byte as it was, as the message says
// ("it was left unchanged"). It used to record the new session first and
// then fail showing it.
func TestAnswerLeavesADamagedFileUnchanged(t *testing.T) {
	c := newCLITest(t)
	first := answersFile("Acme Ltd", flat("2"), nil)
	c.ok("answer", "--answers", c.file("q1.yaml", first))
	id := c.sessions()[0].ID

	db, err := bolt.Open(c.db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("sessions")).Put([]byte(id), []byte{0xff, 0xfe, 0xfd})
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(c.db)
	if err != nil {
		t.Fatal(err)
	}

	stderr := c.fails(exitDamaged, "answer", "--answers", c.file("q2.yaml", first))
	if !strings.Contains(stderr, "left unchanged") || strings.Contains(stderr, "recorded session") {
		t.Errorf("stderr %q", stderr)
	}
	after, err := os.ReadFile(c.db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the damaged data file was written to")
	}
}
