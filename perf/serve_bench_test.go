package perf

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/internal/sshterm"
	"github.com/servicecheck/servicecheck/store"
)

// BenchmarkServe runs `servicecheck serve` on 127.0.0.1 and has 10 or 50
// respondents connect at once over SSH, each with a key of their own, and
// answer a whole session one key at a time, waiting for "✓ saved" before
// the next key: back to back (the worst case), with a pause of 300 ms
// after each answer (everyone in step), and with pauses of 0.5–1.5 s.
// It reports the time from connecting to the first question on screen (p95), from a key
// to its answer shown saved (p50, p99), and the server's resident memory
// per connected respondent; then it stops the server with SIGINT and
// checks that every answer of every respondent is in the data file.
//
//	go test ./perf -run '^$' -bench BenchmarkServe -benchtime 1x
func BenchmarkServe(b *testing.B) {
	bins := shared.binaries(b)
	for _, c := range []struct {
		n      int
		think  time.Duration
		jitter bool
	}{{10, 0, false}, {50, 0, false}, {50, 300 * time.Millisecond, false}, {50, time.Second, true}} {
		name := fmt.Sprintf("respondents=%d/think=%v", c.n, c.think)
		if c.jitter {
			name += "±50%"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				serveOnce(b, bins.servicecheck, c.n, c.think, c.jitter)
			}
		})
	}
}

