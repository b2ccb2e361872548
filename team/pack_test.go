package team

import (
	"errors"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestPack(t *testing.T) {
	en := checklist.Ref{ID: "sc", Version: "1", Lang: "en"}
	packs := map[checklist.Ref]*checklist.Pack{
		en:                                   {ID: "sc", Version: "1", Lang: "en"},
		{ID: "sc", Version: "1", Lang: "it"}: {ID: "sc", Version: "1", Lang: "it"},
		{ID: "sc", Version: "2", Lang: "sq"}: {ID: "sc", Version: "2", Lang: "sq"},
	}
	lookup := func(r checklist.Ref) (*checklist.Pack, error) {
		if p, ok := packs[r]; ok {
			return p, nil
		}
		return nil, errors.New("no such pack")
	}
	sessions := map[string]*checklist.Session{"s1": {Pack: en}}
	tests := []struct {
		name, lang string
		ids        []string
		want       string // the pack's language, "" for an error
	}{
		{"the audit's language", "it", []string{"s1"}, "it"},
		{"same language", "en", []string{"s1"}, "en"},
		{"the pack lacks the audit's language", "af", []string{"s1"}, "en"},
		{"another version in the audit's language does not count", "sq", []string{"s1"}, "en"},
		{"the first session found decides", "it", []string{"gone", "s1"}, "it"},
		{"no session found", "it", []string{"gone"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Audit{Lang: tt.lang}
			for _, id := range tt.ids {
				a.Respondents = append(a.Respondents, Respondent{SessionID: id})
			}
			p, err := Pack(a, sessions, lookup)
			switch {
			case tt.want == "" && err == nil:
				t.Errorf("Pack = %+v, want an error", p)
			case tt.want != "" && (err != nil || p.Lang != tt.want):
				t.Errorf("Pack = %+v, %v; want the %s pack", p, err, tt.want)
			}
		})
	}
}
