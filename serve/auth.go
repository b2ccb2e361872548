package serve

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// ErrNoAuth is returned by New when neither authorized keys nor join codes
// are configured: the server never lets anyone in without one.
var ErrNoAuth = errors.New("no way to authenticate: give authorized keys or join codes")

// AuthorizedKeys are the public keys allowed in, read once from an
// authorized_keys file.
type AuthorizedKeys []gossh.PublicKey

// ReadAuthorizedKeys reads an OpenSSH authorized_keys file. Options
// before a key are ignored; a line that is not a key is an error naming
// the file and line, and a file with no key is an error too.
func ReadAuthorizedKeys(path string) (AuthorizedKeys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read authorized keys: %w", err)
	}
	var keys AuthorizedKeys
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key: %w", path, i+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no public key in the file", path)
	}
	return keys, nil
}

// allows reports whether key is one of ks.
func (ks AuthorizedKeys) allows(key ssh.PublicKey) bool {
	for _, k := range ks {
		if ssh.KeysEqual(key, k) {
			return true
		}
	}
	return false
}

// codeAlphabet is Crockford's base32 without the letters people confuse
// (no i, l, o, u), upper case as it is read aloud.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Codes are one-time join codes: each lets one respondent in, once.
type Codes struct {
	mu     sync.Mutex
	unused []string
}

// NewCodes makes n codes of 8 characters (40 random bits) each, written
// XXXX-XXXX.
func NewCodes(n int) (*Codes, error) {
	c := &Codes{}
	for range n {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, fmt.Errorf("make join codes: %w", err)
		}
		for i := range b {
			b[i] = codeAlphabet[b[i]&31]
		}
		c.unused = append(c.unused, string(b[:4])+"-"+string(b[4:]))
	}
	return c, nil
}

// List returns the codes not used yet.
func (c *Codes) List() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.unused...)
}

// Use reports whether code is an unused code, and uses it up. Case,
// spaces and the dash do not matter. Every code is compared in constant
// time, so the time taken tells nothing about how close a guess was.
func (c *Codes) Use(code string) bool {
	norm := func(s string) string {
		return strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s)))
	}
	got := []byte(norm(code))
	c.mu.Lock()
	defer c.mu.Unlock()
	found := -1
	for i, u := range c.unused {
		if subtle.ConstantTimeCompare(got, []byte(norm(u))) == 1 {
			found = i
		}
	}
	if found < 0 {
		return false
	}
	c.unused = append(c.unused[:found], c.unused[found+1:]...)
	return true
}
