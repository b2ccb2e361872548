package checklist

import "time"

// Outcome is how far a goal of an earlier plan was met. The empty Outcome
// means nobody has said yet.
type Outcome string

// The outcomes of a goal under review.
const (
	GoalMet    Outcome = "met"
	GoalPartly Outcome = "partly"
	GoalNotMet Outcome = "not_met"
)

// Outcomes lists the outcomes in the order they are offered.
func Outcomes() []Outcome { return []Outcome{GoalMet, GoalPartly, GoalNotMet} }

// Valid reports whether o is empty or one of the outcomes.
func (o Outcome) Valid() bool {
	return o == "" || o == GoalMet || o == GoalPartly || o == GoalNotMet
}

// MessageID is the catalogue id of the word for o ("domain.outcome.met",
// "answer.none" when nobody has said yet), which a presentation layer
// words in the user's language.
func (o Outcome) MessageID() string {
	if o == "" {
		return "answer.none"
	}
	return "domain.outcome." + string(o)
}

// Label is o in English.
//
// Deprecated: it is for logs and tests only; what a user reads is the
// catalogue's word for o.MessageID().
func (o Outcome) Label() string {
	switch o {
	case GoalMet:
		return "Met"
	case GoalPartly:
		return "Partly met"
	case GoalNotMet:
		return "Not met"
	case "":
		return "–"
	}
	return string(o)
}

// GoalReview is one goal of the client's previous plan looked at again in a
// later session: the goal as it was set, and whether it was met.
type GoalReview struct {
	// From is the id of the session whose plan set the goal, and FromDate
	// the day that session was completed: the goal is kept as it was
	// written, so the review still reads when that session is deleted.
	From     string    `json:"from"`
	FromDate time.Time `json:"from_date,omitzero"`
	Goal     Goal      `json:"goal"`
	Outcome  Outcome   `json:"outcome,omitempty"`
	Note     string    `json:"note,omitempty"`
}

// IsZero reports whether the plan holds nothing: no vision, no goal and no
// review. It also makes JSON's omitzero leave such a plan out.
func (p Plan) IsZero() bool {
	return p.Vision == "" && len(p.Goals) == 0 && len(p.Review) == 0
}

// Reviewed counts the reviewed goals with an outcome.
func (p Plan) Reviewed() int {
	n := 0
	for _, r := range p.Review {
		if r.Outcome != "" {
			n++
		}
	}
	return n
}

// ReviewOf lists the goals of prev's plan for review in a later session,
// none of them judged yet.
func ReviewOf(prev *Session) []GoalReview {
	out := make([]GoalReview, 0, len(prev.Plan.Goals))
	for _, g := range prev.Plan.Goals {
		g.Met = nil // the goal as it was set; the outcome is judged anew
		out = append(out, GoalReview{From: prev.ID, FromDate: prev.CompletedAt, Goal: g})
	}
	return out
}
