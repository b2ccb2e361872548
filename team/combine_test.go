package team

import (
	"math"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

func TestDisagree(t *testing.T) {
	v := func(vs ...string) []checklist.Value {
		out := make([]checklist.Value, len(vs))
		for i, s := range vs {
			out[i] = checklist.Value(s)
		}
		return out
	}
	tests := []struct {
		name string
		vals []checklist.Value
		want bool
	}{
		{"none", nil, false},
		{"one rating", v("1"), false},
		{"one apart", v("3", "4", "4"), false},
		{"two apart", v("3", "5"), true},
		{"four apart", v("1", "5"), true},
		{"two apart with N/A between", v("2", "na", "4"), true},
		{"N/A against a rating", v("na", "5"), false},
		{"yes and no", v("yes", "no"), true},
		{"yes and partly", v("yes", "partly"), false},
		{"partly and no", v("partly", "no"), false},
		{"yes, partly and no", v("yes", "partly", "no"), true},
		{"yes and N/A", v("yes", "na"), false},
		{"all the same", v("no", "no", "no"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Disagree(tt.vals); got != tt.want {
				t.Errorf("Disagree(%v) = %v, want %v", tt.vals, got, tt.want)
			}
		})
	}
}

func TestStatsOf(t *testing.T) {
	tests := []struct {
		name                      string
		vals                      []float64
		count                     int
		mean, lo, hi, rng, spread float64
		valid                     bool
	}{
		{name: "empty"},
		{name: "one", vals: []float64{4}, count: 1, mean: 4, lo: 4, hi: 4, rng: 0, spread: 0, valid: true},
		{name: "two", vals: []float64{2, 4}, count: 2, mean: 3, lo: 2, hi: 4, rng: 2, spread: 1, valid: true},
		{name: "three", vals: []float64{1, 5, 3}, count: 3, mean: 3, lo: 1, hi: 5, rng: 4, spread: math.Sqrt(8.0 / 3), valid: true},
		{name: "checklist", vals: []float64{1, 0.5, 0}, count: 3, mean: 0.5, lo: 0, hi: 1, rng: 1, spread: math.Sqrt(0.5 / 3), valid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := StatsOf(tt.vals)
			if st.Count != tt.count {
				t.Errorf("count %d, want %d", st.Count, tt.count)
			}
			for _, c := range []struct {
				what string
				got  float64
				ok   bool
				want float64
			}{
				{"mean", st.Mean.Value, st.Mean.Valid, tt.mean},
				{"min", st.Min.Value, st.Min.Valid, tt.lo},
				{"max", st.Max.Value, st.Max.Valid, tt.hi},
				{"range", st.Range.Value, st.Range.Valid, tt.rng},
				{"spread", st.Spread.Value, st.Spread.Valid, tt.spread},
			} {
				if c.ok != tt.valid || math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %v (valid %v), want %v (valid %v)", c.what, c.got, c.ok, c.want, tt.valid)
				}
			}
		})
	}
}

// testPack has one section of two items and two areas of two statements.
func testPack() *checklist.Pack {
	return &checklist.Pack{ID: "p", Version: "1", Lang: "en",
		Sections: []checklist.Section{{ID: "s", Items: []checklist.Item{{ID: "i1"}, {ID: "i2"}}}},
		Areas: []checklist.Area{
			{ID: "a", Statements: []checklist.Statement{{ID: "a1"}, {ID: "a2"}}},
			{ID: "b", Statements: []checklist.Statement{{ID: "b1"}, {ID: "b2"}}},
		},
		Bands: []checklist.Band{{ID: "low", From: 0}},
	}
}

func session(id string, vals map[string]string) *checklist.Session {
	s := &checklist.Session{ID: id, Pack: checklist.Ref{ID: "p", Version: "1", Lang: "en"},
		Answers: map[string]checklist.Answer{}}
	for q, v := range vals {
		s.Answers[q] = checklist.Answer{Value: checklist.Value(v)}
	}
	return s
}

