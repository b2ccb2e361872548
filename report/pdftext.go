package report

// How the PDF renderer hands a piece of user text to fpdf: the font that
// draws it (pdffont.go), Arabic shaping (pdfarabic.go), line breaking and
// right-to-left order per line (pdfbidi.go). Text the Go fonts draw left
// to right goes to fpdf exactly as before, so a Latin report is unchanged.

import (
	"math"
	"strings"
)

// prepared is a text as the PDF draws it, in logical order.
type prepared struct {
	text  string
	face  face
	plain bool // the Go font draws it as it is: fpdf's own wrapping will do
}

// prep makes s drawable in the renderer's current style and size: it
// selects the font that draws most of s and returns s shaped, with what
// that font lacks as "?", counting what is lost.
func (r *pdfRenderer) prep(s string) prepared {
	// A table draws a cell's text page by page and asks again each time:
	// a 64 KiB note is looked at once.
	key := r.style + "\x00" + s
	p, ok := r.prepCache[key]
	if !ok {
		p = r.prepNew(s)
		if r.prepCache == nil {
			r.prepCache = map[string]prepared{}
		}
		r.prepCache[key] = p
	}
	if p.face.family != r.family || p.face.style != r.faceStyle {
		r.setFace(p.face)
	}
	return p
}

func (r *pdfRenderer) prepNew(s string) prepared {
	if fc := faces(r.style)[0]; plain(s, fc) {
		return prepared{text: s, face: fc, plain: true}
	}
	shaped := shapeArabic(s)
	p := prepared{face: chooseFace(shaped, r.style)}
	var runs []string
	p.text, runs = placeholders(shaped, p.face)
	for _, run := range runs {
		r.unshown[run] = lostCount(run)
	}
	return p
}

// setFace makes fc the current font at the current size, registering it
// the first time the PDF needs it.
func (r *pdfRenderer) setFace(fc face) {
	if fc.family == fallbackFamily && !r.registered[fc.style] {
		r.f.AddUTF8FontFromBytes(fc.family, fc.style, fc.ttf)
		r.registered[fc.style] = true
	}
	r.family, r.faceStyle = fc.family, fc.style
	r.f.SetFont(fc.family, fc.style, r.size)
}

// Unshown is how many characters of the texts drawn so far the PDF could
// not show. A run of them is counted once, however often it is measured
// and drawn: a note that shows in a finding and in the appendix is the
// user's one note.
func (r *pdfRenderer) Unshown() int {
	n := 0
	for _, c := range r.unshown {
		n += c
	}
	return n
}

// cellText is s prepared for one line (a cell, a label), in visual order.
func (r *pdfRenderer) cellText(s string) string {
	p := r.prep(s)
	if p.plain {
		return p.text
	}
	return visualLine(strings.ReplaceAll(p.text, "\n", " "), rtlParagraph(p.text))
}

// fit is s prepared for one line and cut with "…" to width w.
func (r *pdfRenderer) fit(s string, w float64) string {
	p := r.prep(s)
	if p.plain {
		return fitText(r.f, p.text, w)
	}
	t := strings.ReplaceAll(p.text, "\n", " ")
	return visualLine(fitText(r.f, t, w), rtlParagraph(t))
}

// lines is s broken into the lines of a cell w wide, each in visual order.
func (r *pdfRenderer) lines(s string, w float64) []string {
	p := r.prep(s)
	if p.plain {
		return r.f.SplitText(p.text, w)
	}
	return r.wrapLines(p.text, w)
}

// multiCell writes s wrapped to width w from the current position, as
// fpdf's MultiCell with left alignment does.
func (r *pdfRenderer) multiCell(w, h float64, s string) {
	p := r.prep(s)
	if p.plain {
		r.f.MultiCell(w, h, p.text, "", "L", false)
		return
	}
	x := r.f.GetX()
	ls := r.wrapLines(p.text, w)
	if len(ls) == 0 {
		ls = []string{""}
	}
	for _, l := range ls {
		r.f.SetX(x)
		r.f.CellFormat(w, h, l, "", 2, "L", false, 0, "")
	}
	left, _, _, _ := r.f.GetMargins()
	r.f.SetX(left)
}

// wrapLines breaks text (prepared, in the current font) into lines of width w
// as MultiCell does — at spaces, inside a word only when it fills a line
// alone — and puts each line in visual order, in the direction of its
// paragraph. Unlike fpdf's SplitText it counts a combining mark as no
// width.
func (r *pdfRenderer) wrapLines(text string, w float64) []string {
	_, size := r.f.GetFontSize()
	wmax := int(math.Ceil((w - 2*r.f.GetCellMargin()) * 1000 / size))
	var out []string
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		rtl := rtlParagraph(para)
		rs := []rune(para)
		start, sep, l := 0, -1, 0
		for i := 0; i < len(rs); i++ {
			if rs[i] == ' ' {
				sep = i
			}
			l += r.f.GetStringSymbolWidth(string(rs[i]))
			if l <= wmax {
				continue
			}
			// Break at the last space; in a word that fills the line
			// alone, before this character (after it if it is the first).
			end, next := i, i
			if sep >= start {
				end, next = sep, sep+1
			} else if i == start {
				end, next = i+1, i+1
			}
			out = append(out, visualLine(string(rs[start:end]), rtl))
			start, sep, l = next, -1, 0
			i = next - 1
		}
		out = append(out, visualLine(string(rs[start:]), rtl))
	}
	return out
}
