package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// results holds every value read for each benchmark and metric, across the
// -count repetitions of one run. Benchmarks are keyed by package and name:
// two packages may have benchmarks of the same name (tui and perf both
// have BenchmarkStartup).
type results map[benchKey]map[string][]float64

// benchKey names a benchmark: the import path of its package, as the
// "pkg:" line of the output gives it, and its name without the
// -GOMAXPROCS suffix.
type benchKey struct{ pkg, name string }

// benchLine matches a result line of `go test -bench`: the name with its
// optional -GOMAXPROCS suffix, the iteration count, then value-unit pairs.
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.+)$`)

// parse reads `go test -bench` output. Lines that are not results (the
// goos/pkg header, PASS, ok, logs) are skipped.
func parse(r io.Reader) (results, error) {
	res := results{}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := benchKey{pkg, m[1]}
		fields := strings.Fields(m[2])
		if len(fields)%2 != 0 {
			continue
		}
		for i := 0; i < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			if res[key] == nil {
				res[key] = map[string][]float64{}
			}
			res[key][fields[i+1]] = append(res[key][fields[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read benchmark output: %w", err)
	}
	return res, nil
}

// median is the middle of the values of bench in the package pkg (a path
// relative to the module, as "./store", matched against the end of the
// import path) and the number of values, or false when there are none.
// With an even count it is the mean of the middle two.
func (r results) median(pkg, bench, metric string) (float64, int, bool) {
	var vs []float64
	suffix := strings.TrimPrefix(pkg, ".")
	for k, ms := range r {
		if k.name == bench && (strings.HasSuffix(k.pkg, suffix) || k.pkg == "") {
			vs = append(vs, ms[metric]...)
		}
	}
	if len(vs) == 0 {
		return 0, 0, false
	}
	slices.Sort(vs)
	n := len(vs)
	if n%2 == 1 {
		return vs[n/2], n, true
	}
	return (vs[n/2-1] + vs[n/2]) / 2, n, true
}
