package checklist

import "github.com/goccy/go-yaml/ast"

// visionSteps reads the plan's vision_steps block, the answers of the
// wizard's vision helper (VisionSteps): business, customers, steps and
// keywords, each a text as long as a note may be. Steps left out stay
// empty, and a block with none is no block.
func (ap *answersParser) visionSteps(n ast.Node) {
	const field = "plan.vision_steps"
	m, ok := unwrap(n).(*ast.MappingNode)
	if !ok {
		if _, null := unwrap(n).(*ast.NullNode); !null && unwrap(n) != nil {
			ap.fail(nodePos(n), field, problem("plan.vision_steps_not_mapping",
				"expected a mapping with business, customers, steps and keywords"))
		}
		return
	}
	var v VisionSteps
	for _, mv := range m.Values {
		key, at := keyOf(mv)
		var dst *string
		switch key {
		case "business":
			dst = &v.Business
		case "customers":
			dst = &v.Customers
		case "steps":
			dst = &v.Steps
		case "keywords":
			dst = &v.Keywords
		default:
			ap.fail(at, field+"."+fieldName(key), problem("plan.vision_steps_unknown_field",
				"unknown field: use business, customers, steps and keywords"))
			continue
		}
		s, ok := ap.text(mv.Value, field+"."+key)
		if !ok {
			continue
		}
		if pr := textProblem(s, MaxNoteBytes, true); pr != nil {
			ap.fail(nodePos(mv.Value), field+"."+key, pr)
			continue
		}
		*dst = s
	}
	if !v.IsZero() {
		ap.f.Plan.VisionSteps = &v
	}
}
