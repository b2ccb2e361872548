// Package reliability holds the tests that guard servicecheck against the
// faults a user meets: a crash or SIGKILL in the middle of an audit, two
// servicecheck processes on one data file, damaged data files and hostile
// pack, answers and import files. They run the real binary, built once by
// TestMain, as separate processes. The fast part runs in `go test ./...`;
// the crash soak runs with `go test ./reliability -run Crash -soak` (or
// SERVICECHECK_SOAK=1). docs/reliability.md lists every fault and its test.
//
// The package has no code of its own: everything is in its _test.go files.
package reliability
