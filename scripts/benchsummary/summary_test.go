package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `goos: linux
goarch: amd64
pkg: github.com/servicecheck/servicecheck/store
BenchmarkRecord/store-2     	     300	   3000000 ns/op	    1200 B/op	      20 allocs/op
BenchmarkRecord/store-2     	     300	   5000000 ns/op	    1200 B/op	      20 allocs/op
BenchmarkRecord/store-2     	     300	   4000000 ns/op	    1200 B/op	      20 allocs/op
BenchmarkRecord/bbolt-2     	     300	   2000000 ns/op	   900.0 B/record
BenchmarkRecord/bbolt-2     	     300	   2000000 ns/op	   900.0 B/record
BenchmarkList/sessions=10000-2         	      60	  20000000 ns/op
BenchmarkList/sessions=100000-2        	       5	 300000000 ns/op
    bench_test.go:12: a log line 1 2 3
PASS
ok  	github.com/servicecheck/servicecheck/store	12.3s
pkg: github.com/servicecheck/servicecheck/scoring
BenchmarkSession 	  800000	      1500 ns/op
pkg: github.com/servicecheck/servicecheck/perf
BenchmarkStartup-2   	     100	  10911472 ns/op	         1.5 hello-ms	         4.8 list-ms	         3.1 list-x	         4.5 version-ms	         2.9 version-x
pkg: github.com/servicecheck/servicecheck/tui
BenchmarkStartup-2   	    5000	    246749 ns/op
`

func TestParse(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pkg, bench, metric string
		want               float64
		n                  int
	}{
		{"./store", "BenchmarkRecord/store", "ns/op", 4e6, 3},
		{"./store", "BenchmarkRecord/bbolt", "ns/op", 2e6, 2},
		{"./store", "BenchmarkRecord/bbolt", "B/record", 900, 2},
		{"./scoring", "BenchmarkSession", "ns/op", 1500, 1},
		{"./perf", "BenchmarkStartup", "list-ms", 4.8, 1},
		{"./perf", "BenchmarkStartup", "ns/op", 10911472, 1},
		{"./tui", "BenchmarkStartup", "ns/op", 246749, 1},
		{"./store", "BenchmarkList/sessions=100000", "ns/op", 3e8, 1},
	}
	for _, tt := range tests {
		got, n, ok := r.median(tt.pkg, tt.bench, tt.metric)
		if !ok || got != tt.want || n != tt.n {
			t.Errorf("median(%s, %s, %s) = %v, %d, %v; want %v, %d", tt.pkg, tt.bench, tt.metric, got, n, ok, tt.want, tt.n)
		}
	}
	for _, miss := range [][3]string{{"./store", "BenchmarkRecord/store", "MB/s"}, {"./scoring", "BenchmarkRecord/store", "ns/op"}} {
		if _, _, ok := r.median(miss[0], miss[1], miss[2]); ok {
			t.Errorf("%v has a median, but was never reported", miss)
		}
	}
}

func TestEvaluate(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		t       target
		verdict string
		ratio   string
	}{
		{"absolute met", target{Pkg: "./store", Bench: "BenchmarkList/sessions=10000", Metric: "ns/op", Limit: 25e6}, met, "0.80× of the limit"},
		{"absolute missed", target{Pkg: "./scoring", Bench: "BenchmarkSession", Metric: "ns/op", Limit: 1000}, notMet, "1.50× of the limit"},
		{"ratio missed", target{Pkg: "./store", Bench: "BenchmarkRecord/store", Metric: "ns/op",
			RefBench: "BenchmarkRecord/bbolt", RefMetric: "ns/op", MaxRatio: 1.5}, notMet, "2.00× (≤ 1.5×)"},
		{"ratio met", target{Pkg: "./store", Bench: "BenchmarkList/sessions=100000", Metric: "ns/op",
			RefBench: "BenchmarkList/sessions=10000", RefMetric: "ns/op", MaxRatio: 16}, met, "15.00× (≤ 16×)"},
		{"metric ratio", target{Pkg: "./perf", Bench: "BenchmarkStartup", Metric: "version-ms",
			RefBench: "BenchmarkStartup", RefMetric: "hello-ms", MaxRatio: 3}, met, "3.00× (≤ 3×)"},
		{"missing benchmark", target{Pkg: "./cmd/servicecheck", Bench: "BenchmarkExport/html", Metric: "ns/op", Limit: 5e6}, noData + " (BenchmarkExport/html did not run)", "–"},
		{"missing reference", target{Pkg: "./scoring", Bench: "BenchmarkSession", Metric: "ns/op",
			RefBench: "BenchmarkNothing", RefMetric: "ns/op", MaxRatio: 2}, noData + " (BenchmarkNothing did not run)", "–"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evaluate(tt.t, r)
			if got.verdict != tt.verdict || got.ratio != tt.ratio {
				t.Errorf("verdict %q ratio %q; want %q %q", got.verdict, got.ratio, tt.verdict, tt.ratio)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v      float64
		metric string
		want   string
	}{
		{1465, "ns/op", "1.47 µs"},
		{812, "ns/op", "812 ns"},
		{23.4e6, "ns/op", "23.40 ms"},
		{1.2e9, "ns/op", "1.20 s"},
		{320.54, "peak-MB", "320.5 MB"},
		{3500, "B/session", "3500 B"},
		{4.1, "list-ms", "4.10 ms"},
	}
	for _, tt := range tests {
		if got := format(tt.v, tt.metric); got != tt.want {
			t.Errorf("format(%v, %s) = %q, want %q", tt.v, tt.metric, got, tt.want)
		}
	}
}

func TestRunRewritesOnlyTheSummary(t *testing.T) {
	dir := t.TempDir()
	raw := filepath.Join(dir, "raw.txt")
	doc := filepath.Join(dir, "benchmarks.md")
	if err := os.WriteFile(raw, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	before := "# Benchmarks\n\n## Summary\n\n" + beginMark + "\nold table\n" + endMark + "\n\n## Store\n\nkept\n"
	if err := os.WriteFile(doc, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{"-doc", doc, "-date", "2026-01-02", raw}, &out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	if strings.Contains(got, "old table") || !strings.Contains(got, out.String()) {
		t.Errorf("the table was not replaced:\n%s", got)
	}
	if !strings.HasSuffix(got, endMark+"\n\n## Store\n\nkept\n") || !strings.HasPrefix(got, "# Benchmarks\n\n## Summary\n\n"+beginMark+"\n") {
		t.Errorf("text around the table changed:\n%s", got)
	}
	if n := strings.Count(out.String(), "\n"); n != len(targets)+2 {
		t.Errorf("table has %d lines, want %d", n, len(targets)+2)
	}
	if !strings.Contains(out.String(), "| 2026-01-02 |") {
		t.Errorf("date missing:\n%s", out.String())
	}

	if err := os.WriteFile(doc, []byte("# no markers\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-doc", doc, raw}, &out); err == nil {
		t.Error("a file without markers was accepted")
	}
}
