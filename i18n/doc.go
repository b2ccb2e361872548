// Package i18n is the one home of everything a user reads that is not
// content: the message catalogue (YAML files under catalog/, one per domain
// and language, that a translator edits without touching Go), plural rules
// (CLDR, through go-i18n), number and date formats and the collation of
// names, for the languages servicecheck speaks: en, it, sq and af.
//
// A Locale is got with For and is safe for concurrent use. A catalogue
// file is read the first time one of its messages is asked for (the file
// of the id's domain, or common's), never at start-up, so commands such as
// --version pay nothing for the catalogue and list only for its own file
// (fast.go says how).
//
// Message files are named DOMAIN.LANG.yaml (tui.it.yaml). Keys nest with
// dots ("results.total"); a message with plural forms is a map with the
// CLDR categories it needs (one, other; Italian may add many) and gets its
// count as {{.Count}}. Placeholders are text/template fields ({{.Client}})
// and must be the same in every language: the catalogue test checks keys,
// placeholders and plural forms across all files.
//
// The pseudo-locale Pseudo renders every message from the English catalogue
// wrapped in ⟦…⟧, with a decimal comma: a screen or report rendered in it
// shows any text that did not come through the catalogue as bare text.
package i18n
