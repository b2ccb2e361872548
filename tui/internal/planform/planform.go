// Package planform is a plan being written, one field at a time: the review
// of last time's goals, up to three goals (problem, what, target, by when)
// and a vision. The full-screen wizard and the plain prompts walk the same
// fields in the same order and save the same plan.
package planform

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// Kind is what a field holds.
type Kind int

// The kinds of field, in the order a goal or a review asks them.
const (
	Outcome Kind = iota // review: was last time's goal met
	Note                // review: a note on the outcome
	Problem
	What
	Target
	Due
	Vision
)

// kindIDs names each kind in the catalogue (tui.plan.label.problem).
var kindIDs = map[Kind]string{Outcome: "outcome", Note: "note", Problem: "problem", What: "what",
	Target: "target", Due: "due", Vision: "vision"}

// Label is the field's name on screen, in l.
func (k Kind) Label(l *i18n.Locale) string {
	if id, ok := kindIDs[k]; ok {
		return l.T("tui.plan.label." + id)
	}
	return ""
}

// Hint says what goes in a field, with an example, in l.
func (k Kind) Hint(l *i18n.Locale) string {
	if id, ok := kindIDs[k]; ok {
		return l.T("tui.plan.hint." + id)
	}
	return ""
}

// Text reports whether the field is typed in (every kind but Outcome).
func (k Kind) Text() bool { return k != Outcome }

// Field is one field of the form: its kind and which review entry or goal
// slot it belongs to.
type Field struct {
	Kind  Kind
	Index int
}

// Form is the plan under way. Review and Goals are the entries being
// edited; Goals has a slot for each of the top problems even when fewer
// are set.
type Form struct {
	Review []checklist.GoalReview
	Goals  []checklist.Goal
	Vision string
	fields []Field
	// offered marks the slots whose problem is a suggestion nobody has
	// confirmed yet: such a goal is not part of the plan, so that a
	// suggestion further down is never saved unseen.
	offered []bool
	// text words a goal's problem (plantext.Problem in the session's
	// language and pack).
	text func(checklist.Goal) string
}

// New starts a form from the session's stored plan. When that has no review
// yet and prev (the client's earlier session whose plan has goals; nil for
// none) is given, prev's goals are offered for review. When it has no goal
// yet, the slots start with the suggested problems, kept as their sources.
// text words a goal's problem for the problem field and the lists around
// it: plantext.Problem in the session's language with its pack.
func New(stored checklist.Plan, prev *checklist.Session, suggestions []checklist.GoalSource,
	text func(checklist.Goal) string) *Form {
	f := &Form{Vision: stored.Vision, text: text}
	switch {
	case len(stored.Review) > 0:
		f.Review = append([]checklist.GoalReview(nil), stored.Review...)
	case prev != nil:
		f.Review = checklist.ReviewOf(prev)
	}
	f.Goals = make([]checklist.Goal, max(scoring.ProblemCount, len(stored.Goals)))
	f.offered = make([]bool, len(f.Goals))
	copy(f.Goals, stored.Goals)
	if len(stored.Goals) == 0 {
		for i, s := range suggestions {
			if i < len(f.Goals) {
				src := s
				f.Goals[i].Source = &src
				f.offered[i] = true
			}
		}
	}
	for i := range f.Review {
		f.fields = append(f.fields, Field{Outcome, i}, Field{Note, i})
	}
	for i := range f.Goals {
		f.fields = append(f.fields, Field{Problem, i}, Field{What, i}, Field{Target, i}, Field{Due, i})
	}
	f.fields = append(f.fields, Field{Kind: Vision})
	return f
}

// Len is the number of fields.
func (f *Form) Len() int { return len(f.fields) }

// Field returns field i.
func (f *Form) Field(i int) Field { return f.fields[i] }

// Value returns what field fl holds; an outcome as its id ("met").
func (f *Form) Value(fl Field) string {
	switch fl.Kind {
	case Outcome:
		return string(f.Review[fl.Index].Outcome)
	case Note:
		return f.Review[fl.Index].Note
	case Problem:
		return f.Problem(f.Goals[fl.Index])
	case What:
		return f.Goals[fl.Index].What
	case Target:
		return f.Goals[fl.Index].Target
	case Due:
		return f.Goals[fl.Index].Due
	case Vision:
		return f.Vision
	}
	return ""
}

// Set puts v in field fl; an outcome takes an outcome's id and ignores
// anything else. Setting a problem confirms it, suggested or not: a
// suggestion confirmed as it was worded stays a source (worded anew in
// whatever language it is shown in); other words are the user's own.
func (f *Form) Set(fl Field, v string) {
	switch fl.Kind {
	case Outcome:
		if o := checklist.Outcome(v); o.Valid() {
			f.Review[fl.Index].Outcome = o
		}
	case Note:
		f.Review[fl.Index].Note = v
	case Problem:
		g := &f.Goals[fl.Index]
		switch {
		case strings.TrimSpace(v) == "":
			g.Problem, g.Source = "", nil
		case v == g.Problem: // unchanged, source and all
		case g.Problem == "" && g.Source != nil && strings.TrimSpace(v) == strings.TrimSpace(f.Problem(*g)):
			// the suggestion, as offered
		default:
			g.Problem, g.Source = v, nil
		}
		f.offered[fl.Index] = false
	case What:
		f.Goals[fl.Index].What = v
	case Target:
		f.Goals[fl.Index].Target = v
	case Due:
		f.Goals[fl.Index].Due = v
	case Vision:
		f.Vision = v
	}
}

