package tui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// The terminal sizes the reliability suite promises to survive.
const (
	reliabilityMinW, reliabilityMinH = 20, 5
	reliabilityMaxW, reliabilityMaxH = 300, 100
)

// reliabilitySizes walks the promised range: every tenth width and fifth
// height, the edges, and both sides of the minimum size.
func reliabilitySizes() [][2]int {
	ws := []int{reliabilityMinW, MinWidth - 1, MinWidth, reliabilityMaxW}
	for w := reliabilityMinW; w <= reliabilityMaxW; w += 10 {
		ws = append(ws, w)
	}
	hs := []int{reliabilityMinH, MinHeight - 1, MinHeight, reliabilityMaxH}
	for h := reliabilityMinH; h <= reliabilityMaxH; h += 5 {
		hs = append(hs, h)
	}
	var out [][2]int
	for _, w := range ws {
		for _, h := range hs {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

// checkSize fails unless the view at w×h fits the window and is the
// too-small message exactly when the window is below the minimum.
func checkSize(t *testing.T, d *driver, w, h int) {
	t.Helper()
	scr := d.screen()
	checkFits(t, scr, w, h)
	small := strings.Contains(strings.ToLower(scr), "too small")
	switch {
	case w < MinWidth || h < MinHeight:
		if !small {
			t.Errorf("%d×%d is below %d×%d but the screen does not say so:\n%s", w, h, MinWidth, MinHeight, scr)
		}
	case small:
		t.Errorf("%d×%d is big enough but the screen says too small:\n%s", w, h, scr)
	case strings.TrimSpace(scr) == "":
		t.Errorf("%d×%d: empty screen", w, h)
	}
}

// TestReliabilityEverySizeEveryScreen sizes every screen of the wizard
// from 20×5 to 300×100: no panic, nothing drawn outside the window, and
// the too-small message exactly below the minimum.
func TestReliabilityEverySizeEveryScreen(t *testing.T) {
	f := newFixture(t)
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			d := newDriver(t, sc.start(f), 80, 24)
			d.press(sc.keys...)
			for _, sz := range reliabilitySizes() {
				d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkSize(t, d, sz[0], sz[1])
			}
		})
	}
}

// TestReliabilityLiveResizeDuringAudit answers the whole built-in English
// pack into a real data file while the window is resized before every
// answer, to random sizes from 20×5 to 300×100 (seeded). Keys pressed
// while the window is too small change nothing; every answer given at a
// usable size is stored.
func TestReliabilityLiveResizeDuringAudit(t *testing.T) {
	p := content.Default()
	path := filepath.Join(t.TempDir(), "servicecheck.db")
	repo := StoreRepo{Path: path, Opts: store.Options{
		Summarize: func(s *checklist.Session, _ store.PackSource) scoring.Total { return scoring.Session(p, s).Total }}}
	s := &checklist.Session{Client: "Resize Ltd", Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	if err := repo.Create(s); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Options{Repo: repo, Pack: p, Start: Start{Session: s, SessionPack: p}}, 120, 40)
	rng := rand.New(rand.NewPCG(5, 40))
	size := func(small bool) (int, int) {
		if small {
			return reliabilityMinW + rng.IntN(MinWidth-reliabilityMinW), reliabilityMinH + rng.IntN(reliabilityMaxH-reliabilityMinH+1)
		}
		return MinWidth + rng.IntN(reliabilityMaxW-MinWidth+1), MinHeight + rng.IntN(reliabilityMaxH-MinHeight+1)
	}
	qs := p.Questions()
	want := map[string]checklist.Value{}
	for i, q := range qs {
		cur, ok := d.m.current()
		if !ok || cur.ID != q.ID {
			t.Fatalf("answer %d: on %q, want %q\n%s", i+1, cur.ID, q.ID, d.screen())
		}
		for range 1 + rng.IntN(3) {
			w, h := size(rng.IntN(3) == 0)
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
			checkSize(t, d, w, h)
		}
		key, v := "y", checklist.Yes
		if q.Kind == checklist.KindStatement {
			n := 1 + rng.IntN(5)
			key, v = fmt.Sprint(n), checklist.Rating(n)
		} else if rng.IntN(2) == 0 {
			key, v = "n", checklist.No
		}
		// The same key on a window too small changes nothing.
		w, h := size(true)
		d.send(tea.WindowSizeMsg{Width: w, Height: h})
		d.press(key)
		if cur, _ := d.m.current(); cur.ID != q.ID || d.m.sess.Answers[q.ID].Value != "" {
			t.Fatalf("a key pressed at %d×%d acted on the hidden question %s", w, h, q.ID)
		}
		w, h = size(false)
		d.send(tea.WindowSizeMsg{Width: w, Height: h})
		d.press(key)
		want[q.ID] = v
	}
	got, err := repo.Get(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range want {
		if got.Answers[id].Value != v {
			t.Errorf("%s: stored %q, answered %q", id, got.Answers[id].Value, v)
		}
	}
	if len(got.Answers) != len(qs) {
		t.Errorf("%d answers stored, want %d", len(got.Answers), len(qs))
	}
	for _, sz := range [][2]int{{reliabilityMinW, reliabilityMinH}, {reliabilityMaxW, reliabilityMaxH}, {MinWidth, MinHeight}} {
		d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkSize(t, d, sz[0], sz[1])
	}
}

// TestZeroSizeIsNoSize: a window size of 0×0 (a pty whose size an SSH
// client never set) leaves the screen as it was, not empty.
func TestZeroSizeIsNoSize(t *testing.T) {
	d := newDriver(t, Options{Repo: StoreRepo{Path: filepath.Join(t.TempDir(), "servicecheck.db")}, Pack: content.Default()}, 80, 24)
	before := d.screen()
	d.send(tea.WindowSizeMsg{Width: 0, Height: 0})
	if got := d.screen(); got != before {
		t.Errorf("after a 0×0 size the screen changed:\n%s\nwas:\n%s", got, before)
	}
	if d.m.width != 80 || d.m.height != 24 {
		t.Errorf("size %d×%d after a 0×0 message, want 80×24", d.m.width, d.m.height)
	}
}
