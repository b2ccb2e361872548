package scoring

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestScoreString(t *testing.T) {
	tests := []struct {
		name string
		s    Score
		want string
	}{
		{"missing is a dash, not 0", Score{}, "–"},
		{"missing ignores a stray value", Score{Value: 3}, "–"},
		{"zero is a real score", Of(0), "0.0"},
		{"whole", Of(3), "3.0"},
		{"one decimal", Of(3.4), "3.4"},
		{"thirds", Of(10.0 / 3), "3.3"},
		{"half rounds up, not to even", Of(2.25), "2.3"},
		{"half rounds up above even", Of(3.75), "3.8"},
		{"decimal half stored below", Of(0.15), "0.2"},
		{"range top", Of(40), "40.0"},
		{"negative delta", Of(-1.5), "-1.5"},
		{"negative half rounds away from zero", Of(-0.25), "-0.3"},
		{"rounding error below zero", Of(-4.440892098500626e-16), "0.0"},
		{"small drop rounds to zero without sign", Of(-0.04), "0.0"},
		{"negative zero", Of(math.Copysign(0, -1)), "0.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.String(); got != tt.want {
				t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

func TestScoreFormat(t *testing.T) {
	tests := []struct {
		s    Score
		prec int
		want string
	}{
		{Score{}, 0, "–"},
		{Score{}, 2, "–"},
		{Of(62.5), 0, "63"}, // checklist sections land on halves: 5 of 8 at 1 point
		{Of(12.5), 0, "13"},
		{Of(37.5), 0, "38"},
		{Of(87.5), 0, "88"},
		{Of(100.0 / 3), 0, "33"},
		{Of(200.0 / 3), 1, "66.7"},
		{Of(44.99999999999999), 0, "45"},
		{Of(3.125), 2, "3.13"},
		{Of(-0.4), 0, "0"},
		{Of(-0.6), 0, "-1"},
		{Of(2.5), -1, "2.5"},
		{Of(math.Copysign(0, -1)), -1, "0"},
		{Of(1e20), 1, "100000000000000000000.0"},
		// Too large to scale by 10^10: printed as is, never +Inf.
		{Of(1e300), 10, strconv.FormatFloat(1e300, 'f', 10, 64)},
		{Of(0), 400, "0." + strings.Repeat("0", 400)},
	}
	for _, tt := range tests {
		if got := tt.s.Format(tt.prec); got != tt.want {
			t.Errorf("%#v.Format(%d) = %q, want %q", tt.s, tt.prec, got, tt.want)
		}
	}
}

func TestScoreMarshalJSON(t *testing.T) {
	tests := []struct {
		s    Score
		want string
	}{
		{Score{}, "null"},
		{Score{Value: 2}, "null"},
		{Of(0), "0"},
		{Of(3), "3"},
		{Of(3.25), "3.25"},
		{Of(1.0 / 3), "0.3333"},
		{Of(2.0 / 3), "0.6667"},
		{Of(-2.0 / 3), "-0.6667"},
		{Of(0.00005), "0.0001"},
		{Of(-4.440892098500626e-16), "0"}, // never "-0"
		{Of(44.99999999999999), "45"},
		{Of(1e20), "100000000000000000000"},
	}
	for _, tt := range tests {
		got, err := json.Marshal(tt.s)
		if err != nil {
			t.Errorf("Marshal(%#v): %v", tt.s, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("Marshal(%#v) = %s, want %s", tt.s, got, tt.want)
		}
	}
}

func TestScoreMarshalJSONNotANumber(t *testing.T) {
	if got, err := json.Marshal(Of(math.NaN())); err == nil {
		t.Errorf("Marshal(NaN) = %s, want an error", got)
	}
}

func TestScoreUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in      string
		want    Score
		wantErr bool
	}{
		{in: "null", want: Score{}},
		{in: "0", want: Of(0)}, // 0 is a score, null is not
		{in: "3.25", want: Of(3.25)},
		{in: "-1.5", want: Of(-1.5)},
		{in: "40", want: Of(40)},
		{in: `"3"`, wantErr: true},
		{in: "true", wantErr: true},
		{in: "{}", wantErr: true},
		{in: "1e400", wantErr: true},
	}
	for _, tt := range tests {
		// Start from a valid score so that null visibly clears it.
		s := Of(9)
		err := json.Unmarshal([]byte(tt.in), &s)
		if tt.wantErr {
			if err == nil {
				t.Errorf("Unmarshal(%s) = %#v, want an error", tt.in, s)
			}
			continue
		}
		if err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if s != tt.want {
			t.Errorf("Unmarshal(%s) = %#v, want %#v", tt.in, s, tt.want)
		}
	}
}

// TestScoreJSONRoundTrip goes through the structs the store and the CLI
// write, so that a missing score stays missing and a number stays a number.
func TestScoreJSONRoundTrip(t *testing.T) {
	in := []Area{
		{ID: "a1", Title: "Rated", Score: Of(3.4), Percent: Of(60), Band: "good", Answered: 5, Total: 5},
		{ID: "a2", Title: "All N/A", NA: 5, Total: 5},
		{ID: "a3", Title: "Lowest", Score: Of(1), Percent: Of(0), Band: "critical", Answered: 1, Total: 5},
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, frag := range []string{`"score":3.4,"percent":60`, `"score":null,"percent":null`, `"score":1,"percent":0`} {
		if !strings.Contains(string(data), frag) {
			t.Errorf("JSON %s lacks %s", data, frag)
		}
	}
	var out []Area
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("round trip gave %d areas, want %d", len(out), len(in))
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("round trip [%d] = %+v, want %+v", i, out[i], in[i])
		}
	}
}

func TestScoreJSONMissingField(t *testing.T) {
	var a Area
	if err := json.Unmarshal([]byte(`{"id":"a1"}`), &a); err != nil {
		t.Fatal(err)
	}
	if a.Score.Valid || a.Percent.Valid {
		t.Errorf("absent score decoded as %#v / %#v, want missing", a.Score, a.Percent)
	}
}

func TestSub(t *testing.T) {
	tests := []struct {
		name string
		b, a Score
		want Score
	}{
		{"rise is positive", Of(4), Of(2.5), Of(1.5)},
		{"drop is negative", Of(2.5), Of(4), Of(-1.5)},
		{"no change", Of(3), Of(3), Of(0)},
		{"earlier missing", Of(3), Score{}, Score{}},
		{"later missing", Score{}, Of(3), Score{}},
		{"both missing", Score{}, Score{}, Score{}},
		// 1 + 1.2 + 1.2 and 1.2 + 1.2 + 1 differ in the last bit.
		{"rounding error is no change", Of(1.2 + 1.2 + 1), Of(1 + 1.2 + 1.2), Of(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sub(tt.b, tt.a)
			if got != tt.want { // exact: a zero delta must be exactly 0
				t.Errorf("Sub(%#v, %#v) = %#v, want %#v", tt.b, tt.a, got, tt.want)
			}
		})
	}
}