// Next returns the field after i, skipping the rest of a goal whose problem
// is empty; Len() means past the last field.
func (f *Form) Next(i int) int {
	j := i + 1
	for j < len(f.fields) && f.skipped(f.fields[j]) {
		j++
	}
	return j
}

// Prev returns the field before i, skipping as Next does; -1 means i is the
// first.
func (f *Form) Prev(i int) int {
	j := i - 1
	for j >= 0 && f.skipped(f.fields[j]) {
		j--
	}
	return j
}

func (f *Form) skipped(fl Field) bool {
	switch fl.Kind {
	case What, Target, Due:
		return !f.Goals[fl.Index].HasProblem()
	}
	return false
}

// Where says where field fl stands, in l: "last time's goal 1 of 2",
// "goal 2 of 3" or "vision".
func (f *Form) Where(l *i18n.Locale, fl Field) string {
	switch fl.Kind {
	case Outcome, Note:
		return l.T("tui.plan.where.review", "N", fl.Index+1, "Of", len(f.Review))
	case Vision:
		return l.T("tui.plan.where.vision")
	}
	return l.T("tui.plan.where.goal", "N", fl.Index+1, "Of", len(f.Goals))
}

// Problem words g's problem as the form shows it: the user's words, or the
// suggestion it was set from.
func (f *Form) Problem(g checklist.Goal) string {
	if f.text == nil {
		return g.Problem
	}
	return f.text(g)
}

// Offered reports whether goal slot i holds a suggested problem that has
// not been confirmed.
func (f *Form) Offered(i int) bool { return f.offered[i] }

// Plan is the plan as it stands: every review entry, the goals whose
// problem is confirmed and not empty, and the vision, each text trimmed.
func (f *Form) Plan() checklist.Plan {
	p := checklist.Plan{Vision: strings.TrimSpace(f.Vision)}
	for i, g := range f.Goals {
		g = trimGoal(g)
		if g.HasProblem() && !f.offered[i] {
			p.Goals = append(p.Goals, g)
		}
	}
	for _, r := range f.Review {
		r.Note = strings.TrimSpace(r.Note)
		p.Review = append(p.Review, r)
	}
	return p
}

// Equal reports whether two plans hold the same, an empty list and no list
// alike.
func Equal(a, b checklist.Plan) bool {
	return reflect.DeepEqual(norm(a), norm(b))
}

func norm(p checklist.Plan) checklist.Plan {
	if len(p.Goals) == 0 {
		p.Goals = nil
	}
	if len(p.Review) == 0 {
		p.Review = nil
	}
	return p
}

func trimGoal(g checklist.Goal) checklist.Goal {
	g.Problem = strings.TrimSpace(g.Problem)
	g.What = strings.TrimSpace(g.What)
	g.Target = strings.TrimSpace(g.Target)
	g.Due = strings.TrimSpace(g.Due)
	return g
}

// outcomeIDs names each outcome in the catalogue (tui.plan.outcome.met).
var outcomeIDs = map[checklist.Outcome]string{checklist.GoalMet: "met", checklist.GoalPartly: "partly",
	checklist.GoalNotMet: "not_met"}

// OutcomeLabel is how outcome o reads in l: "Met", "Partly met", "Not met",
// "–" for none.
func OutcomeLabel(l *i18n.Locale, o checklist.Outcome) string {
	if !o.Valid() {
		return string(o)
	}
	return l.T(o.MessageID())
}

// OutcomeKey is the key that gives outcome o on the plan screen in l.
func OutcomeKey(l *i18n.Locale, o checklist.Outcome) string {
	return present.Key(l, "tui.plan.outcome."+outcomeIDs[o]+".key")
}

// OutcomeKeys lists the outcomes' keys as the key bar shows them: "m/p/n".
func OutcomeKeys(l *i18n.Locale) string {
	var keys []string
	for _, o := range checklist.Outcomes() {
		keys = append(keys, OutcomeKey(l, o))
	}
	return strings.Join(keys, "/")
}

// ParseOutcome reads a typed outcome in l: its number in Outcomes order (1
// met, 2 partly, 3 not met), its key, its label, another spelling the
// catalogue lists, or its stored id (met, partly, not_met).
func ParseOutcome(l *i18n.Locale, s string) (checklist.Outcome, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if t == "" {
		return "", false
	}
	for i, o := range checklist.Outcomes() {
		id := outcomeIDs[o]
		if t == strconv.Itoa(i+1) || t == string(o) || t == OutcomeKey(l, o) ||
			t == strings.ToLower(strings.Trim(OutcomeLabel(l, o), "⟦⟧")) {
			return o, true
		}
		for _, w := range strings.Split(strings.Trim(l.T("tui.plan.outcome."+id+".words"), "⟦⟧"), ",") {
			if t == strings.ToLower(strings.TrimSpace(w)) {
				return o, true
			}
		}
	}
	return "", false
}

// Summary says in a few words of l what a plan holds: "2 goals, 1 of 2
// earlier goals reviewed".
func Summary(l *i18n.Locale, p checklist.Plan) string {
	parts := []string{l.N("tui.plan.summary.goals", len(p.Goals))}
	if p.Vision != "" {
		parts = append(parts, l.T("tui.plan.summary.vision"))
	}
	if len(p.Review) > 0 {
		parts = append(parts, l.N("tui.plan.summary.reviewed", len(p.Review), "Done", p.Reviewed()))
	}
	return strings.Join(parts, ", ")
}
