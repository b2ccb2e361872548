package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/charmbracelet/keygen"
)

// HostKey makes sure an Ed25519 host key exists at path, creating it (0600,
// in a 0700 folder) the first time, so that respondents' SSH clients see
// the same server key on every run and can warn of an impostor. A key
// file that others may read, or that is not a regular file, is refused:
// whoever reads it can pose as this server.
func HostKey(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return fmt.Errorf("host key folder: %w", err)
		}
		if _, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519), keygen.WithWrite()); err != nil {
			return fmt.Errorf("make host key %s: %w", path, err)
		}
		return os.Chmod(path, 0o600)
	case err != nil:
		return fmt.Errorf("host key: %w", err)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("host key %s is not a regular file", path)
	case fi.Mode().Perm()&0o077 != 0:
		return fmt.Errorf("host key %s may be read by others (mode %04o): make it 0600", path, fi.Mode().Perm())
	}
	return nil
}
