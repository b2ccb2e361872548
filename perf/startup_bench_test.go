package perf

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/servicecheck/servicecheck/store"
)

// BenchmarkStartup times whole processes, start to exit: hello-world (the
// reference), `servicecheck --version`, and `servicecheck list` on a data
// file with no sessions. Each iteration runs all three one after another,
// so that a busy machine slows the reference as much as what it is
// compared with; ns/op is the three together. The metrics are each
// program's mean and the ratios to hello-world: the target is
// version-x and list-x at most 3.
func BenchmarkStartup(b *testing.B) {
	bins := shared.binaries(b)
	empty := filepath.Join(b.TempDir(), "empty.db")
	if err := store.Do(empty, store.Options{}, func(*store.Store) error { return nil }); err != nil {
		b.Fatal(err)
	}
	env := []string{"NO_COLOR=1", "HOME=" + b.TempDir()}
	progs := []struct {
		metric string
		bin    string
		args   []string
	}{
		{"hello-ms", bins.hello, nil},
		{"version-ms", bins.servicecheck, []string{"--version"}},
		{"list-ms", bins.servicecheck, []string{"--db", empty, "list"}},
	}
	spent := make([]time.Duration, len(progs))
	n := 0
	for b.Loop() {
		for i, p := range progs {
			cmd := exec.Command(p.bin, p.args...)
			cmd.Env = env
			start := time.Now()
			out, err := cmd.CombinedOutput()
			spent[i] += time.Since(start)
			if err != nil {
				b.Fatalf("%s %v: %v\n%s", p.bin, p.args, err, out)
			}
		}
		n++
	}
	for i, p := range progs {
		b.ReportMetric(spent[i].Seconds()*1000/float64(n), p.metric)
	}
	b.ReportMetric(float64(spent[1])/float64(spent[0]), "version-x")
	b.ReportMetric(float64(spent[2])/float64(spent[0]), "list-x")
}
