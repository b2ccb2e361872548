package main

// target is one promise of the benchmark issue: either an absolute limit
// on one benchmark's metric, or a ratio to a reference measured in the
// same run.
type target struct {
	// What the target promises, as the summary table shows it.
	What string
	// Pkg and Bench name the benchmark (without the -N GOMAXPROCS
	// suffix); Metric is the unit read from its output.
	Pkg, Bench, Metric string
	// Limit is the absolute ceiling in Metric units; 0 for a ratio target.
	Limit float64
	// RefBench and RefMetric name the reference of a ratio target, a
	// benchmark of the same package, and MaxRatio its ceiling.
	RefBench, RefMetric string
	MaxRatio            float64
	// Command reruns just this benchmark.
	Command string
}

// targets are the rows of the summary, in the order.
var targets = []target{
	{
		What: "start-up `servicecheck --version` ≤ 3× hello-world",
		Pkg:  "./perf", Bench: "BenchmarkStartup", Metric: "version-ms",
		RefBench: "BenchmarkStartup", RefMetric: "hello-ms", MaxRatio: 3,
		Command: "go test ./perf -run '^$' -bench Startup -count 5",
	},
	{
		What: "start-up `servicecheck list` on an empty file ≤ 3× hello-world",
		Pkg:  "./perf", Bench: "BenchmarkStartup", Metric: "list-ms",
		RefBench: "BenchmarkStartup", RefMetric: "hello-ms", MaxRatio: 3,
		Command: "go test ./perf -run '^$' -bench Startup -count 5",
	},
	{
		What: "`list` over 10,000 sessions < 25 ms in process",
		Pkg:  "./store", Bench: "BenchmarkList/sessions=10000", Metric: "ns/op",
		Limit:   25e6,
		Command: "go test ./store -run '^$' -bench 'List/sessions=10000$' -count 5",
	},
	{
		What: "`list` over 100,000 sessions ≤ 12× 10,000",
		Pkg:  "./store", Bench: "BenchmarkList/sessions=100000", Metric: "ns/op",
		RefBench: "BenchmarkList/sessions=10000", RefMetric: "ns/op", MaxRatio: 12,
		Command: "go test ./store -run '^$' -bench 'List/sessions=' -count 5",
	},
	{
		What: "peak memory of `list --json` over 100,000 sessions < 40 MB",
		Pkg:  "./perf", Bench: "BenchmarkListProcess", Metric: "peak-MB",
		Limit:   40,
		Command: "go test ./perf -run '^$' -bench ListProcess -benchtime 3x -count 3",
	},
	{
		What: "record one answer ≤ 1.5× a bare bbolt update of the same bytes",
		Pkg:  "./store", Bench: "BenchmarkRecord/store", Metric: "ns/op",
		RefBench: "BenchmarkRecord/bbolt", RefMetric: "ns/op", MaxRatio: 1.5,
		Command: "go test ./store -run '^$' -bench Record -count 5",
	},
	{
		What: "render the assessment screen at 120×40 < 1 ms a frame",
		Pkg:  "./tui", Bench: "BenchmarkQuestionViewEnglishPack", Metric: "ns/op",
		Limit:   1e6,
		Command: "go test ./tui -run '^$' -bench QuestionViewEnglishPack -count 5",
	},
	{
		What: "score a session < 20 µs",
		Pkg:  "./scoring", Bench: "BenchmarkSession", Metric: "ns/op",
		Limit:   20e3,
		Command: "go test ./scoring -run '^$' -bench Session -count 5",
	},
	{
		What: "HTML export of one session < 5 ms",
		Pkg:  "./cmd/servicecheck", Bench: "BenchmarkExport/html", Metric: "ns/op",
		Limit:   5e6,
		Command: "go test ./cmd/servicecheck -run '^$' -bench Export/html -count 5",
	},
	{
		What: "data file size per completed session < 4 KB",
		Pkg:  "./store", Bench: "BenchmarkFileSize", Metric: "B/session",
		Limit:   4096,
		Command: "go test ./store -run '^$' -bench FileSize -count 5",
	},
}
