package content

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, lang := range []string{"", "en", "IT", "sq_AL.UTF-8", "af-ZA"} {
		if err := Check(lang); err != nil {
			t.Errorf("Check(%q): %v", lang, err)
		}
		if _, err := ForLang(lang); err != nil {
			t.Errorf("ForLang(%q): %v, though Check found it", lang, err)
		}
	}
	for _, lang := range []string{"xx", "e", "-en"} {
		if err := Check(lang); !errors.Is(err, ErrUnknown) {
			t.Errorf("Check(%q) = %v, want ErrUnknown", lang, err)
		}
	}
}
