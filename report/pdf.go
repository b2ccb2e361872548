package report

// The PDF report, written natively with go-pdf/fpdf and the Go fonts
// embedded as UTF-8 TrueType, so that ë, ç, ê, ô, à, è, Greek and Cyrillic
// print with no browser and no external program.

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/servicecheck/servicecheck/results"
)

// WritePDF writes d as the paged report (cover, summary, findings, areas,
// action plan, sign-off, appendix) in the session's language and returns
// how many pages it has. A4 unless opt.Paper is "letter".
func WritePDF(w io.Writer, d Document, opt Options) (pages int, err error) {
	res, err := WritePDFReport(w, d, opt)
	return res.Pages, err
}

// PDFResult is what WritePDFReport tells about the file it wrote.
type PDFResult struct {
	Pages int
	// Unshown is how many characters of the report's text no embedded
	// font draws (CJK, emoji): the PDF shows each as "?", the DOCX and
	// HTML keep them.
	Unshown int
}

// WritePDFReport is WritePDF, and says how many characters the PDF could
// not show.
func WritePDFReport(w io.Writer, d Document, opt Options) (PDFResult, error) {
	o := buildOutline(d, opt.Branding)
	size := "A4"
	if strings.EqualFold(opt.Paper, "letter") {
		size = "Letter"
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	f.SetCompression(!opt.Uncompressed)
	// The document's own dates, so that one session gives the same file.
	f.SetCreationDate(d.UpdatedAt)
	f.SetModificationDate(d.UpdatedAt)
	f.SetCatalogSort(true)
	f.SetProducer("servicecheck", false)
	f.SetTitle(metaText(o.Title+": "+clean(orDash(d.Client))), true)
	author := strings.TrimSpace(clean(opt.Branding.Consultant))
	if author == "" {
		author = clean(d.Assessor)
	}
	f.SetAuthor(metaText(author), true)
	f.SetLang(o.Lang)
	f.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	f.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfBottom)
	f.AliasNbPages(nbAlias)
	wd := d.Words()
	pageWord := wd.T("report.page", "N", "{{N}}", "Total", nbAlias)
	// The footer's text is fitted once, not on every page.
	pw, _ := f.GetPageSize()
	r := &pdfRenderer{f: f, registered: map[string]bool{}, unshown: map[string]int{}}
	r.font("", 8)
	numW := f.GetStringWidth(strings.Replace(pageWord, "{{N}}", "999", 1)) + 2
	footer := r.fit(o.Footer, pw-2*pdfMargin-numW-2)
	footerFamily := r.family
	f.SetFooterFunc(func() {
		if f.PageNo() == 1 {
			return // the cover carries no footer
		}
		f.SetY(-pdfBottom + 6)
		f.SetFont(footerFamily, "", 8)
		f.SetTextColor(110, 110, 110)
		num := strings.Replace(pageWord, "{{N}}", fmt.Sprint(f.PageNo()), 1)
		f.SetDrawColor(200, 200, 200)
		f.Line(pdfMargin, f.GetY(), pw-pdfMargin, f.GetY())
		f.CellFormat(pw-2*pdfMargin-numW, 6, footer, "", 0, "L", false, 0, "")
		if footerFamily != fontFamily {
			f.SetFont(fontFamily, "", 8)
		}
		f.CellFormat(numW, 6, num, "", 0, "R", false, 0, "")
	})
	if len(opt.Branding.Logo) > 0 {
		r.logo = registerLogo(f, opt.Branding)
	}
	for _, p := range o.Parts {
		f.AddPage()
		if p.ID == "cover" {
			r.cover(p)
			continue
		}
		r.compact = p.ID == "summary"
		for _, b := range p.Blocks {
			r.block(b)
		}
	}
	if err := f.Output(w); err != nil {
		return PDFResult{}, fmt.Errorf("write pdf: %w", err)
	}
	return PDFResult{Pages: f.PageNo(), Unshown: r.Unshown()}, nil
}

const (
	fontFamily = "go"
	pdfMargin  = 18.0
	pdfBottom  = 20.0
	nbAlias    = "{nb}"
	lineH      = 5.0 // the line height of body text, mm
)

type pdfRenderer struct {
	f    *fpdf.Fpdf
	logo string // the registered logo's name, "" when there is none
	// The current font: the style and size asked for, and the face that
	// draws them (pdftext.go picks it for each text).
	style, family, faceStyle string
	size                     float64
	registered               map[string]bool // the fallback's styles added to the PDF
	prepCache                map[string]prepared
	unshown                  map[string]int // per run of lost characters: how many
	// compact sets the summary tighter (smaller subheadings and lists),
	// so that it keeps to its one page.
	compact bool
}

