// Package perf holds the whole-process benchmarks of servicecheck: start-up
// next to a hello-world Go binary built in the same run, and the time and
// peak memory of `servicecheck list --json` over 100,000 sessions. The
// in-process benchmarks live next to the code they measure (scoring, store,
// tui, report, cmd/servicecheck); scripts/bench runs them all and
// docs/benchmarks.md keeps the figures.
//
// The package has no code of its own: everything is in its _test.go files,
// which build the binaries they run into a temporary folder.
package perf
