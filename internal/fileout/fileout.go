// Package fileout is the one rule by which servicecheck writes a file the
// user named (-o of export, content export, answer --template, doctor
// --salvage): a new file or a regular file is written to a temporary file
// beside it, synced and renamed over it, so that a failed write never
// leaves half a file where the old one was; a named pipe or a character
// device (a terminal, /dev/null, /dev/stdout) is written in place, because
// that is what naming one means; anything else is refused, and nothing
// that is not a regular file is ever replaced.
package fileout

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned (wrapped) by Write with NoClobber when path is an
// existing regular file.
var ErrExists = errors.New("file exists")

// ErrDanglingLink is returned (wrapped) by Resolve and Write for a link to
// a file that does not exist.
var ErrDanglingLink = errors.New("link to nothing")

// Options tune Write.
type Options struct {
	// Perm is the mode of the file written (a new one, or the one that
	// replaces a regular file): 0600 for anything holding client data.
	Perm fs.FileMode
	// NoClobber refuses to replace an existing regular file (ErrExists).
	NoClobber bool
}

// Kind names the kind of file m is, for messages: "a folder", "a named
// pipe", "a character device", "a block device", "a socket", "a link",
// "a regular file" or "a special file".
func Kind(m fs.FileMode) string {
	return kindWords[KindCode(m)]
}

// kindWords are the English words of KindCode's codes, for err.Error();
// users read the catalogue's (domain.damage.kind.*).
var kindWords = map[string]string{
	"regular": "a regular file", "folder": "a folder", "pipe": "a named pipe",
	"char_device": "a character device", "block_device": "a block device",
	"socket": "a socket", "link": "a link", "special": "a special file",
}

// KindCode names the kind of file m is, as a code: "regular", "folder",
// "pipe", "char_device", "block_device", "socket", "link" or "special".
func KindCode(m fs.FileMode) string {
	switch t := m.Type(); {
	case t == 0:
		return "regular"
	case t&fs.ModeDir != 0:
		return "folder"
	case t&fs.ModeNamedPipe != 0:
		return "pipe"
	case t&fs.ModeCharDevice != 0:
		return "char_device"
	case t&fs.ModeDevice != 0:
		return "block_device"
	case t&fs.ModeSocket != 0:
		return "socket"
	case t&fs.ModeSymlink != 0:
		return "link"
	}
	return "special"
}

// InPlace reports whether a file of mode m is written in place rather than
// replaced: a named pipe or a character device.
func InPlace(m fs.FileMode) bool {
	return m&fs.ModeNamedPipe != 0 || m&fs.ModeCharDevice != 0
}

// Resolve follows path when it is a symbolic link and returns the file it
// names with that file's mode: the link itself is never replaced. A
// missing path gives ok false; a link to nothing is an error.
func Resolve(path string) (target string, mode fs.FileMode, ok bool, err error) {
	li, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, 0, false, nil
	}
	if err != nil {
		return path, 0, false, Bare(err)
	}
	if li.Mode()&fs.ModeSymlink == 0 {
		return path, li.Mode(), true, nil
	}
	to, err := filepath.EvalSymlinks(path)
	if err != nil {
		dest, _ := os.Readlink(path)
		return path, 0, false, &danglingError{dest}
	}
	fi, err := os.Stat(to)
	if err != nil {
		return path, 0, false, Bare(err)
	}
	return to, fi.Mode(), true, nil
}

// Error is what Write returns: what went wrong with which file, as a code
// a caller can word for people (Error gives the English).
type Error struct {
	Path string
	// Code is "folder" (path is a folder), "no_folder" (its folder does
	// not exist; Detail names it), "special" (a kind of file that is
	// never written; Mode says which), "dangling" (a link to nothing;
	// Detail is its target), "exists" (NoClobber) or "io" (Err says).
	Code   string
	Mode   fs.FileMode
	Detail string
	Err    error
}

func (e *Error) Error() string {
	var why string
	switch e.Code {
	case "folder":
		why = "it is a folder: give a file name"
	case "no_folder":
		why = "folder " + e.Detail + " does not exist"
	case "special":
		why = "it is " + Kind(e.Mode) + ": servicecheck writes only to a regular file, a named pipe " +
			"or a character device, and never replaces anything else"
	case "dangling":
		why = "it is a link to " + e.Detail + ", which does not exist"
	case "exists":
		why = "it already exists"
	default:
		why = e.Err.Error()
	}
	return "write " + e.Path + ": " + why
}

// Unwrap makes errors.Is find ErrExists, ErrDanglingLink or the cause.
func (e *Error) Unwrap() error {
	switch e.Code {
	case "exists":
		return ErrExists
	case "dangling":
		return ErrDanglingLink
	}
	return e.Err
}

// Write writes data to path by the package's rule. Errors are *Error and
// name path, never the temporary file, which the user did not ask for.
func Write(path string, data []byte, opts Options) error {
	if err := write(path, data, opts); err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			fe.Path = path
			return fe
		}
		var de *danglingError
		if errors.As(err, &de) {
			return &Error{Path: path, Code: "dangling", Detail: de.dest}
		}
		return &Error{Path: path, Code: "io", Err: err}
	}
	return nil
}

func write(path string, data []byte, opts Options) error {
	if opts.Perm == 0 {
		opts.Perm = 0o600
	}
	target, mode, exists, err := Resolve(path)
	if err != nil {
		return err
	}
	switch {
	case !exists:
	case mode.IsRegular():
		if opts.NoClobber {
			return &Error{Code: "exists"}
		}
	case mode.IsDir():
		return &Error{Code: "folder"}
	case InPlace(mode):
		return writeInPlace(target, data)
	default:
		return &Error{Code: "special", Mode: mode}
	}
	return replace(target, data, opts)
}

// writeInPlace writes to an existing pipe or device, without creating or
// truncating anything.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return Bare(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return Bare(err)
}

// replace writes data to a temporary file in path's folder, syncs it and
// renames it over path (or, with NoClobber, links it to path, which fails
// rather than replace a file that appeared meanwhile).
func replace(path string, data []byte, opts Options) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Code: "no_folder", Detail: dir}
	}
	if err != nil {
		return Bare(err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a rename there is nothing left to remove
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(opts.Perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Bare(err)
	}
	if opts.NoClobber {
		err = os.Link(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			return &Error{Code: "exists"}
		}
		if err != nil {
			// A file system without hard links: check and rename.
			if _, serr := os.Lstat(path); serr == nil {
				return &Error{Code: "exists"}
			}
			err = os.Rename(tmp, path)
		}
	} else {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return Bare(err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Bare drops the operation and file name that os errors carry, for
// messages that name the file themselves.
func Bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

type danglingError struct{ dest string }

func (e *danglingError) Error() string { return "it is a link to " + e.dest + ", which does not exist" }
func (e *danglingError) Unwrap() error { return ErrDanglingLink }
