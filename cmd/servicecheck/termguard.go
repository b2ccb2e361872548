package main

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// guardedFile is a terminal behind termtext's Writer: what a command writes
// to it loses every control character and escape sequence but colour,
// whatever the text's source (a crafted data file, a pack, a CSV export).
// It keeps the file's Fd, Read and Close so that colour detection still
// sees a terminal.
type guardedFile struct {
	*termtext.Writer
	f *os.File
}

func (g guardedFile) Fd() uintptr                { return g.f.Fd() }
func (g guardedFile) Read(p []byte) (int, error) { return g.f.Read(p) }
func (g guardedFile) Close() error               { return g.f.Close() }

// guard returns w behind termtext's Writer when it is a terminal, and w
// itself otherwise: a file or a pipe gets the bytes the user asked for.
func guard(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return w
	}
	return guardedFile{Writer: termtext.NewWriter(f), f: f}
}
