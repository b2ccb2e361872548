package planform

import (
	"reflect"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
)

var en = i18n.For("en")

var done = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

func prevSession() *checklist.Session {
	return &checklist.Session{ID: "s1", CompletedAt: done, Plan: checklist.Plan{Goals: []checklist.Goal{
		{Problem: "phones ring out", What: "second line", Target: "90%", Owner: "Ann", DueDate: day("2026-03-31")},
		{Problem: "no complaint log"},
	}}}
}

// kinds lists a form's fields in order.
func kinds(f *Form) []Field {
	out := make([]Field, f.Len())
	for i := range out {
		out[i] = f.Field(i)
	}
	return out
}

// sugg makes suggestions of checklist items with the given ids, which
// word renders as the ids themselves.
func sugg(ids ...string) []checklist.GoalSource {
	var out []checklist.GoalSource
	for _, id := range ids {
		out = append(out, checklist.GoalSource{Kind: checklist.SourceItem, ID: id, Answer: checklist.No})
	}
	return out
}

// word stands in for plantext.Problem: a source is worded as its id.
func word(g checklist.Goal) string {
	if g.Problem != "" || g.Source == nil {
		return g.Problem
	}
	return g.Source.ID
}

func goalFields(slot int) []Field {
	return []Field{{Problem, slot}, {What, slot}, {Target, slot}, {Owner, slot}, {Due, slot}, {Status, slot}, {GoalNote, slot}}
}

var visionFields = []Field{{Kind: Business}, {Kind: Customers}, {Kind: Steps}, {Kind: Keywords}, {Kind: Vision}}

func day(s string) checklist.Day {
	d, err := checklist.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestNew(t *testing.T) {
	stored := checklist.Plan{Vision: "v", Goals: []checklist.Goal{{Problem: "a"}, {Problem: "b"}, {Problem: "c"}, {Problem: "d"}},
		Review: []checklist.GoalReview{{From: "s0", Goal: checklist.Goal{Problem: "old"}, Status: checklist.StatusDone}}}
	tests := []struct {
		name     string
		stored   checklist.Plan
		prev     *checklist.Session
		sugg     []checklist.GoalSource
		problems []string
		review   []checklist.GoalReview
		fields   []Field
	}{
		{"first plan, no earlier goals: suggestions fill the slots",
			checklist.Plan{}, nil, sugg("x", "y"),
			[]string{"x", "y", ""}, nil,
			append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), visionFields...)},
		{"earlier goals come first, for review",
			checklist.Plan{}, prevSession(), nil,
			[]string{"", "", ""}, checklist.ReviewOf(prevSession()),
			append([]Field{{ReviewStatus, 0}, {Note, 0}, {ReviewStatus, 1}, {Note, 1}},
				append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), visionFields...)...)},
		{"a stored plan is kept as it is: its review, every goal, no suggestion",
			stored, prevSession(), sugg("x"),
			[]string{"a", "b", "c", "d"}, stored.Review,
			append([]Field{{ReviewStatus, 0}, {Note, 0}},
				append(append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), goalFields(3)...), visionFields...)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(tt.stored, tt.prev, tt.sugg, word)
			var problems []string
			for i := range f.Goals {
				problems = append(problems, f.Value(Field{Problem, i})+f.Suggestion(i))
			}
			if !reflect.DeepEqual(problems, tt.problems) {
				t.Errorf("problems %q, want %q", problems, tt.problems)
			}
			if !reflect.DeepEqual(f.Review, tt.review) {
				t.Errorf("review %+v, want %+v", f.Review, tt.review)
			}
			if got := kinds(f); !reflect.DeepEqual(got, tt.fields) {
				t.Errorf("fields\n%v\nwant\n%v", got, tt.fields)
			}
		})
	}
	// The form works on copies: editing it leaves the stored plan alone.
	f := New(stored, nil, nil, word)
	f.Set(Field{Problem, 0}, "changed")
	f.Set(Field{Note, 0}, "changed")
	if stored.Goals[0].Problem != "a" || stored.Review[0].Note != "" {
		t.Errorf("the form changed the stored plan: %+v", stored)
	}
}

