package checklist

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// maxFileGoals bounds the goals of an answers file's plan, as the store
// does: far above the three a plan is built around.
const maxFileGoals = 100

// plan reads the optional plan block of an answers file:
//
//	plan:
//	  vision: Every customer hears back within a day
//	  vision_steps:                  # the vision helper's answers
//	    business: Known in town for calling back
//	    customers: They never wait twice
//	    steps: A second line; a complaint log
//	    keywords: quick, friendly, local
//	  goals:
//	    - problem: Phones ring out at lunch
//	      what: A second line from 12 to 2
//	      target: 90% of calls answered by the third ring
//	      owner: Anna
//	      due: 2026-03-31
//	      status: in_progress
//	      note: the phone company comes on the 10th
//	    - source: {kind: item, id: evaluate.complaint-log, answer: no}
//	      what: Start a complaint log
//	  review:
//	    - goal: 1
//	      status: done
//	      note: second line since February
//
// A goal names its problem in words, or by the result it was suggested
// from (source), as a JSON export writes it. Its due date is a date
// (2026-03-31 or 31/3/2026) and its status open, in_progress, done or
// dropped. The review block says where each goal of the client's previous
// plan stands, by its number there; the command that stores the session
// finds that plan (AnswersFile.Review).
func (ap *answersParser) plan(n ast.Node) {
	switch m := unwrap(n).(type) {
	case nil, *ast.NullNode:
	case *ast.MappingNode:
		for _, mv := range m.Values {
			key, at := keyOf(mv)
			switch key {
			case "vision":
				if s, ok := ap.text(mv.Value, "plan.vision"); ok {
					ap.f.Plan.Vision = s
				}
			case "vision_steps":
				ap.visionSteps(mv.Value)
			case "goals":
				ap.goals(mv.Value)
			case "review":
				ap.reviews(mv.Value)
			default:
				ap.fail(at, "plan."+fieldName(key), problem("plan.unknown_field", "unknown field: use vision, vision_steps, goals and review"))
			}
		}
	default:
		ap.fail(nodePos(n), "plan", problem("plan.not_mapping", "expected a mapping with vision and goals"))
	}
}

// goals reads the list of goals.
func (ap *answersParser) goals(n ast.Node) {
	switch sq := unwrap(n).(type) {
	case nil, *ast.NullNode:
	case *ast.SequenceNode:
		if len(sq.Values) > maxFileGoals {
			ap.fail(nodePos(n), "plan.goals", problem("plan.too_many_goals",
				fmt.Sprintf("%d goals, more than %d", len(sq.Values), maxFileGoals), "Count", len(sq.Values), "Max", maxFileGoals))
			return
		}
		for i, item := range sq.Values {
			ap.goal(fmt.Sprintf("plan.goals[%d]", i), item)
		}
	default:
		ap.fail(nodePos(n), "plan.goals", problem("plan.goals_not_list", "expected a list of goals, each with problem, what, target and due"))
	}
}

// goalFields is how an answers file's goal may be written.
const goalFields = "use problem, what, target, owner, due, status, note and source"

// goal reads one goal: a problem (in words, or as the source it was
// suggested from), and what will be done, the target and by when, which
// may be left out.
func (ap *answersParser) goal(field string, n ast.Node) {
	m, ok := unwrap(n).(*ast.MappingNode)
	if !ok {
		ap.fail(nodePos(n), field, problem("plan.goal_not_mapping", "expected a goal: a mapping with problem, what, target and due"))
		return
	}
	var g Goal
	valid := true
	for _, mv := range m.Values {
		key, at := keyOf(mv)
		if key == "source" {
			src, ok := ap.source(field+".source", mv.Value)
			valid = valid && ok
			g.Source = src
			continue
		}
		var dst *string
		switch key {
		case "problem":
			dst = &g.Problem
		case "what":
			dst = &g.What
		case "target":
			dst = &g.Target
		case "owner":
			dst = &g.Owner
		case "note":
			dst = &g.Note
		case "due", "status":
			s, ok := ap.text(mv.Value, field+"."+key)
			if ok && key == "due" {
				g.DueDate, ok = ap.day(mv.Value, field+".due", s)
			} else if ok {
				g.Status, ok = ap.status(mv.Value, field+".status", s)
			}
			valid = valid && ok
			continue
		default:
			ap.fail(at, field+"."+fieldName(key), problem("plan.goal_unknown_field", "unknown field: "+goalFields))
			valid = false
			continue
		}
		s, ok := ap.text(mv.Value, field+"."+key)
		valid = valid && ok
		*dst = s
	}
	if !valid {
		return
	}
	if !g.HasProblem() {
		ap.fail(nodePos(m), field+".problem", problem("plan.goal_no_problem", "missing: say which problem the goal is about"))
		return
	}
	ap.f.Plan.Goals = append(ap.f.Plan.Goals, g)
}

