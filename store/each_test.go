package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
)

// seedMany imports n sessions, one minute apart, for clients "Client 0" to
// "Client 6" spelled in varying case, every third one in progress, and
// returns them oldest first.
func seedMany(t *testing.T, s *Store, n int) []*checklist.Session {
	t.Helper()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	sessions := make([]*checklist.Session, n)
	for i := range sessions {
		client := fmt.Sprintf("Client %d", i%7)
		if i%2 == 1 {
			client = fmt.Sprintf(" CLIENT %d", i%7)
		}
		at := t0.Add(time.Duration(i) * time.Minute)
		sess := newSession(client)
		sess.ID = fmt.Sprintf("e%07d", i)
		sess.CreatedAt, sess.UpdatedAt = at, at
		sess.Status = checklist.Completed
		sess.CompletedAt = at
		if i%3 == 0 {
			sess.Status, sess.CompletedAt = checklist.InProgress, time.Time{}
		}
		sess.Answers = map[string]checklist.Answer{"stmt-50": {Value: checklist.Rating(1 + i%5)}}
		sessions[i] = sess
	}
	if _, err := s.Import(sessions); err != nil {
		t.Fatal(err)
	}
	return sessions
}

// collect gathers what EachSummary hands out.
func collect(t *testing.T, s *Store, f Filter) []Summary {
	t.Helper()
	var got []Summary
	if err := s.EachSummary(f, func(sum Summary) error {
		got = append(got, sum)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestEachSummaryOrderAndFilters checks EachSummary against a model of the
// filters (newest first, client by ClientKey, status, limit) and against
// List, over more summaries than dropEvery so that the walk also drops the
// pages behind it more than once.
func TestEachSummaryOrderAndFilters(t *testing.T) {
	s, _ := openTest(t)
	n := 2*dropEvery + 300
	sessions := seedMany(t, s, n)
	tests := []struct {
		name string
		f    Filter
	}{
		{"all", Filter{}},
		{"limit", Filter{Limit: 10}},
		{"limit past the end", Filter{Limit: n + 5}},
		{"status", Filter{Status: checklist.InProgress}},
		{"status and limit", Filter{Status: checklist.Completed, Limit: dropEvery + 1}},
		{"client any case", Filter{Client: "client 3 "}},
		{"client and status and limit", Filter{Client: "CLIENT 5", Status: checklist.InProgress, Limit: 7}},
		{"unknown client", Filter{Client: "nobody"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for _, sess := range slices.Backward(sessions) {
				if tt.f.Limit > 0 && len(want) == tt.f.Limit {
					break
				}
				if (tt.f.Client == "" || ClientKey(sess.Client) == ClientKey(tt.f.Client)) &&
					(tt.f.Status == "" || sess.Status == tt.f.Status) {
					want = append(want, sess.ID)
				}
			}
			got := collect(t, s, tt.f)
			var ids []string
			for _, sum := range got {
				ids = append(ids, sum.ID)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("ids %d: %.5v…, want %d: %.5v…", len(ids), ids, len(want), want)
			}
			list, err := s.List(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, list) {
				t.Errorf("EachSummary and List differ")
			}
		})
	}
	// The summaries are whole, and every string is the Summary's own copy,
	// still right after the transaction that read it has ended.
	got := collect(t, s, Filter{Limit: 3})
	last := sessions[n-1]
	if sum := got[2]; sum.ID != sessions[n-3].ID || sum.Client != strings.TrimSpace(sessions[n-3].Client) || sum.Assessor != "Ann" ||
		sum.Pack != testPack || sum.Status != sessions[n-3].Status || sum.Answered != 1 || sum.Total.Scored != 1 {
		t.Errorf("summary %+v", sum)
	}
	if sum := got[0]; sum.ID != last.ID || !sum.CreatedAt.Equal(last.CreatedAt) || sum.Status != checklist.Completed ||
		!sum.CompletedAt.Equal(last.CreatedAt) {
		t.Errorf("newest summary %+v", sum)
	}
}

func TestEachSummaryStopsEarly(t *testing.T) {
	s, _ := openTest(t)
	seedMany(t, s, 50)
	boom := errors.New("output closed")
	tests := []struct {
		name    string
		f       Filter
		stopAt  int // the call that returns ret
		ret     error
		wantErr error
	}{
		{"error", Filter{}, 5, boom, boom},
		{"error on the first", Filter{}, 1, boom, boom},
		{"error through the client index", Filter{Client: "client 2"}, 3, boom, boom},
		{"StopEach", Filter{}, 5, StopEach, nil},
		{"StopEach through the client index", Filter{Client: "client 2"}, 2, StopEach, nil},
		{"wrapped StopEach", Filter{}, 4, fmt.Errorf("enough: %w", StopEach), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := s.EachSummary(tt.f, func(Summary) error {
				calls++
				if calls == tt.stopAt {
					return tt.ret
				}
				return nil
			})
			if err != tt.wantErr {
				t.Errorf("error %v, want %v as it is", err, tt.wantErr)
			}
			if calls != tt.stopAt {
				t.Errorf("%d calls, want %d", calls, tt.stopAt)
			}
		})
	}
}

// A panic in the callback is the caller's bug: it must go on as that panic,
// not turn into "data file damaged", and it must leave the store usable.
func TestEachSummaryCallbackPanic(t *testing.T) {
	s, _ := openTest(t)
	seedMany(t, s, 5)
	type bug struct{ n int }
	func() {
		defer func() {
			if r := recover(); r != (bug{2}) {
				t.Errorf("recovered %v, want the callback's own panic", r)
			}
		}()
		calls := 0
		err := s.EachSummary(Filter{}, func(Summary) error {
			if calls++; calls == 2 {
				panic(bug{calls})
			}
			return nil
		})
		t.Errorf("EachSummary returned %v instead of panicking", err)
	}()
	if l, err := s.List(Filter{}); err != nil || len(l) != 5 {
		t.Errorf("after the panic: %d summaries, %v", len(l), err)
	}
}
