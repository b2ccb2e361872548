package checklist

import (
	"fmt"
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

// goal reads one goal: a problem, and what will be done, the target and
// by when, which may be left out.
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
			ap.fail(at, field+"."+key, problem("plan.goal_unknown_field", "unknown field: use problem, what, target and due"))
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
	if g.Problem == "" {
		ap.fail(nodePos(m), field+".problem", problem("plan.goal_no_problem", "missing: say which problem the goal is about"))
		return
	}
	ap.f.Plan.Goals = append(ap.f.Plan.Goals, g)
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
