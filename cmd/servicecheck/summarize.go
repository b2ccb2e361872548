package main

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// summarize scores a session's total for the store's summary index, so that
// `list` shows totals without decoding every session. It runs inside the
// store's write transaction and reads kept packs through it, never opening
// the file again. A session whose pack is found nowhere gets no total (a
// missing score, shown as "–"), never a wrong one.
func (r *packResolver) summarize(s *checklist.Session, kept store.PackSource) scoring.Total {
	p, err := r.resolve(kept, s.Pack)
	if err != nil {
		return scoring.Total{}
	}
	return scoring.Session(p, s).Total
}
