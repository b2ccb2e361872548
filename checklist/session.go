package checklist

import "time"

// Status is where a session stands.
type Status string

// The statuses of a session.
const (
	InProgress Status = "in_progress"
	Completed  Status = "completed"
)

// Session is one audit: who it is for, who ran it, the pack it was answered
// with and every answer given so far.
type Session struct {
	ID          string    `json:"id"`
	Client      string    `json:"client"`
	Assessor    string    `json:"assessor"`
	Status      Status    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	CompletedAt time.Time `json:"completed_at,omitzero"`
	Pack        Ref       `json:"pack"`
	// Answers maps an item or statement id to its answer.
	Answers map[string]Answer `json:"answers"`
	// Cursor is the id of the question the user was on, so that an
	// unfinished session resumes exactly there.
	Cursor string `json:"cursor,omitempty"`
	Plan   Plan   `json:"plan,omitzero"`

	// AuditDate is the day the audit took place (YYYY-MM-DD, a civil
	// date with no zone); empty for sessions made before it was kept.
	// It is the date the session stands for (audit.Date), while the
	// times above stay when things were typed in.
	AuditDate string `json:"audit_date,omitempty"`
	// Site is where the audit took place (a branch, a shop).
	Site string `json:"site,omitempty"`
	// Participants are the people who took part, one name each.
	Participants []string `json:"participants,omitempty"`
	// Notes are the session's own notes, not tied to a question.
	Notes string `json:"notes,omitempty"`
	// ReopenedAt is when the completed session was last reopened for
	// editing; zero when it never was.
	ReopenedAt time.Time `json:"reopened_at,omitzero"`
	// Edits logs every change made to an answer after completion, oldest
	// first, so that a completed session never changes silently.
	Edits []Edit `json:"edits,omitempty"`
}

// Plan is what the session decided to do next: an action plan of goals,
// the review of the client's previous goals and a vision statement.
type Plan struct {
	// Vision is a short vision statement; VisionSteps the answers of the
	// guided steps it was written from, when the helper was used.
	Vision      string       `json:"vision,omitempty"`
	VisionSteps *VisionSteps `json:"vision_steps,omitempty"`
	Goals       []Goal       `json:"goals,omitempty"`
	// Review says what became of the goals of the client's previous plan,
	// as judged when this session was run.
	Review []GoalReview `json:"review,omitempty"`
}

// VisionSteps are the answers of the vision helper's steps, from the
// source's policy part: the business in three to five years and five
// reasons for its success, the same seen from the customer's side, the
// steps taken to get there and the key words of the vision.
type VisionSteps struct {
	Business  string `json:"business,omitempty"`
	Customers string `json:"customers,omitempty"`
	Steps     string `json:"steps,omitempty"`
	Keywords  string `json:"keywords,omitempty"`
}

// IsZero reports whether no step has an answer.
func (v *VisionSteps) IsZero() bool {
	return v == nil || v.Business == "" && v.Customers == "" && v.Steps == "" && v.Keywords == ""
}

// Goal is one action of the plan: a problem, what will be done about it,
// a measurable target, who does it, by when, and where it stands.
type Goal struct {
	// Problem is the problem in the user's own words. A suggested problem
	// taken as it was offered leaves it empty and is kept as Source
	// instead, so that it is worded when shown, in the session's language;
	// words typed over a suggestion are the user's and drop the Source.
	Problem string      `json:"problem"`
	Source  *GoalSource `json:"source,omitempty"`
	// What is the action: what will be done about the problem.
	What   string `json:"what"`
	Target string `json:"target"`
	// Owner is who sees the action through; DueDate the day it is due.
	Owner   string     `json:"owner,omitempty"`
	DueDate Day        `json:"due_date,omitzero"`
	Status  GoalStatus `json:"status,omitempty"`
	Note    string     `json:"note,omitempty"`
	// Due is the free-text "by when" of files before schema 6. The store's
	// upgrade (and an import of an older export) moves it to DueDate when
	// it is a date, else to Note (UpgradeDue); it is never written now.
	Due string `json:"due,omitempty"`
	// Met says whether the goal was met when that is recorded with the
	// goal itself, as an imported session may; servicecheck records where
	// a goal stands in Status.
	Met *bool `json:"met,omitempty"`
}

// Answered reports whether id has a value (a note alone does not count).
func (s *Session) Answered(id string) bool {
	return s.Answers[id].Value != ""
}

// Next returns the first question of p after the one at index from that has
// no value yet, or -1 when every later question is answered.
func (s *Session) Next(qs []Question, from int) int {
	for i := from + 1; i < len(qs); i++ {
		if !s.Answered(qs[i].ID) {
			return i
		}
	}
	return -1
}

// Unanswered lists the ids of p's questions that have no value, in order.
func (s *Session) Unanswered(p *Pack) []string {
	var ids []string
	for _, q := range p.Questions() {
		if !s.Answered(q.ID) {
			ids = append(ids, q.ID)
		}
	}
	return ids
}
