package results

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/scoring"
)

// Words says the figures of a session in one language: every presentation
// rule of the results (how a total, a percentage, a change, a band, a
// status, a count of N/A answers, a goal's fields and a date read) is
// written here once, and its words come from the i18n catalogue. The zero
// Words speaks English.
type Words struct {
	l *i18n.Locale
}

// In returns the Words of lang (see i18n.For).
func In(lang string) Words { return Words{l: i18n.For(lang)} }

// WordsOf returns the Words of locale l.
func WordsOf(l *i18n.Locale) Words { return Words{l: l} }

// Words returns the Words of the document's session: a session renders in
// the language of the pack it was answered with.
func (d Document) Words() Words { return In(d.Pack.Lang) }

// Locale is the locale the words are in.
func (w Words) Locale() *i18n.Locale {
	if w.l == nil {
		return i18n.For(i18n.Default)
	}
	return w.l
}

// T is a message of the catalogue (i18n.Locale.T), args given as name and
// value pairs.
func (w Words) T(id string, args ...any) string { return w.pattern(id, args).fill(args) }

// N is a plural message of the catalogue (i18n.Locale.N).
func (w Words) N(id string, n int, args ...any) string { return w.Locale().N(id, n, args...) }

// Int formats a count.
func (w Words) Int(n int) string { return w.Locale().Int(n) }

// Num formats a bound of a scale without needless decimals: "8", "7,5".
func (w Words) Num(f float64) string {
	return w.Locale().Decimal(strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64))
}

// Score formats a score with one decimal, "–" when there is none:
// "22,6" in Italian.
func (w Words) Score(s scoring.Score) string { return w.Locale().Decimal(s.Format(1)) }

// Percent formats a percentage without decimals: "61%", or "–".
func (w Words) Percent(p scoring.Score) string {
	if !p.Valid {
		return "–"
	}
	return w.T("results.percent", "Value", w.Locale().Decimal(p.Format(0)))
}

// Of is "3 of 8".
func (w Words) Of(n, total int) string {
	return w.T("results.of", "N", w.Int(n), "Total", w.Int(total))
}

// Range formats a total with its range: "27,5 of 40 (range 8–40)".
func (w Words) Range(t scoring.Total) string {
	return w.T("results.total.range", "Score", w.Score(t.Score), "Min", w.Num(t.Min), "Max", w.Num(t.Max))
}

// TotalLine says the total in one sentence with its percentage and band,
// as the reports head it.
func (w Words) TotalLine(t Total) string {
	if !t.Score.Valid {
		return w.T("results.total.none")
	}
	args := []any{"Score", w.Score(t.Score), "Min", w.Num(t.Min), "Max", w.Num(t.Max), "Percent", w.Percent(t.Percent)}
	if t.BandLabel != "" {
		return w.T("results.total.scale_band", append(args, "Band", t.BandLabel)...) + "."
	}
	return w.T("results.total.scale", args...) + "."
}

// Incomplete explains an incomplete total; "" when it is complete.
func (w Words) Incomplete(t scoring.Total, missing int) string {
	if t.Complete {
		return ""
	}
	return w.T("results.incomplete", "Scored", w.Int(t.Scored), "Areas", w.Int(t.Areas),
		"Missing", w.N("results.answers_missing", missing))
}

// Unanswered is "3 questions not answered yet".
func (w Words) Unanswered(n int) string { return w.N("results.unanswered", n) }

// Direction is +1 for a rise, -1 for a fall and 0 for no change visible
// at prec decimals (or no change at all).
func Direction(d scoring.Score, prec int) int {
	if !d.Valid {
		return 0
	}
	eps := 0.5 * math.Pow(10, -float64(prec))
	switch {
	case d.Value >= eps:
		return 1
	case d.Value <= -eps:
		return -1
	}
	return 0
}

