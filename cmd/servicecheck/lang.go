package main

import "github.com/servicecheck/servicecheck/i18n"

// testLang, when a test sets it, is the language of everything the
// commands word, the user's and the packs' alike. It lets tests use
// i18n.Pseudo, which i18n.Resolve rightly refuses to a user.
var testLang string

// uiLang returns the language a user meets in this run: flag (a --lang
// value, "" when not given), else the configured language (SERVICECHECK_LANG
// or the config file's lang), else the POSIX locale,
// else English (i18n.Resolve has the rule). A stored session is still
// shown in the language it was answered in: this is the language of what
// belongs to no session (home, lists, messages) and of new sessions.
func (a *app) uiLang(flag string) (string, error) {
	if testLang != "" {
		return testLang, nil
	}
	lang, _, err := i18n.Resolve(flag, a.settings().Lang.Value, a.getenv)
	return lang, err
}

// locale returns the catalogue of the language uiLang chooses with no
// flag; an unusable SERVICECHECK_LANG falls back to English here, and is
// reported by the commands that take --lang.
func (a *app) locale() *i18n.Locale {
	lang, _ := a.uiLang("")
	return i18n.For(lang)
}

// packLocale returns the catalogue of a pack's language, in which what
// belongs to the pack (its outline, its answers template) is worded.
func packLocale(lang string) *i18n.Locale {
	if testLang != "" {
		return i18n.For(testLang)
	}
	return i18n.For(lang)
}
