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

// fieldError is one validation failure of a session.
type fieldError struct {
	field, msg string
}

func (e *fieldError) Error() string { return e.field + ": " + e.msg }

func bad(field, format string, args ...any) error {
	return &fieldError{field: field, msg: fmt.Sprintf(format, args...)}
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
		return bad(field, "%d bytes, more than %d", len(s), limit)
	}
	if !utf8.ValidString(s) {
		return bad(field, "not valid UTF-8")
	}
	if at, r := termtext.Find(s, multiline); at >= 0 {
		return bad(field, "holds the control character %U", r)
	}
	return nil
}

func checkTime(field string, t, now time.Time, required bool) error {
	if t.IsZero() {
		if required {
			return bad(field, "missing")
		}
		return nil
	}
	if t.Before(minTime) || t.After(now.Add(futureSkew)) {
		return bad(field, "%s is out of range", t.UTC().Format(time.RFC3339))
	}
	return nil
}

// validateSession checks everything the store relies on and everything a
// hostile document could abuse. It does not check answers against a pack:
// the store does not know packs; values must only be valid for some kind.
func validateSession(s *checklist.Session, now time.Time) error {
	if !ValidID(s.ID) {
		return bad("id", "%q is not a session id (1 to %d letters, digits, '-' or '_')", clip(s.ID), maxID)
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
		return bad("status", "%q is not a status (%s or %s)", clip(string(s.Status)), checklist.InProgress, checklist.Completed)
	}
	for _, f := range []struct{ name, v string }{{"pack.id", s.Pack.ID}, {"pack.version", s.Pack.Version},
		{"pack.lang", s.Pack.Lang}} {
		if f.v == "" {
			return bad(f.name, "missing")
		}
		if err := checkText(f.name, f.v, maxRef, false); err != nil {
			return err
		}
	}
	if err := checkText("cursor", s.Cursor, maxRef, false); err != nil {
		return err
	}
	if len(s.Answers) > MaxAnswers {
		return bad("answers", "%d answers, more than %d", len(s.Answers), MaxAnswers)
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
		return bad("updated_at", "before created_at")
	}
	switch {
	case s.Status == checklist.Completed && s.CompletedAt.IsZero():
		return bad("completed_at", "missing for a completed session")
	case s.Status != checklist.Completed && !s.CompletedAt.IsZero():
		return bad("completed_at", "set on a session that is not completed")
	}
	if err := checkTime("completed_at", s.CompletedAt, now, false); err != nil {
		return err
	}
	if !s.CompletedAt.IsZero() && s.CompletedAt.Before(s.CreatedAt) {
		return bad("completed_at", "before created_at")
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
		return bad("answers", "an answer has an empty question id")
	}
	if err := checkText("answers", id, maxRef, false); err != nil {
		return bad("answers", "question id %q: %v", clip(id), err.(*fieldError).msg)
	}
	// Field names are built only for a message: every record read comes
	// through here, answer by answer.
	if _, ok := valueCode(a.Value); !ok {
		return bad("answers."+id+".value", "%q is not an answer (yes, partly, no, na or 1 to 5)", clip(string(a.Value)))
	}
	if a.Value == "" && a.Note == "" {
		return bad("answers."+id, "neither a value nor a note")
	}
	if a.Note == "" {
		return nil
	}
	if err := checkText("note", a.Note, MaxNote, true); err != nil {
		return bad("answers."+id+".note", "%s", err.(*fieldError).msg)
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
		return bad("plan.goals", "%d goals, more than %d", len(p.Goals), MaxGoals)
	}
	for i, g := range p.Goals {
		if err := validateGoal(fmt.Sprintf("plan.goals[%d]", i), g); err != nil {
			return err
		}
	}
	if len(p.Review) > MaxGoals {
		return bad("plan.review", "%d goals, more than %d", len(p.Review), MaxGoals)
	}
	for i, r := range p.Review {
		field := fmt.Sprintf("plan.review[%d]", i)
		if r.From != "" && !ValidID(r.From) {
			return bad(field+".from", "%q is not a session id", clip(r.From))
		}
		if err := validateGoal(field+".goal", r.Goal); err != nil {
			return err
		}
		if r.Outcome != "" {
			// Reviews since schema 6 set a status; UpgradePlan moves an
			// older outcome there before a plan is stored.
			return bad(field+".outcome", "%q: a review sets a status now, not an outcome", clip(string(r.Outcome)))
		}
		if !r.Status.Valid() {
			return bad(field+".status", "%q is not a status (%s, %s, %s or %s)", clip(string(r.Status)),
				checklist.StatusOpen, checklist.StatusInProgress, checklist.StatusDone, checklist.StatusDropped)
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
		return bad(field+".due", "a goal has a due_date now: its free-text due must be upgraded first")
	}
	if !g.Status.Valid() {
		return bad(field+".status", "%q is not a status (%s, %s, %s or %s)", clip(string(g.Status)),
			checklist.StatusOpen, checklist.StatusInProgress, checklist.StatusDone, checklist.StatusDropped)
	}
	if g.Source != nil {
		if f, pr := g.Source.Check(); pr != nil {
			return bad(field+".source."+f, "%s", pr.Msg)
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
