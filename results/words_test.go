package results

import (
	"fmt"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

func TestDeltaReadsWithoutColour(t *testing.T) {
	tests := []struct {
		lang   string
		d      scoring.Score
		prec   int
		text   string
		dir    int
		spoken string
		signed string
	}{
		{"en", scoring.Of(0.5), 1, "↑ +0.5", 1, "up 0.5", "+0.5"},
		{"en", scoring.Of(-1), 1, "↓ −1.0", -1, "down 1.0", "-1.0"},
		{"en", scoring.Of(0.04), 1, "= 0.0", 0, "no change", "0.0"},
		{"en", scoring.Of(-0.04), 1, "= 0.0", 0, "no change", "0.0"},
		{"en", scoring.Of(0.05), 1, "↑ +0.1", 1, "up 0.1", "+0.1"},
		{"en", scoring.Of(33.3), 0, "↑ +33", 1, "up 33", "+33"},
		{"en", scoring.Score{}, 1, "–", 0, "not compared", "–"},
		{"it", scoring.Of(0.5), 1, "↑ +0,5", 1, "su di 0,5", "+0,5"},
		{"it", scoring.Of(-1), 1, "↓ −1,0", -1, "giù di 1,0", "-1,0"},
		{"sq", scoring.Of(2.5), 1, "↑ +2,5", 1, "rritje me 2,5", "+2,5"},
		{"af", scoring.Of(-2.5), 1, "↓ −2,5", -1, "af met 2,5", "-2,5"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+fmt.Sprint(tt.d), func(t *testing.T) {
			w := In(tt.lang)
			if got := w.Delta(tt.d, tt.prec); got != tt.text {
				t.Errorf("Delta = %q, want %q", got, tt.text)
			}
			if got := Direction(tt.d, tt.prec); got != tt.dir {
				t.Errorf("Direction = %d, want %d", got, tt.dir)
			}
			if got := w.Change(tt.d, tt.prec); got != tt.spoken {
				t.Errorf("Change = %q, want %q", got, tt.spoken)
			}
			if got := w.Signed(tt.d, tt.prec); got != tt.signed {
				t.Errorf("Signed = %q, want %q", got, tt.signed)
			}
		})
	}
}

func TestDates(t *testing.T) {
	a := time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC)
	w := In("en")
	if got := w.Dates(a, a.AddDate(0, 1, 0)); got[0] != "2 Mar 2026" || got[1] != "2 Apr 2026" {
		t.Errorf("Dates = %q", got)
	}
	if got := w.Dates(a, a.Add(time.Hour)); got[0] != "2 Mar 2026 09:05" || got[1] != "2 Mar 2026 10:05" {
		t.Errorf("Dates on one day = %q", got)
	}
	if got := w.Date(time.Time{}); got != "–" {
		t.Errorf("Date(zero) = %q", got)
	}
	if got := In("it").Date(a); got != "2 mar 2026" {
		t.Errorf("Italian date = %q", got)
	}
}

func TestTotal(t *testing.T) {
	tot := scoring.Total{Score: scoring.Of(27.5), Min: 8, Max: 40, Percent: scoring.Of(61.2)}
	for _, tt := range []struct {
		lang string
		t    scoring.Total
		want string
	}{
		{"en", tot, "27.5 of 40 (range 8–40)"},
		{"en", scoring.Total{Min: 7, Max: 35}, "No total while the session is in progress"},
		{"en", scoring.Total{Complete: true, Areas: 2, NA: 2}, "No total: no area applies"},
		{"it", tot, "27,5 su 40 (da 8 a 40)"},
	} {
		if got := In(tt.lang).Range(tt.t); got != tt.want {
			t.Errorf("%s: Range = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := In("en").TotalLine(Total{Total: tot, BandLabel: "Good"}); got != "27.5 of 40, 61% of the way from 8 to 40, Good." {
		t.Errorf("TotalLine = %q", got)
	}
	seven := Total{Total: scoring.Total{Score: scoring.Of(28), Min: 7, Max: 35, Percent: scoring.Of(75), Complete: true,
		Scored: 7, Areas: 8, NA: 1}, BandLabel: "Buono"}
	if got := In("it").TotalLine(seven); got != "28,0 su 35, al 75% della scala da 7 a 35, Buono. 7 aree valutate su 8, 1 non applicabile." {
		t.Errorf("Italian TotalLine with an N/A area = %q", got)
	}
	progress := scoring.Total{Min: 3, Max: 15, Scored: 3, Areas: 8, NA: 1, Remaining: 4}
	if got := In("en").TotalLine(Total{Total: progress}); got != "No total yet, the session is in progress: 3 of 8 areas scored so far, 1 not applicable, 4 to go." {
		t.Errorf("TotalLine in progress = %q", got)
	}
	if got := In("en").Incomplete(progress, 12); got != "In progress: 3 of 8 areas scored so far, 1 not applicable, 4 to go; 12 answers missing." {
		t.Errorf("Incomplete = %q", got)
	}
	if got := In("it").Percent(scoring.Of(61.2)); got != "61%" {
		t.Errorf("Italian percent = %q", got)
	}
}

func TestWordsOfAnswersAndStatus(t *testing.T) {
	w := In("it")
	if got := w.Answer(checklist.Yes); got != "Sì" {
		t.Errorf("Answer(yes) = %q", got)
	}
	if got := w.Answer("4"); got != "4" {
		t.Errorf("Answer(4) = %q", got)
	}
	if got := w.Status(checklist.Completed); got == "" || got == "completed" {
		t.Errorf("Status = %q", got)
	}
	if got := In("en").NA(1, 2); got != "N/A answers: 1 checklist item, 2 statements" {
		t.Errorf("NA = %q", got)
	}
	if got := In("en").Band(nil, ""); got != "not scored" {
		t.Errorf("Band = %q", got)
	}
}

// TestCachedMessagesMatchTheCatalogue checks that the words spliced from a
// cached pattern are the catalogue's, for plain and nested messages, and
// that values are never taken for markers.
func TestCachedMessagesMatchTheCatalogue(t *testing.T) {
	for _, lang := range []string{"en", "it", "sq", "af", "qps"} {
		w := In(lang)
		for _, c := range []struct {
			id   string
			args []any
		}{
			{"results.heading.areas", nil},
			{"results.total.range", []any{"Score", "27,5", "Min", "8", "Max", "40"}},
			{"results.screen.title_assessor", []any{"Client", "A {{.Client}} \x00", "Assessor", "", "Date", "1"}},
			{"results.of", []any{"N", 3, "Total", 8}},
		} {
			want := w.Locale().T(c.id, c.args...)
			for range 2 { // the first call makes the pattern, the second uses it
				if got := w.T(c.id, c.args...); got != want {
					t.Errorf("%s %s = %q, want %q", lang, c.id, got, want)
				}
			}
		}
	}
}