// registerLogo registers the consultant's logo; a logo fpdf cannot read is
// left out rather than failing the report (export checks it first).
func registerLogo(f *fpdf.Fpdf, b Branding) string {
	tp := "PNG"
	if strings.EqualFold(b.LogoType, "jpg") || strings.EqualFold(b.LogoType, "jpeg") {
		tp = "JPG"
	}
	f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(b.Logo))
	if f.Err() {
		f.ClearError()
		return ""
	}
	return "logo"
}

// content is the width between the margins.
func (r *pdfRenderer) content() float64 {
	pw, _ := r.f.GetPageSize()
	return pw - 2*pdfMargin
}

// bottom is the y below which nothing but the footer is written.
func (r *pdfRenderer) bottom() float64 {
	_, ph := r.f.GetPageSize()
	return ph - pdfBottom
}

// need starts a new page unless h mm are left on this one.
func (r *pdfRenderer) need(h float64) {
	if r.f.GetY()+h > r.bottom() {
		r.f.AddPage()
	}
}

func (r *pdfRenderer) font(style string, size float64) {
	r.family, r.faceStyle, r.style, r.size = fontFamily, style, style, size
	r.f.SetFont(fontFamily, style, size)
}

func (r *pdfRenderer) text(rgb [3]int) { r.f.SetTextColor(rgb[0], rgb[1], rgb[2]) }

var (
	colInk    = [3]int{30, 30, 30}
	colFaint  = [3]int{100, 100, 100}
	colAccent = [3]int{22, 62, 112}
)

// toneColours are the fill and the text colour of a tone.
func toneColours(t tone) (fill, ink [3]int) {
	switch t {
	case toneGood:
		return [3]int{220, 241, 224}, [3]int{22, 100, 45}
	case toneWarn:
		return [3]int{255, 238, 194}, [3]int{120, 80, 0}
	case toneBad:
		return [3]int{250, 218, 218}, [3]int{165, 20, 30}
	}
	return [3]int{255, 255, 255}, colInk
}

// paragraph writes text wrapped to the content width.
func (r *pdfRenderer) paragraph(text string, style string, size, h float64, ink [3]int) {
	r.font(style, size)
	r.text(ink)
	r.f.SetX(pdfMargin)
	r.multiCell(r.content(), h, text)
}

func (r *pdfRenderer) cover(p part) {
	f := r.f
	if r.logo != "" {
		f.ImageOptions(r.logo, pdfMargin, pdfMargin, 0, 22, false, fpdf.ImageOptions{}, 0, "")
	}
	f.SetY(70)
	for _, b := range p.Blocks {
		switch {
		case b.Kind == bHeading && b.Level == 1:
			r.paragraph(b.Text, "B", 14, 7, colFaint)
			f.Ln(2)
		case b.Kind == bCoverName:
			r.paragraph(b.Text, "B", 26, 11, colAccent)
			f.SetDrawColor(colAccent[0], colAccent[1], colAccent[2])
			f.SetLineWidth(0.8)
			f.Line(pdfMargin, f.GetY()+3, pdfMargin+40, f.GetY()+3)
			f.SetLineWidth(0.2)
			f.Ln(10)
		default:
			r.block(b)
		}
	}
}

