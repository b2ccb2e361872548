package plain

import (
	"fmt"
	"strings"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// describe says why a write failed.
func describe(err error) string {
	if err == nil {
		return "unknown error"
	}
	return present.Error(err)
}

// resultsAndPlan prints the results, then offers to set the plan.
func (r *runner) resultsAndPlan() error {
	if err := r.results(); err != nil {
		return err
	}
	return r.offerPlan()
}

// results prints the scores of the open session as sentences, with the
// change since the client's previous completed session.
func (r *runner) results() error {
	s, p := r.sess, r.pack
	res := scoring.Session(p, s)
	var cmp *scoring.Comparison
	prev, prevPack, err := tui.Previous(r.opts.Repo, s, r.packFor)
	if err != nil {
		r.say("The earlier sessions could not be read: %s.", describe(err))
	} else if prev != nil {
		c := scoring.Compare(scoring.Session(prevPack, prev), res)
		cmp = &c
	}
	t := res.Total
	r.say("")
	r.say("Results for %s.", s.Client)
	r.say("Total: %s, %s, %s.", present.Total(t), present.BandLabel(p, t.Band), present.Percent(t.Percent))
	if !t.Complete {
		r.say("Incomplete: %s not answered yet.", countOf(len(s.Unanswered(p)), "question", "questions"))
	}
	deltas := map[string]scoring.Delta{}
	if cmp != nil {
		date := present.Date(audit.Date(audit.Of(prev)))
		r.say("Change since %s: %s (from %s to %s).", date, present.Change(cmp.Total.Delta, 1), cmp.Total.A, cmp.Total.B)
		if cmp.Mismatch != "" {
			r.say("Note: %s.", cmp.Mismatch)
		}
		for _, d := range cmp.Areas {
			deltas[d.ID] = d
		}
	}
	r.areas(res, deltas)
	r.sections(res)
	naItems, naStatements := 0, 0
	for _, sec := range res.Sections {
		naItems += sec.NA
	}
	for _, a := range res.Areas {
		naStatements += a.NA
	}
	if len(res.Weakest) > 0 {
		r.say("")
		r.say("Weakest areas and what to do:")
		for i, w := range res.Weakest {
			r.say("%d. %s, %s, %s.", i+1, w.Title, w.Score, present.BandLabel(p, w.Band))
			for _, act := range w.Actions {
				r.say("   - %s", act)
			}
		}
	}
	r.say("")
	r.say("N/A answers: %s, %s.", countOf(naItems, "checklist item", "checklist items"),
		countOf(naStatements, "statement", "statements"))
	return nil
}

// areas says each area's score and band, and its change since last time.
func (r *runner) areas(res scoring.Result, deltas map[string]scoring.Delta) {
	r.say("")
	r.say("Areas, scored 1 to 5:")
	for _, a := range res.Areas {
		parts := []string{a.Score.String(), present.BandLabel(r.pack, a.Band)}
		if d, ok := deltas[a.ID]; ok {
			parts = append(parts, present.Change(d.Delta, 1))
		}
		if a.NA > 0 {
			parts = append(parts, fmt.Sprintf("%d N/A", a.NA))
		}
		r.say("%s: %s.", a.Title, strings.Join(parts, ", "))
	}
}

// sections says the checklist percentage of each section.
func (r *runner) sections(res scoring.Result) {
	r.say("")
	r.say("Checklist, share of yes (partly counts half):")
	for _, sec := range res.Sections {
		line := fmt.Sprintf("%s: %s, %d of %d answered", sec.Title, present.Percent(sec.Percent), sec.Answered+sec.NA, sec.Total)
		if sec.NA > 0 {
			line += fmt.Sprintf(", %d N/A", sec.NA)
		}
		r.say("%s.", line)
	}
}
