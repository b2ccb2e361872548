package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/packager"
	"github.com/gomutex/godocx/wml/ctypes"
)

// docxStyles are the styles the report uses; the styles they are based on
// or linked to are kept with them.
var docxStyles = []string{"Normal", "Title", "Subtitle", "Heading1", "Heading2", "ListBullet", "Quote", "TableGrid",
	"TableNormal", "DefaultParagraphFont", "NoList"}

// docxTemplate is godocx's default document with its 400 KB style sheet
// (and the copy of it Word 2010 reads, stylesWithEffects.xml) cut down to
// the styles the report uses: parsing and writing every style of Word
// took most of a DOCX export's time, and made every file 100 KB larger.
// Built once; each report unpacks a copy.
var docxTemplate = sync.OnceValues(func() ([]byte, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, err
	}
	st := rd.DocStyles
	byID := map[string]ctypes.Style{}
	for _, s := range st.StyleList {
		if s.ID != nil {
			byID[*s.ID] = s
		}
	}
	keep := map[string]bool{}
	var add func(id string)
	add = func(id string) {
		s, ok := byID[id]
		if !ok || keep[id] {
			return
		}
		keep[id] = true
		for _, ref := range []*ctypes.CTString{s.BasedOn, s.Link, s.Next} {
			if ref != nil {
				add(ref.Val)
			}
		}
	}
	for _, id := range docxStyles {
		add(id)
	}
	var list []ctypes.Style
	for _, s := range st.StyleList {
		if s.ID != nil && keep[*s.ID] {
			list = append(list, s)
		}
	}
	st.StyleList, st.LatentStyle = list, nil
	sheet, err := xml.Marshal(st)
	if err != nil {
		return nil, err
	}
	rd.FileMap.Store("word/stylesWithEffects.xml", append([]byte(xml.Header), sheet...))
	// The template's thumbnail is a picture of another document: file
	// browsers would show it for every report.
	rels := rd.RootRels.Relationships[:0]
	for _, r := range rd.RootRels.Relationships {
		if !strings.HasSuffix(r.Type, "/thumbnail") {
			rels = append(rels, r)
		}
	}
	rd.RootRels.Relationships = rels
	rd.FileMap.Delete("docProps/thumbnail.jpeg")
	var b bytes.Buffer
	if err := rd.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
})

// coreXML is the document's properties: its title, its author (the
// consultant, else the assessor) and the session's date, where godocx's
// template says "gomutex" and 2013.
func coreXML(title, author string, at time.Time) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		b.WriteString("<" + name + ">")
		_ = xml.EscapeText(&b, []byte(v))
		b.WriteString("</" + name + ">")
	}
	el("dc:title", title)
	el("dc:creator", author)
	el("cp:lastModifiedBy", author)
	stamp := at.UTC().Format(time.RFC3339)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// newDOCX starts a document from the template.
func newDOCX() (*docx.RootDoc, error) {
	tpl, err := docxTemplate()
	if err != nil {
		return nil, fmt.Errorf("docx template: %w", err)
	}
	tpl = bytes.Clone(tpl)
	return packager.Unpack(&tpl)
}
