package content

import (
	"bytes"

	"github.com/goccy/go-yaml"
)

// Intro returns the intro of the embedded pack in lang, which the wizard's
// home screen shows, without parsing the pack's questions: the keys before
// `sections:` are a small YAML document of their own, read in a few
// microseconds where the whole pack takes milliseconds, so the wizard's
// first frame need not wait for the pack (docs/benchmarks.md, first
// frame). Languages resolve as in ForLang; ok is false for an unknown
// language. A pack laid out otherwise is read whole.
func Intro(lang string) (intro string, ok bool) {
	l, ok := resolve(lang)
	if !ok {
		return "", false
	}
	raw, err := packFS.ReadFile("packs/" + l + ".yaml")
	if err != nil {
		return "", false
	}
	if i := bytes.Index(raw, []byte("\nsections:")); i >= 0 {
		var head struct {
			Intro string `yaml:"intro"`
		}
		if yaml.Unmarshal(raw[:i+1], &head) == nil {
			return head.Intro, true
		}
	}
	p, err := ForLang(l)
	if err != nil {
		return "", false
	}
	return p.Intro, true
}
