package results

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Messages are worded through go-i18n, whose every call fills a template
// through reflection: a report says "Score", "61%" or "3 of 8" hundreds of
// times. The catalogue's plain (non-plural) messages only put their
// placeholders in place, so each is rendered once per language and set of
// placeholder names with markers for the values, and later calls only
// splice the values in. Plural messages (N) always go to go-i18n.

type patternKey struct{ lang, id, names string }

// pattern is a message cut at its placeholders: texts[i] comes before
// value args[i]; the last text ends it.
type pattern struct {
	texts []string
	args  []int
}

var patterns sync.Map // patternKey → *pattern

// marker stands for the i-th value while a pattern is made: catalogue text
// never holds a NUL.
func marker(i int) string { return "\x00" + string(rune('0'+i)) + "\x00" }

func (w Words) pattern(id string, args []any) *pattern {
	l := w.Locale()
	var names strings.Builder
	for i := 0; i < len(args); i += 2 {
		if s, ok := args[i].(string); ok {
			names.WriteString(s)
			names.WriteByte(',')
		}
	}
	key := patternKey{l.Lang(), id, names.String()}
	if p, ok := patterns.Load(key); ok {
		return p.(*pattern)
	}
	marked := make([]any, len(args))
	copy(marked, args)
	for i := 1; i < len(marked); i += 2 {
		marked[i] = marker(i / 2)
	}
	s := l.T(id, marked...)
	p := &pattern{}
	for {
		i := strings.IndexByte(s, 0)
		if i < 0 || i+2 >= len(s) || s[i+2] != 0 {
			break
		}
		p.texts = append(p.texts, s[:i])
		p.args = append(p.args, int(s[i+1]-'0'))
		s = s[i+3:]
	}
	p.texts = append(p.texts, s)
	got, _ := patterns.LoadOrStore(key, p)
	return got.(*pattern)
}

// fill writes the values of args into p.
func (p *pattern) fill(args []any) string {
	if len(p.args) == 0 {
		return p.texts[0]
	}
	var b strings.Builder
	for i, a := range p.args {
		b.WriteString(p.texts[i])
		if j := 2*a + 1; j < len(args) {
			switch v := args[j].(type) {
			case string:
				b.WriteString(v)
			case int:
				b.WriteString(strconv.Itoa(v))
			default:
				fmt.Fprint(&b, v)
			}
		}
	}
	b.WriteString(p.texts[len(p.texts)-1])
	return b.String()
}

type dateKey struct {
	lang    string
	y, m, d int
}

var (
	dates     sync.Map // dateKey → string
	datesKept atomic.Int32
)

// maxDates caps the days kept, so that a long history cannot grow the
// cache without end; past it days are formatted every time.
const maxDates = 4096

// Date formats a day with the month's name: "2 mar 2026"; "–" for none.
// A report names the same few days many times, so each day is formatted
// once per language.
func (w Words) Date(t time.Time) string {
	if t.IsZero() {
		return w.Locale().Date(t)
	}
	y, m, d := t.Date()
	key := dateKey{w.Locale().Lang(), y, int(m), d}
	if s, ok := dates.Load(key); ok {
		return s.(string)
	}
	s := w.Locale().Date(t)
	if datesKept.Load() < maxDates {
		if _, loaded := dates.LoadOrStore(key, s); !loaded {
			datesKept.Add(1)
		}
	}
	return s
}
