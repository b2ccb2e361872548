// Package planform is a plan being written, one field at a time: the review
// of last time's goals (where each stands now), up to three actions
// (problem, action, target, owner, due date, status, note) and the vision
// helper's steps ending in a vision statement. The full-screen wizard and
// the plain prompts walk the same fields in the same order and save the
// same plan.
package planform

import (
	"reflect"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/scoring"
)

// Kind is what a field holds.
type Kind int

// The kinds of field, in the order a review, a goal or the vision asks
// them.
const (
	ReviewStatus Kind = iota // review: where last time's goal stands now
	Note                     // review: a note on it
	Problem
	What // the action: what will be done
	Target
	Owner
	Due
	Status // the goal's own status
	GoalNote
	Business  // vision helper: the business in 3 to 5 years, five reasons
	Customers // the same from the customer's side
	Steps     // the steps taken
	Keywords  // the key words
	Vision    // the vision statement
)

// kindIDs names each kind in the catalogue (actionplan.label.problem).
var kindIDs = map[Kind]string{ReviewStatus: "review_status", Note: "note", Problem: "problem", What: "what",
	Target: "target", Owner: "owner", Due: "due", Status: "status", GoalNote: "goal_note",
	Business: "business", Customers: "customers", Steps: "steps", Keywords: "keywords", Vision: "vision"}

// ID is the kind's name in the catalogue ("due").
func (k Kind) ID() string { return kindIDs[k] }

// Label is the field's name on screen, in l.
func (k Kind) Label(l *i18n.Locale) string {
	if id, ok := kindIDs[k]; ok {
		return l.T("actionplan.label." + id)
	}
	return ""
}

// Hint says what goes in a field, with an example, in l.
func (k Kind) Hint(l *i18n.Locale) string {
	if id, ok := kindIDs[k]; ok {
		return l.T("actionplan.hint." + id)
	}
	return ""
}

// Text reports whether the field is typed in (every kind but the
// statuses, which are chosen).
func (k Kind) Text() bool { return k != ReviewStatus && k != Status }

// VisionStep reports whether the field is a step of the vision helper.
func (k Kind) VisionStep() bool { return k >= Business && k <= Keywords }

// goalKinds are a goal's fields in order.
var goalKinds = []Kind{Problem, What, Target, Owner, Due, Status, GoalNote}

// GoalKinds lists a goal's fields in the order they are asked.
func GoalKinds() []Kind { return append([]Kind(nil), goalKinds...) }

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
	Steps  checklist.VisionSteps
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
// yet, the slots start with the suggested problems, kept as their sources
// and offered, not taken. text words a goal's problem: plantext.Problem in
// the session's language with its pack.
func New(stored checklist.Plan, prev *checklist.Session, suggestions []checklist.GoalSource,
	text func(checklist.Goal) string) *Form {
	f := &Form{Vision: stored.Vision, text: text}
	if stored.VisionSteps != nil {
		f.Steps = *stored.VisionSteps
	}
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
		f.fields = append(f.fields, Field{ReviewStatus, i}, Field{Note, i})
	}
	for i := range f.Goals {
		for _, k := range goalKinds {
			f.fields = append(f.fields, Field{k, i})
		}
	}
	for _, k := range []Kind{Business, Customers, Steps, Keywords, Vision} {
		f.fields = append(f.fields, Field{Kind: k})
	}
	return f
}

// Len is the number of fields.
func (f *Form) Len() int { return len(f.fields) }

// Field returns field i.
func (f *Form) Field(i int) Field { return f.fields[i] }

// Index returns the index of field fl, -1 when the form has none.
func (f *Form) Index(fl Field) int {
	for i, x := range f.fields {
		if x == fl {
			return i
		}
	}
	return -1
}

// Value returns what field fl holds as it is typed: a status as its id
// ("in_progress"), a due date as "2006-01-02", a problem as the user's
// own words only (a suggested problem is its Suggestion).
func (f *Form) Value(fl Field) string {
	switch fl.Kind {
	case ReviewStatus:
		return string(f.Review[fl.Index].Status)
	case Note:
		return f.Review[fl.Index].Note
	case Vision:
		return f.Vision
	case Business:
		return f.Steps.Business
	case Customers:
		return f.Steps.Customers
	case Steps:
		return f.Steps.Steps
	case Keywords:
		return f.Steps.Keywords
	}
	g := f.Goals[fl.Index]
	switch fl.Kind {
	case Problem:
		return g.Problem
	case What:
		return g.What
	case Target:
		return g.Target
	case Owner:
		return g.Owner
	case Due:
		return g.DueDate.String()
	case Status:
		return string(g.Status)
	case GoalNote:
		return g.Note
	}
	return ""
}

// Suggestion is the suggested problem of goal slot i, worded, when its
// problem is a suggestion (offered or taken) rather than the user's own
// words: shown as the field's placeholder, taken by confirming the field
// empty. "" when there is none.
func (f *Form) Suggestion(i int) string {
	g := f.Goals[i]
	if g.Problem != "" || g.Source == nil {
		return ""
	}
	return f.Problem(g)
}

