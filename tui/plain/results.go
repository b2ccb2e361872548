package plain

import (
	"strings"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/results"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/tui"
)

// resultsAndPlan prints the results, then offers to set the plan.
func (r *runner) resultsAndPlan() error {
	if err := r.results(); err != nil {
		return err
	}
	return r.offerPlan()
}

// words speaks the open session's language: its pack's (see loc).
func (r *runner) words() results.Words { return results.In(r.loc().Lang()) }

// results prints the scores of the open session as sentences, with the
// change since the client's previous completed session: the same view
// model and words as the results screen, read aloud.
func (r *runner) results() error {
	s, p, wd := r.sess, r.pack, r.words()
	prev, prevPack, err := tui.Previous(r.opts.Repo, s, r.packFor)
	if err != nil {
		r.say("%s", wd.T("results.plain.read_failed", "Error", r.describe(err)))
		prev, prevPack = nil, nil
	}
	d := results.Build(p, s, prev, prevPack)
	t := d.Total
	r.say("")
	r.say("%s", wd.T("results.plain.title", "Client", s.Client))
	r.say("%s", wd.T("results.plain.total", "Total", wd.Range(t.Total), "Band", wd.Band(p.Bands, t.Band), "Percent", wd.Percent(t.Percent)))
	if !t.Complete {
		r.say("%s", wd.T("results.plain.incomplete", "Unanswered", wd.Unanswered(len(d.Unanswered))))
	}
	deltas := map[string]scoring.Delta{}
	if c := d.Comparison; c != nil {
		r.say("%s", wd.T("results.plain.change", "Date", wd.Date(audit.Date(audit.Of(prev))),
			"Change", wd.Change(c.Total.Delta, 1), "From", wd.Score(c.Total.A), "To", wd.Score(c.Total.B)))
		if mm := wd.Mismatch(*c); mm != "" {
			r.say("%s", wd.T("results.plain.note", "Text", mm))
		}
		for _, dl := range c.Areas {
			deltas[dl.ID] = dl
		}
	}
	r.areas(d, deltas)
	r.sections(d)
	if len(d.Weakest) > 0 {
		r.say("")
		r.say("%s", wd.T("results.plain.weakest"))
		for i, w := range d.Weakest {
			r.say("%s", wd.T("results.plain.weak", "N", i+1, "Title", w.Title, "Score", wd.Score(w.Score), "Band", wd.Band(p.Bands, w.Band)))
			for _, act := range w.Actions {
				r.say("   - %s", act)
			}
		}
	}
	r.say("")
	items, statements := d.NACounts()
	r.say("%s.", wd.NA(items, statements))
	return nil
}

// areas says each area's score and band, and its change since last time.
func (r *runner) areas(d results.Document, deltas map[string]scoring.Delta) {
	wd := r.words()
	r.say("")
	r.say("%s", wd.T("results.plain.areas"))
	for _, a := range d.Areas {
		parts := []string{wd.Score(a.Score), wd.Band(r.pack.Bands, a.Band)}
		if dl, ok := deltas[a.ID]; ok {
			parts = append(parts, wd.Change(dl.Delta, 1))
		}
		if a.NA > 0 {
			parts = append(parts, wd.NACount(a.NA))
		}
		r.say("%s", wd.T("results.plain.area", "Title", a.Title, "Parts", strings.Join(parts, ", ")))
	}
}

// sections says the checklist percentage of each section.
func (r *runner) sections(d results.Document) {
	wd := r.words()
	r.say("")
	r.say("%s", wd.T("results.plain.checklist"))
	for _, sec := range d.Sections {
		args := []any{"Title", sec.Title, "Percent", wd.Percent(sec.Percent), "Answered", wd.Int(sec.Answered + sec.NA), "Total", wd.Int(sec.Total)}
		if sec.NA > 0 {
			r.say("%s.", wd.T("results.plain.section_na", append(args, "NA", wd.Int(sec.NA))...))
		} else {
			r.say("%s.", wd.T("results.plain.section", args...))
		}
	}
}
