package content

import "testing"

// TestIntroIsThePacks: the header read gives exactly the intro the whole
// pack has, in every language.
func TestIntroIsThePacks(t *testing.T) {
	for _, lang := range Languages() {
		got, ok := Intro(lang)
		p, err := ForLang(lang)
		if err != nil || !ok {
			t.Fatalf("%s: ok %v, err %v", lang, ok, err)
		}
		if got != p.Intro || got == "" {
			t.Errorf("%s: Intro = %q, the pack's is %q", lang, got, p.Intro)
		}
	}
	if _, ok := Intro("xx"); ok {
		t.Error(`Intro("xx") is ok`)
	}
}

func BenchmarkIntro(b *testing.B) {
	for b.Loop() {
		Intro("it")
	}
}
