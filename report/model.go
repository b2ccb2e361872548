// Package report turns a scored session into documents to hand over:
// Markdown, a self-contained HTML page, CSV and JSON, and the styled text that
// `servicecheck show` prints on a terminal.
//
// Every renderer works from one view model, results.Document, and words
// every figure with results.Words in the session's language, so no scoring
// or presentation rule is copied here. Renderers are pure: they write to an
// io.Writer and read no clock, file or environment.
package report

import (
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/results"
)

// The view model is package results'; these names keep report's callers
// as they were.
type (
	Document   = results.Document
	Pack       = results.Pack
	Total      = results.Total
	Area       = results.Area
	Section    = results.Section
	Weak       = results.Weak
	Line       = results.Line
	Comparison = results.Comparison
	SessionRef = results.SessionRef
)

// Build is results.Build.
func Build(p *checklist.Pack, s *checklist.Session, prev *checklist.Session, prevPack *checklist.Pack) Document {
	return results.Build(p, s, prev, prevPack)
}

// Compare is results.Compare.
func Compare(pa *checklist.Pack, a *checklist.Session, pb *checklist.Pack, b *checklist.Session) Comparison {
	return results.Compare(pa, a, pb, b)
}
