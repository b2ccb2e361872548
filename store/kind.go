package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/fileout"
)

// checkKind reports whether the data file at path exists, and refuses at
// once anything but a regular file (or a link to one): opening a named
// pipe waits for a writer for ever, a device or a folder is nobody's data
// file, and a link to nothing would be followed by bbolt, which creates
// the file it names wherever that is.
func checkKind(path string) (exists bool, err error) {
	target, mode, exists, err := fileout.Resolve(path)
	if err != nil {
		if errors.Is(err, fileout.ErrDanglingLink) {
			return true, notOurs(path, err, nil)
		}
		return false, openFailed(path, err)
	}
	if !exists {
		return false, nil
	}
	if !mode.IsRegular() {
		return true, notOurs(path, notRegular(mode, target != path), nil)
	}
	return true, nil
}

// openData opens the data file with the flags given, never waiting on a
// named pipe put in its place after checkKind looked (O_NONBLOCK), and
// refuses what is not a regular file.
func openData(path string, flag int, perm fs.FileMode) (*os.File, error) {
	f, err := os.OpenFile(path, flag|openNonblock, perm)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = notOurs(path, notRegular(st.Mode(), false), nil)
	}
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return f, nil
}

// notRegular is the problem of a data file that is not a regular file:
// a folder, a device, a pipe (link when it is reached through a link).
func notRegular(mode fs.FileMode, link bool) error {
	what := fileout.Kind(mode)
	code := "damage.kind." + fileout.KindCode(mode)
	if link {
		return problem("damage.link_to", fmt.Sprintf("it is a link to %s, not a regular file", what), "Kind", checklist.Term(code))
	}
	return problem("damage.not_regular", "it is "+what+", not a regular file", "Kind", checklist.Term(code))
}
