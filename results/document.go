// Package results is the one view model of a scored session and the one
// place its presentation rules are written: what the wizard's results,
// history and compare screens, the plain prompts' results and every report
// format (package report) show, and how each figure reads in the session's
// language (Words).
//
// Document is built by Build from a pack and a session with the scoring
// package, so no scoring rule is copied here; the dates and the previous
// session follow package audit. Words turns its figures into text through
// the i18n catalogue (results.*.yaml): the total line, percentages,
// changes, N/A counts, band and status words, goal fields and dates. A
// session renders in its pack's language: Document.Words.
package results

import (
	"slices"
	"time"

	"github.com/servicecheck/servicecheck/audit"
	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
	"github.com/servicecheck/servicecheck/scoring"
)

// Document is everything a report shows about one session. Its JSON encoding
// is the stable document of `servicecheck show --json`; with the answers
// (Area.Statements, Section.Items) it is the JSON report.
type Document struct {
	ID       string           `json:"id"`
	Client   string           `json:"client"`
	Assessor string           `json:"assessor"`
	Status   checklist.Status `json:"status"`
	// Times are UTC so that a document does not depend on where it was made.
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// CompletedAt is nil (JSON null) while the session is in progress.
	CompletedAt *time.Time `json:"completed_at"`
	Pack        Pack       `json:"pack"`
	Total       Total      `json:"total"`
	Areas       []Area     `json:"areas"`
	Sections    []Section  `json:"sections"`
	Weakest     []Weak     `json:"weakest"`
	// Findings are every checklist item answered No or Partly and every
	// statement rated 1 or 2, in the wizard's order, each with its note
	// and advice (scoring.Findings); never nil.
	Findings []scoring.Finding `json:"findings"`
	// Strengths are the areas at the top band, then the items answered
	// Yes (scoring.Strengths); never nil.
	Strengths []Strength `json:"strengths"`
	// Trend is the total of each of the client's completed sessions up to
	// and including this one, oldest first (SetTrend, trend.go); empty
	// when fewer than two, never nil. Like Comparison it is shown by the
	// readable reports only: a JSON document describes one session, and
	// does not change when the client's other sessions do.
	Trend []TrendPoint `json:"-"`
	// Unanswered lists the ids with no value yet, in the order of the
	// wizard; empty for a complete session.
	Unanswered []string        `json:"unanswered"`
	Plan       *checklist.Plan `json:"plan,omitempty"`
	// Team is the combined view of the team audit whose settled result
	// this session is, when the report is of the audit (team.go); nil for
	// an ordinary session.
	Team *Team `json:"team,omitempty"`

	// Details are the session's audit date, site, participants, notes and
	// its edits after completion (details.go).
	Details

	// Comparison is the change since the client's previous completed
	// session; nil when there is none. It is shown by the Markdown, HTML
	// and terminal renderers only: JSON documents describe one session,
	// and `compare --json` carries comparisons.
	Comparison *Comparison `json:"-"`
	// Bands are the pack's bands, lowest first, for legends and colours.
	Bands []checklist.Band `json:"-"`
}

// Pack names the content pack a session was answered with.
type Pack struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Lang    string `json:"lang"`
	Title   string `json:"title"`
	// Intro is the pack's introduction, shown at the top of reports; not
	// in the JSON documents, which describe the session.
	Intro string `json:"-"`
}

// Total is the scored total with its band's label.
type Total struct {
	scoring.Total
	BandLabel string `json:"band_label"`
}

// Area is one rated area, with its statements and their answers in the full
// document.
type Area struct {
	scoring.Area
	BandLabel  string `json:"band_label"`
	Statements []Line `json:"statements,omitempty"`
}

// Section is one checklist section, with its items and their answers in the
// full document.
type Section struct {
	scoring.Section
	Items []Line `json:"items,omitempty"`
}

// Weak is one of the weakest areas with the actions the pack suggests.
type Weak struct {
	scoring.Weak
	BandLabel string `json:"band_label"`
}

// Strength is an area at the top band or an item answered Yes, with the
// band's label for an area.
type Strength struct {
	scoring.Strength
	BandLabel string `json:"band_label,omitempty"`
}

// Line is one item or statement with what was answered.
type Line struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Answer is yes, partly, no, na or a rating "1".."5"; null when not
	// answered.
	Answer *checklist.Value `json:"answer"`
	Note   string           `json:"note,omitempty"`
}

// Value returns the answer, "" when there is none.
func (l Line) Value() checklist.Value {
	if l.Answer == nil {
		return ""
	}
	return *l.Answer
}

