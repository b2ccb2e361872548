package checklist

import (
	"fmt"
	"strings"
)

// SourceKind says what kind of result a suggested problem came from.
type SourceKind string

// The kinds of result a problem is suggested from.
const (
	// SourceArea is a weak area of the self-assessment, named with its
	// lowest-rated statement and that statement's rating.
	SourceArea SourceKind = "area"
	// SourceItem is a checklist item, named with the answer it got (No).
	SourceItem SourceKind = "item"
)

// GoalSource records which result a goal's problem was suggested from, as
// data: ids and the rating or answer, never words. The words are the pack's
// and the session's language's, put together when the goal is shown
// (plantext.Problem), so a plan reads in the language of the session it
// is shown with and follows the pack's wording as it improves.
type GoalSource struct {
	Kind SourceKind `json:"kind"`
	// ID is the area's id (SourceArea) or the item's (SourceItem).
	ID string `json:"id"`
	// Statement is the id of the area's lowest-rated statement and Rating
	// the rating it got, 1 to 5 (SourceArea only).
	Statement string `json:"statement,omitempty"`
	Rating    int    `json:"rating,omitempty"`
	// Answer is the answer the item got (SourceItem only).
	Answer Value `json:"answer,omitempty"`
}

// maxSourceID bounds the ids of a source as the ids of a pack are bounded
// by its size: generously, so only hostile input meets it.
const maxSourceID = 200

// Check says what is wrong with s on its own, without a pack: the field
// at fault ("kind", "id", "statement", "rating", "answer") and why; "" and
// nil when nothing is. Whether the ids exist is a question for the pack
// (Pack.CheckSource).
func (s GoalSource) Check() (field string, pr *Problem) {
	for _, f := range []struct{ name, v string }{{"id", s.ID}, {"statement", s.Statement}} {
		if pr := textProblem(f.v, maxSourceID, false); pr != nil {
			return f.name, pr
		}
	}
	if s.ID == "" {
		return "id", problem("source.no_id", "missing: the id of the area or item the problem comes from")
	}
	switch s.Kind {
	case SourceArea:
		if s.Statement == "" {
			return "statement", problem("source.no_statement", "missing: the id of the area's lowest-rated statement")
		}
		if _, ok := Rating(s.Rating).Rating(); !ok {
			return "rating", problem("source.bad_rating", fmt.Sprintf("%d is not a rating from 1 to 5", s.Rating), "Value", s.Rating)
		}
		if s.Answer != "" {
			return "answer", problem("source.area_answer", "an area's problem has a rating, not an answer")
		}
	case SourceItem:
		if !s.Answer.IsChoice() {
			return "answer", problem("source.bad_answer", fmt.Sprintf("%q is not an answer (yes, partly, no or na)", s.Answer),
				"Value", fmt.Sprintf("%q", s.Answer))
		}
		if s.Statement != "" || s.Rating != 0 {
			return "rating", problem("source.item_rating", "an item's problem has an answer, not a statement or a rating")
		}
	default:
		return "kind", problem("source.bad_kind", fmt.Sprintf("%q is not a kind of source (area or item)", s.Kind),
			"Value", fmt.Sprintf("%q", s.Kind))
	}
	return "", nil
}

// CheckSource says what is wrong with s as a source in p, as Check does,
// and also when its ids are not an area with that statement or an item of
// p.
func (p *Pack) CheckSource(s GoalSource) (field string, pr *Problem) {
	if field, pr := s.Check(); pr != nil {
		return field, pr
	}
	switch s.Kind {
	case SourceArea:
		a, ok := p.Area(s.ID)
		if !ok {
			return "id", problem("source.not_area", "not an area of "+p.ID+" "+p.Version, "Pack", p.ID, "Version", p.Version)
		}
		if _, ok := a.Statement(s.Statement); !ok {
			return "statement", problem("source.not_statement", "not a statement of area "+a.ID, "Area", a.ID)
		}
	case SourceItem:
		if _, ok := p.Item(s.ID); !ok {
			return "id", problem("source.not_item", "not a checklist item of "+p.ID+" "+p.Version, "Pack", p.ID, "Version", p.Version)
		}
	}
	return "", nil
}

// Item returns the checklist item with the given id.
func (p *Pack) Item(id string) (Item, bool) {
	for _, s := range p.Sections {
		for _, it := range s.Items {
			if it.ID == id {
				return it, true
			}
		}
	}
	return Item{}, false
}

// Statement returns the area's statement with the given id.
func (a Area) Statement(id string) (Statement, bool) {
	for _, st := range a.Statements {
		if st.ID == id {
			return st, true
		}
	}
	return Statement{}, false
}

// HasProblem reports whether the goal names a problem: words of the
// user's own, or a suggestion kept as its source.
func (g Goal) HasProblem() bool {
	return strings.TrimSpace(g.Problem) != "" || g.Source != nil
}
