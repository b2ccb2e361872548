package checklist

import (
	"errors"
	"strings"
	"testing"
)

// answersPack is a pack with two items and two statements, built in Go so
// that the answers parser is tested apart from the embedded content.
func answersPack() *Pack {
	return &Pack{
		ID: "mini", Version: "1.0.0", Lang: "en",
		Sections: []Section{{ID: "culture", Title: "Culture", Items: []Item{
			{ID: "culture.front-line-time", Text: "Managers spend time on the front line"},
			{ID: "culture.training", Text: "Everyone is trained"},
		}}},
		Areas: []Area{{ID: "responsiveness", Title: "Responsiveness", Statements: []Statement{
			{ID: "responsiveness.third-ring", Text: "Calls are answered before the third ring"},
			{ID: "responsiveness.promises", Text: "Promises are kept"},
		}}},
	}
}

const fullYAML = `client:   Acme Ltd   # trimmed
assessor: Jo
answers:
  culture.front-line-time: yes
  culture.training: Partly
  responsiveness.third-ring: 4
  responsiveness.promises: N/A
notes:
  responsiveness.third-ring: "Phones ring out at lunch, \"daily\""
  culture.training: |
    Klientët: ë
    Клиенты 🎉
`

const fullJSON = `{
  "client": "Acme Ltd",
  "assessor": "Jo",
  "answers": {"culture.front-line-time": "yes", "culture.training": "partly",
              "responsiveness.third-ring": 4, "responsiveness.promises": "na"},
  "notes": {"responsiveness.third-ring": "Phones ring out at lunch, \"daily\"",
            "culture.training": "Klientët: ë\nКлиенты 🎉\n"}
}`

func TestParseAnswersValid(t *testing.T) {
	windows := "\ufeff" + strings.ReplaceAll(fullYAML, "\n", "\r\n")
	for _, tt := range []struct{ name, data string }{{"a.yaml", fullYAML}, {"a.json", fullJSON}, {"windows.yaml", windows}} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseAnswers(tt.name, []byte(tt.data), answersPack())
			if err != nil {
				t.Fatal(err)
			}
			if f.Client != "Acme Ltd" || f.Assessor != "Jo" {
				t.Errorf("client, assessor = %q, %q", f.Client, f.Assessor)
			}
			want := map[string]Answer{
				"culture.front-line-time":   {Value: Yes},
				"culture.training":          {Value: Partly, Note: "Klientët: ë\nКлиенты 🎉\n"},
				"responsiveness.third-ring": {Value: "4", Note: `Phones ring out at lunch, "daily"`},
				"responsiveness.promises":   {Value: NA},
			}
			if len(f.Answers) != len(want) {
				t.Errorf("%d answers, want %d", len(f.Answers), len(want))
			}
			for id, w := range want {
				if got := f.Answers[id]; got != w {
					t.Errorf("%s = %+v, want %+v", id, got, w)
				}
			}
			if len(f.Missing) != 0 || f.Incomplete() != nil {
				t.Errorf("missing = %v", f.Missing)
			}
		})
	}
}

func TestParseAnswersIncomplete(t *testing.T) {
	data := "client: Acme\nanswers:\n  culture.training: no\n  responsiveness.promises:\n  responsiveness.third-ring: null\nnotes:\n  culture.front-line-time: ask the owner\n"
	f, err := ParseAnswers("part.yaml", []byte(data), answersPack())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"culture.front-line-time", "responsiveness.third-ring", "responsiveness.promises"}
	if strings.Join(f.Missing, ",") != strings.Join(want, ",") {
		t.Errorf("missing = %v, want %v (wizard order)", f.Missing, want)
	}
	if a := f.Answers["culture.front-line-time"]; a.Value != "" || a.Note != "ask the owner" {
		t.Errorf("note-only answer = %+v", a)
	}
	err = f.Incomplete()
	if err == nil {
		t.Fatal("incomplete file accepted")
	}
	if got := err.Error(); got != "part.yaml:2:1: answers: 3 of the pack's ids not answered: "+strings.Join(want, ", ") {
		t.Errorf("error = %q", got)
	}
}