// Comparison is the change between an earlier session A and a later one B:
// every delta is B − A over the areas scored in both.
type Comparison struct {
	A        SessionRef      `json:"a"`
	B        SessionRef      `json:"b"`
	Mismatch string          `json:"mismatch,omitempty"`
	Areas    []scoring.Delta `json:"areas"`
	Total    scoring.Delta   `json:"total"`
	// Sections is the change of each checklist section's percentage.
	Sections []scoring.Delta `json:"sections"`
	// PackA and PackB are the packs the sides were scored with; the later
	// one's language is the comparison's (Comparison.Words).
	PackA checklist.Ref `json:"-"`
	PackB checklist.Ref `json:"-"`
	// Changes lists the questions whose answer differs between A and B,
	// in B's pack's order (details.go).
	Changes []AnswerChange `json:"changes,omitempty"`
}

// SessionRef names one side of a comparison.
type SessionRef struct {
	ID          string           `json:"id"`
	Client      string           `json:"client"`
	Status      checklist.Status `json:"status"`
	CreatedAt   time.Time        `json:"created_at"`
	CompletedAt *time.Time       `json:"completed_at"`
	Pack        checklist.Ref    `json:"pack"`
	// UpdatedAt dates a session in progress (audit.Date); not in the
	// compare --json document, which predates it.
	UpdatedAt time.Time `json:"-"`
	// AuditDate is the session's audit date, when it has one.
	AuditDate string `json:"audit_date,omitempty"`
}

// Stamp is what the audit rules read of the document's session.
func (d Document) Stamp() audit.Stamp {
	return audit.Stamp{ID: d.ID, Status: d.Status, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, CompletedAt: deref(d.CompletedAt),
		AuditDate: d.AuditDate}
}

// Date is the day the session stands for (audit.Date).
func (d Document) Date() time.Time { return audit.Date(d.Stamp()) }

// Stamp is what the audit rules read of one side of a comparison.
func (r SessionRef) Stamp() audit.Stamp {
	return audit.Stamp{ID: r.ID, Status: r.Status, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, CompletedAt: deref(r.CompletedAt),
		AuditDate: r.AuditDate}
}

// Date is the day the session stands for (audit.Date).
func (r SessionRef) Date() time.Time { return audit.Date(r.Stamp()) }

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// Build scores s against p and gathers everything a report shows. prev is
// the client's previous completed session, answered with prevPack, or nil;
// when given, the document carries the comparison prev → s.
func Build(p *checklist.Pack, s *checklist.Session, prev *checklist.Session, prevPack *checklist.Pack) Document {
	r := scoring.Session(p, s)
	d := Document{
		ID:          s.ID,
		Client:      s.Client,
		Assessor:    s.Assessor,
		Status:      s.Status,
		CreatedAt:   s.CreatedAt.UTC(),
		UpdatedAt:   s.UpdatedAt.UTC(),
		CompletedAt: timePtr(s.CompletedAt),
		Pack:        Pack{ID: p.ID, Version: p.Version, Lang: p.Lang, Title: p.Title, Intro: p.Intro},
		Total:       Total{Total: r.Total, BandLabel: label(p, r.Total.Band)},
		Unanswered:  s.Unanswered(p),
		Bands:       p.Bands,
		Details:     details(p, s),
		Trend:       []TrendPoint{},
	}
	if d.Unanswered == nil {
		d.Unanswered = []string{}
	}
	if !s.Plan.IsZero() {
		plan := wordedPlan(p, s.Plan)
		d.Plan = &plan
	}
	d.Areas = make([]Area, len(r.Areas))
	for i, a := range r.Areas {
		d.Areas[i] = Area{Area: a, BandLabel: label(p, a.Band)}
		for _, st := range p.Areas[i].Statements {
			d.Areas[i].Statements = append(d.Areas[i].Statements, line(st.ID, st.Text, s.Answers))
		}
	}
	d.Sections = make([]Section, len(r.Sections))
	for i, sec := range r.Sections {
		d.Sections[i] = Section{Section: sec}
		for _, it := range p.Sections[i].Items {
			d.Sections[i].Items = append(d.Sections[i].Items, line(it.ID, it.Text, s.Answers))
		}
	}
	d.Weakest = make([]Weak, len(r.Weakest))
	for i, w := range r.Weakest {
		if w.Actions == nil {
			w.Actions = []string{}
		}
		d.Weakest[i] = Weak{Weak: w, BandLabel: label(p, w.Band)}
	}
	d.Findings = r.Findings
	d.Strengths = make([]Strength, len(r.Strengths))
	for i, st := range r.Strengths {
		d.Strengths[i] = Strength{Strength: st, BandLabel: label(p, st.Band)}
	}
	if prev != nil && prevPack != nil {
		c := Compare(prevPack, prev, p, s)
		d.Comparison = &c
	}
	return d
}

