package plain

import (
	"fmt"
	"strings"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/planform"
)

// offerPlan asks, after the results, whether to set a plan now.
func (r *runner) offerPlan() error {
	r.say("")
	for {
		line, err := r.ask("Set a plan now? (y/n): ")
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "y", "yes":
			return r.plan()
		case "", "n", "no":
			return nil
		case "q", "quit":
			return errQuit
		}
		r.say("Please type y or n.")
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
			r.say("Last time's goals could not be read: %s.", describe(err))
		}
	}
	sugg := scoring.SuggestProblems(r.pack, s, scoring.Session(r.pack, s))
	f := planform.New(s.Plan, prev, sugg, r.problem)
	r.say("")
	r.say("Your plan: up to three problems, each with a goal you can measure, and a vision if you like.")
	r.say("Enter keeps what is shown, - clears it, b goes back, q saves and quits.")
	if len(s.Plan.Goals) == 0 && len(sugg) > 0 {
		r.say("Problems suggested from your results:")
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
		r.say("No plan set.")
	} else {
		r.say("Plan saved: %s.", planform.Summary(s.Plan))
	}
	return nil
}

// problem words a goal's problem in the session's language with its pack
// (plantext, the one home of that wording).
func (r *runner) problem(g checklist.Goal) string {
	return plantext.Problem(i18n.For(r.pack.Lang), r.pack, g)
}

// planField asks field i until it gets a value or a move, and returns the
// index of the field to ask next.
func (r *runner) planField(f *planform.Form, i int) (int, error) {
	fl := f.Field(i)
	r.introduceField(f, fl)
	for {
		cur := f.Value(fl)
		if cur != "" {
			if fl.Kind == planform.Outcome {
				cur = checklist.Outcome(cur).Label()
			}
			r.say("Now: %s", cur)
		}
		line, err := r.ask(planPrompt(fl.Kind))
		if err != nil {
			return 0, err
		}
		switch strings.ToLower(line) {
		case "q", "quit":
			return 0, errQuit
		case "b", "back":
			if p := f.Prev(i); p >= 0 {
				return p, nil
			}
			r.say("This is the first field.")
			continue
		case "?", "h", "help":
			r.say("%s", fl.Kind.Hint())
			continue
		}
		v := termtext.Line(line)
		switch {
		case line == "":
			v = f.Value(fl) // kept: a suggestion is confirmed as it is
		case line == "-":
			v = ""
		case fl.Kind == planform.Outcome:
			o, ok := planform.ParseOutcome(line)
			if !ok {
				r.say("Please type 1 (met), 2 (partly) or 3 (not met).")
				continue
			}
			v = string(o)
		case len(line) > store.MaxNote:
			r.say("That is too long: %d bytes, at most %d. It was not saved.", len(line), store.MaxNote)
			continue
		}
		f.Set(fl, v)
		if err := r.savePlan(f); err != nil {
			return 0, err
		}
		return f.Next(i), nil
	}
}

// introduceField says where a field stands when it opens a goal or the
// vision, with what is being reviewed.
func (r *runner) introduceField(f *planform.Form, fl planform.Field) {
	switch fl.Kind {
	case planform.Outcome:
		rv := f.Review[fl.Index]
		r.say("")
		from := ""
		if !rv.FromDate.IsZero() {
			from = ", set on " + r.words().Date(rv.FromDate)
		}
		r.say("Last time's goal %d of %d%s: %s", fl.Index+1, len(f.Review), from, r.problem(rv.Goal))
		for _, d := range [][2]string{{"What", rv.Goal.What}, {"Target", rv.Goal.Target}, {"By", rv.Goal.Due}} {
			if d[1] != "" {
				r.say("%s: %s", d[0], d[1])
			}
		}
	case planform.Problem:
		r.say("")
		r.say("Goal %d of %d.", fl.Index+1, len(f.Goals))
	case planform.Vision:
		r.say("")
		r.say("Vision.")
	}
}

func planPrompt(k planform.Kind) string {
	switch k {
	case planform.Outcome:
		return "Was it met? 1 met, 2 partly, 3 not met: "
	case planform.Note:
		return "Note (optional): "
	case planform.Problem:
		return "Problem (- leaves this goal out): "
	case planform.What:
		return "What will you do: "
	case planform.Target:
		return "Target, how you will measure it: "
	case planform.Due:
		return "By when: "
	case planform.Vision:
		return "Vision, one sentence (optional): "
	}
	return "? "
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
		r.say("Saved.")
	}
	return nil
}
