package main

import (
	"errors"
	"io"
	"io/fs"
	"strings"

	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/fileout"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/store"
)

// maxLostLines caps the sessions printLost names: a file damaged all over
// must not bury the message in thousands of lines.
const maxLostLines = 20

// printLost names, on w, the sessions a command could not read (an
// incomplete export, a salvage): id, client and date where known, and why.
func printLost(w io.Writer, l *i18n.Locale, lost []store.Lost) {
	if len(lost) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(l.N("truststore.lost.heading", len(lost)) + "\n")
	for i, x := range lost {
		if i == maxLostLines {
			b.WriteString(l.N("truststore.lost.more", len(lost)-i) + "\n")
			break
		}
		id := x.ID
		if id == "" {
			id = l.T("truststore.lost.unknown_id")
		}
		date := ""
		if !x.CreatedAt.IsZero() {
			date = l.Date(x.CreatedAt)
		}
		line := l.T("truststore.lost.item", "ID", id, "Client", cellText(x.Client), "Date", date, "Why", cellText(usertext.Error(l, x.Why)))
		// An unknown client or date leaves no double space behind.
		b.WriteString("  " + strings.Join(strings.Fields(line), " ") + "\n")
	}
	_, _ = io.WriteString(w, b.String())
}

// writeOutput writes data to out when path is "" or "-", else to the file
// path by fileout's rule (replace a regular file by renaming, write a pipe
// or a device in place, refuse anything else): every -o goes through it.
// Its errors are worded from the catalogue; fileout.ErrExists is left for
// the caller, whose advice differs (--force, another name).
func writeOutput(out io.Writer, path string, data []byte, opts fileout.Options) error {
	if path == "" || path == "-" {
		_, err := out.Write(data)
		return err
	}
	err := fileout.Write(path, data, opts)
	var fe *fileout.Error
	if !errors.As(err, &fe) {
		return err
	}
	switch fe.Code {
	case "folder":
		return msgError("cmd.write.folder", "File", path)
	case "no_folder":
		return msgError("cmd.write.no_folder", "File", path, "Folder", fe.Detail)
	case "dangling":
		return msgError("truststore.write.dangling", "File", path, "Target", fe.Detail)
	case "special":
		kind := "truststore.kind.special"
		switch m := fe.Mode; {
		case m&fs.ModeNamedPipe != 0:
			kind = "truststore.kind.pipe"
		case m&fs.ModeCharDevice != 0:
			kind = "truststore.kind.char_device"
		case m&fs.ModeDevice != 0:
			kind = "truststore.kind.block_device"
		case m&fs.ModeSocket != 0:
			kind = "truststore.kind.socket"
		}
		return msgError("truststore.write.special", "File", path, "Kind", usertext.Word(kind))
	case "exists":
		return err
	}
	return wrap(fileout.Bare(fe.Err), "cmd.write.failed", "File", path)
}
