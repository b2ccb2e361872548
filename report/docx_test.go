package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func renderDOCX(t *testing.T, d Document, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDOCX(&b, d, opt); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SERVICECHECK_REPORT_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+".docx"), b.Bytes(), 0o644)
	}
	return b.Bytes()
}

// docxParagraphs opens the package, checks its parts are well-formed XML,
// and returns the text of each paragraph of word/document.xml (runs
// joined, a line break as "\n").
func docxParagraphs(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = b
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed: %v", f.Name, err)
				}
			}
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if parts[need] == nil {
			t.Fatalf("the package has no %s", need)
		}
	}
	var out []string
	var cur strings.Builder
	inText := false
	dec := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "t":
				inText = true
			case "br":
				cur.WriteString("\n")
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "t":
				inText = false
			case "p":
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tk)
			}
		}
	}
	return out
}

func TestDOCXHoldsTheReport(t *testing.T) {
	for lang, d := range fixedDocuments(t) {
		t.Run(lang, func(t *testing.T) {
			data := renderDOCX(t, d, Options{Branding: Branding{Firm: "Qualità & Co", Consultant: "Anna Kë"}})
			paras := docxParagraphs(t, data)
			text := flat(paras)
			for _, s := range mustHold(d) {
				if s = strings.Join(strings.Fields(s), " "); !strings.Contains(text, s) {
					t.Errorf("document.xml does not hold %q", s)
				}
			}
			doc := string(mustPart(t, data, "word/document.xml"))
			for _, style := range []string{`w:val="Heading1"`, `w:val="Heading2"`, "<w:tbl>", `w:val="TableGrid"`} {
				if !strings.Contains(doc, style) {
					t.Errorf("document.xml has no %s", style)
				}
			}
			footer := string(mustPart(t, data, "word/footer1.xml"))
			if !strings.Contains(footer, `w:instr="PAGE"`) || !strings.Contains(footer, `w:instr="NUMPAGES"`) || !strings.Contains(doc, "<w:footerReference") {
				t.Error("no footer with page numbers")
			}
			golden(t, filepath.Join("testdata", "report_"+lang+".docx.txt"), strings.Join(paras, "\n")+"\n")
		})
	}
}

func mustPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}