// day reads a due date: 2026-03-31 or 31/3/2026.
func (ap *answersParser) day(n ast.Node, field, s string) (Day, bool) {
	d, err := ParseDay(s)
	if err != nil {
		ap.fail(nodePos(n), field, problem("plan.bad_due",
			fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD or day/month/year", s), "Value", fmt.Sprintf("%q", s)))
		return Day{}, false
	}
	return d, true
}

// status reads a goal's status: open, in_progress, done or dropped.
func (ap *answersParser) status(n ast.Node, field, s string) (GoalStatus, bool) {
	st, ok := ParseGoalStatus(s)
	if !ok && s != "" {
		ap.fail(nodePos(n), field, problem("plan.bad_status",
			fmt.Sprintf("%q is not a status: use open, in_progress, done or dropped", s), "Value", fmt.Sprintf("%q", s)))
		return "", false
	}
	return st, true
}

// FileReview is one entry of an answers file's review block: where goal
// number Goal (from 1) of the client's previous plan stands now.
type FileReview struct {
	Goal   int
	Status GoalStatus
	Note   string
}

// reviews reads the review block: a list of goal numbers with a status
// and a note.
func (ap *answersParser) reviews(n ast.Node) {
	sq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		if _, null := unwrap(n).(*ast.NullNode); null || unwrap(n) == nil {
			return
		}
		ap.fail(nodePos(n), "plan.review", problem("plan.review_not_list", "expected a list of goals, each with goal, status and note"))
		return
	}
	if len(sq.Values) > maxFileGoals {
		ap.fail(nodePos(n), "plan.review", problem("plan.too_many_goals",
			fmt.Sprintf("%d goals, more than %d", len(sq.Values), maxFileGoals), "Count", len(sq.Values), "Max", maxFileGoals))
		return
	}
	for i, item := range sq.Values {
		field := fmt.Sprintf("plan.review[%d]", i)
		m, ok := unwrap(item).(*ast.MappingNode)
		if !ok {
			ap.fail(nodePos(item), field, problem("plan.review_not_list", "expected a list of goals, each with goal, status and note"))
			continue
		}
		var r FileReview
		valid := true
		for _, mv := range m.Values {
			key, at := keyOf(mv)
			s, ok := ap.text(mv.Value, field+"."+key)
			if !ok {
				valid = false
				continue
			}
			switch key {
			case "goal":
				v, err := strconv.Atoi(s)
				if err != nil || v < 1 || v > maxFileGoals {
					ap.fail(nodePos(mv.Value), field+".goal", problem("plan.review_goal",
						fmt.Sprintf("%q is not a goal number of the previous plan", s), "Value", fmt.Sprintf("%q", s)))
					valid = false
				}
				r.Goal = v
			case "status":
				r.Status, ok = ap.status(mv.Value, field+".status", s)
				valid = valid && ok
			case "note":
				r.Note = s
			default:
				ap.fail(at, field+"."+fieldName(key), problem("plan.review_unknown_field", "unknown field: use goal, status and note"))
				valid = false
			}
		}
		if valid && r.Goal == 0 {
			ap.fail(nodePos(m), field+".goal", problem("plan.review_no_goal", "missing: the goal's number in the previous plan"))
			valid = false
		}
		if valid {
			ap.f.Review = append(ap.f.Review, r)
		}
	}
}

// source reads the result a goal's problem was suggested from, checked
// against the pack:
//
//	source: {kind: area, id: staff, statement: staff.trained, rating: 2}
//	source: {kind: item, id: evaluate.complaint-log, answer: no}
func (ap *answersParser) source(field string, n ast.Node) (*GoalSource, bool) {
	m, ok := unwrap(n).(*ast.MappingNode)
	if !ok {
		ap.fail(nodePos(n), field, problem("plan.source_not_mapping", "expected a mapping with kind, id and statement and rating or answer"))
		return nil, false
	}
	var src GoalSource
	valid := true
	for _, mv := range m.Values {
		key, at := keyOf(mv)
		s, ok := ap.text(mv.Value, field+"."+key)
		if !ok {
			valid = false
			continue
		}
		switch key {
		case "kind":
			src.Kind = SourceKind(strings.ToLower(s))
		case "id":
			src.ID = s
		case "statement":
			src.Statement = s
		case "rating":
			n, err := strconv.Atoi(s)
			if err != nil {
				ap.fail(nodePos(mv.Value), field+".rating", problem("plan.source_rating",
					fmt.Sprintf("%q is not a rating from 1 to 5", s), "Value", fmt.Sprintf("%q", s)))
				valid = false
			}
			src.Rating = n
		case "answer":
			v, pr := ap.words.parse(KindItem, s)
			if pr != nil {
				ap.fail(nodePos(mv.Value), field+".answer", pr)
				valid = false
			}
			src.Answer = v
		default:
			ap.fail(at, field+"."+fieldName(key), problem("plan.source_unknown_field", "unknown field: use kind, id, statement, rating and answer"))
			valid = false
		}
	}
	if !valid {
		return nil, false
	}
	if f, pr := ap.pack.CheckSource(src); pr != nil {
		ap.fail(nodePos(m), field+"."+f, pr)
		return nil, false
	}
	return &src, true
}

// text reads a scalar as trimmed text, reporting what else it is.
func (ap *answersParser) text(n ast.Node, field string) (string, bool) {
	s, pr := scalarText(n)
	if pr != nil {
		ap.fail(nodePos(n), field, pr)
		return "", false
	}
	return strings.TrimSpace(s), true
}

// ApplyReview turns an answers file's review entries into the review of
// prev's plan (ReviewOf), each entry setting the status and note of its
// goal. It returns the number of the first entry whose goal prev's plan
// does not have (0 when all are found); prev nil has no goal.
func ApplyReview(prev *Session, entries []FileReview) ([]GoalReview, int) {
	if len(entries) == 0 {
		return nil, 0
	}
	if prev == nil {
		return nil, entries[0].Goal
	}
	out := ReviewOf(prev)
	for _, e := range entries {
		if e.Goal < 1 || e.Goal > len(out) {
			return nil, e.Goal
		}
		out[e.Goal-1].Status, out[e.Goal-1].Note = e.Status, e.Note
	}
	return out, 0
}