// serveOnce runs one load: respondents at once, each pausing think
// between seeing an answer saved and pressing the next key (0: none, the
// worst case; a person reading a question takes seconds). A fixed pause
// keeps everyone in step, so that all 50 keys arrive together every
// time (a worst case of its own); with jitter each pause is drawn from
// think ± 50%, as people who read at their own pace.
func serveOnce(b *testing.B, bin string, respondents int, think time.Duration, jitter bool) {
	dir := b.TempDir()
	db := filepath.Join(dir, "sc.db")
	signers := make([]gossh.Signer, respondents)
	var keys strings.Builder
	for i := range signers {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		s, err := gossh.NewSignerFromKey(priv)
		if err != nil {
			b.Fatal(err)
		}
		signers[i] = s
		keys.Write(gossh.MarshalAuthorizedKey(s.PublicKey()))
	}
	if err := os.WriteFile(filepath.Join(dir, "keys"), []byte(keys.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--client", "Load Ltd", "--authorized-keys", filepath.Join(dir, "keys"),
		"--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "host"), "--max-sessions", strconv.Itoa(respondents))
	cmd.Env = []string{"HOME=" + dir, "SERVICECHECK_DB=" + db, "XDG_DATA_HOME=" + dir, "LANG=C.UTF-8"}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	defer func() {
		select {
		case <-done:
		default:
			_ = cmd.Process.Kill()
			<-done
		}
	}()
	addr := ""
	sc := bufio.NewScanner(out)
	re := regexp.MustCompile(`on (127\.0\.0\.1:\d+)$`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
		}
		if strings.HasPrefix(sc.Text(), "Ctrl+C") {
			break
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	if addr == "" {
		b.Fatal("serve printed no address")
	}
	baseRSS := rssKB(cmd.Process.Pid)

	qs := content.Default().Questions()
	var (
		mu        sync.Mutex
		firsts    []time.Duration
		saves     []time.Duration
		connected sync.WaitGroup
		finished  sync.WaitGroup
		failures  []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		failures = append(failures, fmt.Sprintf(format, args...))
	}
	peak := make(chan struct{})
	connected.Add(respondents)
	finished.Add(respondents)
	for i := range respondents {
		go func() {
			defer finished.Done()
			once := sync.OnceFunc(connected.Done)
			defer once()
			cfg := &gossh.ClientConfig{User: fmt.Sprintf("r%02d", i), Auth: []gossh.AuthMethod{gossh.PublicKeys(signers[i])},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second}
			start := time.Now()
			tm, err := sshterm.Dial(addr, cfg, 80, 24)
			if err != nil {
				fail("r%02d: connect: %v", i, err)
				return
			}
			defer tm.Close()
			if err := tm.WaitFor(fmt.Sprintf("0 of %d answered", len(qs)), 30*time.Second); err != nil {
				fail("r%02d: %v", i, err)
				return
			}
			first := time.Since(start)
			once()
			<-peak // everyone connected: the memory is read now
			if jitter && think > 0 {
				// People start reading the first question at their own
				// moment too, not all on the same millisecond.
				time.Sleep(mrand.N(think))
			}
			var mine []time.Duration
			for j, q := range qs {
				key := "y"
				if q.Kind == checklist.KindStatement {
					key = strconv.Itoa(1 + (i+j)%5)
				}
				want := fmt.Sprintf("%d of %d answered", j+1, len(qs))
				t0 := time.Now()
				if err := tm.Send(key); err != nil {
					fail("r%02d: %v", i, err)
					return
				}
				if j == len(qs)-1 {
					want = "Results for Load Ltd"
				}
				if err := waitSaved(tm, want, 30*time.Second); err != nil {
					fail("r%02d question %d: %v", i, j+1, err)
					return
				}
				mine = append(mine, time.Since(t0))
				if jitter && think > 0 {
					time.Sleep(think/2 + mrand.N(think))
				} else {
					time.Sleep(think)
				}
			}
			_ = tm.Send("q")
			_ = tm.Wait(10 * time.Second)
			mu.Lock()
			firsts = append(firsts, first)
			saves = append(saves, mine...)
			mu.Unlock()
		}()
	}
	connected.Wait()
	peakRSS := rssKB(cmd.Process.Pid)
	cpu0 := cpuTime(cmd.Process.Pid)
	close(peak)
	finished.Wait()
	cpu := cpuTime(cmd.Process.Pid) - cpu0
	_ = cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		b.Fatal("serve did not stop after SIGINT")
	}
	if len(failures) > 0 {
		b.Fatalf("%d respondents failed; first: %s", len(failures), failures[0])
	}
	checkServed(b, db, qs, respondents)
	slices.Sort(firsts)
	slices.Sort(saves)
	b.ReportMetric(ms(pct(firsts, 95)), "first-screen-p95-ms")
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		if l, err := strconv.ParseFloat(strings.Fields(string(load))[0], 64); err == nil {
			b.ReportMetric(l, "load-avg")
		}
	}
	b.ReportMetric(ms(pct(saves, 50)), "key-to-saved-p50-ms")
	b.ReportMetric(ms(pct(saves, 99)), "key-to-saved-p99-ms")
	if len(saves) > 0 {
		b.ReportMetric(ms(cpu)/float64(len(saves)), "server-cpu-ms-per-key")
	}
	if baseRSS > 0 && peakRSS > 0 {
		b.ReportMetric(float64(peakRSS-baseRSS)/float64(respondents), "KB-per-respondent")
	}
}

// waitSaved waits for want on screen with the save mark on, and no save
// under way.
func waitSaved(tm *sshterm.Term, want string, timeout time.Duration) error {
	return tm.WaitUntil(fmt.Sprintf("%q saved", want), timeout, func(scr string) bool {
		return strings.Contains(scr, want) && (strings.Contains(scr, "✓ saved") || strings.HasPrefix(want, "Results")) &&
			!strings.Contains(scr, "saving…")
	})
}

// checkServed fails unless every respondent's session is complete with an
// answer to every question.
func checkServed(b *testing.B, db string, qs []checklist.Question, respondents int) {
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	all, _, err := st.Sessions(store.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	if len(all) != respondents {
		b.Fatalf("%d sessions stored, want %d", len(all), respondents)
	}
	for _, s := range all {
		if s.Status != checklist.Completed || len(s.Answers) != len(qs) {
			b.Errorf("session %s of %s: %s with %d answers", s.ID, s.Assessor, s.Status, len(s.Answers))
		}
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return ds[min(len(ds)-1, (len(ds)*p+99)/100-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// rssKB reads a process's resident memory from /proc; 0 where there is none.
func rssKB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// cpuTime reads a process's user and system CPU time from /proc (clock
// ticks of 10 ms); 0 where there is none.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.Atoi(f[11])
	k, _ := strconv.Atoi(f[12])
	return time.Duration(u+k) * 10 * time.Millisecond
}
