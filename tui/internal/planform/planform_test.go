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
		{Problem: "phones ring out", What: "second line", Target: "90%", Due: "March"},
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
	return []Field{{Problem, slot}, {What, slot}, {Target, slot}, {Due, slot}}
}

func TestNew(t *testing.T) {
	stored := checklist.Plan{Vision: "v", Goals: []checklist.Goal{{Problem: "a"}, {Problem: "b"}, {Problem: "c"}, {Problem: "d"}},
		Review: []checklist.GoalReview{{From: "s0", Goal: checklist.Goal{Problem: "old"}, Outcome: checklist.GoalMet}}}
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
			append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), Field{Kind: Vision})},
		{"earlier goals come first, for review",
			checklist.Plan{}, prevSession(), nil,
			[]string{"", "", ""}, checklist.ReviewOf(prevSession()),
			append([]Field{{Outcome, 0}, {Note, 0}, {Outcome, 1}, {Note, 1}},
				append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), Field{Kind: Vision})...)},
		{"a stored plan is kept as it is: its review, every goal, no suggestion",
			stored, prevSession(), sugg("x"),
			[]string{"a", "b", "c", "d"}, stored.Review,
			append([]Field{{Outcome, 0}, {Note, 0}},
				append(append(append(append(goalFields(0), goalFields(1)...), goalFields(2)...), goalFields(3)...), Field{Kind: Vision})...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(tt.stored, tt.prev, tt.sugg, word)
			var problems []string
			for i := range f.Goals {
				problems = append(problems, f.Value(Field{Problem, i}))
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

// TestNextPrev: a goal whose problem is empty is one field, its problem:
// moving skips its what, target and by when, both ways.
func TestNextPrev(t *testing.T) {
	f := New(checklist.Plan{}, prevSession(), sugg("x", "y", "z"), word)
	f.Set(Field{Problem, 1}, "") // goal 2 left out
	// Fields: 0-3 review, 4-7 goal 1, 8-11 goal 2 (empty), 12-15 goal 3, 16 vision.
	tests := []struct {
		from, next, prev int
	}{
		{0, 1, -1},
		{3, 4, 2},
		{4, 5, 3},
		{7, 8, 6},
		{8, 12, 7},  // goal 2 has no problem: on to goal 3
		{12, 13, 8}, // and back to goal 2's problem
		{15, 16, 14},
		{16, 17, 15}, // past the vision is the end
	}
	for _, tt := range tests {
		if got := f.Next(tt.from); got != tt.next {
			t.Errorf("Next(%d) = %d, want %d", tt.from, got, tt.next)
		}
		if got := f.Prev(tt.from); got != tt.prev {
			t.Errorf("Prev(%d) = %d, want %d", tt.from, got, tt.prev)
		}
	}
	// Clearing a problem drops the rest of its goal from the walk.
	f.Set(Field{Problem, 0}, "  ")
	if got := f.Next(4); got != 8 {
		t.Errorf("after clearing goal 1's problem, Next(4) = %d, want 8", got)
	}
}

func TestPlan(t *testing.T) {
	f := New(checklist.Plan{}, prevSession(), sugg("first", "second", "third"), word)
	// Suggestions nobody has confirmed are not part of the plan.
	if p := f.Plan(); len(p.Goals) != 0 || !f.Offered(0) {
		t.Errorf("unconfirmed suggestions in the plan: %+v", p.Goals)
	}
	f.Set(Field{Problem, 0}, "first") // confirmed as it was
	f.Set(Field{Problem, 2}, "third, in my words")
	if f.Offered(0) || f.Offered(2) || !f.Offered(1) {
		t.Error("confirming a problem does not take it out of the suggestions")
	}
	f.Set(Field{Outcome, 0}, "met")
	f.Set(Field{Outcome, 1}, "maybe") // not an outcome: ignored
	f.Set(Field{Note, 0}, "  done in February  ")
	f.Set(Field{What, 0}, " answer faster ")
	f.Set(Field{Target, 0}, "90%")
	f.Set(Field{Problem, 1}, "")
	f.Set(Field{What, 1}, "kept but not saved while the problem is empty")
	f.Set(Field{Due, 2}, "June")
	f.Set(Field{Vision, 0}, " every call answered ")
	want := checklist.Plan{
		Vision: "every call answered",
		Goals: []checklist.Goal{
			// Confirmed as offered, a suggestion is kept as its source; typed
			// over, the words are the user's.
			{Source: &sugg("first")[0], What: "answer faster", Target: "90%"},
			{Problem: "third, in my words", Due: "June"},
		},
		Review: []checklist.GoalReview{
			{From: "s1", FromDate: done, Goal: prevSession().Plan.Goals[0], Outcome: checklist.GoalMet, Note: "done in February"},
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

func TestParseOutcome(t *testing.T) {
	tests := []struct {
		in   string
		want checklist.Outcome
		ok   bool
	}{
		{"1", checklist.GoalMet, true},
		{"Met", checklist.GoalMet, true},
		{"y", checklist.GoalMet, true},
		{"2", checklist.GoalPartly, true},
		{" partly  met ", checklist.GoalPartly, true},
		{"3", checklist.GoalNotMet, true},
		{"Not met", checklist.GoalNotMet, true},
		{"n", checklist.GoalNotMet, true},
		{"", "", false},
		{"4", "", false},
		{"maybe", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseOutcome(en, tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseOutcome(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		lang, in string
		want     checklist.Outcome
	}{
		{"it", "r", checklist.GoalMet}, {"it", "in parte", checklist.GoalPartly}, {"it", "Non raggiunto", checklist.GoalNotMet},
		{"sq", "u arrit", checklist.GoalMet}, {"sq", "e", checklist.GoalPartly}, {"sq", "jo", checklist.GoalNotMet},
		{"af", "b", checklist.GoalMet}, {"af", "gedeeltelik", checklist.GoalPartly}, {"af", "nie bereik nie", checklist.GoalNotMet},
		{"af", "2", checklist.GoalPartly}, {"sq", "not_met", checklist.GoalNotMet},
	} {
		if got, ok := ParseOutcome(i18n.For(tt.lang), tt.in); !ok || got != tt.want {
			t.Errorf("%s: ParseOutcome(%q) = %q, %v; want %q", tt.lang, tt.in, got, ok, tt.want)
		}
	}
	// The keys differ from each other in every language.
	for _, lang := range i18n.Languages() {
		l, seen := i18n.For(lang), map[string]bool{}
		for _, o := range checklist.Outcomes() {
			k := OutcomeKey(l, o)
			if len([]rune(k)) != 1 || seen[k] || k == "q" {
				t.Errorf("%s: outcome key %q of %s is not one key of its own", lang, k, o)
			}
			seen[k] = true
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
		{checklist.Plan{Goals: []checklist.Goal{{}, {}}, Review: []checklist.GoalReview{{Outcome: checklist.GoalMet}, {}}},
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
	} {
		if got := f.Where(en, tt.fl); got != tt.want {
			t.Errorf("Where(%v) = %q, want %q", tt.fl, got, tt.want)
		}
	}
}

// TestSetProblemKeepsOrDropsTheSource: a suggestion confirmed as worded
// stays a source; cleared or typed over, it is gone; a goal's own words
// confirmed unchanged keep whatever source came with them.
func TestSetProblemKeepsOrDropsTheSource(t *testing.T) {
	src := sugg("phones")[0]
	tests := []struct {
		name   string
		stored checklist.Plan
		sugg   []checklist.GoalSource
		typed  string
		want   checklist.Goal
	}{
		{"suggestion confirmed", checklist.Plan{}, sugg("phones"), "phones", checklist.Goal{Source: &src}},
		{"suggestion confirmed with spaces", checklist.Plan{}, sugg("phones"), " phones ", checklist.Goal{Source: &src}},
		{"suggestion typed over", checklist.Plan{}, sugg("phones"), "phones at lunch", checklist.Goal{Problem: "phones at lunch"}},
		{"suggestion cleared", checklist.Plan{}, sugg("phones"), "", checklist.Goal{}},
		{"own words with a source, unchanged", checklist.Plan{Goals: []checklist.Goal{{Problem: "mine", Source: &src}}}, nil, "mine",
			checklist.Goal{Problem: "mine", Source: &src}},
	}
	for _, tt := range tests {
		f := New(tt.stored, nil, tt.sugg, word)
		f.Set(Field{Problem, 0}, tt.typed)
		if got := trimGoal(f.Goals[0]); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: goal %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
