package store

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/adrg/xdg"
)

// EnvDB is the environment variable that overrides the data file.
const EnvDB = "SERVICECHECK_DB"

// DefaultDir and DefaultFile name the data file inside the user data folder.
const (
	DefaultDir  = "servicecheck"
	DefaultFile = "servicecheck.db"
)

// ResolvePath returns the data file to use: flag (--db) when set, else
// $SERVICECHECK_DB, else servicecheck/servicecheck.db in the user data
// folder. A leading "~/" is the home folder. The folder is computed from getenv rather than from xdg's values,
// which are read once at program start and would ignore a test's (or a
// caller's) environment. The result is absolute.
func ResolvePath(flag string, getenv func(string) string) (string, error) {
	p := flag
	if p == "" {
		p = getenv(EnvDB)
	}
	if p == "" {
		dir, err := dataHome(getenv)
		if err != nil {
			return "", err
		}
		p = filepath.Join(dir, DefaultDir, DefaultFile)
	}
	// A path written in a config file or quoted on a command line keeps
	// its "~/": it means the home folder, never a folder named "~".
	if rest, ok := strings.CutPrefix(p, "~/"); ok || p == "~" {
		home := getenv("HOME")
		if home == "" {
			return "", codedError(nil, "store.no_home", fmt.Sprintf("data file %s: $HOME is not set", p), nil, "Path", p)
		}
		p = filepath.Join(home, rest)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", wrapCode("store.path", "data file "+p, p, err)
	}
	return abs, nil
}

// dataHome follows the XDG base directory rules as adrg/xdg does for each
// platform: an absolute $XDG_DATA_HOME wins (a relative one is ignored, as
// the spec says), then the platform default under $HOME.
func dataHome(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home := getenv("HOME")
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return d, nil
		}
	case "darwin", "ios":
		if home != "" {
			return filepath.Join(home, "Library", "Application Support"), nil
		}
	case "plan9":
		if home != "" {
			return filepath.Join(home, "lib"), nil
		}
	default:
		if home != "" {
			return filepath.Join(home, ".local", "share"), nil
		}
	}
	if xdg.DataHome != "" {
		return xdg.DataHome, nil
	}
	return "", codedError(nil, "store.no_folder", "cannot find a folder for the data file: set HOME, XDG_DATA_HOME or "+EnvDB+", or pass --db",
		nil, "Env", EnvDB)
}
