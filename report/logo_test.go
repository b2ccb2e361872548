package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := range 120 {
		for y := range 40 {
			img.Set(x, y, color.RGBA{22, 62, 112, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLogoOnTheCover: the consultant's logo is drawn in the PDF, packed in
// the DOCX and inlined in the HTML; a logo that cannot be read is left out
// of the PDF rather than failing it.
func TestLogoOnTheCover(t *testing.T) {
	logo := testLogo(t)
	path := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(path, logo, 0o600); err != nil {
		t.Fatal(err)
	}
	d := fixedDocuments(t)["en"]
	br := Branding{Firm: "Qualità & Co", Logo: logo, LogoType: "png", LogoPath: path}
	pdf, _ := renderPDF(t, d, Options{Branding: br})
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the PDF has no image")
	}
	docx := renderDOCX(t, d, Options{Branding: br})
	if !bytes.Contains(docx, []byte("word/media/")) {
		t.Error("the DOCX has no image part")
	}
	var h bytes.Buffer
	if err := WriteHTMLReport(&h, d, Options{Branding: br}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), `<img class="logo" alt="" src="data:image/png;base64,`) {
		t.Error("the HTML has no inline logo")
	}
	broken := br
	broken.Logo = []byte("not a png")
	if _, err := WritePDF(&bytes.Buffer{}, d, Options{Branding: broken}); err != nil {
		t.Errorf("a broken logo fails the PDF: %v", err)
	}
}