// TestNextPrev: a goal with no problem is one field, its problem: moving
// skips the rest of it, both ways.
func TestNextPrev(t *testing.T) {
	f := New(checklist.Plan{}, prevSession(), sugg("x", "y", "z"), word)
	f.Clear(Field{Problem, 1}) // goal 2 left out
	// Fields: 0-3 review, 4-10 goal 1, 11-17 goal 2 (no problem), 18-24
	// goal 3, 25-28 the vision helper's steps, 29 the statement.
	tests := []struct {
		from, next, prev int
	}{
		{0, 1, -1},
		{3, 4, 2},
		{4, 5, 3},
		{10, 11, 9},
		{11, 18, 10}, // goal 2 has no problem: on to goal 3
		{18, 19, 11}, // and back to goal 2's problem
		{24, 25, 23},
		{29, 30, 28}, // past the vision is the end
	}
	for _, tt := range tests {
		if got := f.Next(tt.from); got != tt.next {
			t.Errorf("Next(%d) = %d, want %d", tt.from, got, tt.next)
		}
		if got := f.Prev(tt.from); got != tt.prev {
			t.Errorf("Prev(%d) = %d, want %d", tt.from, got, tt.prev)
		}
	}
	if got := f.SkipVisionHelper(); got != 29 {
		t.Errorf("SkipVisionHelper() = %d, want 29", got)
	}
	// Clearing a problem drops the rest of its goal from the walk.
	f.Clear(Field{Problem, 0})
	if got := f.Next(4); got != 11 {
		t.Errorf("after clearing goal 1's problem, Next(4) = %d, want 11", got)
	}
}

func TestPlan(t *testing.T) {
	f := New(checklist.Plan{}, prevSession(), sugg("first", "second", "third"), word)
	// Suggestions nobody has confirmed are not part of the plan.
	if p := f.Plan(); len(p.Goals) != 0 || !f.Offered(0) {
		t.Errorf("unconfirmed suggestions in the plan: %+v", p.Goals)
	}
	if f.Value(Field{Problem, 0}) != "" || f.Suggestion(0) != "first" {
		t.Errorf("a suggestion is not a placeholder: value %q, suggestion %q", f.Value(Field{Problem, 0}), f.Suggestion(0))
	}
	_ = f.Set(Field{Problem, 0}, "") // enter on the empty field: the suggestion, taken
	_ = f.Set(Field{Problem, 2}, "third, in my words")
	if f.Offered(0) || f.Offered(2) || !f.Offered(1) {
		t.Error("confirming a problem does not take it out of the suggestions")
	}
	// Taken but bare (nothing to do about it yet), it is not saved.
	if p := f.Plan(); len(p.Goals) != 1 || p.Goals[0].Problem != "third, in my words" {
		t.Errorf("a bare suggestion was saved: %+v", p.Goals)
	}
	_ = f.Set(Field{ReviewStatus, 0}, "done")
	_ = f.Set(Field{ReviewStatus, 1}, "maybe") // not a status: ignored
	_ = f.Set(Field{Note, 0}, "  done in February  ")
	_ = f.Set(Field{What, 0}, " answer faster ")
	_ = f.Set(Field{Target, 0}, "90%")
	_ = f.Set(Field{Owner, 0}, " Ann ")
	if err := f.Set(Field{Due, 0}, "end of March"); err == nil {
		t.Error("a due date that is not a date was taken")
	}
	_ = f.Set(Field{Due, 0}, "31/3/2026")
	_ = f.Set(Field{Status, 0}, "2")
	f.Clear(Field{Problem, 1})
	_ = f.Set(Field{What, 1}, "kept but not saved while the problem is empty")
	_ = f.Set(Field{GoalNote, 2}, "June")
	_ = f.Set(Field{Kind: Business}, " busy ")
	_ = f.Set(Field{Kind: Vision}, " every call answered ")
	want := checklist.Plan{
		Vision:      "every call answered",
		VisionSteps: &checklist.VisionSteps{Business: "busy"},
		Goals: []checklist.Goal{
			// Taken as offered, a suggestion is kept as its source; typed
			// over, the words are the user's.
			{Source: &sugg("first")[0], What: "answer faster", Target: "90%", Owner: "Ann", DueDate: day("2026-03-31"),
				Status: checklist.StatusInProgress},
			{Problem: "third, in my words", Note: "June"},
		},
		Review: []checklist.GoalReview{
			{From: "s1", FromDate: done, Goal: prevSession().Plan.Goals[0], Status: checklist.StatusDone, Note: "done in February"},
			{From: "s1", FromDate: done, Goal: prevSession().Plan.Goals[1]},
		},
	}
	got := f.Plan()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Plan() =\n%+v\nwant\n%+v", got, want)
	}
	if f.Value(Field{What, 1}) == "" {
		t.Error("the what of a goal without a problem was thrown away")
	}
	if !Equal(got, want) || Equal(got, checklist.Plan{}) {
		t.Error("Equal does not tell plans apart")
	}
	if !Equal(checklist.Plan{Goals: []checklist.Goal{}}, checklist.Plan{}) {
		t.Error("an empty list and no list differ")
	}
}

