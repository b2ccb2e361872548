package content

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, lang := range []string{"", "en", "IT", "sq_AL.UTF-8", "af-ZA"} {
		got, err := Check(lang)
		if err != nil {
			t.Errorf("Check(%q): %v", lang, err)
		}
		p, err := ForLang(lang)
		if err != nil || p.Lang != got {
			t.Errorf("ForLang(%q): %v, %v; Check said %q", lang, p, err, got)
		}
	}
	for _, lang := range []string{"xx", "e", "-en"} {
		if _, err := Check(lang); !errors.Is(err, ErrUnknown) {
			t.Errorf("Check(%q) = %v, want ErrUnknown", lang, err)
		}
	}
}
