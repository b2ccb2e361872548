package report

import (
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strings"
)

// WriteHTMLReport writes d as one self-contained HTML page in the order of
// the PDF and DOCX (cover, summary, findings, areas, action plan, sign-off,
// appendix): inline CSS and SVG, the logo as a data URL, no script and
// nothing fetched. Printed, each part starts on a new page and every page
// carries the report's own footer.
func WriteHTMLReport(w io.Writer, d Document, opt Options) error {
	o := buildOutline(d, opt.Branding)
	e := &errWriter{w: w}
	e.printf("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(o.Lang))
	e.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	e.print("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	e.printf("<title>%s: %s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(o.Title), esc(clean(orDash(d.Client))), htmlReportCSS(opt.Paper))
	e.printf("<footer class=\"page-footer\">%s</footer>\n", esc(o.Footer))
	for _, p := range o.Parts {
		e.printf("<section class=\"part\" id=\"%s\">\n", p.ID)
		if p.ID == "cover" && len(opt.Branding.Logo) > 0 {
			mime := "image/png"
			if opt.Branding.LogoType == "jpg" {
				mime = "image/jpeg"
			}
			e.printf("<img class=\"logo\" alt=\"\" src=\"data:%s;base64,%s\">\n", mime, base64.StdEncoding.EncodeToString(opt.Branding.Logo))
		}
		for _, b := range p.Blocks {
			writeHTMLBlock(e, &o, p.ID, b)
		}
		e.print("</section>\n")
	}
	e.print("</body>\n</html>\n")
	if e.err != nil {
		return fmt.Errorf("write html: %w", e.err)
	}
	return nil
}

// esc escapes text for HTML; line breaks become <br>.
func esc(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

func toneClass(t tone) string {
	switch t {
	case toneGood:
		return "good"
	case toneWarn:
		return "warn"
	case toneBad:
		return "bad"
	}
	return ""
}

func writeHTMLBlock(e *errWriter, o *outline, part string, b block) {
	switch b.Kind {
	case bHeading:
		level := b.Level + 1
		if part == "cover" && b.Level == 1 {
			e.printf("<p class=\"kicker\">%s</p>\n", esc(b.Text))
			return
		}
		e.printf("<h%d>%s</h%d>\n", level, esc(b.Text), level)
	case bCoverName:
		e.printf("<h1>%s</h1>\n", esc(b.Text))
	case bPara:
		e.printf("<p>%s</p>\n", esc(b.Text))
	case bLead:
		e.printf("<p class=\"lead\">%s</p>\n", esc(b.Text))
	case bSmall:
		e.printf("<p class=\"muted\">%s</p>\n", esc(b.Text))
	case bQuote:
		e.printf("<blockquote>%s</blockquote>\n", esc(b.Text))
	case bFacts:
		e.print("<dl class=\"facts\">\n")
		for _, f := range b.Facts {
			if part == "cover" && f.Text == o.Date && o.DateISO != "" {
				e.printf("<dt>%s</dt><dd><time datetime=\"%s\">%s</time></dd>\n", esc(f.Label), o.DateISO, esc(f.Text))
				continue
			}
			e.printf("<dt>%s</dt><dd>%s</dd>\n", esc(f.Label), esc(f.Text))
		}
		e.print("</dl>\n")
	case bBullets:
		e.print("<ul>\n")
		for _, it := range b.Items {
			e.printf("<li>%s</li>\n", esc(it))
		}
		e.print("</ul>\n")
	case bFinding:
		e.printf("<div class=\"finding\"><span class=\"mark %s\">%s</span> <strong>%s</strong>", toneClass(b.Mark.Tone), esc(b.Mark.Text), esc(b.Text))
		for _, it := range b.Items {
			e.printf("<p class=\"note\">%s</p>", esc(it))
		}
		e.print("</div>\n")
	case bTable:
		if len(b.Line) > 1 {
			writeSVGLine(e, b.Line)
		}
		e.print("<table>\n<thead><tr>")
		for _, h := range b.Head {
			e.printf("<th>%s</th>", esc(h))
		}
		e.print("</tr></thead>\n<tbody>\n")
		for _, r := range b.Rows {
			e.print("<tr>")
			for i, c := range r {
				var cls []string
				if i < len(b.Classes) && b.Classes[i] != "" {
					cls = append(cls, b.Classes[i])
				}
				if t := toneClass(c.Tone); t != "" {
					cls = append(cls, "mark", t)
				}
				if c.Bold {
					cls = append(cls, "strong")
				}
				// Cells keep their line breaks as text (white-space:
				// pre-line), so that a note reads back as it was written.
				if len(cls) > 0 {
					e.printf("<td class=\"%s\">%s</td>", strings.Join(cls, " "), html.EscapeString(c.Text))
				} else {
					e.printf("<td>%s</td>", html.EscapeString(c.Text))
				}
			}
			e.print("</tr>\n")
		}
		e.print("</tbody>\n</table>\n")
	case bChart:
		writeSVGChart(e, b)
	case bSign:
		e.print("<div class=\"sign\">\n")
		for _, l := range b.Items {
			e.printf("<div class=\"line\"><span>%s</span></div>\n", esc(l))
		}
		e.print("</div>\n")
	}
}

// writeSVGChart draws the areas' bars on the 1–5 scale, the previous
// session's beside each, as inline SVG with the values written out.
func writeSVGChart(e *errWriter, b block) {
	const width, left, barW, rowH = 640.0, 4.0, 470.0, 40.0
	hasPrev := b.Legend[1] != ""
	height := 24 + rowH*float64(len(b.Bars)) + 22
	e.printf("<figure><svg class=\"chart\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" aria-label=\"%s\">\n", width, height, esc(b.Legend[0]))
	e.printf("<rect x=\"%.0f\" y=\"4\" width=\"10\" height=\"10\" class=\"now\"/><text x=\"%.0f\" y=\"13\" class=\"legend\">%s</text>\n", left, left+14, esc(b.Legend[0]))
	if hasPrev {
		e.printf("<rect x=\"%.0f\" y=\"4\" width=\"10\" height=\"10\" class=\"prev\"/><text x=\"%.0f\" y=\"13\" class=\"legend\">%s</text>\n", left+200, left+214, esc(b.Legend[1]))
	}
	for i, br := range b.Bars {
		y := 24 + rowH*float64(i)
		e.printf("<text x=\"%.0f\" y=\"%.0f\" class=\"title\">%s</text>\n", left, y+12, esc(br.Title))
		e.printf("<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"10\" class=\"track\"/>\n", left, y+16, barW)
		if br.Now.Valid {
			e.printf("<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"10\" class=\"now\"/>\n", left, y+16, barW*b.pos(br.Now.Value))
		}
		label := br.NowText
		if br.Band != "" {
			label += " · " + br.Band
		}
		e.printf("<text x=\"%.0f\" y=\"%.0f\" class=\"value %s\">%s</text>\n", left+barW+8, y+25, toneClass(br.Tone), esc(label))
		if hasPrev && br.Prev.Valid {
			e.printf("<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"5\" class=\"prev\"/>\n", left, y+28, barW*b.pos(br.Prev.Value))
			e.printf("<text x=\"%.0f\" y=\"%.0f\" class=\"prevvalue\">%s</text>\n", left+barW+8, y+36, esc(br.PrevText))
		}
	}
	axis := 24 + rowH*float64(len(b.Bars)) + 4
	e.printf("<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"axis\"/>\n", left, axis, left+barW, axis)
	for v := int(b.Floor); v <= int(b.Scale); v++ {
		x := left + barW*b.pos(float64(v))
		e.printf("<text x=\"%.1f\" y=\"%.0f\" class=\"tick\">%d</text>\n", x, axis+14, v)
	}
	e.print("</svg></figure>\n")
}

// writeSVGLine draws the trend of the total as an inline SVG line over
// the range of the client's totals, each point with its total and date
// written out (the table below says the same in words).
func writeSVGLine(e *errWriter, pts []linePoint) {
	const width, height, left, right, top, bottom = 640.0, 150.0, 44.0, 44.0, 18.0, 28.0
	lo, hi := pts[0].Lo, pts[0].Hi
	x := func(i int) float64 { return left + (width-left-right)*float64(i)/float64(len(pts)-1) }
	y := func(v float64) float64 { return top + (height-top-bottom)*(1-max(0, min(1, (v-lo)/(hi-lo)))) }
	e.printf("<figure><svg class=\"chart trend\" aria-hidden=\"true\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\">\n", width, height)
	e.printf("<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" class=\"axis\"/>\n", left, y(lo), width-right, y(lo))
	e.printf("<text x=\"%.0f\" y=\"%.1f\" class=\"legend\" text-anchor=\"end\">%s</text>\n", left-6, y(lo)+4, esc(pts[0].LoText))
	e.printf("<text x=\"%.0f\" y=\"%.1f\" class=\"legend\" text-anchor=\"end\">%s</text>\n", left-6, y(hi)+4, esc(pts[0].HiText))
	var path []string
	for i, p := range pts {
		path = append(path, fmt.Sprintf("%.1f,%.1f", x(i), y(p.Total)))
	}
	e.printf("<polyline points=\"%s\" class=\"line\"/>\n", strings.Join(path, " "))
	for i, p := range pts {
		e.printf("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" class=\"now\"/>\n", x(i), y(p.Total))
		e.printf("<text x=\"%.1f\" y=\"%.1f\" class=\"value\" text-anchor=\"middle\">%s</text>\n", x(i), y(p.Total)-8, esc(p.Text))
		e.printf("<text x=\"%.1f\" y=\"%.0f\" class=\"tick\">%s</text>\n", x(i), height-8, esc(p.Date))
	}
	e.print("</svg></figure>\n")
}

func htmlReportCSS(paper string) string {
	size := "A4"
	if strings.EqualFold(paper, "letter") {
		size = "letter"
	}
	return "@page { size: " + size + `; margin: 18mm 16mm 22mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1e1e1e; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 2rem; color: #163e70; margin: .2rem 0 1.2rem; }
h2 { font-size: 1.5rem; color: #163e70; margin: 0 0 .8rem; }
h3 { font-size: 1.1rem; color: #163e70; margin: 1.2rem 0 .4rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.kicker { color: #646464; font-weight: 600; margin: 6rem 0 0; }
.logo { max-height: 22mm; max-width: 60mm; }
.lead { font-size: 1.25rem; font-weight: 700; }
.muted { color: #646464; font-size: .85rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.facts dt { font-weight: 600; color: #646464; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid #d7d7d7; white-space: pre-line; }
th { background: #e8ecf2; color: #163e70; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.strong { font-weight: 700; }
.mark.good { background: #dcf1e0; color: #16642d; }
.mark.warn { background: #ffeec2; color: #785000; }
.mark.bad { background: #fadada; color: #a5141e; font-weight: 700; }
span.mark { display: inline-block; min-width: 5.5rem; padding: 0 .3rem; text-align: center; font-size: .85rem; font-weight: 700; }
.finding { margin: .2rem 0 .6rem; break-inside: avoid; page-break-inside: avoid; }
.finding .note { margin: .1rem 0 0 6.2rem; color: #505050; font-size: .92rem; }
blockquote { margin: .3rem 0; padding-left: .8rem; border-left: 3px solid #bebebe; color: #505050; }
figure { margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1e1e1e; }
svg.chart .legend, svg.chart .prevvalue, svg.chart .tick { fill: #646464; font-size: 11px; }
svg.chart .tick { text-anchor: middle; }
svg.chart .value { font-weight: 700; }
svg.chart .value.bad { fill: #a5141e; } svg.chart .value.warn { fill: #785000; } svg.chart .value.good { fill: #16642d; }
svg.chart .track { fill: #f0f0f0; } svg.chart .now { fill: #163e70; } svg.chart .prev { fill: #b9b9b9; }
svg.chart .axis { stroke: #aaa; }
svg.trend .line { fill: none; stroke: #163e70; stroke-width: 2; }
.sign .line { margin: 3.2rem 0 0; width: 60%; border-top: 1px solid #3c3c3c; color: #646464; font-size: .9rem; }
.page-footer { display: none; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  section.part { break-before: page; page-break-before: always; }
  section.part#cover { break-before: auto; page-break-before: auto; }
  .page-footer { display: block; position: fixed; bottom: -12mm; left: 0; right: 0; font-size: 8pt; color: #6e6e6e; border-top: 1px solid #c8c8c8; padding-top: 1mm; }
}
`
}
