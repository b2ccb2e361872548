package audit

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

func local(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.Local) }

// TestDateAuditDate is the audit-date rule: a session with an audit date
// stands for that day, whenever it was typed in or completed.
func TestDateAuditDate(t *testing.T) {
	dated := func(s Stamp, d string) Stamp { s.AuditDate = d; return s }
	for _, tc := range []struct {
		name string
		s    Stamp
		want time.Time
	}{
		{"a form typed in later stands for its audit day", dated(done("A", local(3, 9, 8), local(3, 9, 15)), "2026-03-02"), local(3, 2, 15)},
		{"the audit day, at the clock time of completion", dated(done("B", local(3, 2, 9), local(3, 2, 11)), "2026-03-02"), local(3, 2, 11)},
		{"in progress keeps its audit day too", dated(open("C", local(3, 9, 8), local(3, 10, 9)), "2026-03-01"), local(3, 1, 9)},
		{"no times: noon of the audit day", Stamp{ID: "D", AuditDate: "2026-03-02"}, local(3, 2, 12)},
		{"no audit date: completion as before", done("E", local(1, 1, 8), local(1, 3, 8)), local(1, 3, 8)},
		{"an unreadable audit date is ignored", dated(done("F", local(1, 1, 8), local(1, 3, 8)), "2 March"), local(1, 3, 8)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Date(tc.s); !got.Equal(tc.want) {
				t.Errorf("Date = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPreviousAuditDate: a paper form from before the last audit, typed in
// after it, is not "the previous session" of that audit, and the last
// audit is the previous one of the typed-in form only if it came before.
func TestPreviousAuditDate(t *testing.T) {
	march := done("M", local(3, 2, 9), local(3, 2, 11))
	march.AuditDate = "2026-03-02"
	paper := done("P", local(3, 20, 9), local(3, 20, 10)) // typed in on 20 March
	paper.AuditDate = "2026-01-15"
	rerun := open("R", local(4, 1, 9), local(4, 1, 9))
	rerun.AuditDate = "2026-04-01"
	all := []Stamp{march, paper, rerun}
	for _, tc := range []struct {
		name string
		of   Stamp
		want string
	}{
		{"the rerun's previous is March, not the later-typed January form", rerun, "M"},
		{"March's previous is the January form typed in after it", march, "P"},
		{"the January form has none", paper, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Previous(tc.of, all, id)
			if (tc.want == "") == ok || (ok && got.ID != tc.want) {
				t.Errorf("Previous = %v %v, want %q", got.ID, ok, tc.want)
			}
		})
	}
	xs := []Stamp{rerun, march, paper}
	Sort(xs, id)
	if xs[0].ID != "P" || xs[1].ID != "M" || xs[2].ID != "R" {
		t.Errorf("Sort = %s %s %s, want P M R", xs[0].ID, xs[1].ID, xs[2].ID)
	}
	_ = checklist.Completed
}
