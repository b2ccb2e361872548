package store

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
)

// Before schema 4, a suggested problem taken into a plan was stored as an
// English sentence in Goal.Problem, built from the pack's texts:
//
//	<area title>: <statement, without its full stop> (rated N of 5)
//	<item text> (answered No)
//
// Schema 4 keeps it as data (Goal.Source) and words it when shown, in the
// session's language. This migration reads those sentences back against
// the pack the session was answered with and turns each one that matches
// into its source. Text that does not match exactly (the user edited the
// suggestion, or the pack cannot be found) is the user's own words and is
// left as it is: nothing is guessed and nothing is lost.

// migratePlanSources is the migration to schema 4. It decodes every
// record, converts the suggestions of its plan (goals and the goals under
// review) and writes back the records that changed. Summaries hold no plan
// and stay as they are.
func (s *Store) migratePlanSources(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSessions)
	if b == nil {
		return nil
	}
	packs := map[checklist.Ref]*checklist.Pack{}
	packOf := func(ref checklist.Ref) *checklist.Pack {
		if p, ok := packs[ref]; ok {
			return p
		}
		var p *checklist.Pack
		if s.opts.Pack != nil {
			if got, err := s.opts.Pack(txPacks{tx: tx, legacy: s.legacy}, ref); err == nil {
				p = got
			}
		}
		packs[ref] = p // nil: not found, its sentences stay text
		return p
	}
	changed := map[string][]byte{}
	err := b.ForEach(func(k, v []byte) error {
		sess, err := decodeRecord(string(k), v)
		if err != nil {
			return damaged(s.path, codedError(nil, "damage.session_decode", fmt.Sprintf("session %s does not decode: %v", k, err), err, "ID", string(k), "Detail", err), err)
		}
		if len(sess.Plan.Goals) == 0 && len(sess.Plan.Review) == 0 {
			return nil
		}
		p := packOf(sess.Pack)
		if p == nil || !convertPlanSources(p, sess) {
			return nil
		}
		rec, err := encodeRecord(sess)
		if err != nil {
			return fmt.Errorf("session %s: %w", k, err)
		}
		changed[string(k)] = rec
		return nil
	})
	if err != nil {
		return err
	}
	// Written after the walk: bbolt does not allow changing a bucket while
	// iterating over it.
	for k, rec := range changed {
		if err := b.Put([]byte(k), rec); err != nil {
			return err
		}
	}
	return nil
}

// convertPlanSources turns the suggestion sentences of sess's plan into
// sources against p, and reports whether any was.
func convertPlanSources(p *checklist.Pack, sess *checklist.Session) bool {
	changed := false
	convert := func(g *checklist.Goal) {
		if g.Source != nil {
			return
		}
		if src, ok := legacySource(p, sess.Pack, g.Problem); ok {
			g.Problem, g.Source = "", src
			changed = true
		}
	}
	for i := range sess.Plan.Goals {
		convert(&sess.Plan.Goals[i])
	}
	for i := range sess.Plan.Review {
		convert(&sess.Plan.Review[i].Goal)
	}
	return changed
}

var legacyRated = regexp.MustCompile(`^(.+) \(rated ([1-5]) of 5\)$`)

const legacyAnsweredNo = " (answered No)"

// legacySource reads one sentence written before schema 4 as the source
// it was built from, matching the texts of p exactly as they were joined
// then (lines and spaces folded, a statement's full stop dropped), or the
// earlier wording of the same id for the built-in packs whose texts have
// been improved since.
func legacySource(p *checklist.Pack, ref checklist.Ref, text string) (*checklist.GoalSource, bool) {
	earlier := earlierWording[ref]
	same := func(id, current, written string, trimStop bool) bool {
		for _, t := range []string{current, earlier[id]} {
			t = foldLine(t)
			if trimStop {
				t = strings.TrimRight(t, ".")
			}
			if t != "" && t == written {
				return true
			}
		}
		return false
	}
	if m := legacyRated.FindStringSubmatch(text); m != nil {
		rating, _ := strconv.Atoi(m[2])
		for _, a := range p.Areas {
			for _, title := range []string{a.Title, earlier[a.ID]} {
				title = foldLine(title)
				rest, ok := strings.CutPrefix(m[1], title+": ")
				if title == "" || !ok {
					continue
				}
				for _, st := range a.Statements {
					if same(st.ID, st.Text, rest, true) {
						return &checklist.GoalSource{Kind: checklist.SourceArea, ID: a.ID, Statement: st.ID, Rating: rating}, true
					}
				}
			}
		}
		return nil, false
	}
	if rest, ok := strings.CutSuffix(text, legacyAnsweredNo); ok {
		for _, sec := range p.Sections {
			for _, it := range sec.Items {
				if same(it.ID, it.Text, rest, false) {
					return &checklist.GoalSource{Kind: checklist.SourceItem, ID: it.ID, Answer: checklist.No}, true
				}
			}
		}
	}
	return nil, false
}