// Compare scores a and b against their packs and compares them, a being the
// earlier session.
func Compare(pa *checklist.Pack, a *checklist.Session, pb *checklist.Pack, b *checklist.Session) Comparison {
	c := scoring.Compare(scoring.Session(pa, a), scoring.Session(pb, b))
	if c.Areas == nil {
		c.Areas = []scoring.Delta{}
	}
	return Comparison{A: ref(a), B: ref(b), Mismatch: c.Mismatch, Areas: c.Areas, Total: c.Total, Sections: c.Sections,
		PackA: pa.Ref(), PackB: pb.Ref(), Changes: Changes(pb, a, b)}
}

// In returns d with its times in loc, so that the readable reports give
// the day where the reader is: a session finished at 8 pm in New York is
// dated that day, not the next as in UTC. JSON documents stay in UTC.
func (d Document) In(loc *time.Location) Document {
	d.CreatedAt, d.UpdatedAt = d.CreatedAt.In(loc), d.UpdatedAt.In(loc)
	d.CompletedAt = timeIn(d.CompletedAt, loc)
	d.Details = d.Details.in(loc)
	d.Trend = slices.Clone(d.Trend)
	for i, pt := range d.Trend {
		d.Trend[i].Date = audit.DateIn(pt.stamp, loc)
	}
	if d.Comparison != nil {
		c := d.Comparison.In(loc)
		d.Comparison = &c
	}
	return d
}

// In returns c with the times of both sessions in loc, as Document.In.
func (c Comparison) In(loc *time.Location) Comparison {
	c.A, c.B = c.A.in(loc), c.B.in(loc)
	return c
}

func (r SessionRef) in(loc *time.Location) SessionRef {
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.In(loc), r.UpdatedAt.In(loc)
	r.CompletedAt = timeIn(r.CompletedAt, loc)
	return r
}

func timeIn(t *time.Time, loc *time.Location) *time.Time {
	if t == nil {
		return nil
	}
	u := t.In(loc)
	return &u
}

// Summary returns d without the answers: the `show --json` document.
func (d Document) Summary() Document {
	d.Areas = append([]Area(nil), d.Areas...)
	for i := range d.Areas {
		d.Areas[i].Statements = nil
	}
	d.Sections = append([]Section(nil), d.Sections...)
	for i := range d.Sections {
		d.Sections[i].Items = nil
	}
	return d
}

func ref(s *checklist.Session) SessionRef {
	return SessionRef{ID: s.ID, Client: s.Client, Status: s.Status, CreatedAt: s.CreatedAt.UTC(),
		UpdatedAt: s.UpdatedAt.UTC(), CompletedAt: timePtr(s.CompletedAt), Pack: s.Pack, AuditDate: s.AuditDate}
}

func line(id, text string, answers map[string]checklist.Answer) Line {
	l := Line{ID: id, Text: text}
	if a, ok := answers[id]; ok {
		if a.Value != "" {
			v := a.Value
			l.Answer = &v
		}
		l.Note = a.Note
	}
	return l
}

func label(p *checklist.Pack, band string) string {
	if band == "" {
		return ""
	}
	return scoring.BandLabel(p.Bands, band)
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// NACounts counts the N/A answers: checklist items and statements.
func (d Document) NACounts() (items, statements int) {
	for _, s := range d.Sections {
		items += s.NA
	}
	for _, a := range d.Areas {
		statements += a.NA
	}
	return items, statements
}

// wordedPlan is a copy of plan whose suggested problems are worded, in the
// session's language with its pack (plantext), as every format shows
// them; their sources stay alongside for the JSON document.
func wordedPlan(p *checklist.Pack, plan checklist.Plan) checklist.Plan {
	l := i18n.For(p.Lang)
	plan.Goals = slices.Clone(plan.Goals)
	for i, g := range plan.Goals {
		plan.Goals[i].Problem = plantext.Problem(l, p, g)
	}
	plan.Review = slices.Clone(plan.Review)
	for i, r := range plan.Review {
		plan.Review[i].Goal.Problem = plantext.Problem(l, p, r.Goal)
	}
	return plan
}