func TestParseAnswersErrors(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // one line per error, in file order
	}{
		{"unknown id", "answers:\n  culture.front-line-time: yes\n  culture.nope: yes\n",
			[]string{"f:3:3: answers.culture.nope: unknown id: not a checklist item or statement of mini 1.0.0"}},
		{"rating for an item", "answers:\n  culture.training: 4\n",
			[]string{`f:2:21: answers.culture.training: "4" is not a checklist answer: use yes, partly, no or na`}},
		{"choice for a statement", "answers:\n  responsiveness.promises: yes\n",
			[]string{`f:2:28: answers.responsiveness.promises: "yes" is not a rating: use 1 to 5 or na`}},
		{"rating out of range", `{"answers": {"responsiveness.promises": 6}}`,
			[]string{`f:1:41: answers.responsiveness.promises: "6" is not a rating: use 1 to 5 or na`}},
		{"fraction", "answers:\n  responsiveness.promises: 4.5\n",
			[]string{`f:2:28: answers.responsiveness.promises: "4.5" is not a rating: use 1 to 5 or na`}},
		{"list value", "answers:\n  culture.training: [yes]\n",
			[]string{"f:2:21: answers.culture.training: expected a single value, not a list or mapping"}},
		{"unknown field", "client: A\ncustomer: B\nanswers: {}\n",
			[]string{"f:2:1: customer: unknown field: use client, assessor, answers, notes and plan"}},
		{"answers not a mapping", "answers: yes\n",
			[]string{"f:1:10: answers: expected a mapping of id: value"}},
		{"no answers", "client: A\n", []string{"f:1:1: answers: no answers: add an answers mapping of id: value"}},
		{"empty file", "", []string{"f:1:1: file is empty: expected client, assessor and answers"}},
		{"comment only", "# nothing\n", []string{"f:1:1: file is empty: expected client, assessor and answers"}},
		{"list document", "- yes\n", []string{"f:1:1: expected a mapping with client, assessor and answers"}},
		{"client mapping", "client: {name: A}\nanswers: {}\n", []string{"f:1:9: client: expected a single value, not a list or mapping"}},
		{"note for unknown id", "answers: {}\nnotes:\n  x: hello\n", []string{"f:3:3: notes.x: unknown id: not a checklist item or statement of mini 1.0.0"}},
		{"anchor", "answers:\n  culture.training: &a yes\n  culture.front-line-time: *a\n", []string{
			"f:2:21: answers.culture.training: anchors and aliases are not supported in an answers file",
			"f:3:28: answers.culture.front-line-time: anchors and aliases are not supported in an answers file"}},
		{"two documents", "answers: {}\n---\nanswers: {}\n", []string{"f:3:1: more than one document: an answers file holds one session"}},
		{"duplicate id", "answers:\n  culture.training: yes\n  culture.training: no\n", []string{`f:3:3: syntax error: mapping key "culture.training" already defined at [2:3]`}},
		{"invalid utf-8", "answers: {}\nnotes:\n  culture.training: \"a\xffb\"\n", []string{"f:3:23: not valid UTF-8: save the file as UTF-8"}},
		{"syntax", "answers:\n  culture.training: [yes\n", []string{"f:2:21: syntax error: sequence end token ']' not found"}},
		{"typo", "answers:\n  responsivness.promises: 4\nnotes:\n  culture.trainin: hello\n", []string{
			"f:2:3: answers.responsivness.promises: unknown id: not a checklist item or statement of mini 1.0.0 (did you mean responsiveness.promises?)",
			"f:4:3: notes.culture.trainin: unknown id: not a checklist item or statement of mini 1.0.0 (did you mean culture.training?)"}},
		{"many at once", "client: A\nanswers:\n  culture.training: maybe\n  bogus: yes\n  responsiveness.promises: 0\nextra: 1\n", []string{
			`f:3:21: answers.culture.training: "maybe" is not a checklist answer: use yes, partly, no or na`,
			"f:4:3: answers.bogus: unknown id: not a checklist item or statement of mini 1.0.0",
			`f:5:28: answers.responsiveness.promises: "0" is not a rating: use 1 to 5 or na`,
			"f:6:1: extra: unknown field: use client, assessor, answers, notes and plan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseAnswers("f", []byte(tt.data), answersPack())
			if err == nil {
				t.Fatalf("accepted, got %+v", f)
			}
			if f != nil {
				t.Error("a file with errors returned as well")
			}
			var fe *FieldError
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.File != "f" {
				t.Errorf("error %T is not a located validation error", err)
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("error =\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseAnswersTooLarge(t *testing.T) {
	data := "answers: {}\n" + strings.Repeat("# padding\n", MaxAnswersFileSize/10+1)
	if _, err := ParseAnswers("big.yaml", []byte(data), answersPack()); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v", err)
	}
}

func TestParseAnswersTooDeep(t *testing.T) {
	tests := []struct {
		name, data string
		wantErr    bool
	}{
		{"flow", "answers:\n  x: " + strings.Repeat("[", 100000), true},
		{"flow at the limit", "answers: " + strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting), false},
		{"compact sequences", "\n\n" + strings.Repeat("- ", 100000) + "x", true},
		{"brackets closed again", "notes:\n  culture.training: \"" + strings.Repeat("[a] ", 1000) + "\"\nanswers: {}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnswers("deep.yaml", []byte(tt.data), answersPack())
			deep := err != nil && strings.Contains(err.Error(), "nested more than")
			if deep != tt.wantErr {
				t.Errorf("err = %v, want nesting error %v", err, tt.wantErr)
			}
		})
	}
}