// foldLine joins a text's lines and runs of spaces, as the sentences were
// written.
func foldLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// earlierWording holds, for the built-in packs, the texts that a sentence
// stored before schema 4 may still quote but the pack no longer says: the
// area titles, statements and items reworded in review (issue 9) while
// the pack kept its version, by id.
var earlierWording = map[checklist.Ref]map[string]string{
	{ID: "servicecheck", Version: "1.0.0", Lang: "it"}: {
		"evaluate.complaint-follow-up":    "Il registro tiene traccia delle azioni in corso, della telefonata di verifica, di eventuali risarcimenti e di come evitare che il problema si ripeta?",
		"knowing-customers.top-customers": "Sappiamo quali clienti ci portano la maggior parte del lavoro.",
		"staff.trained":                   "Il nostro personale è formato su come servire i clienti.",
	},
	{ID: "servicecheck", Version: "1.0.0", Lang: "sq"}: {
		"culture.internal-customers":       "A e pranon çdo repart se ka klientë, edhe nëse nuk takohet kurrë me publikun?",
		"culture.job-swap":                 "A kalojnë punonjësit e zyrës një ose dy javë duke punuar në repartin të cilit i shërbejnë?",
		"classify.business-background":     "A e dini në cilin sektor punojnë bizneset klientë, sa vite kanë në treg dhe sa të besueshëm janë në pagesa?",
		"classify.research":                "A përdorni kërkime tregu, pyetësorë, sondazhe ose kontrolle me klientët për të njohur ata që nuk mund t'i pyesni një nga një?",
		"customer-focus.one-team":          "Kur një klient ka nevojë për ndihmë, repartet tona punojnë si një ekip i vetëm.",
		"customer-focus.share-information": "Ajo që një klient i thotë një reparti u shkon edhe reparteve të tjera që duhet ta dinë.",
		"customer-focus.tell-once":         "Klientët që kanë punë me disa reparte e shpjegojnë problemin e tyre vetëm një herë.",
		"knowing-customers.top-customers":  "E dimë cilët klientë sjellin pjesën më të madhe të punës sonë.",
		"ease-of-contact.opening-hours":    "Jemi të arritshëm në orare që u përshtaten klientëve tanë.",
	},
	{ID: "servicecheck", Version: "1.0.0", Lang: "af"}: {
		"culture.front-line-time":              "Spandeer eienaars en bestuurders tyd aan die voorfront, waar hulle self kliënte help?",
		"classify.age-gender":                  "Weet jy hoe jou privaat kliënte volgens ouderdom en geslag verdeel is?",
		"classify.household":                   "Ken jy jou privaat kliënte se gesinsomstandighede, byvoorbeeld of hulle getroud is of kinders het?",
		"classify.income-home":                 "Het jy ’n rowwe idee van jou privaat kliënte se inkomste en of hulle hul eie huis besit?",
		"customer-focus.leaders-on-front-line": "Eienaars en bestuurders spandeer tyd saam met kliënte aan die voorfront.",
		"knowing-customers.top-customers":      "Ons weet watter kliënte die meeste van ons besigheid inbring.",
		"staff":                                "Personeel se vaardighede en bemagtiging",
		"staff.trained":                        "Ons personeel is opgelei in hoe om kliënte te bedien.",
	},
}