// Set puts v in field fl. A status takes a status id and ignores anything
// else; a due date must be a day (checklist.ParseDay), else Set returns
// the error and changes nothing. Confirming a problem field empty takes
// its suggestion when it has one (explicitly: it is kept as its source);
// words typed replace the suggestion. Confirming any detail of an offered
// goal with text takes the goal too.
func (f *Form) Set(fl Field, v string) error {
	switch fl.Kind {
	case ReviewStatus:
		if s, ok := checklist.ParseGoalStatus(v); ok {
			f.Review[fl.Index].Status = s
		}
		return nil
	case Note:
		f.Review[fl.Index].Note = v
		return nil
	case Vision:
		f.Vision = v
		return nil
	case Business:
		f.Steps.Business = v
		return nil
	case Customers:
		f.Steps.Customers = v
		return nil
	case Steps:
		f.Steps.Steps = v
		return nil
	case Keywords:
		f.Steps.Keywords = v
		return nil
	}
	g := &f.Goals[fl.Index]
	switch fl.Kind {
	case Problem:
		if strings.TrimSpace(v) != "" && v != g.Problem { // own words unchanged keep their source
			g.Problem, g.Source = v, nil
		}
		f.offered[fl.Index] = false
		return nil
	case What:
		g.What = v
	case Target:
		g.Target = v
	case Owner:
		g.Owner = v
	case Due:
		d, err := checklist.ParseDay(v)
		if err != nil {
			return err
		}
		g.DueDate = d
	case Status:
		if s, ok := checklist.ParseGoalStatus(v); ok {
			g.Status = s
		}
	case GoalNote:
		g.Note = v
	}
	if strings.TrimSpace(v) != "" {
		f.offered[fl.Index] = false
	}
	return nil
}

// Clear empties field fl. On a problem it also drops the suggestion, so
// the goal is left out of the plan.
func (f *Form) Clear(fl Field) {
	if fl.Kind == Problem {
		g := &f.Goals[fl.Index]
		g.Problem, g.Source = "", nil
		f.offered[fl.Index] = false
		return
	}
	_ = f.Set(fl, "")
}

// Next returns the field after i, skipping the rest of a goal that has no
// problem; Len() means past the last field.
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

// SkipVisionHelper returns the index of the vision statement: the
// helper's steps are optional.
func (f *Form) SkipVisionHelper() int { return f.Index(Field{Kind: Vision}) }

func (f *Form) skipped(fl Field) bool {
	switch fl.Kind {
	case ReviewStatus, Note, Problem, Business, Customers, Steps, Keywords, Vision:
		return false
	}
	return !f.Goals[fl.Index].HasProblem()
}

// Where says where field fl stands, in l: "last time's goal 1 of 2",
// "goal 2 of 3", "vision" or "vision, step 2 of 4".
func (f *Form) Where(l *i18n.Locale, fl Field) string {
	switch {
	case fl.Kind == ReviewStatus || fl.Kind == Note:
		return l.T("tui.plan.where.review", "N", fl.Index+1, "Of", len(f.Review))
	case fl.Kind.VisionStep():
		return l.T("actionplan.where.step", "N", int(fl.Kind-Business)+1, "Of", 4)
	case fl.Kind == Vision:
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

// Plan is the plan as it stands: every review entry, the goals kept, the
// vision and its steps, each text trimmed. A goal is kept when its problem
// is confirmed and it is more than a bare suggestion: a suggestion taken
// with nothing to do about it (no action, target, owner, due date, status
// or note) is not an action and is not saved.
func (f *Form) Plan() checklist.Plan {
	p := checklist.Plan{Vision: strings.TrimSpace(f.Vision)}
	steps := checklist.VisionSteps{Business: strings.TrimSpace(f.Steps.Business),
		Customers: strings.TrimSpace(f.Steps.Customers), Steps: strings.TrimSpace(f.Steps.Steps),
		Keywords: strings.TrimSpace(f.Steps.Keywords)}
	if !steps.IsZero() {
		p.VisionSteps = &steps
	}
	for i, g := range f.Goals {
		g = trimGoal(g)
		if g.HasProblem() && !f.offered[i] && !bare(g) {
			p.Goals = append(p.Goals, g)
		}
	}
	for _, r := range f.Review {
		r.Note = strings.TrimSpace(r.Note)
		p.Review = append(p.Review, r)
	}
	return p
}

// bare reports whether g is a suggested problem and nothing else.
func bare(g checklist.Goal) bool {
	return g.Problem == "" && g.What == "" && g.Target == "" && g.Owner == "" && g.DueDate.IsZero() &&
		(g.Status == "" || g.Status == checklist.StatusOpen) && g.Note == ""
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
	if p.VisionSteps.IsZero() {
		p.VisionSteps = nil
	}
	return p
}

func trimGoal(g checklist.Goal) checklist.Goal {
	g.Problem = strings.TrimSpace(g.Problem)
	g.What = strings.TrimSpace(g.What)
	g.Target = strings.TrimSpace(g.Target)
	g.Owner = strings.TrimSpace(g.Owner)
	g.Note = strings.TrimSpace(g.Note)
	return g
}

// StatusLabel is how status s reads in l: "Open", "In progress", "Done",
// "Dropped"; for a review not yet given, "–".
func StatusLabel(l *i18n.Locale, s checklist.GoalStatus) string {
	if s == "" {
		return l.T("answer.none")
	}
	return l.T(s.MessageID())
}

// ParseStatus reads a typed status in l: its number in GoalStatuses order
// (1 open, 2 in progress, 3 done, 4 dropped), its id, or its word in l.
func ParseStatus(l *i18n.Locale, s string) (checklist.GoalStatus, bool) {
	if st, ok := checklist.ParseGoalStatus(s); ok {
		return st, true
	}
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, st := range checklist.GoalStatuses() {
		if t != "" && t == strings.ToLower(strings.Trim(l.T(st.MessageID()), "⟦⟧")) {
			return st, true
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
