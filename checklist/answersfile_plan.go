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
//	  goals:
//	    - problem: Phones ring out at lunch
//	      what: A second line from 12 to 2
//	      target: 90% of calls answered by the third ring
//	      due: end of March
//	    - source: {kind: item, id: evaluate.complaint-log, answer: no}
//	      what: Start a complaint log
//
// A goal names its problem in words, or by the result it was suggested
// from (source), as a JSON export writes it.
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
			case "goals":
				ap.goals(mv.Value)
			default:
				ap.fail(at, "plan."+key, problem("plan.unknown_field", "unknown field: use vision and goals"))
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
const goalFields = "use problem, what, target, due and source"

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
		case "due":
			dst = &g.Due
		default:
			ap.fail(at, field+"."+key, problem("plan.goal_unknown_field", "unknown field: "+goalFields))
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
			ap.fail(at, field+"."+key, problem("plan.source_unknown_field", "unknown field: use kind, id, statement, rating and answer"))
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
