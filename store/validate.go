package store

import (
	"fmt"
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/internal/termtext"
)

// Limits on what a session may hold. They are far above what a real audit
// needs and keep a hostile or broken import from filling the disk.
const (
	MaxNote     = checklist.MaxNoteBytes // bytes in a note, a vision or a goal field
	MaxAnswers  = 10_000                 // answers in one session
	MaxDocument = 64 << 20               // bytes in an import document
	MaxSessions = 100_000                // sessions in one import document
	MaxPacks    = 100                    // content packs in one import document
	MaxGoals    = 100                    // goals in a plan
	maxName     = checklist.MaxNameBytes // bytes in a client or assessor name
	maxID       = 64                     // bytes in a session id
	maxRef      = 128                    // bytes in a pack id, version, language, question id or cursor
)

// Times before minTime are surely wrong (servicecheck did not exist); a
// little clock skew between laptops is allowed into the future.
var minTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const futureSkew = 48 * time.Hour

// fieldError is one validation failure of a session: the field's path
// ("answers.q1.value"), and what is wrong with it as a code and
// arguments (domain.field.*) with its English, msg.
type fieldError struct {
	field, msg string
	code       string
	args       map[string]any
}

func (e *fieldError) Error() string {
	if e.field == "" {
		return e.msg
	}
	return e.field + ": " + e.msg
}

// MessageCode returns the code of what is wrong with the field.
func (e *fieldError) MessageCode() string { return e.code }

// MessageArgs returns the arguments of the message by name.
func (e *fieldError) MessageArgs() map[string]any { return e.args }

// Position is the field's path, which a message shows before the words.
func (e *fieldError) Position() string { return e.field }

// at returns the same problem for another field ("" for none).
func (e *fieldError) at(field string) *fieldError {
	c := *e
	c.field = field
	return &c
}

// bad returns the problem code (domain.code) of field, with its English
// and its arguments as name, value pairs.
func bad(code, field, english string, args ...any) *fieldError {
	e := &fieldError{field: field, msg: english, code: code, args: make(map[string]any, len(args)/2)}
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		e.args[name] = args[i+1]
	}
	return e
}

