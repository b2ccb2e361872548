package content_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/content"
)

// TestEveryItemHasAdvice holds every built-in pack to the promise of the
// findings: an item answered No or Partly comes with something to do, in
// the pack's own language. The advice is a sentence, like an area's action.
func TestEveryItemHasAdvice(t *testing.T) {
	for _, lang := range content.Languages() {
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Sections {
			for _, it := range s.Items {
				a := strings.TrimSpace(it.Advice)
				switch {
				case a == "":
					t.Errorf("%s: item %s has no advice", lang, it.ID)
				case !strings.HasSuffix(a, "."):
					t.Errorf("%s: advice of %s does not end with a full stop: %q", lang, it.ID, a)
				case a == strings.TrimSpace(it.Help):
					t.Errorf("%s: advice of %s repeats its help", lang, it.ID)
				}
			}
		}
	}
}

// sourceFacts are the facts of the source documents that make the case
// for good service, each with the text of the pack where a user meets it
// (named as texts names it) and the words that must be there in each
// language. Figures are written as digits in every language.
var sourceFacts = []struct {
	fact, where string
	words       map[string]string // by language; "*" for every language
}{
	{"winning a customer costs about five times keeping one", "evaluate.silent-defection help",
		map[string]string{"en": "five times", "it": "cinque volte", "sq": "pesë herë", "af": "vyf keer"}},
	{"26 stay silent for each one who complains", "ease-of-contact explanation",
		map[string]string{"*": "26"}},
	{"91% of unhappy customers leave without a word", "ease-of-contact explanation",
		map[string]string{"*": "91%"}},
	{"55% pay more for good service", "customer-focus explanation",
		map[string]string{"*": "55%"}},
	{"two thirds of those who leave do so over indifferent staff", "staff explanation",
		map[string]string{"en": "two thirds", "it": "due terzi", "sq": "dy të tretat", "af": "twee derdes"}},
	{"the customer leaves with a good feeling", "staff action 5",
		map[string]string{"en": "good feeling", "it": "buona impressione", "sq": "përshtypje të mirë", "af": "goeie gevoel"}},
	{"the compulsory launch meeting for a new policy", "staff action 6",
		map[string]string{"en": "everyone must attend", "it": "riunione obbligatoria", "sq": "mbledhje të detyrueshme", "af": "verpligte vergadering"}},
	{"a policy that is clear and easy for customers to find", "ease-of-contact action 5",
		map[string]string{"en": "where customers look", "it": "dove i clienti la cercano", "sq": "aty ku e kërkojnë klientët", "af": "waar kliënte daarna soek"}},
	{"customer-care programmes", "classify.meet-in-person help",
		map[string]string{"en": "customer-care programme", "it": "customer care", "sq": "program kujdesi", "af": "kliëntesorgprogram"}},
	{"product-development partnerships", "classify.meet-in-person help",
		map[string]string{"en": "new product together", "it": "nuovo prodotto insieme", "sq": "produkti të ri bashkë", "af": "saam met kliënte ontwikkel"}},
	{"complaint log: address and phone", "evaluate.complaint-details help",
		map[string]string{"en": "address and phone", "it": "indirizzo e telefono", "sq": "adresën dhe telefonin", "af": "adres en telefoonnommer"}},
	{"complaint log: when it was resolved", "evaluate.complaint-details help",
		map[string]string{"en": "resolved", "it": "risolto", "sq": "u zgjidh", "af": "opgelos is"}},
	{"complaint log: the date a fix was promised", "evaluate.complaint-details help",
		map[string]string{"en": "promised", "it": "promessa", "sq": "u premtua", "af": "belowe"}},
}

// TestSourceFactsInEveryPack checks that each fact the packs take from
// the source documents is in every language's pack, in the text where a
// user meets it, and that each figure is given once (one home per fact).
func TestSourceFactsInEveryPack(t *testing.T) {
	for _, lang := range content.Languages() {
		p, err := content.ForLang(lang)
		if err != nil {
			t.Fatal(err)
		}
		tx := texts(p)
		for _, f := range sourceFacts {
			w, ok := f.words[lang]
			if !ok {
				w, ok = f.words["*"]
			}
			if !ok {
				t.Errorf("%s: no words given for %q", lang, f.fact)
				continue
			}
			if got := tx[f.where]; !strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
				t.Errorf("%s: %s should give %q with %q; it says %q", lang, f.where, f.fact, w, got)
			}
		}
		for _, figure := range []string{"26", "91%", "55%"} {
			var in []string
			for _, where := range slices.Sorted(maps.Keys(tx)) {
				if strings.Contains(tx[where], figure) {
					in = append(in, where)
				}
			}
			if len(in) != 1 {
				t.Errorf("%s: %q appears in %d texts %v, want exactly one", lang, figure, len(in), in)
			}
		}
	}
}
