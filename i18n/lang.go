package i18n

import (
	"fmt"
	"strings"
)

// Source says where the chosen language came from.
type Source string

// The places a language can come from, strongest first.
const (
	FromFlag    Source = "flag"
	FromConfig  Source = "config"
	FromLocale  Source = "locale" // LC_ALL, LC_MESSAGES or LANG
	FromDefault Source = "default"
)

// Resolve chooses the language a user meets: the --lang flag, else the
// configured language (config file or SERVICECHECK_LANG, resolved by the
// caller), else the POSIX locale when it names a language servicecheck
// speaks, else English. As in POSIX, the first of LC_ALL, LC_MESSAGES and
// LANG that is set decides: LC_ALL=C means English even when LANG is
// it_IT.UTF-8. A flag or configured value that names no catalogue is an
// error; a locale that does is just not used.
func Resolve(flag, configured string, getenv func(string) string) (string, Source, error) {
	for _, c := range []struct {
		v   string
		src Source
	}{{flag, FromFlag}, {configured, FromConfig}} {
		if c.v == "" {
			continue
		}
		lang := Normalize(c.v)
		if !Supported(lang) {
			return Default, c.src, fmt.Errorf("language %q is not available: use one of %s",
				c.v, strings.Join(Languages(), ", "))
		}
		return lang, c.src, nil
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if lang := Normalize(v); Supported(lang) {
			return lang, FromLocale, nil
		}
		break
	}
	return Default, FromDefault, nil
}

// Normalize reduces a locale name to its language: "it_IT.UTF-8@euro",
// "it-IT" and "IT" are all "it".
func Normalize(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexAny(v, "_-.@"); i >= 0 {
		v = v[:i]
	}
	return v
}
