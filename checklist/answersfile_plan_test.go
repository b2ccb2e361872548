package checklist

import (
	"reflect"
	"strings"
	"testing"
)

const planYAML = `client: Acme
answers:
  culture.training: yes
plan:
  vision: "  Every customer hears back within a day  "
  goals:
    - problem: Phones ring out at lunch
      what: A second line from 12 to 2
      target: 90
      owner: Anna
      due: 2026-03-31
      status: in_progress
      note: the phone company comes on the 10th
    - {problem: "Complaints get lost", what: Start a log}
    - source: {kind: area, id: responsiveness, statement: responsiveness.third-ring, rating: 2}
      what: Answer by the third ring
    - source: {kind: Item, id: culture.training, answer: "No"}
`

const planJSON = `{"client": "Acme", "answers": {"culture.training": "yes"},
 "plan": {"vision": "Every customer hears back within a day",
          "goals": [{"problem": "Phones ring out at lunch", "what": "A second line from 12 to 2", "target": 90, "owner": "Anna", "due": "31/3/2026", "status": "in progress", "note": "the phone company comes on the 10th"},
                    {"problem": "Complaints get lost", "what": "Start a log"},
                    {"problem": "", "source": {"kind": "area", "id": "responsiveness", "statement": "responsiveness.third-ring", "rating": 2},
                     "what": "Answer by the third ring"},
                    {"source": {"kind": "item", "id": "culture.training", "answer": "no"}}]}}`

func TestParseAnswersPlan(t *testing.T) {
	want := Plan{Vision: "Every customer hears back within a day", Goals: []Goal{
		{Problem: "Phones ring out at lunch", What: "A second line from 12 to 2", Target: "90", Owner: "Anna",
			DueDate: mustDay(t, "2026-03-31"), Status: StatusInProgress, Note: "the phone company comes on the 10th"},
		{Problem: "Complaints get lost", What: "Start a log"},
		{Source: &GoalSource{Kind: SourceArea, ID: "responsiveness", Statement: "responsiveness.third-ring", Rating: 2},
			What: "Answer by the third ring"},
		{Source: &GoalSource{Kind: SourceItem, ID: "culture.training", Answer: No}},
	}}
	for _, tt := range []struct{ name, data string }{{"plan.yaml", planYAML}, {"plan.json", planJSON}} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseAnswers(tt.name, []byte(tt.data), answersPack())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(f.Plan, want) {
				t.Errorf("plan\n%+v\nwant\n%+v", f.Plan, want)
			}
		})
	}
	for _, data := range []string{"answers: {}\n", "answers: {}\nplan:\n", "answers: {}\nplan:\n  goals:\n"} {
		f, err := ParseAnswers("f", []byte(data), answersPack())
		if err != nil || !f.Plan.IsZero() {
			t.Errorf("%q: plan %+v, err %v; want no plan", data, f, err)
		}
	}
}

