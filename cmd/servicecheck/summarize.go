package main

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
)

// summarizeTotal scores a session's total with the pack it was answered
// with, for the store to keep in its summary index: `list` then shows
// totals without decoding every session. A session whose pack is not built
// in gets no total (a missing score, shown as "–"), never a wrong one.
func summarizeTotal(s *checklist.Session) scoring.Total {
	p, err := content.Lookup(s.Pack)
	if err != nil {
		return scoring.Total{}
	}
	return scoring.Session(p, s).Total
}
