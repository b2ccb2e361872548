package audit

import (
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 10, 0, 0, 0, time.UTC) }

func done(id string, created, completed time.Time) Stamp {
	return Stamp{ID: id, Status: checklist.Completed, CreatedAt: created, UpdatedAt: completed, CompletedAt: completed}
}

func open(id string, created, updated time.Time) Stamp {
	return Stamp{ID: id, Status: checklist.InProgress, CreatedAt: created, UpdatedAt: updated}
}

func id(s Stamp) Stamp { return s }

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Stamp
		want time.Time
	}{
		{"completed stands for its completion", done("A", day(1, 1), day(3, 1)), day(3, 1)},
		{"in progress stands for its last change", open("B", day(1, 1), day(2, 5)), day(2, 5)},
		{"never changed stands for its creation", Stamp{ID: "C", Status: checklist.InProgress, CreatedAt: day(1, 3)}, day(1, 3)},
		{"completed status without a time falls back", Stamp{ID: "D", Status: checklist.Completed, CreatedAt: day(1, 3), UpdatedAt: day(1, 4)}, day(1, 4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Date(tc.s); !got.Equal(tc.want) {
				t.Errorf("Date = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPrevious(t *testing.T) {
	// A was created first but completed last (an imported paper form); B
	// was created and completed in between.
	a := done("A", day(1, 1), day(3, 1))
	b := done("B", day(2, 1), day(2, 2))
	c := open("C", day(3, 5), day(3, 6))
	d := open("D", day(1, 15), day(1, 20)) // unfinished, last touched before B was completed
	e := done("E", day(2, 2), day(2, 2))   // completed the same moment as B, created later
	all := []Stamp{a, b, c, d}
	for _, tc := range []struct {
		name string
		of   Stamp
		xs   []Stamp
		want string
	}{
		{"previous of A follows completion, not creation", a, all, "B"},
		{"B has none: A was completed after it", b, all, ""},
		{"in progress: the newest completed before it", c, all, "A"},
		{"in progress touched before any completion", d, all, ""},
		{"never itself", a, []Stamp{a}, ""},
		{"in-progress sessions are never previous", c, []Stamp{d}, ""},
		{"ties on the date go by creation", e, []Stamp{b, e}, "B"},
		{"and the other way round", b, []Stamp{b, e}, ""},
		{"empty", a, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Previous(tc.of, tc.xs, id)
			if ok != (tc.want != "") || got.ID != tc.want {
				t.Errorf("Previous(%s) = %q, %v; want %q", tc.of.ID, got.ID, ok, tc.want)
			}
			before := Before(tc.of, tc.xs, id)
			if tc.want == "" && len(before) > 0 || tc.want != "" && (len(before) == 0 || before[0].ID != tc.want) {
				t.Errorf("Before(%s) = %v, want %q first", tc.of.ID, before, tc.want)
			}
			for _, x := range before {
				if !Date(x).Before(Date(tc.of)) && !Date(x).Equal(Date(tc.of)) {
					t.Errorf("Before(%s) holds %s, dated after it", tc.of.ID, x.ID)
				}
			}
		})
	}
}

func TestBeforeNewestFirst(t *testing.T) {
	a := done("A", day(1, 1), day(3, 1))
	b := done("B", day(2, 1), day(2, 2))
	x := done("X", day(1, 10), day(1, 11))
	c := open("C", day(4, 1), day(4, 2))
	got := Before(c, []Stamp{x, a, b, c}, id)
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	if want := "A B X"; join(ids) != want {
		t.Errorf("Before = %q, want %q", join(ids), want)
	}
}

func TestSort(t *testing.T) {
	a := done("A", day(1, 1), day(3, 1))
	b := done("B", day(2, 1), day(2, 2))
	c := open("C", day(1, 2), day(2, 20))
	xs := []Stamp{a, b, c}
	Sort(xs, id)
	if got := join([]string{xs[0].ID, xs[1].ID, xs[2].ID}); got != "B C A" {
		t.Errorf("Sort = %s, want B C A", got)
	}
	SortNewest(xs, id)
	if got := join([]string{xs[0].ID, xs[1].ID, xs[2].ID}); got != "A C B" {
		t.Errorf("SortNewest = %s, want A C B", got)
	}
}

func TestStatusID(t *testing.T) {
	if got := StatusID(checklist.Completed); got != "status.completed" {
		t.Errorf("StatusID(completed) = %q", got)
	}
	if got := StatusID(checklist.InProgress); got != "status.in_progress" {
		t.Errorf("StatusID(in progress) = %q", got)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