func TestCombine(t *testing.T) {
	a := &Audit{Respondents: []Respondent{
		{Name: "Ana", Role: Owner, SessionID: "s1"},
		{Name: "Ben", Role: Staff, SessionID: "s2"},
		{Name: "Cai", Role: Staff, SessionID: "s3"},
		{Name: "Dee", Role: Staff}, // no session yet
	}}
	sessions := map[string]*checklist.Session{
		"s1": session("s1", map[string]string{"i1": "yes", "i2": "yes", "a1": "5", "a2": "4", "b1": "3", "b2": "na"}),
		"s2": session("s2", map[string]string{"i1": "no", "i2": "partly", "a1": "3", "a2": "4", "b1": "na"}),
		"s3": session("s3", map[string]string{"i1": "partly", "a1": "4", "a2": "5", "b1": "4"}),
	}
	r := Combine(testPack(), a, sessions)
	if r.Answered != 3 {
		t.Errorf("answered %d, want 3", r.Answered)
	}
	var order []string
	for _, q := range r.Questions {
		order = append(order, q.ID)
	}
	// i1 (yes against no) and a1 (5 against 3) disagree and come first,
	// in pack order; the rest follow in pack order.
	want := []string{"i1", "a1", "i2", "a2", "b1", "b2"}
	if len(order) != len(want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order %v, want %v", order, want)
		}
	}
	if r.Disagreements() != 2 {
		t.Errorf("disagreements %d, want 2", r.Disagreements())
	}
	q := map[string]Question{}
	for _, x := range r.Questions {
		q[x.ID] = x
	}
	if st := q["i1"].Stats; st.Count != 3 || st.Mean.Format(2) != "0.50" || st.Range.Format(1) != "1.0" {
		t.Errorf("i1 stats %+v", st)
	}
	if st := q["b1"]; st.Stats.Count != 2 || st.NA != 1 || st.Stats.Mean.Format(1) != "3.5" || st.Disagree {
		t.Errorf("b1 %+v", st)
	}
	if st := q["b2"]; st.Stats.Count != 0 || st.Stats.Mean.Valid || st.NA != 1 {
		t.Errorf("b2 %+v: N/A alone has no mean", st)
	}
	if g := q["a1"].Given; len(g) != 3 || g[1].Respondent != 1 || g[1].Value != "3" {
		t.Errorf("a1 given %+v", g)
	}
	// Area a: respondents score 4.5, 3.5 and 4.5.
	if ar := r.Areas[0]; ar.Stats.Count != 3 || ar.Stats.Mean.Format(2) != "4.17" || ar.Stats.Range.Format(1) != "1.0" || ar.Disagreements != 1 {
		t.Errorf("area a %+v", ar)
	}
	// Area b: 3 (b2 N/A), none (all N/A or missing), 4.
	if ar := r.Areas[1]; ar.Stats.Count != 2 || ar.Stats.Mean.Format(1) != "3.5" || ar.Disagreements != 0 {
		t.Errorf("area b %+v", ar)
	}
	// Section: 100 %, 25 %, 50 %.
	if sec := r.Sections[0]; sec.Stats.Count != 3 || sec.Stats.Min.Format(0) != "25" || sec.Stats.Max.Format(0) != "100" || sec.Disagreements != 1 {
		t.Errorf("section %+v", sec)
	}
}

func TestCombineNobody(t *testing.T) {
	r := Combine(testPack(), &Audit{}, nil)
	if r.Answered != 0 || r.Disagreements() != 0 || len(r.Questions) != 6 {
		t.Fatalf("%+v", r)
	}
	if r.Areas[0].Stats.Mean.Valid {
		t.Error("an area nobody rated has a mean")
	}
}

func TestPackMismatch(t *testing.T) {
	a := &Audit{Respondents: []Respondent{{SessionID: "s1"}, {SessionID: "s2"}}}
	s2 := session("s2", nil)
	s2.Pack.Lang = "it" // another language of the same pack is fine
	ss := map[string]*checklist.Session{"s1": session("s1", nil), "s2": s2}
	if id := PackMismatch(testPack(), a, ss); id != "" {
		t.Errorf("mismatch %q for one pack in two languages", id)
	}
	s2.Pack.Version = "2"
	if id := PackMismatch(testPack(), a, ss); id != "s2" {
		t.Errorf("mismatch %q, want s2", id)
	}
}

func TestShown(t *testing.T) {
	tests := []struct {
		role   Role
		naming Naming
		want   bool
	}{
		{Owner, NamingDefault, true},
		{Manager, NamingDefault, true},
		{Staff, NamingDefault, false},
		{Staff, NamingAll, true},
		{Owner, NamingNone, false},
	}
	for _, tt := range tests {
		if got := (Respondent{Role: tt.role}).Shown(tt.naming); got != tt.want {
			t.Errorf("%s under %q: shown %v, want %v", tt.role, tt.naming, got, tt.want)
		}
	}
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]Role{"Staff": Staff, " owner ": Owner, "MANAGER": Manager} {
		if got, ok := ParseRole(in); !ok || got != want {
			t.Errorf("ParseRole(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := ParseRole("boss"); ok {
		t.Error("boss is a role")
	}
}