// magnitude is |d| at prec decimals, in the language's way.
func (w Words) magnitude(d scoring.Score, prec int) string {
	return w.Locale().Decimal(scoring.Of(math.Abs(d.Value)).Format(prec))
}

// Delta formats a change so that it reads without colour: "↑ +0,5",
// "↓ −1,0", "= 0,0", or "–" when either side has no score.
func (w Words) Delta(d scoring.Score, prec int) string {
	if !d.Valid {
		return "–"
	}
	switch Direction(d, prec) {
	case 1:
		return w.T("results.delta.up", "Value", w.magnitude(d, prec))
	case -1:
		return w.T("results.delta.down", "Value", w.magnitude(d, prec))
	}
	return w.T("results.delta.same", "Value", w.Locale().Decimal(scoring.Of(0).Format(prec)))
}

// Change says a change in words, for a screen reader: "up 2,5",
// "down 1,0", "no change", or "not compared".
func (w Words) Change(d scoring.Score, prec int) string {
	switch Direction(d, prec) {
	case 1:
		return w.T("results.change.up", "Value", w.magnitude(d, prec))
	case -1:
		return w.T("results.change.down", "Value", w.magnitude(d, prec))
	}
	if !d.Valid {
		return w.T("results.change.none")
	}
	return w.T("results.change.same")
}

// Signed formats a change with its sign for a table: "+0,5", "-0,5",
// "0,0" (one decimal), or "+25", "-13", "0" (prec 0).
func (w Words) Signed(d scoring.Score, prec int) string {
	if !d.Valid {
		return "–"
	}
	switch Direction(d, prec) {
	case 1:
		return "+" + w.magnitude(d, prec)
	case -1:
		return "-" + w.magnitude(d, prec)
	}
	return w.Locale().Decimal(scoring.Of(0).Format(prec))
}

// Band is the label of band id among bands, or "not scored" when id is
// empty.
func (w Words) Band(bands []checklist.Band, id string) string {
	if id == "" {
		return w.T("results.band_none")
	}
	return scoring.BandLabel(bands, id)
}

// Status is the word for a session's status: "completed", "in progress".
func (w Words) Status(st checklist.Status) string { return w.T(audit.StatusID(st)) }

// Dates formats days like Date, adding the time of day to all of them when
// two fall on the same day, so that sessions in a list stay apart.
func (w Words) Dates(ts ...time.Time) []string {
	out := make([]string, len(ts))
	seen := map[string]bool{}
	clash := false
	for i, t := range ts {
		out[i] = w.Date(t)
		if seen[out[i]] && !t.IsZero() {
			clash = true
		}
		seen[out[i]] = true
	}
	if clash {
		for i, t := range ts {
			if !t.IsZero() {
				out[i] = w.Locale().DateTime(t)
			}
		}
	}
	return out
}

// When is the day a side of a comparison stands for, and that it is still
// in progress when it is: a comparison with an unfinished session reads
// differently.
func (w Words) When(r SessionRef) string {
	if r.Status == checklist.InProgress {
		return w.T("results.in_progress_on", "Date", w.Date(r.Date()))
	}
	return w.Date(r.Date())
}

// NACount is "2 N/A".
func (w Words) NACount(n int) string { return w.T("results.na.count", "Count", w.Int(n)) }

// NA says how many answers were N/A: "N/A answers: 1 checklist item, 0
// statements".
func (w Words) NA(items, statements int) string {
	return w.T("results.na.line", "Items", w.N("results.na.items", items),
		"Statements", w.N("results.na.statements", statements))
}

// Answer is the word for an answer: "Sì", "N/A", a rating's digit, "–".
// The words are the catalogue's (checklist.Value.MessageID names them);
// a rating stays its digit, which reads the same in every language.
func (w Words) Answer(v checklist.Value) string {
	if _, ok := v.Rating(); ok {
		return string(v)
	}
	if id := v.MessageID(); id != "" {
		return w.T(id)
	}
	return string(v)
}

