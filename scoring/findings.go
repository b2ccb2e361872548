package scoring

import "github.com/servicecheck/servicecheck/checklist"

// The kinds of finding and strength.
const (
	KindItem      = "item"      // a checklist item
	KindStatement = "statement" // a rated statement of an area
	KindArea      = "area"      // a whole area (strengths only)
)

// Finding is one answer that asks for something to be done: a checklist
// item answered No or Partly, or a statement rated 1 or 2 (IsFinding).
type Finding struct {
	// Kind is KindItem or KindStatement.
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Text string `json:"text"`
	// Group is the id of the item's section or the statement's area, and
	// GroupTitle its title.
	Group      string `json:"group"`
	GroupTitle string `json:"group_title"`
	// Answer is "no" or "partly" for an item, "1" or "2" for a statement.
	Answer checklist.Value `json:"answer"`
	Note   string          `json:"note,omitempty"`
	// Advice is what to do: the item's advice, or for a statement the
	// first action of its area; "" when the pack gives none.
	Advice string `json:"advice"`
}

// Strength is something the session shows is done well: an area at the
// top band, or a checklist item answered Yes.
type Strength struct {
	// Kind is KindArea or KindItem.
	Kind string `json:"kind"`
	ID   string `json:"id"`
	// Text is the area's title or the item's text.
	Text string `json:"text"`
	// Group and GroupTitle name an item's section; empty for an area.
	Group      string `json:"group,omitempty"`
	GroupTitle string `json:"group_title,omitempty"`
	// Score and Band are an area's; null and "" for an item.
	Score Score  `json:"score"`
	Band  string `json:"band,omitempty"`
}

// FindingRating is the highest rating that is a finding: statements rated
// 1 or 2 ("never", "rarely") call for action.
const FindingRating = 2

// IsFinding reports whether an answer is a finding: No or Partly for a
// checklist item, a rating up to FindingRating for a statement.
func IsFinding(v checklist.Value) bool {
	if v == checklist.No || v == checklist.Partly {
		return true
	}
	n, ok := v.Rating()
	return ok && n <= FindingRating
}

// Findings lists the findings of s against p in the wizard's order:
// checklist items section by section, then statements area by area. It is
// never nil, so JSON readers always get a list.
func Findings(p *checklist.Pack, s *checklist.Session) []Finding {
	out := []Finding{}
	for _, sec := range p.Sections {
		for _, it := range sec.Items {
			a := s.Answers[it.ID]
			if _, rated := a.Value.Rating(); rated || !IsFinding(a.Value) {
				continue
			}
			out = append(out, Finding{Kind: KindItem, ID: it.ID, Text: it.Text, Group: sec.ID, GroupTitle: sec.Title,
				Answer: a.Value, Note: a.Note, Advice: it.Advice})
		}
	}
	for _, ar := range p.Areas {
		advice := ""
		if len(ar.Actions) > 0 {
			advice = ar.Actions[0]
		}
		for _, st := range ar.Statements {
			a := s.Answers[st.ID]
			if _, rated := a.Value.Rating(); !rated || !IsFinding(a.Value) {
				continue
			}
			out = append(out, Finding{Kind: KindStatement, ID: st.ID, Text: st.Text, Group: ar.ID, GroupTitle: ar.Title,
				Answer: a.Value, Note: a.Note, Advice: advice})
		}
	}
	return out
}

// Strengths lists what is done well: the areas at the pack's top band, in
// pack order, then the checklist items answered Yes, in pack order. It is
// never nil.
func Strengths(p *checklist.Pack, s *checklist.Session, areas []Area) []Strength {
	out := []Strength{}
	if top := TopBand(p.Bands); top != "" {
		for _, a := range areas {
			if a.Score.Valid && a.Band == top {
				out = append(out, Strength{Kind: KindArea, ID: a.ID, Text: a.Title, Score: a.Score, Band: a.Band})
			}
		}
	}
	for _, sec := range p.Sections {
		for _, it := range sec.Items {
			if s.Answers[it.ID].Value == checklist.Yes {
				out = append(out, Strength{Kind: KindItem, ID: it.ID, Text: it.Text, Group: sec.ID, GroupTitle: sec.Title})
			}
		}
	}
	return out
}

// TopBand is the id of the highest band, "" when there are none.
func TopBand(bands []checklist.Band) string {
	if len(bands) == 0 {
		return ""
	}
	return bands[len(bands)-1].ID
}

// GoodBand is the id of the band from which an area counts as good, not a
// problem: the band with id "good" when the pack has one, else its top
// band. The thresholds stay in the pack; only the id is read here.
func GoodBand(bands []checklist.Band) string {
	for _, b := range bands {
		if b.ID == "good" {
			return b.ID
		}
	}
	return TopBand(bands)
}

// AtLeastGood reports whether band is the good band or above it.
func AtLeastGood(bands []checklist.Band, band string) bool {
	good := GoodBand(bands)
	if good == "" || band == "" {
		return false
	}
	reached := false
	for _, b := range bands {
		if b.ID == good {
			reached = true
		}
		if b.ID == band {
			return reached
		}
	}
	return false
}