func (r *pdfRenderer) block(b block) {
	f := r.f
	switch b.Kind {
	case bHeading:
		if b.Level == 1 && r.compact {
			r.paragraph(b.Text, "B", 16, 8, colAccent)
			f.Ln(2)
		} else if b.Level == 1 {
			r.need(20)
			r.paragraph(b.Text, "B", 18, 9, colAccent)
			f.Ln(3)
		} else if r.compact {
			r.need(20)
			f.Ln(1)
			r.paragraph(b.Text, "B", 11.5, 5.6, colAccent)
			f.Ln(0.4)
		} else {
			// A heading keeps a few lines of what follows with it.
			r.need(28)
			f.Ln(2)
			r.paragraph(b.Text, "B", 12.5, 6.5, colAccent)
			f.Ln(1)
		}
	case bPara:
		size, h := 10.5, lineH
		if r.compact {
			size, h = 10, 4.6
		}
		r.font("", size)
		// No paragraph leaves a line or two alone at the foot of a page.
		r.need(min(float64(len(r.lines(b.Text, r.content())))*h, 3*h))
		r.paragraph(b.Text, "", size, h, colInk)
		f.Ln(2)
	case bLead:
		if r.compact {
			r.paragraph(b.Text, "B", 13, 6.2, colInk)
		} else {
			r.paragraph(b.Text, "B", 14, 7, colInk)
		}
		f.Ln(2)
	case bSmall:
		r.paragraph(b.Text, "", 8.5, 4, colFaint)
		f.Ln(2)
	case bFacts:
		r.facts(b.Facts)
	case bBullets:
		size, h, gap := 10.5, lineH, 0.8
		if r.compact {
			size, h, gap = 9.5, 4.1, 0.3
		}
		for _, it := range b.Items {
			r.font("", size)
			r.text(colInk)
			f.SetX(pdfMargin)
			f.CellFormat(5, h, "•", "", 0, "L", false, 0, "")
			r.multiCell(r.content()-5, h, r.capLines(r.prep(it).text, r.content()-5, b.MaxLines))
			f.Ln(gap)
		}
		f.Ln(1.5)
	case bQuote:
		r.font("", 10.5)
		r.text(colFaint)
		// A short quote is kept on one page, with its bar.
		if h := float64(len(r.lines(b.Text, r.content()-5))) * lineH; h < 80 {
			r.need(h)
		}
		y := f.GetY()
		f.SetX(pdfMargin + 5)
		r.multiCell(r.content()-5, lineH, b.Text)
		if f.GetY() > y {
			f.SetDrawColor(190, 190, 190)
			f.SetLineWidth(0.8)
			f.Line(pdfMargin+1, y, pdfMargin+1, f.GetY())
			f.SetLineWidth(0.2)
		}
		f.Ln(2)
	case bTable:
		r.table(b)
	case bChart:
		r.chart(b)
	case bSign:
		r.sign(b.Items)
	case bFinding:
		r.finding(b)
	case bCoverName:
		r.paragraph(b.Text, "B", 22, 10, colAccent)
	}
}

func (r *pdfRenderer) facts(fs []results.Field) {
	f := r.f
	labelW := 0.0
	r.font("B", 10.5)
	for _, fc := range fs {
		labelW = max(labelW, f.GetStringWidth(r.cellText(fc.Label))+4)
	}
	labelW = min(labelW, r.content()/3)
	for _, fc := range fs {
		r.need(lineH)
		y := f.GetY()
		r.font("B", 10.5)
		r.text(colFaint)
		f.SetX(pdfMargin)
		r.multiCell(labelW, lineH+0.5, fc.Label)
		yl := f.GetY()
		f.SetXY(pdfMargin+labelW, y)
		r.font("", 10.5)
		r.text(colInk)
		r.multiCell(r.content()-labelW, lineH+0.5, fc.Text)
		f.SetY(max(yl, f.GetY()))
	}
	f.Ln(3)
}

// finding writes one finding: its mark (the answer's word on the answer's
// colour), its text in bold, then its note and advice.
func (r *pdfRenderer) finding(b block) {
	f := r.f
	r.font("B", 9)
	markW := max(22, f.GetStringWidth(r.cellText(b.Mark.Text))+4)
	r.font("B", 10.5)
	lines := r.lines(b.Text, r.content()-markW-3)
	r.need(float64(min(len(lines), 3))*lineH + 2)
	y := f.GetY()
	fill, ink := toneColours(b.Mark.Tone)
	f.SetFillColor(fill[0], fill[1], fill[2])
	r.text(ink)
	r.font("B", 9)
	f.SetXY(pdfMargin, y)
	f.CellFormat(markW, lineH, r.cellText(b.Mark.Text), "", 0, "C", true, 0, "")
	r.font("B", 10.5)
	r.text(colInk)
	f.SetXY(pdfMargin+markW+3, y)
	r.multiCell(r.content()-markW-3, lineH, b.Text)
	for _, it := range b.Items {
		r.font("", 9.5)
		r.text(colFaint)
		f.SetX(pdfMargin + markW + 3)
		r.multiCell(r.content()-markW-3, 4.6, it)
	}
	f.Ln(2.5)
}