// Outcome says how far a reviewed goal was met: "met", "not reviewed".
// The words are the domain's (domain.outcome.*), their one home.
func (w Words) Outcome(o checklist.Outcome) string {
	if o == "" || !o.Valid() {
		return w.T("domain.outcome.none")
	}
	return w.T(o.MessageID())
}

// Met says whether a goal was met: "" when nobody has said yet.
func (w Words) Met(m *bool) string {
	switch {
	case m == nil:
		return ""
	case *m:
		return w.T("results.met.yes")
	}
	return w.T("results.met.no")
}

// Field is a labelled piece of a goal.
type Field struct {
	Label, Text string
}

// GoalFields are a goal's action, target, owner, due date, status and
// note, those that are set, with their labels ("Action", "Target",
// "Owner", "Due", "Status", "Note"); the due date in the language's way
// ("31 mar 2026").
func (w Words) GoalFields(g checklist.Goal) []Field {
	var out []Field
	for _, f := range []struct{ id, v string }{{"results.goal.what", g.What},
		{"results.goal.target", g.Target}} {
		if strings.TrimSpace(f.v) != "" {
			out = append(out, Field{Label: w.T(f.id), Text: f.v})
		}
	}
	return append(out, w.GoalDetails(g)...)
}

// GoalDetails are the fields of GoalFields after the action and target:
// owner, due date, status (when the goal has one) and note.
func (w Words) GoalDetails(g checklist.Goal) []Field {
	status := ""
	if g.Status != "" {
		status = w.GoalStatus(g.Status)
	}
	var out []Field
	for _, f := range []struct{ id, v string }{{"actionplan.cmd.column.owner", g.Owner},
		{"actionplan.cmd.column.due", w.DueDate(g)}, {"actionplan.cmd.column.status", status},
		{"actionplan.cmd.column.note", g.Note}, {"results.goal.by", g.Due}} {
		if strings.TrimSpace(f.v) != "" {
			out = append(out, Field{Label: w.T(f.id), Text: f.v})
		}
	}
	return out
}

// GoalStatus is the word for where a goal stands: "Open", "In progress",
// "Done", "Dropped"; for a goal under review not yet reviewed, the
// results' "not reviewed".
func (w Words) GoalStatus(s checklist.GoalStatus) string {
	if s == "" {
		return w.T("domain.outcome.none")
	}
	return w.T(s.MessageID())
}

// DueDate is a goal's due date in the language's way, "" for none.
func (w Words) DueDate(g checklist.Goal) string {
	if g.DueDate.IsZero() {
		return ""
	}
	return w.Date(g.DueDate.Time())
}

// ReviewFrom says where a reviewed goal came from: "set on 10 Jan 2025,
// session S1".
func (w Words) ReviewFrom(r checklist.GoalReview) string {
	if r.FromDate.IsZero() {
		return w.T("results.review_session", "ID", r.From)
	}
	return w.T("results.review_from", "Date", w.Date(r.FromDate), "ID", r.From)
}

// Mismatch says that two sessions were answered with different content;
// "" when they were not.
func (w Words) Mismatch(c Comparison) string {
	if c.Mismatch == "" {
		return ""
	}
	return w.T("results.mismatch", "A", c.PackA.ID+" "+c.PackA.Version, "B", c.PackB.ID+" "+c.PackB.Version)
}

// Title heads a report or a screen of the session: the pack's title, so
// that a pack names itself, or a default.
func (w Words) Title(d Document) string {
	if t := strings.TrimSpace(d.Pack.Title); t != "" {
		return t
	}
	return w.T("report.default_title")
}

// SectionAnswered says how many of a section's items have an answer, N/A
// included: "2 of 8".
func (w Words) SectionAnswered(s scoring.Section) string { return w.Of(s.Answered+s.NA, s.Total) }

// Words returns the Words of a comparison: the language of the later
// session's pack.
func (c Comparison) Words() Words { return In(c.PackB.Lang) }
