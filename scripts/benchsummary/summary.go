package main

import (
	"fmt"
	"strings"
)

// verdict of one target.
const (
	met    = "met"
	notMet = "**not met**"
	noData = "no data"
)

// row is one evaluated target.
type row struct {
	measured, reference, ratio, verdict string
}

// evaluate applies one target to the results.
func evaluate(t target, r results) row {
	v, n, ok := r.median(t.Pkg, t.Bench, t.Metric)
	if !ok {
		return row{measured: "–", reference: "–", ratio: "–", verdict: noData + " (" + t.Bench + " did not run)"}
	}
	out := row{measured: format(v, t.Metric) + countNote(n)}
	if t.RefBench == "" {
		out.reference = "limit " + format(t.Limit, t.Metric)
		out.ratio = fmt.Sprintf("%.2f× of the limit", v/t.Limit)
		out.verdict = verdictOf(v <= t.Limit)
		return out
	}
	ref, rn, ok := r.median(t.Pkg, t.RefBench, t.RefMetric)
	if !ok || ref == 0 {
		out.reference, out.ratio, out.verdict = "–", "–", noData+" ("+t.RefBench+" did not run)"
		return out
	}
	ratio := v / ref
	out.reference = format(ref, t.RefMetric) + countNote(rn)
	out.ratio = fmt.Sprintf("%.2f× (≤ %g×)", ratio, t.MaxRatio)
	out.verdict = verdictOf(ratio <= t.MaxRatio)
	return out
}

func verdictOf(ok bool) string {
	if ok {
		return met
	}
	return notMet
}

// countNote says how many runs a median is of, when not one.
func countNote(n int) string {
	if n == 1 {
		return ""
	}
	return fmt.Sprintf(" (median of %d)", n)
}

// format prints a value in its unit, with time in the largest unit that
// keeps it above one.
func format(v float64, metric string) string {
	switch metric {
	case "ns/op":
		switch {
		case v >= 1e9:
			return fmt.Sprintf("%.2f s", v/1e9)
		case v >= 1e6:
			return fmt.Sprintf("%.2f ms", v/1e6)
		case v >= 1e3:
			return fmt.Sprintf("%.2f µs", v/1e3)
		}
		return fmt.Sprintf("%.0f ns", v)
	case "hello-ms", "version-ms", "list-ms":
		return fmt.Sprintf("%.2f ms", v)
	case "peak-MB":
		return fmt.Sprintf("%.1f MB", v)
	case "B/session":
		return fmt.Sprintf("%.0f B", v)
	}
	return fmt.Sprintf("%g %s", v, metric)
}

// summarize renders the Markdown table of every target.
func summarize(r results, date string) string {
	var b strings.Builder
	b.WriteString("| Target | Measured | Reference | Ratio | Verdict | Command | Date |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, t := range targets {
		e := evaluate(t, r)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | `%s` | %s |\n",
			t.What, e.measured, e.reference, e.ratio, e.verdict, strings.ReplaceAll(t.Command, "|", `\|`), date)
	}
	return b.String()
}
