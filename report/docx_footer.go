package report

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

// addDOCXFooter gives the document the report's own footer on every page:
// its text, then "Page N of M" with Word's PAGE and NUMPAGES fields, so
// the numbers stay right when the consultant edits. godocx has no footer
// API; the part, its relationship, its content type and the section's
// reference are added here.
func addDOCXFooter(doc *docx.RootDoc, text, pageWord string) {
	const (
		relType  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
		mimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	)
	rid := "rId" + strconv.Itoa(doc.Document.IncRelationID())
	doc.Document.DocRels.Relationships = append(doc.Document.DocRels.Relationships,
		&docx.Relationship{ID: rid, Type: relType, Target: "footer1.xml"})
	_ = doc.ContentType.AddOverride("/word/footer1.xml", mimeType)
	doc.FileMap.Store("word/footer1.xml", footerXML(text, pageWord))
	if doc.Document.Body.SectPr == nil {
		doc.Document.Body.SectPr = ctypes.NewSectionProper()
	}
	doc.Document.Body.SectPr.FooterReference = &ctypes.FooterReference{Type: stypes.HdrFtrDefault, ID: rid}
}

// footerXML is the footer part: one small grey paragraph. pageWord holds
// the markers \x00PAGE\x00 and \x00NUMPAGES\x00 where the fields go.
func footerXML(text, pageWord string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="C8C8C8"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>`)
	run := func(s string) {
		if s == "" {
			return
		}
		b.WriteString(`<w:r><w:rPr><w:color w:val="6E6E6E"/><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">`)
		_ = xml.EscapeText(&b, []byte(s))
		b.WriteString(`</w:t></w:r>`)
	}
	run(text)
	b.WriteString(`<w:r><w:tab/></w:r>`)
	for i, part := range strings.Split(pageWord, "\x00") {
		if i%2 == 0 {
			run(part)
			continue
		}
		b.WriteString(`<w:fldSimple w:instr="` + part + `"><w:r><w:rPr><w:color w:val="6E6E6E"/><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>`)
	}
	b.WriteString(`</w:p></w:ftr>`)
	return b.Bytes()
}
