package report

// Which font draws a piece of the PDF's text. The Go fonts draw Latin (every
// letter of en, it, sq, af), Greek and Cyrillic; a text that needs a letter
// they lack (a Hebrew, Arabic, Armenian or Georgian client, a note with
// IPA or maths) is set, as a whole block, in DejaVu Sans, which has them.
// What neither has (CJK, emoji, anything past the Basic Multilingual
// Plane, which fpdf cannot address) becomes one "?" a character and is
// counted, so that export can say the DOCX and HTML keep it.

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fallbackFamily is DejaVu Sans's name in the PDF; it is registered only
// in a PDF that needs it, so that a Latin report embeds the Go fonts alone.
const fallbackFamily = "dejavu"

// face is one font file the PDF may use.
type face struct {
	family, style string
	ttf           []byte
	cov           func() []bool
}

// coverage reports, for every rune of the Basic Multilingual Plane, whether
// ttf has a glyph for it. Built once a font, on the first PDF that asks.
func coverage(ttf []byte) func() []bool {
	return sync.OnceValue(func() []bool {
		out := make([]bool, 0x10000)
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return out
		}
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x10000; r++ {
			if gi, err := f.GlyphIndex(&buf, r); err == nil && gi != 0 {
				out[r] = true
			}
		}
		return out
	})
}

var (
	goRegular     = face{fontFamily, "", goregular.TTF, coverage(goregular.TTF)}
	goBold        = face{fontFamily, "B", gobold.TTF, coverage(gobold.TTF)}
	dejavuRegular = face{fallbackFamily, "", dejavusans.TTF, coverage(dejavusans.TTF)}
	dejavuBold    = face{fallbackFamily, "B", dejavusansbold.TTF, coverage(dejavusansbold.TTF)}
)

// faces are the fonts that may draw a text of the style, best first: the Go
// font keeps the report's look; DejaVu of the same weight, then regular
// DejaVu, draw what it lacks.
func faces(style string) []face {
	if style == "B" {
		return []face{goBold, dejavuBold, dejavuRegular}
	}
	return []face{goRegular, dejavuRegular}
}

func (fc face) has(r rune) bool {
	cov := fc.cov()
	return r >= 0 && int(r) < len(cov) && cov[r]
}

// invisible is a character that draws nothing and is left out of the PDF:
// control characters, joiners, direction marks, variation selectors (the
// bidi reordering does the marks' work).
func invisible(r rune) bool {
	return r != '\n' && (unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r))
}

// extends reports whether r belongs to the character before it: a
// combining mark, a skin tone, a joiner, a variation selector, a tag.
func extends(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200d || unicode.Is(unicode.Variation_Selector, r) ||
		(r >= 0x1f3fb && r <= 0x1f3ff) || (r >= 0xe0020 && r <= 0xe007f)
}

// metaText is s for the file's metadata (title, author), which a viewer
// shows in its own fonts: all of the Basic Multilingual Plane passes (fpdf
// encodes no more), the rest is "?".
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case invisible(r):
			return -1
		case r > 0xffff || r == unicode.ReplacementChar:
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// chooseFace picks the face of style that draws most of s (the Go font on
// a tie, so that the look does not change for a character nobody has).
func chooseFace(s, style string) face {
	fs := faces(style)
	best, bestN := fs[0], -1
	for _, fc := range fs {
		n := 0
		for _, r := range s {
			if fc.has(r) {
				n++
			}
		}
		if n > bestN {
			best, bestN = fc, n
		}
	}
	return best
}

// plain reports whether the Go font of style draws all of s as it is, left
// to right: the text goes to fpdf unchanged, as before fallbacks existed.
func plain(s string, fc face) bool {
	for i := 0; i < len(s); i++ {
		// Printable ASCII, the bulk of most reports, is in every face.
		if c := s[i]; c >= 0x20 && c < 0x7f || c == '\n' {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !fc.has(r) || invisible(r) || isRTL(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// placeholders returns s with the invisible characters left out and every
// character fc cannot draw (with what extends it: a skin tone, the rest
// of an emoji joined by ZWJ, combining marks) as one "?", and the runs of
// such characters as they were.
func placeholders(s string, fc face) (string, []string) {
	var b strings.Builder
	b.Grow(len(s))
	var runs []string
	run := -1                    // where the current run of lost characters starts in s
	lost, joined := false, false // the last character was a "?"; a ZWJ follows it
	end := func(i int) {
		if run >= 0 {
			runs = append(runs, s[run:i])
			run = -1
		}
	}
	for i, r := range s {
		switch {
		case lost && (extends(r) || joined):
			joined = r == 0x200d
			continue
		case invisible(r):
			end(i)
			lost, joined = false, false
			continue
		case r == '\n' || fc.has(r):
			end(i)
			lost, joined = false, false
			b.WriteRune(r)
		default:
			b.WriteByte('?')
			if run < 0 {
				run = i
			}
			lost, joined = true, false
		}
	}
	end(len(s))
	return b.String(), runs
}

// noFace draws nothing.
var noFace = face{cov: func() []bool { return nil }}

// lostCount is how many characters a run of lost ones holds: as many as
// it shows "?".
func lostCount(run string) int {
	t, _ := placeholders(run, noFace)
	return strings.Count(t, "?")
}
