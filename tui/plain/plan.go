package plain

import (
	"fmt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/planform"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// yesNo are the keys of yes and no in the language of what is said (s and
// n in Italian), for a question answered yes or no.
func (r *runner) yesNo() (yes, no string) {
	cs := present.Choices(r.loc(), checklist.KindItem)
	return cs[present.ChoiceIndex(checklist.KindItem, checklist.Yes)].Key,
		cs[present.ChoiceIndex(checklist.KindItem, checklist.No)].Key
}

// offerPlan asks, after the results, whether to set a plan now.
func (r *runner) offerPlan() error {
	r.say("")
	// Yes and no are the checklist's own words and keys (sì/no, s/n).
	l := r.loc()
	yes, no := r.yesNo()
	for {
		line, err := r.ask(r.t("plain.plan.offer", "Yes", yes, "No", no))
		if err != nil {
			return err
		}
		if line == "" {
			return nil
		}
		if r.is(line, "quit") {
			return errQuit
		}
		switch v, _ := present.ParseAnswer(l, checklist.KindItem, line); v {
		case checklist.Yes:
			return r.plan()
		case checklist.No:
			return nil
		}
		r.sayT("plain.plan.offer_again", "Yes", yes, "No", no)
	}
}

// plan walks the plan's fields line by line, in the order of the
// full-screen form: last time's goals, up to three goals, the vision.
// Every confirmed field is saved before the next is asked.
func (r *runner) plan() error {
	s := r.sess
	var prev *checklist.Session
	if len(s.Plan.Review) == 0 {
		var err error
		if prev, err = tui.PreviousPlan(r.opts.Repo, s); err != nil {
			r.sayT("plain.plan.prev_failed", "Reason", r.describe(err))
		}
	}
	sugg := scoring.SuggestProblems(r.pack, s, scoring.Session(r.pack, s))
	f := planform.New(s.Plan, prev, sugg, r.problem)
	r.say("")
	r.sayT("plain.plan.intro")
	r.sayT("plain.plan.keys", "Back", r.cmd("back")[0], "Quit", r.cmd("quit")[0])
	if len(s.Plan.Goals) == 0 && len(sugg) > 0 {
		r.sayT("plain.plan.suggested")
		for i, p := range sugg {
			r.say("%d. %s", i+1, r.problem(checklist.Goal{Source: &p}))
		}
	}
	for i := 0; i < f.Len(); {
		next, err := r.planField(f, i)
		if err != nil {
			return err
		}
		i = next
	}
	r.say("")
	if s.Plan.IsZero() {
		r.sayT("plain.plan.none")
	} else {
		r.sayT("plain.plan.saved", "Summary", planform.Summary(r.loc(), s.Plan))
	}
	return nil
}

// problem words a goal's problem in the session's language with its pack
// (plantext, the one home of that wording).
func (r *runner) problem(g checklist.Goal) string {
	return plantext.Problem(r.loc(), r.pack, g)
}

// planField asks field i until it gets a value or a move, and returns the
// index of the field to ask next.
func (r *runner) planField(f *planform.Form, i int) (int, error) {
	fl := f.Field(i)
	l := r.loc()
	r.introduceField(f, fl)
	for {
		cur := f.Value(fl)
		switch {
		case !fl.Kind.Text() && cur != "":
			cur = planform.StatusLabel(l, checklist.GoalStatus(cur))
		case fl.Kind == planform.Due && cur != "":
			cur = l.Date(f.Goals[fl.Index].DueDate.Time())
		}
		if cur != "" {
			r.sayT("plain.plan.now", "Value", cur)
		}
		prompt := r.t("actionplan.plain.prompt." + fl.Kind.ID())
		if fl.Kind == planform.Problem {
			if sugg := f.Suggestion(fl.Index); sugg != "" {
				r.sayT("actionplan.plain.suggestion", "Text", sugg)
			} else {
				prompt = r.t("actionplan.plain.prompt.problem_own")
			}
		}
		line, err := r.ask(prompt)
		if err != nil {
			return 0, err
		}
		switch {
		case r.is(line, "quit"):
			return 0, errQuit
		case r.is(line, "back"):
			if p := f.Prev(i); p >= 0 {
				return p, nil
			}
			r.sayT("plain.plan.first")
			continue
		case r.is(line, "help"):
			r.say("%s", fl.Kind.Hint(l))
			continue
		}
		v := termtext.Line(line)
		switch {
		case line == "" && fl.Kind == planform.Problem:
			v = "" // kept: the user's words, or the suggestion taken as it is
		case line == "":
			v = f.Value(fl)
		case line == "-":
			f.Clear(fl)
			if err := r.savePlan(f); err != nil {
				return 0, err
			}
			return f.Next(i), nil
		case !fl.Kind.Text():
			st, ok := planform.ParseStatus(l, line)
			if !ok {
				r.sayT("actionplan.plain.bad_status")
				continue
			}
			v = string(st)
		case len(line) > store.MaxNote:
			r.sayT("plain.plan.too_long", "Bytes", len(line), "Max", store.MaxNote)
			continue
		}
		if fl.Kind == planform.Problem && v == "" && f.Value(fl) != "" {
			v = f.Value(fl)
		}
		if err := f.Set(fl, v); err != nil {
			r.sayT("actionplan.bad_due")
			continue
		}
		if err := r.savePlan(f); err != nil {
			return 0, err
		}
		return f.Next(i), nil
	}
}

// introduceField says where a field stands when it opens a goal or the
// vision, with what is being reviewed.
func (r *runner) introduceField(f *planform.Form, fl planform.Field) {
	l := r.loc()
	switch fl.Kind {
	case planform.ReviewStatus:
		rv := f.Review[fl.Index]
		r.say("")
		if rv.FromDate.IsZero() {
			r.sayT("plain.plan.review", "N", fl.Index+1, "Count", len(f.Review), "Problem", r.problem(rv.Goal))
		} else {
			r.sayT("plain.plan.review_on", "N", fl.Index+1, "Count", len(f.Review), "Problem", r.problem(rv.Goal),
				"Date", l.Date(rv.FromDate))
		}
		for _, fd := range r.words().GoalFields(rv.Goal) {
			r.sayT("plain.plan.field", "Label", fd.Label, "Value", fd.Text)
		}
	case planform.Problem:
		r.say("")
		r.sayT("plain.plan.goal", "N", fl.Index+1, "Count", len(f.Goals))
	case planform.Business:
		r.say("")
		r.sayT("plain.plan.vision")
	}
}

// savePlan saves the plan when the field just confirmed changed it.
func (r *runner) savePlan(f *planform.Form) error {
	plan := f.Plan()
	if planform.Equal(plan, r.sess.Plan) {
		return nil
	}
	c := store.Change{SetPlan: true, OldPlan: r.sess.Plan, Plan: plan}
	r.sess.Plan = plan
	ok, err := r.save(c)
	if err != nil {
		return fmt.Errorf("save the plan: %w", err)
	}
	if ok {
		r.sayT("plain.plan.field_saved")
	}
	return nil
}
