package checklist

import (
	"strings"
	"testing"
)

// FuzzParseAnswers checks that no input makes the parser panic, and that
// whatever it accepts is consistent with the pack: known ids only, values
// valid for their kind, and Missing exactly the questions without a value.
func FuzzParseAnswers(f *testing.F) {
	for _, s := range []string{fullYAML, fullJSON, planYAML, planJSON, "", "answers:\n", "answers: {culture.training: no}\n",
		"client: [\nanswers", "answers:\n  culture.training: &a yes\n  x: *a\n", "- a\n- b\n",
		"answers: !!map {responsiveness.promises: !!str 5}\n", "notes: {culture.training: |\n  a\n  b\n}\n"} {
		f.Add([]byte(s))
	}
	p := answersPack()
	qs := p.Questions()
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := ParseAnswers("fuzz.yaml", data, p)
		if err != nil {
			if af != nil {
				t.Fatal("both a result and an error")
			}
			for _, ln := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(ln, "fuzz.yaml") {
					t.Fatalf("error line without the file name: %q", ln)
				}
			}
			return
		}
		for id, a := range af.Answers {
			k := p.Kind(id)
			if k == KindUnknown {
				t.Fatalf("unknown id %q accepted", id)
			}
			if a.Value != "" && !a.Value.ValidFor(k) {
				t.Fatalf("%s: value %q accepted for a %s", id, a.Value, k)
			}
		}
		missing := 0
		for _, q := range qs {
			if af.Answers[q.ID].Value == "" {
				if missing >= len(af.Missing) || af.Missing[missing] != q.ID {
					t.Fatalf("missing = %v, %s not listed in order", af.Missing, q.ID)
				}
				missing++
			}
		}
		if missing != len(af.Missing) {
			t.Fatalf("missing = %v, want %d ids", af.Missing, missing)
		}
		if (af.Incomplete() == nil) != (missing == 0) {
			t.Fatal("Incomplete disagrees with Missing")
		}
		for i, g := range af.Plan.Goals {
			if !g.HasProblem() || g.Problem != strings.TrimSpace(g.Problem) {
				t.Fatalf("goal %d accepted with problem %q", i, g.Problem)
			}
			if g.Source != nil {
				if f, msg := p.CheckSource(*g.Source); msg != nil {
					t.Fatalf("goal %d accepted with source %+v: %s: %s", i, *g.Source, f, msg)
				}
			}
		}
	})
}