// table writes a table whose rows may run over pages: a row taller than
// what is left of a page continues on the next, under the header again.
func (r *pdfRenderer) table(b block) {
	f := r.f
	total := 0.0
	for _, wgt := range b.Widths {
		total += wgt
	}
	widths := make([]float64, len(b.Widths))
	for i, wgt := range b.Widths {
		widths[i] = r.content() * wgt / total
	}
	pad, lh := 1.5, 4.6
	if r.compact {
		pad = 1.1
	}
	header := func() {
		r.font("B", 9)
		f.SetFillColor(232, 236, 242)
		r.text(colAccent)
		heads := make([][]string, len(b.Head))
		n := 1
		for i, h := range b.Head {
			heads[i] = r.lines(h, widths[i]-2*pad)
			n = max(n, len(heads[i]))
		}
		y, x := f.GetY(), pdfMargin
		for i := range b.Head {
			f.Rect(x, y, widths[i], float64(n)*lh+2*pad, "F")
			r.prep(b.Head[i]) // the font its lines were measured in
			for j, ln := range heads[i] {
				f.SetXY(x+pad, y+pad+float64(j)*lh)
				f.CellFormat(widths[i]-2*pad, lh, ln, "", 0, "L", false, 0, "")
			}
			x += widths[i]
		}
		f.SetY(y + float64(n)*lh + 2*pad)
	}
	r.need(3*lh + 4*pad)
	header()
	f.SetDrawColor(215, 215, 215)
	for _, row := range b.Rows {
		lines := make([][]string, len(row))
		for i, c := range row {
			style := ""
			if c.Bold {
				style = "B"
			}
			r.font(style, 9)
			lines[i] = r.lines(c.Text, widths[i]-2*pad)
			if len(lines[i]) == 0 {
				lines[i] = []string{""}
			}
		}
		for from := 0; ; {
			left := int((r.bottom() - f.GetY() - 2*pad) / lh)
			n := 0
			for _, ls := range lines {
				n = max(n, len(ls)-from)
			}
			if n <= 0 {
				break
			}
			if left < min(n, 2) {
				f.AddPage()
				header()
				continue
			}
			take := min(n, left)
			y, x := f.GetY(), pdfMargin
			h := float64(take)*lh + 2*pad
			for i, c := range row {
				fill, ink := toneColours(c.Tone)
				if c.Tone != toneNone {
					f.SetFillColor(fill[0], fill[1], fill[2])
					f.Rect(x, y, widths[i], h, "F")
				}
				style := ""
				if c.Bold {
					style = "B"
				}
				r.font(style, 9)
				r.prep(c.Text) // the font its lines were measured in
				r.text(ink)
				for j := from; j < min(from+take, len(lines[i])); j++ {
					f.SetXY(x+pad, y+pad+float64(j-from)*lh)
					f.CellFormat(widths[i]-2*pad, lh, lines[i][j], "", 0, "L", false, 0, "")
				}
				x += widths[i]
			}
			f.Line(pdfMargin, y+h, pdfMargin+r.content(), y+h)
			f.SetY(y + h)
			from += take
		}
	}
	if r.compact {
		f.Ln(2)
	} else {
		f.Ln(4)
	}
}

