package main

import (
	"bytes"
	"io"
	"os"
)

// spoolMem is how much output a spool keeps in memory before it moves to a
// temporary file: the JSON list of about 2,000 sessions (a table of 15,000),
// small next to the 40 MB that list may use over 100,000 sessions.
const spoolMem = 1 << 20

// spool holds output produced while the data file is held, so that a slow
// reader (`servicecheck list | less` over a long history) never keeps the
// file from a wizard running in another terminal: the listing reads the
// index and writes here at full speed, the file is released, and only then
// is the output copied to its reader. Past spoolMem it goes to a temporary
// file (0600, removed by Close), so memory stays flat however long the list.
type spool struct {
	mem  bytes.Buffer
	file *os.File
}

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) <= spoolMem {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "servicecheck-list-*")
		if err != nil {
			return 0, wrap(err, "cmd.list.spool_failed")
		}
		s.file = f
	}
	n, err := s.file.Write(p)
	if err != nil {
		return n, wrap(err, "cmd.list.spool_failed")
	}
	return n, nil
}

// WriteTo copies everything written so far to w.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	n, err := s.mem.WriteTo(w)
	if err != nil || s.file == nil {
		return n, err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return n, wrap(err, "cmd.list.read_back_failed")
	}
	m, err := io.Copy(w, s.file)
	return n + m, err
}

// Close removes the temporary file, if there is one.
func (s *spool) Close() error {
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	s.file = nil
	return err
}
