package checklist

import (
	"slices"
	"strings"
)

// Pack is a content pack: the questions, statements, advice and bands that an
// audit session is answered against. Every id in a pack is unique across the
// whole pack, so one map of answers serves both items and statements.
type Pack struct {
	ID       string    `json:"id"`
	Version  string    `json:"version"`
	Lang     string    `json:"lang"`
	Title    string    `json:"title"`
	Intro    string    `json:"intro,omitempty"`
	Sections []Section `json:"sections"`
	Areas    []Area    `json:"areas"`
	// Bands are ordered by From, ascending; the first starts at 0.
	Bands []Band `json:"bands"`
}

// Section is one part of the checklist, answered Yes / Partly / No / N/A.
type Section struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Purpose string `json:"purpose"`
	Items   []Item `json:"items"`
}

// Item is one checklist question.
type Item struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Help is an optional hint shown under the question.
	Help string `json:"help,omitempty"`
	// Advice is what to do when the item is answered No or Partly: the
	// finding's advice in results and reports.
	Advice string `json:"advice,omitempty"`
}

// Area is one rated area of the self-assessment.
type Area struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Explanation string      `json:"explanation"`
	Statements  []Statement `json:"statements"`
	// Actions are concrete things to do when the area scores low.
	Actions []string `json:"actions"`
}

// Statement is one self-assessment statement rated 1 (never) to 5 (always).
type Statement struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Band names a range of percentages, from From (inclusive) up to the next
// band's From. Bands apply to the total and to each area alike.
type Band struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	From  float64 `json:"from"`
}

// Kind tells what an id in a pack refers to.
type Kind int

// The kinds of question in a pack.
const (
	KindUnknown   Kind = iota
	KindItem           // a checklist item, answered Yes / Partly / No / N/A
	KindStatement      // an assessment statement, rated 1..5 or N/A
)

// String returns "item", "statement" or "unknown".
func (k Kind) String() string {
	switch k {
	case KindItem:
		return "item"
	case KindStatement:
		return "statement"
	}
	return "unknown"
}

// Ref identifies the pack a session was answered with.
type Ref struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Lang    string `json:"lang"`
}

// Ref returns the reference to p that a session records.
func (p *Pack) Ref() Ref { return Ref{ID: p.ID, Version: p.Version, Lang: p.Lang} }

// Question is one position in the walk through a pack: a checklist item or
// an assessment statement, with where it stands.
type Question struct {
	Kind    Kind
	ID      string
	Text    string
	Help    string
	Section int // index into Pack.Sections for items, -1 otherwise
	Area    int // index into Pack.Areas for statements, -1 otherwise
	Index   int // position within its section or area, from 0
	Of      int // number of questions in its section or area
}

// Questions lists every item, section by section, then every statement, area
// by area: the order in which the wizard walks a session.
func (p *Pack) Questions() []Question {
	var qs []Question
	for si, s := range p.Sections {
		for ii, it := range s.Items {
			qs = append(qs, Question{Kind: KindItem, ID: it.ID, Text: it.Text, Help: it.Help,
				Section: si, Area: -1, Index: ii, Of: len(s.Items)})
		}
	}
	for ai, a := range p.Areas {
		for i, st := range a.Statements {
			qs = append(qs, Question{Kind: KindStatement, ID: st.ID, Text: st.Text,
				Section: -1, Area: ai, Index: i, Of: len(a.Statements)})
		}
	}
	return qs
}

// Kind reports what id refers to in p.
func (p *Pack) Kind(id string) Kind {
	for _, s := range p.Sections {
		for _, it := range s.Items {
			if it.ID == id {
				return KindItem
			}
		}
	}
	for _, a := range p.Areas {
		for _, st := range a.Statements {
			if st.ID == id {
				return KindStatement
			}
		}
	}
	return KindUnknown
}

// Area returns the area with the given id.
func (p *Pack) Area(id string) (Area, bool) {
	for _, a := range p.Areas {
		if a.ID == id {
			return a, true
		}
	}
	return Area{}, false
}

// AnswerMismatch is an answer that does not fit the pack it was given
// with: no question has its id (Kind is KindUnknown), or its value is not
// an answer to a question of Kind.
type AnswerMismatch struct {
	ID    string
	Value Value
	Kind  Kind
}

// Mismatches lists, by id, the answers that do not fit p: an id p has no
// question for (even with only a note), or a value that is not an answer
// to its question's kind ("yes" on a statement, "5" on an item). Empty
// values (a note alone) fit any question.
func (p *Pack) Mismatches(answers map[string]Answer) []AnswerMismatch {
	kinds := kindsOf(p)
	var out []AnswerMismatch
	for id, a := range answers {
		k := kinds[id]
		if k == KindUnknown || a.Value != "" && !a.Value.ValidFor(k) {
			out = append(out, AnswerMismatch{ID: id, Value: a.Value, Kind: k})
		}
	}
	slices.SortFunc(out, func(a, b AnswerMismatch) int { return strings.Compare(a.ID, b.ID) })
	return out
}
