package main

import (
	"runtime/debug"
	"strings"
)

// Set at build time by release builds (see .goreleaser.yaml):
//
//	-ldflags "-X main.version=1.2.0 -X main.commit=abc1234 -X main.date=2026-12-02T10:00:00Z"
var (
	version = ""
	commit  = ""
	date    = ""
)

// versionString is what --version prints after the program's name.
func versionString() string {
	info, _ := debug.ReadBuildInfo()
	return describeVersion(version, commit, date, info)
}

// describeVersion chooses the best version a binary knows about itself: the
// version a release build was stamped with, else the module version `go
// install …@v1.2.0` records, else "dev"; followed by the revision, its date
// and "modified" (uncommitted changes) when the build knows them — a build
// from a git checkout records them in its build info (-buildvcs).
func describeVersion(stamped, stampedCommit, stampedDate string, info *debug.BuildInfo) string {
	v := stamped
	rev, when, modified := stampedCommit, stampedDate, false
	// goreleaser stamps these when it found no git commit.
	if rev == "none" || rev == "unknown" {
		rev = ""
	}
	if strings.HasPrefix(when, "0001-01-01") {
		when = ""
	}
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" && rev == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if rev == "" {
					rev = s.Value
				}
			case "vcs.time":
				if when == "" {
					when = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true" && stamped == ""
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	// A build from a checkout whose pseudo-version already names the
	// revision says it once, in the parenthesis.
	if rev != "" && stamped == "" && strings.Contains(v, "-") && strings.HasSuffix(strings.TrimSuffix(v, "+dirty"), shortRev(rev)) {
		v = "dev"
	}
	var extra []string
	if rev != "" {
		extra = append(extra, "revision "+shortRev(rev))
	}
	if when != "" {
		extra = append(extra, when)
	}
	if modified {
		extra = append(extra, "modified")
	}
	if len(extra) > 0 {
		v += " (" + strings.Join(extra, ", ") + ")"
	}
	return v
}

// shortRev is the 12-character form of a git revision that Go's
// pseudo-versions use.
func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