// ValidID reports whether id can name a session: 1 to 64 ASCII letters,
// digits, '-' or '_'.
func ValidID(id string) bool {
	if id == "" || len(id) > maxID {
		return false
	}
	for i := range len(id) {
		c := id[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// checkText reports what is wrong with s as a text field: invalid UTF-8,
// too long, or holding control characters (which could drive a terminal);
// multiline allows newlines and tabs.
func checkText(field, s string, limit int, multiline bool) error {
	if len(s) > limit {
		return bad("field.too_long", field, fmt.Sprintf("%d bytes, more than %d", len(s), limit), "Length", len(s), "Max", limit)
	}
	if !utf8.ValidString(s) {
		return bad("field.not_utf8", field, "not valid UTF-8")
	}
	if at, r := termtext.Find(s, multiline); at >= 0 {
		return bad("field.control", field, fmt.Sprintf("holds the control character %U", r), "Char", fmt.Sprintf("%U", r))
	}
	return nil
}

func checkTime(field string, t, now time.Time, required bool) error {
	if t.IsZero() {
		if required {
			return bad("field.missing", field, "missing")
		}
		return nil
	}
	if t.Before(minTime) || t.After(now.Add(futureSkew)) {
		when := t.UTC().Format(time.RFC3339)
		return bad("field.out_of_range", field, when+" is out of range", "Time", when)
	}
	return nil
}

// validateSession checks everything the store relies on and everything a
// hostile document could abuse. It does not check answers against a pack:
// the store does not know packs; values must only be valid for some kind.
func validateSession(s *checklist.Session, now time.Time) error {
	if !ValidID(s.ID) {
		v := fmt.Sprintf("%q", clip(s.ID))
		return bad("field.not_id", "id", fmt.Sprintf("%s is not a session id (1 to %d letters, digits, '-' or '_')", v, maxID),
			"Value", v, "Max", maxID)
	}
	if err := checkContent(s); err != nil {
		return err
	}
	if err := validateTimes(s, now); err != nil {
		return err
	}
	err := firstAnswerError(s.Answers, func(id string, a checklist.Answer) error {
		return checkTime("answers."+id+".at", a.At, now, false)
	})
	if err != nil {
		return err
	}
	return planTimes(s.Plan, now)
}

// checkContent checks what validateSession checks of a session but its
// id and times: the texts (valid UTF-8, no control characters, within
// their limits), the status, the pack and the answers' values. Every
// record read from the file passes it too, so that a changed or crafted
// file cannot put a control character on a terminal or an answer no pack
// has into a score; the times are not checked on reading, where a laptop
// whose clock ran ahead must not make its sessions unreadable.
func checkContent(s *checklist.Session) error {
	for _, f := range []struct{ name, v string }{{"client", s.Client}, {"assessor", s.Assessor}} {
		if err := checkText(f.name, f.v, maxName, false); err != nil {
			return err
		}
	}
	if _, ok := statusCode(s.Status); !ok {
		v := fmt.Sprintf("%q", clip(string(s.Status)))
		return bad("field.not_status", "status", fmt.Sprintf("%s is not a status (%s or %s)", v, checklist.InProgress, checklist.Completed),
			"Value", v)
	}
	for _, f := range []struct{ name, v string }{{"pack.id", s.Pack.ID}, {"pack.version", s.Pack.Version},
		{"pack.lang", s.Pack.Lang}} {
		if f.v == "" {
			return bad("field.missing", f.name, "missing")
		}
		if err := checkText(f.name, f.v, maxRef, false); err != nil {
			return err
		}
	}
	if err := checkText("cursor", s.Cursor, maxRef, false); err != nil {
		return err
	}
	if err := checkDetails(s); err != nil {
		return err
	}
	if len(s.Answers) > MaxAnswers {
		return bad("field.too_many_answers", "answers", fmt.Sprintf("%d answers, more than %d", len(s.Answers), MaxAnswers),
			"Count", len(s.Answers), "Max", MaxAnswers)
	}
	if err := firstAnswerError(s.Answers, answerContent); err != nil {
		return err
	}
	return planContent(s.Plan)
}

// firstAnswerError runs check on every answer and returns the error of the
// first failing one in id order, so that a message does not depend on map
// order; every record read passes through here, so the ids are sorted only
// when something fails.
func firstAnswerError(answers map[string]checklist.Answer, check func(string, checklist.Answer) error) error {
	for id, a := range answers {
		if check(id, a) != nil {
			for _, id := range slices.Sorted(maps.Keys(answers)) {
				if err := check(id, answers[id]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// validateTimes checks the session's times against each other and its
// status.
func validateTimes(s *checklist.Session, now time.Time) error {
	if err := checkTime("created_at", s.CreatedAt, now, true); err != nil {
		return err
	}
	if err := checkTime("updated_at", s.UpdatedAt, now, true); err != nil {
		return err
	}
	if s.UpdatedAt.Before(s.CreatedAt) {
		return bad("field.before_created", "updated_at", "before created_at")
	}
	switch {
	case s.Status == checklist.Completed && s.CompletedAt.IsZero():
		return bad("field.completed_missing", "completed_at", "missing for a completed session")
	case s.Status != checklist.Completed && !s.CompletedAt.IsZero():
		return bad("field.completed_set", "completed_at", "set on a session that is not completed")
	}
	if err := checkTime("completed_at", s.CompletedAt, now, false); err != nil {
		return err
	}
	if !s.CompletedAt.IsZero() && s.CompletedAt.Before(s.CreatedAt) {
		return bad("field.before_created", "completed_at", "before created_at")
	}
	return nil
}

func validateAnswer(id string, a checklist.Answer, now time.Time) error {
	if err := answerContent(id, a); err != nil {
		return err
	}
	return checkTime("answers."+id+".at", a.At, now, false)
}

func answerContent(id string, a checklist.Answer) error {
	if id == "" {
		return bad("field.empty_question", "answers", "an answer has an empty question id")
	}
	if err := checkText("answers", id, maxRef, false); err != nil {
		v := fmt.Sprintf("%q", clip(id))
		inner := err.(*fieldError).at("")
		return bad("field.question_id", "answers", fmt.Sprintf("question id %s: %s", v, inner.msg), "Value", v, "Detail", inner)
	}
	// Field names are built only for a message: every record read comes
	// through here, answer by answer.
	if _, ok := valueCode(a.Value); !ok {
		v := fmt.Sprintf("%q", clip(string(a.Value)))
		return bad("field.not_answer", "answers."+id+".value", v+" is not an answer (yes, partly, no, na or 1 to 5)", "Value", v)
	}
	if a.Value == "" && a.Note == "" {
		return bad("field.empty_answer", "answers."+id, "neither a value nor a note")
	}
	if a.Note == "" {
		return nil
	}
	if err := checkText("note", a.Note, MaxNote, true); err != nil {
		return err.(*fieldError).at("answers." + id + ".note")
	}
	return nil
}

func validatePlan(p checklist.Plan, now time.Time) error {
	if err := planContent(p); err != nil {
		return err
	}
	return planTimes(p, now)
}

// planContent checks a plan's texts and outcomes (see checkContent).
func planContent(p checklist.Plan) error {
	if err := checkText("plan.vision", p.Vision, MaxNote, true); err != nil {
		return err
	}
	if v := p.VisionSteps; v != nil {
		for _, f := range []struct{ name, v string }{{"business", v.Business}, {"customers", v.Customers},
			{"steps", v.Steps}, {"keywords", v.Keywords}} {
			if err := checkText("plan.vision_steps."+f.name, f.v, MaxNote, true); err != nil {
				return err
			}
		}
	}
	if len(p.Goals) > MaxGoals {
		return bad("field.too_many_goals", "plan.goals", fmt.Sprintf("%d goals, more than %d", len(p.Goals), MaxGoals),
			"Count", len(p.Goals), "Max", MaxGoals)
	}
	for i, g := range p.Goals {
		if err := validateGoal(fmt.Sprintf("plan.goals[%d]", i), g); err != nil {
			return err
		}
	}
	if len(p.Review) > MaxGoals {
		return bad("field.too_many_goals", "plan.review", fmt.Sprintf("%d goals, more than %d", len(p.Review), MaxGoals),
			"Count", len(p.Review), "Max", MaxGoals)
	}
	for i, r := range p.Review {
		field := fmt.Sprintf("plan.review[%d]", i)
		if r.From != "" && !ValidID(r.From) {
			v := fmt.Sprintf("%q", clip(r.From))
			return bad("field.not_session_id", field+".from", v+" is not a session id", "Value", v)
		}
		if err := validateGoal(field+".goal", r.Goal); err != nil {
			return err
		}
		if r.Outcome != "" {
			// Reviews since schema 6 set a status; UpgradePlan moves an
			// older outcome there before a plan is stored.
			v := fmt.Sprintf("%q", clip(string(r.Outcome)))
			return bad("field.review_outcome", field+".outcome", v+": a review sets a status now, not an outcome", "Value", v)
		}
		if !r.Status.Valid() {
			return badStatus(field+".status", r.Status)
		}
		if err := checkText(field+".note", r.Note, MaxNote, true); err != nil {
			return err
		}
	}
	return nil
}

// planTimes checks the dates of a plan's review.
func planTimes(p checklist.Plan, now time.Time) error {
	for i, r := range p.Review {
		if err := checkTime(fmt.Sprintf("plan.review[%d].from_date", i), r.FromDate, now, false); err != nil {
			return err
		}
	}
	return nil
}

func validateGoal(field string, g checklist.Goal) error {
	for _, f := range []struct{ name, v string }{{"problem", g.Problem}, {"what", g.What},
		{"target", g.Target}, {"note", g.Note}} {
		if err := checkText(field+"."+f.name, f.v, MaxNote, true); err != nil {
			return err
		}
	}
	if err := checkText(field+".owner", g.Owner, maxName, true); err != nil {
		return err
	}
	if g.Due != "" || g.Met != nil {
		// Before schema 6 only: UpgradeGoal moves them before a plan is
		// stored.
		return bad("field.due_upgrade", field+".due", "a goal has a due_date now: its free-text due must be upgraded first")
	}
	if !g.Status.Valid() {
		return badStatus(field+".status", g.Status)
	}
	if g.Source != nil {
		if f, pr := g.Source.Check(); pr != nil {
			e := &fieldError{field: field + ".source." + f, msg: pr.Msg, code: pr.Code, args: pr.Args}
			return e
		}
	}
	return nil
}

// clip shortens hostile values quoted in messages.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// badStatus is the problem of a goal's or a review's status that is none.
func badStatus(field string, st checklist.GoalStatus) error {
	v := fmt.Sprintf("%q", clip(string(st)))
	return bad("field.not_goal_status", field, fmt.Sprintf("%s is not a status (%s, %s, %s or %s)", v,
		checklist.StatusOpen, checklist.StatusInProgress, checklist.StatusDone, checklist.StatusDropped), "Value", v)
}
