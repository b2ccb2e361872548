package main

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/servicecheck/servicecheck/config"
	"image"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/servicecheck/servicecheck/report"
)

// maxLogo bounds the logo file: a cover logo is small, and a mistaken
// path to a huge file should fail fast rather than bloat every report.
const maxLogo = 4 << 20

// pagedOptions reads the options of the readable reports: the paper size
// and the consultant's details, with the logo read and checked here so
// that a bad file is a clear error rather than a report without it.
func pagedOptions(opts *exportOptions) (report.Options, error) {
	o := report.Options{Branding: report.Branding{Firm: opts.Branding.Firm, Consultant: opts.Branding.Consultant,
		Contact: opts.Branding.Contact}}
	switch p := strings.ToLower(opts.Paper); p {
	case "", "a4":
		o.Paper = "a4"
	case "letter":
		o.Paper = "letter"
	default:
		return o, usageError("report.export.paper", "Value", fmt.Sprintf("%q", opts.Paper))
	}
	if opts.Branding.Logo == "" {
		return o, nil
	}
	data, err := readLogo(opts.Branding.Logo)
	if err != nil {
		return o, err
	}
	_, kind, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (kind != "png" && kind != "jpeg") {
		return o, usageError("report.export.logo_format", "File", opts.Branding.Logo)
	}
	o.Branding.Logo, o.Branding.LogoPath = data, opts.Branding.Logo
	o.Branding.LogoType = map[string]string{"png": "png", "jpeg": "jpg"}[kind]
	return o, nil
}

// readLogo reads a regular file of at most maxLogo bytes.
func readLogo(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notFound("report.export.logo_missing", "File", path)
	}
	if err != nil {
		return nil, wrap(pathCause(err), "report.export.logo_read", "File", path)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, usageError("report.export.logo_format", "File", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxLogo+1))
	if err != nil {
		return nil, wrap(pathCause(err), "report.export.logo_read", "File", path)
	}
	if len(data) > maxLogo {
		return nil, usageError("report.export.logo_big", "File", path)
	}
	return data, nil
}

// pathCause drops the operation and file name an os error carries, for
// messages that name the file themselves.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// or fills what the flags left empty with the configured details (config
// file or SERVICECHECK_FIRM and the like): flag > env > config.
func (b brandingOptions) or(c *config.Config) brandingOptions {
	for _, f := range []struct {
		dst *string
		v   config.Value
	}{{&b.Firm, c.Firm}, {&b.Consultant, c.Consultant}, {&b.Contact, c.Contact}, {&b.Logo, c.Logo}} {
		if *f.dst == "" {
			*f.dst = f.v.Value
		}
	}
	return b
}
