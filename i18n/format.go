package i18n

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/message"
)

// separators reads the language's decimal and thousands separators off
// CLDR's data through x/text, so they are not kept by hand here.
func (l *Locale) separators() (dec, grp string) {
	l.nums.Do(func() {
		if l.pseudo {
			l.dec, l.grp = ",", "."
			return
		}
		s := message.NewPrinter(l.tag).Sprintf("%.1f", 12345.6)
		// s is "12,345.6", "12.345,6" or "12 345,6": the rune after "12"
		// groups, the one before the last digit is the decimal mark.
		r, _ := utf8.DecodeRuneInString(s[2:])
		l.grp = string(r)
		_, size := utf8.DecodeLastRuneInString(s)
		d, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		l.dec = string(d)
	})
	return l.dec, l.grp
}

// Decimal rewrites a number formatted the Go way ("-1234.5", "22.6", "3")
// in the language's way ("-1.234,5", "22,6", "3"). Rounding stays with the
// caller (scoring.Score.Format), so there is one rounding rule; anything
// that is not such a number ("–") comes back as it is.
func (l *Locale) Decimal(s string) string {
	if _, err := strconv.ParseFloat(s, 64); err != nil || strings.ContainsAny(s, "eE") {
		return s
	}
	dec, grp := l.separators()
	sign := ""
	if s[0] == '-' || s[0] == '+' {
		sign, s = s[:1], s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && len(intPart) > 4 {
			b.WriteString(grp)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats a count: 12345 is "12,345" in English, "12.345" in Italian.
// Numbers below 10,000 are not grouped, as style guides in all four
// languages prefer ("2026", "1500").
func (l *Locale) Int(n int) string {
	return l.Decimal(strconv.Itoa(n))
}

// CSVSeparator is the field separator spreadsheets expect in this
// language: where the decimal mark is a comma, fields are split by ";".
func (l *Locale) CSVSeparator() rune {
	if dec, _ := l.separators(); dec == "," {
		return ';'
	}
	return ','
}

// Date formats a day with the month's short name: "2 Mar 2026",
// "2 mar 2026"; "–" for the zero time.
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return l.T("date.short", "Day", t.Day(), "Month", l.T("date.month_short."+strconv.Itoa(int(t.Month()))), "Year", t.Year())
}

// LongDate formats a day with the month's full name: "2 March 2026",
// "2 marzo 2026"; "–" for the zero time.
func (l *Locale) LongDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return l.T("date.long", "Day", t.Day(), "Month", l.T("date.month."+strconv.Itoa(int(t.Month()))), "Year", t.Year())
}

// DateTime formats a day and the time of day: "2 Mar 2026 09:05".
func (l *Locale) DateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return l.T("date.time", "Date", l.Date(t), "Time", t.Format("15:04"))
}

// Month returns the full name of month m (1–12).
func (l *Locale) Month(m time.Month) string {
	return l.T("date.month." + strconv.Itoa(int(m)))
}

// Compare orders two names the way this language sorts them: in Albanian
// "Çajtore" comes after "Cafe" and before "Dhurata", not after "Zeta". A
// new collator is made per call because collators are not safe for
// concurrent use; for sorting many names use Sort.
func (l *Locale) Compare(a, b string) int {
	return collate.New(l.tag, collate.IgnoreCase).CompareString(a, b)
}

// Sort sorts names in place in this language's order.
func (l *Locale) Sort(names []string) {
	collate.New(l.tag, collate.IgnoreCase).SortStrings(names)
}

// SortFunc sorts xs in place by the name key gives, in this language's
// order; equal names keep their order.
func SortFunc[T any](l *Locale, xs []T, key func(T) string) {
	c := collate.New(l.tag, collate.IgnoreCase)
	keys := make([][]byte, len(xs))
	var buf collate.Buffer
	for i, x := range xs {
		keys[i] = append([]byte(nil), c.KeyFromString(&buf, key(x))...)
		buf.Reset()
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	out := make([]T, len(xs))
	for i, j := range idx {
		out[i] = xs[j]
	}
	copy(xs, out)
}
