package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestRandomDamageNeverPanics flips random bytes of a valid file and uses
// it: whatever happens must be an error or a success, never a panic that
// escapes, and a failed open must leave the file as it was.
func TestRandomDamageNeverPanics(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	valid, _ := os.ReadFile(writeValidStore(t, dir))
	seed := seedFromEnv(t)
	rng := rand.New(rand.NewPCG(seed, 8))
	path := filepath.Join(dir, "flip.db")
	damagedN := 0
	for range 300 {
		b := bytes.Clone(valid)
		for range 1 + rng.IntN(8) {
			b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		ro := rng.IntN(2) == 0
		err := openAndUse(path, ro)
		if err != nil {
			damagedN++
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("damaged file: %v, want ErrDamaged", err)
			}
		}
		if _, err := Inspect(path, Options{}); err != nil {
			damagedN++
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("inspect a damaged file: %v, want ErrDamaged", err)
			}
		}
		if after, _ := os.ReadFile(path); ro && !bytes.Equal(after, b) {
			t.Fatal("a read-only open changed the file")
		}
	}
	t.Logf("%d of 600 opens and inspections reported a problem", damagedN)
}

// seedFromEnv lets a failure found with STORE_TEST_SEED=n be replayed.
func seedFromEnv(t *testing.T) uint64 {
	n, err := strconv.ParseUint(os.Getenv("STORE_TEST_SEED"), 10, 64)
	if err != nil {
		n = 7
	}
	t.Logf("seed %d (set STORE_TEST_SEED to change)", n)
	return n
}