// TestDetailTakesTheGoal: typing an action for an offered goal takes its
// suggestion too: the user is working on it.
func TestDetailTakesTheGoal(t *testing.T) {
	f := New(checklist.Plan{}, nil, sugg("first"), word)
	_ = f.Set(Field{What, 0}, "")
	if !f.Offered(0) {
		t.Error("an empty detail took the suggestion")
	}
	_ = f.Set(Field{What, 0}, "log it")
	if f.Offered(0) || len(f.Plan().Goals) != 1 {
		t.Errorf("a typed action did not take the goal: %+v", f.Plan())
	}
}

func TestParseStatus(t *testing.T) {
	for _, tt := range []struct {
		lang, in string
		want     checklist.GoalStatus
		ok       bool
	}{
		{"en", "1", checklist.StatusOpen, true},
		{"en", "In progress", checklist.StatusInProgress, true},
		{"en", "in_progress", checklist.StatusInProgress, true},
		{"en", "3", checklist.StatusDone, true},
		{"en", "dropped", checklist.StatusDropped, true},
		{"it", "fatto", checklist.StatusDone, true},
		{"it", "In corso", checklist.StatusInProgress, true},
		{"sq", "kryer", checklist.StatusDone, true},
		{"af", "laat vaar", checklist.StatusDropped, true},
		{"en", "", "", false},
		{"en", "5", "", false},
		{"en", "maybe", "", false},
	} {
		got, ok := ParseStatus(i18n.For(tt.lang), tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: ParseStatus(%q) = %q, %v; want %q, %v", tt.lang, tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		p    checklist.Plan
		want string
	}{
		{checklist.Plan{}, "0 goals"},
		{checklist.Plan{Goals: []checklist.Goal{{Problem: "a"}}, Vision: "v"}, "1 goal, a vision"},
		{checklist.Plan{Goals: []checklist.Goal{{}, {}}, Review: []checklist.GoalReview{{Status: checklist.StatusDone}, {}}},
			"2 goals, 1 of 2 earlier goals reviewed"},
	}
	for _, tt := range tests {
		if got := Summary(en, tt.p); got != tt.want {
			t.Errorf("Summary(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestWhere(t *testing.T) {
	f := New(checklist.Plan{}, prevSession(), nil, word)
	for _, tt := range []struct {
		fl   Field
		want string
	}{
		{Field{Note, 1}, "last time's goal 2 of 2"},
		{Field{Target, 2}, "goal 3 of 3"},
		{Field{Kind: Vision}, "vision"},
		{Field{Kind: Customers}, "vision, step 2 of 4"},
	} {
		if got := f.Where(en, tt.fl); got != tt.want {
			t.Errorf("Where(%v) = %q, want %q", tt.fl, got, tt.want)
		}
	}
}

// TestSetProblemKeepsOrDropsTheSource: a suggestion taken (the field
// confirmed empty) stays a source; typed over or cleared, it is gone; a
// goal's own words confirmed unchanged keep whatever source came with them.
func TestSetProblemKeepsOrDropsTheSource(t *testing.T) {
	src := sugg("phones")[0]
	tests := []struct {
		name   string
		stored checklist.Plan
		sugg   []checklist.GoalSource
		typed  string
		clear  bool
		want   checklist.Goal
	}{
		{"suggestion taken", checklist.Plan{}, sugg("phones"), "", false, checklist.Goal{Source: &src}},
		{"suggestion typed over", checklist.Plan{}, sugg("phones"), "phones at lunch", false, checklist.Goal{Problem: "phones at lunch"}},
		{"suggestion cleared", checklist.Plan{}, sugg("phones"), "", true, checklist.Goal{}},
		{"own words with a source, unchanged", checklist.Plan{Goals: []checklist.Goal{{Problem: "mine", Source: &src}}}, nil, "mine", false,
			checklist.Goal{Problem: "mine", Source: &src}},
	}
	for _, tt := range tests {
		f := New(tt.stored, nil, tt.sugg, word)
		if tt.clear {
			f.Clear(Field{Problem, 0})
		} else {
			_ = f.Set(Field{Problem, 0}, tt.typed)
		}
		if got := trimGoal(f.Goals[0]); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: goal %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
