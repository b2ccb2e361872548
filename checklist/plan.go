package checklist

import (
	"strings"
	"time"
)

// GoalStatus is where a goal of the plan stands. The empty GoalStatus is
// open for a goal, and "not reviewed yet" for a goal under review.
type GoalStatus string

// The statuses of a goal.
const (
	StatusOpen       GoalStatus = "open"
	StatusInProgress GoalStatus = "in_progress"
	StatusDone       GoalStatus = "done"
	StatusDropped    GoalStatus = "dropped"
)

// GoalStatuses lists the statuses in the order they are offered.
func GoalStatuses() []GoalStatus {
	return []GoalStatus{StatusOpen, StatusInProgress, StatusDone, StatusDropped}
}

// Valid reports whether s is empty or one of the statuses.
func (s GoalStatus) Valid() bool {
	switch s {
	case "", StatusOpen, StatusInProgress, StatusDone, StatusDropped:
		return true
	}
	return false
}

// Open reports whether a goal with status s still asks for work: open
// (or not said) or in progress.
func (s GoalStatus) Open() bool {
	return s == "" || s == StatusOpen || s == StatusInProgress
}

// MessageID is the catalogue id of the word for s
// ("actionplan.status.done"); the empty status is open.
func (s GoalStatus) MessageID() string {
	if s == "" {
		s = StatusOpen
	}
	return "actionplan.status." + string(s)
}

// ParseGoalStatus reads a status by its id ("in_progress"), its id with a
// space or hyphen ("in progress"), or its number in GoalStatuses order.
func ParseGoalStatus(v string) (GoalStatus, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.NewReplacer(" ", "_", "-", "_").Replace(v)
	for i, s := range GoalStatuses() {
		if v == string(s) || v == string(rune('1'+i)) {
			return s, true
		}
	}
	return "", false
}

// Outcome is how far a goal of an earlier plan was met, as reviews before
// schema 6 recorded it.
//
// Deprecated: a review now sets the goal's GoalStatus; the store's upgrade
// maps an outcome to a status (OutcomeStatus) and no outcome is written.
type Outcome string

// The outcomes of reviews before schema 6.
const (
	GoalMet    Outcome = "met"
	GoalPartly Outcome = "partly"
	GoalNotMet Outcome = "not_met"
)

// Outcomes lists the outcomes in the order they were offered.
//
// Deprecated: see Outcome.
func Outcomes() []Outcome { return []Outcome{GoalMet, GoalPartly, GoalNotMet} }

// Valid reports whether o is empty or one of the outcomes.
func (o Outcome) Valid() bool {
	return o == "" || o == GoalMet || o == GoalPartly || o == GoalNotMet
}

// MessageID is the catalogue id of the word for o.
//
// Deprecated: see Outcome.
func (o Outcome) MessageID() string {
	if o == "" {
		return "answer.none"
	}
	return "domain.outcome." + string(o)
}

// Label is o in English, for logs and tests.
//
// Deprecated: see Outcome.
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

// OutcomeStatus is the status an outcome of an older review stands for:
// met is done, partly met is in progress, not met is still open; no
// outcome is no status (not reviewed).
func OutcomeStatus(o Outcome) GoalStatus {
	switch o {
	case GoalMet:
		return StatusDone
	case GoalPartly:
		return StatusInProgress
	case GoalNotMet:
		return StatusOpen
	}
	return ""
}

// GoalReview is one goal of the client's previous plan looked at again in a
// later session: the goal as it was set, and the status it was given.
type GoalReview struct {
	// From is the id of the session whose plan set the goal, and FromDate
	// the day that session was completed: the goal is kept as it was
	// written, so the review still reads when that session is deleted.
	From     string    `json:"from"`
	FromDate time.Time `json:"from_date,omitzero"`
	Goal     Goal      `json:"goal"`
	// Status is where the goal stands now; empty until it is reviewed.
	Status GoalStatus `json:"status,omitempty"`
	// Outcome is the outcome of a review before schema 6, moved to Status
	// by the store's upgrade and by an import.
	//
	// Deprecated: see checklist.Outcome.
	Outcome Outcome `json:"outcome,omitempty"`
	Note    string  `json:"note,omitempty"`
}

// IsZero reports whether the plan holds nothing: no vision, no goal and no
// review. It also makes JSON's omitzero leave such a plan out.
func (p Plan) IsZero() bool {
	return p.Vision == "" && p.VisionSteps.IsZero() && len(p.Goals) == 0 && len(p.Review) == 0
}

// Reviewed counts the reviewed goals: those given a status.
func (p Plan) Reviewed() int {
	n := 0
	for _, r := range p.Review {
		if r.Status != "" {
			n++
		}
	}
	return n
}

// ReviewOf lists the goals of prev's plan for review in a later session,
// none of them reviewed yet.
func ReviewOf(prev *Session) []GoalReview {
	out := make([]GoalReview, 0, len(prev.Plan.Goals))
	for _, g := range prev.Plan.Goals {
		g.Met = nil // the goal as it was set; where it stands is said anew
		out = append(out, GoalReview{From: prev.ID, FromDate: prev.CompletedAt, Goal: g})
	}
	return out
}

// UpgradeGoal brings a goal written before schema 6 to the current form:
// its free-text Due becomes DueDate when it is a date (ParseDay), else it
// is kept at the start of Note, so no word is lost; Met becomes a Status
// when the goal has none. It reports whether anything changed.
func UpgradeGoal(g *Goal) bool {
	changed := false
	if due := strings.TrimSpace(g.Due); due != "" || g.Due != "" {
		if d, err := ParseDay(due); err == nil && g.DueDate.IsZero() && !d.IsZero() {
			g.DueDate = d
		} else if due != "" {
			note := strings.TrimSpace(g.Note)
			g.Note = due
			if note != "" {
				g.Note = due + " · " + note
			}
		}
		g.Due = ""
		changed = true
	}
	if g.Met != nil {
		if g.Status == "" {
			g.Status = StatusOpen
			if *g.Met {
				g.Status = StatusDone
			}
		}
		g.Met = nil
		changed = true
	}
	return changed
}

// UpgradePlan upgrades every goal of p (UpgradeGoal), including the goals
// under review, and moves each review's Outcome to its Status. It reports
// whether anything changed.
func UpgradePlan(p *Plan) bool {
	changed := false
	for i := range p.Goals {
		changed = UpgradeGoal(&p.Goals[i]) || changed
	}
	for i := range p.Review {
		r := &p.Review[i]
		changed = UpgradeGoal(&r.Goal) || changed
		if r.Outcome != "" {
			if r.Status == "" {
				r.Status = OutcomeStatus(r.Outcome)
			}
			r.Outcome = ""
			changed = true
		}
	}
	return changed
}