// chart draws the areas as bars on the 1–5 scale, one row an area: its
// title on the left (two lines at most), its bar with the score and band
// beside it, and the previous session's score as a thinner grey bar below.
func (r *pdfRenderer) chart(b block) {
	f := r.f
	hasPrev := b.Legend[1] != ""
	const titleLH, nowH, prevH, gap = 3.5, 3.0, 1.8, 0.5
	barsH := nowH
	if hasPrev {
		barsH += gap + prevH
	}
	labelW := r.content() * 0.34
	barX := pdfMargin + labelW + 3
	barW := r.content() - labelW - 3 - 36
	r.need((barsH + 1.2) * float64(min(len(b.Bars), 4)))
	for _, br := range b.Bars {
		r.font("", 8.5)
		r.text(colInk)
		title := strings.Split(r.capLines(r.prep(br.Title).text, labelW, 2), "\n")
		// A row is as high as its bars, or its title when that takes two
		// lines.
		rowH := max(barsH+1.1, titleLH*float64(len(title))+0.4)
		r.need(rowH)
		y := f.GetY()
		ty := y + (rowH-titleLH*float64(len(title)))/2
		for i, ln := range title {
			f.SetXY(pdfMargin, ty+float64(i)*titleLH)
			f.CellFormat(labelW, titleLH, visualLine(ln, rtlParagraph(ln)), "", 0, "L", false, 0, "")
		}
		by := y + (rowH-barsH)/2
		f.SetFillColor(240, 240, 240)
		f.Rect(barX, by, barW, nowH, "F")
		if br.Now.Valid {
			f.SetFillColor(colAccent[0], colAccent[1], colAccent[2])
			f.Rect(barX, by, barW*b.pos(br.Now.Value), nowH, "F")
		}
		// The score, then its band in the band's colour: the word says
		// what the colour does.
		r.font("B", 9)
		f.SetXY(barX+barW+2, by+nowH/2-2)
		f.CellFormat(9, 4, br.NowText, "", 0, "L", false, 0, "")
		if br.Band != "" {
			_, ink := toneColours(br.Tone)
			r.text(ink)
			r.font("", 8.5)
			f.CellFormat(25, 4, r.fit(br.Band, 25), "", 0, "L", false, 0, "")
			r.text(colInk)
		}
		if hasPrev {
			py := by + nowH + gap
			if br.Prev.Valid {
				f.SetFillColor(185, 185, 185)
				f.Rect(barX, py, barW*b.pos(br.Prev.Value), prevH, "F")
			}
			r.font("", 8)
			r.text(colFaint)
			f.SetXY(barX+barW+2, py+prevH/2-1.3)
			f.CellFormat(9, 3.2, orDash(br.PrevText), "", 0, "L", false, 0, "")
		}
		f.SetY(y + rowH)
	}
	// The scale under the bars, the ratings marked, and the legend on its
	// left, under the areas' titles.
	y := f.GetY() + 0.5
	f.SetDrawColor(170, 170, 170)
	f.Line(barX, y, barX+barW, y)
	r.font("", 8)
	r.text(colFaint)
	for v := int(b.Floor); v <= int(b.Scale); v++ {
		tx := barX + barW*b.pos(float64(v))
		f.Line(tx, y, tx, y+1.2)
		f.SetXY(tx-3, y+1.2)
		f.CellFormat(6, 3.5, fmt.Sprint(v), "", 0, "C", false, 0, "")
	}
	ly := y
	legend := func(col [3]int, label string) {
		f.SetFillColor(col[0], col[1], col[2])
		f.Rect(pdfMargin, ly+0.8, 2.6, 2.6, "F")
		f.SetXY(pdfMargin+3.5, ly)
		f.CellFormat(labelW-3.5, 4, r.fit(label, labelW-3.5-2*f.GetCellMargin()), "", 0, "L", false, 0, "")
		ly += 4
	}
	legend(colAccent, b.Legend[0])
	if hasPrev {
		legend([3]int{185, 185, 185}, b.Legend[1])
	}
	f.SetY(max(y+6.5, ly+2))
}

func clamp01(v float64) float64 { return max(0, min(1, v)) }

// sign writes the sign-off lines: a line to sign on, its label below.
func (r *pdfRenderer) sign(labels []string) {
	f := r.f
	r.need(float64(len(labels)) * 22)
	for _, l := range labels {
		f.Ln(14)
		y := f.GetY()
		f.SetDrawColor(60, 60, 60)
		f.Line(pdfMargin, y, pdfMargin+90, y)
		r.font("", 9.5)
		r.text(colFaint)
		f.SetXY(pdfMargin, y+1)
		f.CellFormat(90, 5, r.cellText(l), "", 1, "L", false, 0, "")
	}
}

// capLines wraps s to width w in the current font and keeps at most n
// lines (0: all), the last cut with "…"; the lines are joined with "\n",
// each narrow enough that MultiCell does not wrap it again.
func (r *pdfRenderer) capLines(s string, w float64, n int) string {
	if n <= 0 {
		return s
	}
	lines := r.wrap(s, w)
	if len(lines) > n {
		// The rest of the text from the last kept line on, cut to one line.
		rest := strings.Join(lines[n-1:], " ")
		lines = append(lines[:n-1], fitText(r.f, rest, w-2*r.f.GetCellMargin()))
	}
	return strings.Join(lines, "\n")
}

// wrap breaks s into lines at spaces, each no wider than w in the current
// font less the cell's margins (MultiCell and CellFormat keep them); a
// word wider than that is broken. fpdf's SplitText measures the UTF-8
// fonts short, so the title of a chart's row ran into its bar.
func (r *pdfRenderer) wrap(s string, w float64) []string {
	f := r.f
	w -= 2 * f.GetCellMargin()
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if f.GetStringWidth(next) <= w {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		for f.GetStringWidth(word) > w {
			// Cut by runes, never by the cut's bytes: a byte that is not
			// UTF-8 comes back from []rune as U+FFFD, which the word does
			// not start with, and trimming it made no progress (a hang
			// FuzzPagedReports found).
			rs := []rune(word)
			n := max(1, len([]rune(strings.TrimSuffix(fitText(f, word, w), "…"))))
			if n >= len(rs) {
				break
			}
			lines = append(lines, string(rs[:n]))
			word = string(rs[n:])
		}
		cur = word
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// fitText cuts s with "…" to fit width w in the current font.
func fitText(f *fpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits lies in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if f.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	return string(rs[:lo]) + "…"
}
