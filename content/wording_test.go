package content_test

import (
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/content"
)

// avoided lists phrasings a native reader stumbled on in review, per
// language, so that they do not come back with a later edit. Each entry
// says why in a word: the pack's text is the place to fix, this list only
// remembers.
var avoided = map[string][]string{
	"en": {"a day or two"}, // the item and the source say a week or two
	"it": {
		"del lavoro",    // "most of our business" is turnover: del fatturato
		"risarciment",   // damages at law; a complaint gets a refund
		"Contate tutti", // counting heads, not including everyone
		"un giorno o due",
	},
	"sq": {
		"repart",     // a factory floor; a business has departamente
		"Llogaritni", // to calculate, not to include
		"arritshëm",  // unidiomatic for being available to customers
		"një ose dy ditë",
	},
	"af": {
		"privaat kliënte", // a compound: privaatkliënte
		"bemagtiging",     // jargon in a title
		"besigheid inbring",
		"Tel almal", // counting, not including
		"dag of twee",
		"Spandeer eienaars", // time is bestee, money spandeer
		"spandeer tyd",
		"N/A", // the answer is NVT in Afrikaans
	},
}

func TestAvoidedWording(t *testing.T) {
	for lang, phrases := range avoided {
		y, err := content.YAML(lang)
		if err != nil {
			t.Fatal(err)
		}
		text := string(y)
		for _, p := range phrases {
			if strings.Contains(text, p) {
				t.Errorf("pack %s still says %q", lang, p)
			}
		}
	}
}
