package e2e

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
	"github.com/servicecheck/servicecheck/store"
)

// answerPlan is what a test means to answer: a value for every question of
// the embedded pack, in the order the wizard asks them.
type answerPlan struct {
	qs     []checklist.Question
	values []checklist.Value
}

// planAnswers chooses an answer for each question: items cycle through
// yes, partly, no and N/A from offset itemShift; statements get rate(i).
func planAnswers(itemShift int, rate func(i int) int) answerPlan {
	qs := content.Default().Questions()
	items := []checklist.Value{checklist.Yes, checklist.Partly, checklist.No, checklist.NA}
	p := answerPlan{qs: qs, values: make([]checklist.Value, len(qs))}
	for i, q := range qs {
		if q.Kind == checklist.KindItem {
			p.values[i] = items[(i+itemShift)%len(items)]
		} else {
			p.values[i] = checklist.Rating(rate(i))
		}
	}
	return p
}

// choiceOrder is the order of the choices on screen, for answering with
// the arrow keys instead of the shortcut.
var choiceOrder = map[checklist.Kind][]checklist.Value{
	checklist.KindItem:      {checklist.Yes, checklist.Partly, checklist.No, checklist.NA},
	checklist.KindStatement: {"1", "2", "3", "4", "5", checklist.NA},
}

// keysFor is what a user types to give question i its planned answer:
// the shortcut key (y, p, n, a or 1-5), or, with arrows, the down arrow to
// the choice and enter.
func (p answerPlan) keysFor(i int, arrows bool) []string {
	v, k := p.values[i], p.qs[i].Kind
	if arrows {
		for n, c := range choiceOrder[k] {
			if c == v {
				return append(repeat("down", n), "enter")
			}
		}
	}
	if v == checklist.NA {
		return []string{"a"}
	}
	if k == checklist.KindItem {
		return []string{string(v)[:1]}
	}
	return []string{string(v)}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// answerRange answers questions from..to-1 in the full-screen wizard, a
// burst of keys at a time as a fast typist would, checking the progress
// count after each burst. Every fifth question is answered with the arrow
// keys and enter. It does not wait after the very last question, whose
// answer leaves the question screen.
func answerRange(t *testing.T, tm *term, p answerPlan, from, to int) {
	t.Helper()
	const burst = 12
	for start := from; start < to; start += burst {
		end := min(to, start+burst)
		var ks []string
		for i := start; i < end; i++ {
			ks = append(ks, p.keysFor(i, i%5 == 2)...)
		}
		tm.send(ks...)
		if end < len(p.qs) {
			tm.waitFor(fmt.Sprintf("%d of %d answered", end, len(p.qs)), wait)
		}
	}
}

// checkAnswers fails unless sess holds exactly the planned answers for
// questions from..to-1 and nothing for the others.
func checkAnswers(t *testing.T, sess *checklist.Session, p answerPlan, from, to int) {
	t.Helper()
	bad := 0
	for i, q := range p.qs {
		want := checklist.Value("")
		if i >= from && i < to {
			want = p.values[i]
		}
		got := sess.Answers[q.ID]
		if got.Value != want {
			if bad < 10 {
				t.Errorf("question %d (%s): stored %q, want %q", i+1, q.ID, got.Value, want)
			}
			bad++
		}
		if want != "" && got.At.IsZero() {
			t.Errorf("question %d (%s): answer has no time", i+1, q.ID)
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d answers differ from what was typed", bad, len(p.qs))
	}
}

// sessions reads every session in the data file, oldest first, opening it
// read-only as a second process would.
func sessions(t *testing.T, db string) []*checklist.Session {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open data file: %v", err)
	}
	defer st.Close()
	list, err := st.List(store.Filter{})
	if err != nil {
		t.Fatalf("list sessions: %v", err)
	}
	out := make([]*checklist.Session, 0, len(list))
	for _, sum := range list {
		s, err := st.Get(sum.ID)
		if err != nil {
			t.Fatalf("get session %s: %v", sum.ID, err)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out
}

// onlySession reads the data file and fails unless it holds one session.
func onlySession(t *testing.T, db string) *checklist.Session {
	t.Helper()
	all := sessions(t, db)
	if len(all) != 1 {
		t.Fatalf("data file holds %d sessions, want 1", len(all))
	}
	return all[0]
}

var resumeHint = regexp.MustCompile(`resume with: servicecheck resume ([0-9a-z]+)`)

// resumeID returns the id in the "resume with" message the program left
// on screen when it ended.
func resumeID(t *testing.T, tm *term) string {
	t.Helper()
	m := resumeHint.FindStringSubmatch(tm.output())
	if m == nil {
		t.Fatalf("no 'resume with' message after quitting\n%s", tm.dump())
	}
	return m[1]
}

// lineWith returns the first screen line containing s, or "".
func lineWith(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// result scores the planned answers as the wizard should: what the screen
// must show is computed from what was typed, not read back from the file.
func (p answerPlan) result() scoring.Result {
	pack := content.Default()
	s := &checklist.Session{Pack: pack.Ref(), Answers: map[string]checklist.Answer{}}
	for i, q := range p.qs {
		s.Answers[q.ID] = checklist.Answer{Value: p.values[i]}
	}
	return scoring.Session(pack, s)
}
