package report

// The Word report, written with gomutex/godocx: the outline of the PDF
// with real Heading 1 and Heading 2 styles, styled tables and bulleted
// lists, so that a consultant can edit it or paste it into a template of
// their own.

import (
	"fmt"
	"io"
	"strings"

	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/stypes"
)

// WriteDOCX writes d as an editable Word document in the session's
// language: cover, summary, findings, areas, action plan, sign-off and
// appendix, each part starting on a new page. The only file it reads is
// the logo, when opt.Branding.LogoPath names one (godocx takes images from
// files).
func WriteDOCX(w io.Writer, d Document, opt Options) error {
	o := buildOutline(d, opt.Branding)
	doc, err := newDOCX()
	if err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	author := strings.TrimSpace(clean(opt.Branding.Consultant))
	if author == "" {
		author = clean(d.Assessor)
	}
	doc.FileMap.Store("docProps/core.xml", coreXML(o.Title+": "+clean(orDash(d.Client)), author, d.UpdatedAt))
	r := &docxRenderer{doc: doc}
	addDOCXFooter(doc, o.Footer, d.Words().T("report.page", "N", "\x00PAGE\x00", "Total", "\x00NUMPAGES\x00"))
	for i, p := range o.Parts {
		if i > 0 {
			doc.AddPageBreak()
		}
		if p.ID == "cover" && opt.Branding.LogoPath != "" {
			// A logo that cannot be read is left out: export checks it
			// before rendering.
			_, _ = doc.AddPicture(opt.Branding.LogoPath, units.Inch(1.6), units.Inch(0.8))
		}
		for _, b := range p.Blocks {
			if err := r.block(p.ID, b); err != nil {
				return fmt.Errorf("write docx: %w", err)
			}
		}
	}
	if err := doc.Write(w); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

type docxRenderer struct {
	doc *docx.RootDoc
}

// toneHex is the shading of a tone's mark, as Word writes colours.
func toneHex(t tone) (fill, ink string) {
	f, i := toneColours(t)
	return fmt.Sprintf("%02X%02X%02X", f[0], f[1], f[2]), fmt.Sprintf("%02X%02X%02X", i[0], i[1], i[2])
}

// lines adds text to p run by run, a line break between the writer's
// lines; style styles each run.
func lines(p *docx.Paragraph, text string, style func(*docx.Run)) {
	for i, ln := range strings.Split(text, "\n") {
		if i > 0 {
			p.AddRun().AddBreak(nil)
		}
		run := p.AddText(ln)
		if style != nil {
			style(run)
		}
	}
}

func (r *docxRenderer) para(text, style string, run func(*docx.Run)) *docx.Paragraph {
	p := r.doc.AddEmptyParagraph()
	if style != "" {
		p.Style(style)
	}
	lines(p, text, run)
	return p
}

func (r *docxRenderer) block(partID string, b block) error {
	doc := r.doc
	switch b.Kind {
	case bHeading:
		level := uint(b.Level)
		if partID == "cover" && b.Level == 1 {
			r.para(b.Text, "Subtitle", nil)
			return nil
		}
		if _, err := doc.AddHeading(b.Text, level); err != nil {
			return err
		}
	case bCoverName:
		r.para(b.Text, "Title", nil)
	case bPara:
		r.para(b.Text, "", nil)
	case bLead:
		r.para(b.Text, "", func(run *docx.Run) { run.Bold(true).Size(14) })
	case bSmall:
		r.para(b.Text, "", func(run *docx.Run) { run.Italic(true).Size(9).Color("646464") })
	case bQuote:
		r.para(b.Text, "Quote", nil)
	case bFacts:
		for _, f := range b.Facts {
			p := doc.AddEmptyParagraph()
			p.AddText(f.Label + ": ").Bold(true)
			lines(p, f.Text, nil)
		}
	case bBullets:
		for _, it := range b.Items {
			r.para(it, "ListBullet", nil)
		}
	case bFinding:
		p := doc.AddEmptyParagraph()
		fill, ink := toneHex(b.Mark.Tone)
		p.AddText(" "+b.Mark.Text+" ").Bold(true).Color(ink).Shading(stypes.ShdClear, "auto", fill)
		p.AddText(" ")
		lines(p, b.Text, func(run *docx.Run) { run.Bold(true) })
		for _, it := range b.Items {
			q := r.para(it, "", func(run *docx.Run) { run.Color("505050") })
			q.Spacing(0, 60)
		}
	case bTable:
		r.table(b.Head, b.Rows, b.Widths)
	case bChart:
		// Word has no chart here that stays editable text: the chart is a
		// table of the areas, this audit and the previous one.
		head := []string{"", b.Legend[0]}
		widths := []float64{5, 2}
		if b.Legend[1] != "" {
			head, widths = append(head, b.Legend[1]), append(widths, 2.5)
		}
		var rows [][]tcell
		for _, br := range b.Bars {
			row := []tcell{{Text: br.Title}, {Text: br.NowText + " " + scaleBar(br.Now.Value, br.Now.Valid, b.Scale), Tone: br.Tone, Bold: true}}
			if b.Legend[1] != "" {
				row = append(row, tcell{Text: orDash(br.PrevText) + " " + scaleBar(br.Prev.Value, br.Prev.Valid, b.Scale)})
			}
			rows = append(rows, row)
		}
		r.table(head, rows, widths)
	case bSign:
		for _, l := range b.Items {
			doc.AddEmptyParagraph()
			doc.AddEmptyParagraph()
			r.para(strings.Repeat("_", 40), "", nil)
			r.para(l, "", func(run *docx.Run) { run.Size(9).Color("646464") })
		}
	}
	return nil
}

// scaleBar draws a score on its scale in block characters: "■■■□□".
func scaleBar(v float64, valid bool, scale float64) string {
	if !valid {
		return ""
	}
	n := int(v + 0.5)
	n = max(0, min(int(scale), n))
	return strings.Repeat("■", n) + strings.Repeat("□", int(scale)-n)
}

// table adds a styled table; a cell's tone shades its text, and its word
// says the same for whoever prints in black and white.
func (r *docxRenderer) table(head []string, rows [][]tcell, widths []float64) {
	t := r.doc.AddTable()
	// TableGrid: plain borders, which every word processor draws the
	// same; the header is bold in the accent colour rather than relying
	// on a style's first-row formatting, which LibreOffice skips.
	t.Style("TableGrid")
	total := 0.0
	for _, w := range widths {
		total += w
	}
	// The text width of an A4 page with Word's margins, in twips.
	const textWidth = 9000
	tw := make([]uint64, len(widths))
	for i, w := range widths {
		tw[i] = uint64(textWidth * w / total)
	}
	t.Grid(tw...)
	t.Width(textWidth, stypes.TableWidthDxa)
	t.Layout(stypes.TableLayoutFixed)
	hr := t.AddRow()
	for i, h := range head {
		c := hr.AddCell().Width(int(tw[i]), stypes.TableWidthDxa)
		p := c.AddEmptyPara()
		p.AddText(h).Bold(true).Color("163E70").Size(9)
	}
	for _, row := range rows {
		rr := t.AddRow()
		for i, cl := range row {
			c := rr.AddCell().Width(int(tw[min(i, len(tw)-1)]), stypes.TableWidthDxa)
			if cl.Tone != toneNone {
				fill, _ := toneHex(cl.Tone)
				c.BackgroundColor(fill)
			}
			p := c.AddEmptyPara()
			lines(p, cl.Text, func(run *docx.Run) {
				// Tables in 9 pt, as in the PDF: six plan columns fit.
				run.Size(9)
				if cl.Bold {
					run.Bold(true)
				}
				if cl.Tone != toneNone {
					_, ink := toneHex(cl.Tone)
					run.Color(ink)
				}
			})
		}
	}
	r.doc.AddEmptyParagraph()
}
