package scoring

import (
	"fmt"
	"math"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// Test packs are built here rather than taken from the content package, so
// these tests pin the scoring rules alone.

// testBands are the four bands of the example in the design brief.
func testBands() []checklist.Band {
	return []checklist.Band{
		{ID: "critical", Label: "Critical", From: 0},
		{ID: "needs_work", Label: "Needs work", From: 40},
		{ID: "good", Label: "Good", From: 60},
		{ID: "excellent", Label: "Excellent", From: 80},
	}
}

// testPack builds a pack with the given number of checklist sections and
// items per section, and of areas and statements per area. Ids are
// "s1".."sN" for sections, "s1.i1" for items, "a1".."aN" for areas and
// "a1.1" for statements; every area has two actions.
func testPack(sections, items, areas, statements int) *checklist.Pack {
	p := &checklist.Pack{ID: "test", Version: "1.0.0", Lang: "en", Title: "Test pack", Bands: testBands()}
	for s := 1; s <= sections; s++ {
		sec := checklist.Section{ID: fmt.Sprintf("s%d", s), Title: fmt.Sprintf("Section %d", s)}
		for i := 1; i <= items; i++ {
			sec.Items = append(sec.Items, checklist.Item{ID: fmt.Sprintf("s%d.i%d", s, i), Text: "item"})
		}
		p.Sections = append(p.Sections, sec)
	}
	for a := 1; a <= areas; a++ {
		ar := checklist.Area{ID: fmt.Sprintf("a%d", a), Title: fmt.Sprintf("Area %d", a),
			Actions: []string{fmt.Sprintf("first step for a%d", a), fmt.Sprintf("second step for a%d", a)}}
		for st := 1; st <= statements; st++ {
			ar.Statements = append(ar.Statements, checklist.Statement{ID: fmt.Sprintf("a%d.%d", a, st), Text: "statement"})
		}
		p.Areas = append(p.Areas, ar)
	}
	return p
}

// answers is a set of answers under construction.
type answers map[string]checklist.Answer

// rate answers the statements of area id in order: "1".."5", "na", or ""
// to leave one unanswered.
func (m answers) rate(id string, vals ...string) answers {
	for i, v := range vals {
		if v != "" {
			m[fmt.Sprintf("%s.%d", id, i+1)] = checklist.Answer{Value: checklist.Value(v)}
		}
	}
	return m
}

// tick answers the items of section id in order: "yes", "partly", "no",
// "na", or "" to leave one unanswered.
func (m answers) tick(id string, vals ...string) answers {
	for i, v := range vals {
		if v != "" {
			m[fmt.Sprintf("%s.i%d", id, i+1)] = checklist.Answer{Value: checklist.Value(v)}
		}
	}
	return m
}

// rateAll answers every statement of every area of p with v.
func (m answers) rateAll(p *checklist.Pack, v string) answers {
	for _, a := range p.Areas {
		for _, st := range a.Statements {
			m[st.ID] = checklist.Answer{Value: checklist.Value(v)}
		}
	}
	return m
}

// area is a scored area built by hand, for tests of the functions that
// take scored areas.
func area(id string, s Score) Area {
	return Area{ID: id, Title: "Area " + id, Score: s, Percent: Percent(s), Answered: 5, Total: 5}
}

// same reports whether two scores are equal within rounding error.
func same(a, b Score) bool {
	return a.Valid == b.Valid && (!a.Valid || math.Abs(a.Value-b.Value) < 1e-9)
}

func checkScore(t *testing.T, what string, got, want Score) {
	t.Helper()
	if !same(got, want) {
		t.Errorf("%s = %v (%#v), want %v (%#v)", what, got, got, want, want)
	}
}
