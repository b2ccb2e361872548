package i18n

import (
	"strings"
	"testing"
	"time"
)

func TestT(t *testing.T) {
	tests := []struct {
		lang, id, want string
	}{
		{"en", "answer.yes", "Yes"},
		{"it", "answer.yes", "Sì"},
		{"sq", "answer.partly", "Pjesërisht"},
		{"af", "answer.no", "Nee"},
		{"af", "answer.rating.5", "5 altyd"},
		{"de", "answer.yes", "Yes"}, // no catalogue: English
		{"it", "no.such.key", "[no.such.key]"},
		{Pseudo, "answer.yes", "⟦Yes⟧"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).T(tt.id); got != tt.want {
			t.Errorf("For(%q).T(%q) = %q, want %q", tt.lang, tt.id, got, tt.want)
		}
	}
}

func TestN(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 session"},
		{"en", 0, "0 sessions"},
		{"en", 2, "2 sessions"},
		{"it", 1, "1 sessione"},
		{"it", 3, "3 sessioni"},
		{"it", 1000000, "1000000 sessioni"}, // CLDR "many": falls back to other
		{"sq", 1, "1 seancë"},
		{"sq", 5, "5 seanca"},
		{"af", 1, "1 sessie"},
		{"af", 2, "2 sessies"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).N("count.sessions", tt.n); got != tt.want {
			t.Errorf("For(%q).N(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestMissingPlaceholderIsVisible(t *testing.T) {
	// date.short needs Day, Month and Year: a call without them must not
	// print "<no value>".
	got := For("en").T("date.short", "Day", 1)
	if strings.Contains(got, "<no value>") {
		t.Errorf("got %q", got)
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"en", "22.6", "22.6"},
		{"it", "22.6", "22,6"},
		{"sq", "22.6", "22,6"},
		{"af", "22.6", "22,6"},
		{"it", "-1.0", "-1,0"},
		{"it", "+0.5", "+0,5"},
		{"en", "12345.5", "12,345.5"},
		{"it", "12345", "12.345"},
		{"it", "2026", "2026"},
		{"sq", "–", "–"},
		{"it", "1e5", "1e5"},
		{Pseudo, "3.5", "3,5"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Decimal(tt.in); got != tt.want {
			t.Errorf("For(%q).Decimal(%q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
	if g := For("sq").Int(12345); g != "12\u00a0345" && g != "12 345" && g != "12\u202f345" {
		t.Errorf("sq Int(12345) = %q", g)
	}
}

func TestCSVSeparator(t *testing.T) {
	for lang, want := range map[string]rune{"en": ',', "it": ';', "sq": ';', "af": ';'} {
		if got := For(lang).CSVSeparator(); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, time.March, 2, 9, 5, 0, 0, time.UTC)
	tests := []struct {
		lang        string
		short, long string
	}{
		{"en", "2 Mar 2026", "2 March 2026"},
		{"it", "2 mar 2026", "2 marzo 2026"},
		{"sq", "2 mar 2026", "2 mars 2026"},
		{"af", "2 Mrt. 2026", "2 Maart 2026"},
	}
	for _, tt := range tests {
		l := For(tt.lang)
		if got := l.Date(d); got != tt.short {
			t.Errorf("%s Date = %q, want %q", tt.lang, got, tt.short)
		}
		if got := l.LongDate(d); got != tt.long {
			t.Errorf("%s LongDate = %q, want %q", tt.lang, got, tt.long)
		}
	}
	if got := For("it").DateTime(d); got != "2 mar 2026 09:05" {
		t.Errorf("DateTime = %q", got)
	}
	if got := For("it").Date(time.Time{}); got != "–" {
		t.Errorf("zero date = %q", got)
	}
}

func TestSort(t *testing.T) {
	names := []string{"Zeta", "Çajtore", "alfa", "Dhurata", "Ëndri", "Cafe"}
	For("sq").Sort(names)
	want := "alfa Cafe Çajtore Dhurata Ëndri Zeta"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("sq sort = %q, want %q", got, want)
	}
	type client struct{ name string }
	cs := []client{{"Zeta"}, {"Àrea"}, {"bar"}}
	SortFunc(For("it"), cs, func(c client) string { return c.name })
	if cs[0].name != "Àrea" || cs[1].name != "bar" || cs[2].name != "Zeta" {
		t.Errorf("it SortFunc = %v", cs)
	}
}

func TestResolve(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		name       string
		flag, conf string
		env        map[string]string
		want       string
		src        Source
		err        bool
	}{
		{"default", "", "", nil, "en", FromDefault, false},
		{"LANG", "", "", map[string]string{"LANG": "it_IT.UTF-8"}, "it", FromLocale, false},
		{"LC_MESSAGES beats LANG", "", "", map[string]string{"LANG": "it_IT.UTF-8", "LC_MESSAGES": "sq_AL.UTF-8"}, "sq", FromLocale, false},
		{"LC_ALL beats all", "", "", map[string]string{"LANG": "it_IT.UTF-8", "LC_ALL": "af_ZA.UTF-8"}, "af", FromLocale, false},
		{"LC_ALL=C is English", "", "", map[string]string{"LANG": "it_IT.UTF-8", "LC_ALL": "C"}, "en", FromDefault, false},
		{"unspoken locale", "", "", map[string]string{"LANG": "fr_FR.UTF-8"}, "en", FromDefault, false},
		{"config beats locale", "", "sq", map[string]string{"LANG": "it_IT.UTF-8"}, "sq", FromConfig, false},
		{"flag beats config", "af", "sq", nil, "af", FromFlag, false},
		{"flag spelled as a locale", "it-IT", "", nil, "it", FromFlag, false},
		{"bad flag", "fr", "", nil, "en", FromFlag, true},
		{"bad config", "", "xx", nil, "en", FromConfig, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, src, err := Resolve(tt.flag, tt.conf, env(tt.env))
			if got != tt.want || src != tt.src || (err != nil) != tt.err {
				t.Errorf("Resolve = %q, %q, %v; want %q, %q, err %v", got, src, err, tt.want, tt.src, tt.err)
			}
		})
	}
}

func BenchmarkT(b *testing.B) {
	l := For("it")
	l.T("answer.yes")
	for b.Loop() {
		l.T("date.short", "Day", 2, "Month", "mar", "Year", 2026)
	}
}
