package checklist

import (
	"testing"
	"time"
)

func mustDay(t *testing.T, s string) Day {
	t.Helper()
	d, err := ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseDay(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // "" for no day; "!" for an error
	}{
		{"2026-03-31", "2026-03-31"},
		{" 31/3/2026 ", "2026-03-31"},
		{"31.03.2026", "2026-03-31"},
		{"31-03-2026", "2026-03-31"},
		{"1/12/2026", "2026-12-01"},
		{"", ""},
		{"31/3/26", "!"},
		{"2026/03/31", "!"},
		{"30/2/2026", "!"},
		{"2026-13-01", "!"},
		{"end of March", "!"},
		{"3/31/2026", "!"},
		{"31/3/1999", "!"},
		{"+1/3/2026", "!"},
		{"2026-3-1x", "!"},
	} {
		d, err := ParseDay(tt.in)
		switch {
		case tt.want == "!" && err == nil:
			t.Errorf("ParseDay(%q) = %v, want an error", tt.in, d)
		case tt.want != "!" && (err != nil || d.String() != tt.want):
			t.Errorf("ParseDay(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
}

func TestDayJSON(t *testing.T) {
	d := mustDay(t, "2026-03-31")
	b, err := d.MarshalJSON()
	if err != nil || string(b) != `"2026-03-31"` {
		t.Fatalf("MarshalJSON = %s, %v", b, err)
	}
	var back Day
	if err := back.UnmarshalJSON(b); err != nil || back != d || back.Time() != time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC) {
		t.Errorf("UnmarshalJSON = %v, %v", back, err)
	}
	for _, bad := range []string{`"31/3/2026"`, `20260331`, `"2026-02-30"`, `"1990-01-01"`} {
		if err := back.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("UnmarshalJSON(%s) took it", bad)
		}
	}
}

// TestUpgradeGoal: a free-text due that is a date becomes the due date;
// any other is kept at the start of the note; met becomes a status; an
// older review's outcome becomes its status.
func TestUpgradeGoal(t *testing.T) {
	yes, no := true, false
	p := Plan{Goals: []Goal{
		{Problem: "a", Due: "2026-03-31"},
		{Problem: "b", Due: "end of March", Note: "ask Ann"},
		{Problem: "c", Due: "30/4/2026", Met: &yes},
		{Problem: "d", Met: &no},
	}, Review: []GoalReview{
		{Goal: Goal{Problem: "e", Due: "soon"}, Outcome: GoalMet},
		{Goal: Goal{Problem: "f"}, Outcome: GoalPartly},
		{Goal: Goal{Problem: "g"}, Outcome: GoalNotMet},
		{Goal: Goal{Problem: "h"}},
	}}
	if !UpgradePlan(&p) {
		t.Fatal("nothing changed")
	}
	g := p.Goals
	if g[0].DueDate != mustDay(t, "2026-03-31") || g[0].Due != "" || g[0].Note != "" ||
		!g[1].DueDate.IsZero() || g[1].Note != "end of March · ask Ann" ||
		g[2].DueDate != mustDay(t, "2026-04-30") || g[2].Status != StatusDone || g[2].Met != nil ||
		g[3].Status != StatusOpen || g[3].Met != nil {
		t.Errorf("goals %+v", g)
	}
	want := []GoalStatus{StatusDone, StatusInProgress, StatusOpen, ""}
	for i, r := range p.Review {
		if r.Status != want[i] || r.Outcome != "" {
			t.Errorf("review %d: %+v, want %q", i, r, want[i])
		}
	}
	if p.Review[0].Goal.Note != "soon" {
		t.Errorf("review goal's due: %+v", p.Review[0].Goal)
	}
	if UpgradePlan(&p) {
		t.Error("a second upgrade changed something")
	}
}

// TestActions: a later review has the last word on a goal's status.
func TestActions(t *testing.T) {
	s1 := &Session{ID: "s1", Plan: Plan{Goals: []Goal{{Problem: "a"}, {Problem: "b", Status: StatusInProgress}, {Problem: "c"}}}}
	s2 := &Session{ID: "s2", Plan: Plan{Goals: []Goal{{Problem: "d", Owner: "Ann"}}, Review: []GoalReview{
		{From: "s1", Goal: s1.Plan.Goals[0], Status: StatusDone},
		{From: "s1", Goal: s1.Plan.Goals[1]},
		{From: "s1", Goal: s1.Plan.Goals[2], Status: StatusDropped},
	}}}
	all := Actions([]*Session{s1, s2})
	if len(all) != 4 || all[0].Status != StatusDone || all[0].ReviewedIn != "s2" || all[1].Status != StatusInProgress ||
		all[2].Status != StatusDropped || all[3].Goal.Owner != "Ann" {
		t.Fatalf("Actions = %+v", all)
	}
	open := Open(all)
	if len(open) != 2 || open[0].Goal.Problem != "b" || open[1].Goal.Problem != "d" {
		t.Errorf("Open = %+v", open)
	}
}

// The audit date follows the one rule for typed days and is kept in the
// stored form, so "31/3/2026" and "2026-03-31" are the same audit day.
func TestAuditDateOneRule(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2026-03-31", "2026-03-31"}, {"31/3/2026", "2026-03-31"}, {" 1.2.2026 ", "2026-02-01"}, {"", ""},
	} {
		got, err := ParseAuditDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseAuditDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"2026-02-30", "31/3/26", "1999-01-01", "tomorrow"} {
		if _, err := ParseAuditDate(bad); err == nil {
			t.Errorf("ParseAuditDate(%q) accepted", bad)
		}
	}
	s := &Session{AuditDate: "2026-03-31"}
	if d := s.AuditDay(); d.String() != "2026-03-31" {
		t.Errorf("AuditDay = %v", d)
	}
	if d := (&Session{AuditDate: "31/3/2026"}).AuditDay(); !d.IsZero() {
		t.Errorf("a stored audit date is YYYY-MM-DD only, got %v", d)
	}
}
