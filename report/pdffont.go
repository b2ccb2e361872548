package report

import (
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// covered reports, for every rune of the Basic Multilingual Plane, whether
// the Go fonts draw it: Latin (every letter of en, it, sq, af), Greek,
// Cyrillic, punctuation, arrows. Built once, on the first PDF.
var covered = sync.OnceValue(func() []bool {
	out := make([]bool, 0x10000)
	f, err := sfnt.Parse(goregular.TTF)
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

// pdfText is s as the PDF's font can draw it: a character the Go fonts
// lack (Hebrew, Arabic, CJK, emoji) becomes "?" rather than an empty box
// or a width fpdf cannot measure; line breaks stay. The DOCX keeps such
// text as it is, since Word picks a font that has it.
func pdfText(s string) string {
	cov := covered()
	ok := true
	for _, r := range s {
		if r != '\n' && (int(r) >= len(cov) || !cov[r]) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '\n' || (int(r) < len(cov) && cov[r]):
			b.WriteRune(r)
		case r >= 0x1f3fb && r <= 0x1f3ff, r == 0x200d, r >= 0xfe00 && r <= 0xfe0f:
			// Skin tones, joiners and variation selectors belong to the
			// emoji before them, which is already a "?".
			continue
		default:
			if prev != '?' {
				b.WriteRune('?')
			}
			r = '?'
		}
		prev = r
	}
	return b.String()
}