func TestParseAnswersPlanErrors(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"plan not a mapping", "answers: {}\nplan: soon\n",
			[]string{"f:2:7: plan: expected a mapping with vision and goals"}},
		{"unknown plan field", "answers: {}\nplan:\n  visoin: x\n",
			[]string{"f:3:3: plan.visoin: unknown field: use vision, vision_steps, goals and review"}},
		{"vision_steps not a mapping", "answers: {}\nplan:\n  vision_steps: grow\n",
			[]string{"f:3:17: plan.vision_steps: expected a mapping with business, customers, steps and keywords"}},
		{"vision_steps problems", "answers: {}\nplan:\n  vision_steps:\n    business: [a]\n    mission: x\n", []string{
			"f:4:15: plan.vision_steps.business: expected a single value, not a list or mapping",
			"f:5:5: plan.vision_steps.mission: unknown field: use business, customers, steps and keywords"}},
		{"vision a list", "answers: {}\nplan:\n  vision: [a, b]\n",
			[]string{"f:3:11: plan.vision: expected a single value, not a list or mapping"}},
		{"goals not a list", "answers: {}\nplan:\n  goals: faster calls\n",
			[]string{"f:3:10: plan.goals: expected a list of goals, each with problem, what, target and due"}},
		{"goal not a mapping", "answers: {}\nplan:\n  goals:\n    - faster calls\n",
			[]string{"f:4:7: plan.goals[0]: expected a goal: a mapping with problem, what, target and due"}},
		{"goal without problem", "answers: {}\nplan:\n  goals:\n    - what: a log\n      target: all\n",
			[]string{"f:4:7: plan.goals[0].problem: missing: say which problem the goal is about"}},
		{"every problem at once", "answers: {}\nplan:\n  goals:\n    - problem: a\n      when: soon\n    - problem: b\n      what: [x]\n    - problem: \"  \"\n", []string{
			"f:5:7: plan.goals[0].when: unknown field: use problem, what, target, owner, due, status, note and source",
			"f:7:13: plan.goals[1].what: expected a single value, not a list or mapping",
			"f:8:7: plan.goals[2].problem: missing: say which problem the goal is about"}},
		{"source not a mapping", "answers: {}\nplan:\n  goals:\n    - source: weakest area\n",
			[]string{"f:4:15: plan.goals[0].source: expected a mapping with kind, id and statement and rating or answer"}},
		{"source problems", "answers: {}\nplan:\n  goals:\n" +
			"    - source: {kind: area, id: responsiveness, statement: responsiveness.third-ring, rating: high}\n" +
			"    - source: {kind: item, id: culture.training, answer: maybe}\n" +
			"    - source: {kind: item, id: culture.nothing, answer: no}\n" +
			"    - source: {kind: area, id: responsiveness, statement: culture.training, rating: 2}\n" +
			"    - source: {kind: mood, id: x, colour: blue}\n", []string{
			"f:4:94: plan.goals[0].source.rating: \"high\" is not a rating from 1 to 5",
			"f:5:58: plan.goals[1].source.answer: \"maybe\" is not a checklist answer: use yes, partly, no or na",
			"f:6:15: plan.goals[2].source.id: not a checklist item of mini 1.0.0",
			"f:7:15: plan.goals[3].source.statement: not a statement of area responsiveness",
			"f:8:35: plan.goals[4].source.colour: unknown field: use kind, id, statement, rating and answer"}},
		{"too many goals", "answers: {}\nplan:\n  goals:\n" + strings.Repeat("    - problem: p\n", maxFileGoals+1),
			[]string{"f:4:5: plan.goals: 101 goals, more than 100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseAnswers("f", []byte(tt.data), answersPack())
			if err == nil {
				t.Fatalf("accepted, plan %+v", f.Plan)
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("error =\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// An answers file keeps the vision helper's answers under plan, as the
// wizard does (Plan.VisionSteps), in YAML and JSON alike; steps left out
// stay empty, and a block with no answer is no block.
func TestParseAnswersVisionSteps(t *testing.T) {
	want := &VisionSteps{Business: "Known in town for calling back", Customers: "They never wait twice",
		Steps: "A second line\nA complaint log", Keywords: "quick, friendly"}
	for _, tt := range []struct{ name, data string }{
		{"v.yaml", "answers: {}\nplan:\n  vision: Heard within a day\n  vision_steps:\n" +
			"    business: \"  Known in town for calling back \"\n    customers: They never wait twice\n" +
			"    steps: |\n      A second line\n      A complaint log\n    keywords: quick, friendly\n"},
		{"v.json", `{"answers": {}, "plan": {"vision": "Heard within a day", "vision_steps": {"business": "Known in town for calling back",` +
			` "customers": "They never wait twice", "steps": "A second line\nA complaint log", "keywords": "quick, friendly"}}}`},
	} {
		f, err := ParseAnswers(tt.name, []byte(tt.data), answersPack())
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(f.Plan.VisionSteps, want) || f.Plan.Vision != "Heard within a day" {
			t.Errorf("%s: vision %q, steps %+v; want %+v", tt.name, f.Plan.Vision, f.Plan.VisionSteps, want)
		}
	}
	f, err := ParseAnswers("f", []byte("answers: {}\nplan:\n  vision_steps:\n    keywords: quick\n"), answersPack())
	if err != nil || !reflect.DeepEqual(f.Plan.VisionSteps, &VisionSteps{Keywords: "quick"}) {
		t.Errorf("one step: %+v, %v", f.Plan.VisionSteps, err)
	}
	for _, data := range []string{"answers: {}\nplan:\n  vision_steps:\n", "answers: {}\nplan:\n  vision_steps: {}\n"} {
		f, err := ParseAnswers("f", []byte(data), answersPack())
		if err != nil || f.Plan.VisionSteps != nil || !f.Plan.IsZero() {
			t.Errorf("%q: steps %+v, err %v; want none", data, f.Plan.VisionSteps, err)
		}
	}
}
