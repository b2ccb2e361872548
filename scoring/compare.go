package scoring

import (
	"fmt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Delta is the change of one score between two sessions: Delta = B − A,
// where A is the earlier session.
type Delta struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	A     Score  `json:"a"`
	B     Score  `json:"b"`
	Delta Score  `json:"delta"`
}

// Comparison is the change between two results.
type Comparison struct {
	Areas []Delta `json:"areas"`
	Total Delta   `json:"total"`
	// Sections is the change of each checklist section's percentage, for
	// the sections with a percentage in both sessions.
	Sections []Delta `json:"sections"`
	// Mismatch explains a difference between the packs the two sessions
	// were answered with, in English, for the JSON documents that carry it;
	// empty when they match. Screens and reports word the difference from
	// PackA and PackB instead (see PacksDiffer).
	Mismatch string `json:"mismatch,omitempty"`
	// PackA and PackB are the packs the two sessions were answered with.
	PackA checklist.Ref `json:"-"`
	PackB checklist.Ref `json:"-"`
}

// Compare compares result a (earlier) with b (later). Only areas scored in
// both are compared; the totals are compared over those same areas, so a
// rerun that skipped an area is not shown as a drop. Sessions answered with
// different pack ids or versions are reported in Mismatch; their areas are
// matched by id, never by position.
func Compare(a, b Result) Comparison {
	// Areas is never nil, so JSON readers always get a list.
	c := Comparison{Areas: make([]Delta, 0, len(b.Areas)), PackA: a.Pack, PackB: b.Pack}
	if a.Pack.ID != b.Pack.ID || a.Pack.Version != b.Pack.Version {
		c.Mismatch = fmt.Sprintf("answered with different content: %s %s and %s %s",
			a.Pack.ID, a.Pack.Version, b.Pack.ID, b.Pack.Version)
	}
	byID := make(map[string]Area, len(a.Areas))
	for _, ar := range a.Areas {
		byID[ar.ID] = ar
	}
	var sa, sb float64
	for _, br := range b.Areas {
		ar, ok := byID[br.ID]
		if !ok || !ar.Score.Valid || !br.Score.Valid {
			continue
		}
		c.Areas = append(c.Areas, Delta{ID: br.ID, Title: br.Title,
			A: ar.Score, B: br.Score, Delta: Sub(br.Score, ar.Score)})
		sa += ar.Score.Value
		sb += br.Score.Value
	}
	c.Total = Delta{ID: "total", Title: "Total"}
	if len(c.Areas) > 0 {
		c.Total.A, c.Total.B = Of(sa), Of(sb)
		c.Total.Delta = Sub(c.Total.B, c.Total.A)
	}
	c.Sections = compareSections(a.Sections, b.Sections)
	return c
}

// compareSections pairs the checklist sections of a and b by id; Sections
// is never nil, so JSON readers always get a list.
func compareSections(a, b []Section) []Delta {
	out := make([]Delta, 0, len(b))
	byID := make(map[string]Section, len(a))
	for _, s := range a {
		byID[s.ID] = s
	}
	for _, sb := range b {
		sa, ok := byID[sb.ID]
		if !ok || !sa.Percent.Valid || !sb.Percent.Valid {
			continue
		}
		out = append(out, Delta{ID: sb.ID, Title: sb.Title, A: sa.Percent, B: sb.Percent,
			Delta: Sub(sb.Percent, sa.Percent)})
	}
	return out
}

// PacksDiffer reports whether the two sessions were answered with
// different pack ids or versions.
func (c Comparison) PacksDiffer() bool {
	return c.PackA.ID != c.PackB.ID || c.PackA.Version != c.PackB.Version
}
