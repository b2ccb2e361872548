package report

// Right-to-left text in the PDF. fpdf writes a line's characters left to
// right as they come, so a Hebrew or Arabic run must be given to it in
// visual order. visualLine does the Unicode Bidirectional Algorithm's
// implicit part (UAX #9 rules W1–W7, N1–N2, I1–I2, L1–L4) on one line
// of a paragraph: no explicit embeddings, which the report's text never
// holds (clean and invisible drop the controls). The classes come from
// golang.org/x/text/unicode/bidi; its Paragraph type is left alone, as
// its own documentation says it is unfinished.

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

// isRTL reports whether r is a right-to-left letter or an Arabic digit:
// a text with none is drawn as it is.
func isRTL(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL || c == bidi.AN
}

// hasRTL reports whether s holds a right-to-left character.
func hasRTL(s string) bool {
	for _, r := range s {
		if isRTL(r) {
			return true
		}
	}
	return false
}

// rtlParagraph reports whether a paragraph reads from the right: when it
// holds more right-to-left letters than left-to-right ones. UAX #9 (P2)
// takes the first letter's direction, but the report's paragraphs are
// sentences of its own language (all four left to right) with a client's
// name in them: "מרפאת שלום scored 5.0 of 10." must stay a left-to-right
// sentence, while a Hebrew note that names "John" still reads from the
// right.
func rtlParagraph(s string) bool {
	n := 0
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			n--
		case bidi.R, bidi.AL:
			n++
		}
	}
	return n > 0
}

// bidiUnit is a character with the combining marks that follow it: they
// move together, so that a mark stays on its letter (rule L3).
type bidiUnit struct {
	runes []rune
	class bidi.Class
	level int
}

// visualLine returns line, one line of a paragraph whose direction rtl
// gives, in the order its characters are drawn from left to right.
func visualLine(line string, rtl bool) string {
	if !hasRTL(line) && !rtl {
		return line
	}
	var us []bidiUnit
	for _, r := range line {
		p, _ := bidi.LookupRune(r)
		c := p.Class()
		if c == bidi.NSM && len(us) > 0 {
			us[len(us)-1].runes = append(us[len(us)-1].runes, r)
			continue
		}
		switch c {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.BN:
			c = bidi.ON
		}
		us = append(us, bidiUnit{runes: []rune{r}, class: c})
	}
	base, sos := 0, bidi.L
	if rtl {
		base, sos = 1, bidi.R
	}
	// W1: a mark with no letter before it takes the paragraph's direction.
	for i := range us {
		if us[i].class == bidi.NSM {
			us[i].class = sos
		}
	}
	// W2, W3: a European number after Arabic letters is an Arabic number;
	// Arabic letters are then right to left.
	last := sos
	for i := range us {
		switch us[i].class {
		case bidi.L, bidi.R, bidi.AL:
			last = us[i].class
		case bidi.EN:
			if last == bidi.AL {
				us[i].class = bidi.AN
			}
		}
	}
	for i := range us {
		if us[i].class == bidi.AL {
			us[i].class = bidi.R
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < len(us); i++ {
		a, c, b := us[i-1].class, us[i].class, us[i+1].class
		if a == b && (a == bidi.EN && (c == bidi.ES || c == bidi.CS) || a == bidi.AN && c == bidi.CS) {
			us[i].class = a
		}
	}
	// W5: terminators (%, $, °) next to a European number are part of it.
	for i := 0; i < len(us); i++ {
		if us[i].class != bidi.ET {
			continue
		}
		j := i
		for j < len(us) && us[j].class == bidi.ET {
			j++
		}
		if (i > 0 && us[i-1].class == bidi.EN) || (j < len(us) && us[j].class == bidi.EN) {
			for k := i; k < j; k++ {
				us[k].class = bidi.EN
			}
		}
		i = j - 1
	}
	// W6: the remaining separators and terminators are neutral.
	for i := range us {
		switch us[i].class {
		case bidi.ES, bidi.ET, bidi.CS:
			us[i].class = bidi.ON
		}
	}
	// W7: a European number after left-to-right letters is left to right.
	last = sos
	for i := range us {
		switch us[i].class {
		case bidi.L, bidi.R:
			last = us[i].class
		case bidi.EN:
			if last == bidi.L {
				us[i].class = bidi.L
			}
		}
	}
	bracketPairs(us, sos)
	// N1, N2: neutrals between two runs of one direction take it; others
	// take the paragraph's.
	strong := func(c bidi.Class) (bidi.Class, bool) {
		switch c {
		case bidi.L:
			return bidi.L, true
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R, true
		}
		return 0, false
	}
	for i := 0; i < len(us); i++ {
		if _, ok := strong(us[i].class); ok {
			continue
		}
		j := i
		for j < len(us) {
			if _, ok := strong(us[j].class); ok {
				break
			}
			j++
		}
		before, after := sos, sos
		if i > 0 {
			before, _ = strong(us[i-1].class)
		}
		if j < len(us) {
			after, _ = strong(us[j].class)
		}
		dir := sos
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			us[k].class = dir
		}
		i = j - 1
	}
	// I1, I2: the levels.
	for i := range us {
		c := us[i].class
		switch {
		case base == 0 && c == bidi.R:
			us[i].level = 1
		case base == 0 && (c == bidi.AN || c == bidi.EN):
			us[i].level = 2
		case base == 1 && (c == bidi.L || c == bidi.EN || c == bidi.AN):
			us[i].level = 2
		default:
			us[i].level = base
		}
	}
	// L1: white space at the end of the line takes the paragraph's level.
	for i := len(us) - 1; i >= 0; i-- {
		p, _ := bidi.LookupRune(us[i].runes[0])
		if c := p.Class(); c != bidi.WS && c != bidi.S {
			break
		}
		us[i].level = base
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// run at that level or higher.
	high, lowOdd := 0, 3
	for _, u := range us {
		high = max(high, u.level)
		if u.level%2 == 1 {
			lowOdd = min(lowOdd, u.level)
		}
	}
	for lvl := high; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(us); i++ {
			if us[i].level < lvl {
				continue
			}
			j := i
			for j < len(us) && us[j].level >= lvl {
				j++
			}
			slices.Reverse(us[i:j])
			i = j
		}
	}
	out := make([]rune, 0, len(line))
	for _, u := range us {
		r := u.runes[0]
		if u.level%2 == 1 {
			r = mirror(r) // L4: "(" in a right-to-left run is drawn ")"
		}
		out = append(out, r)
		out = append(out, u.runes[1:]...)
	}
	return string(out)
}

// brackets are the paired brackets, closing to opening.
var brackets = map[rune]rune{')': '(', ']': '[', '}': '{'}

// bracketPairs resolves paired brackets (rule N0): a pair takes the
// paragraph's direction if it holds a letter of it; else the other
// direction if it holds one and the text before the pair reads that way.
func bracketPairs(us []bidiUnit, sos bidi.Class) {
	type pair struct{ open, close int }
	var pairs []pair
	var stack []int
	for i, u := range us {
		if u.class != bidi.ON {
			continue
		}
		r := u.runes[0]
		if r == '(' || r == '[' || r == '{' {
			if len(stack) == 63 {
				return // BD16: too deep, no pairs
			}
			stack = append(stack, i)
			continue
		}
		open, ok := brackets[r]
		if !ok {
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if us[stack[k]].runes[0] == open {
				pairs = append(pairs, pair{stack[k], i})
				stack = stack[:k]
				break
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return a.open - b.open })
	dir := func(c bidi.Class) bidi.Class {
		if c == bidi.L {
			return bidi.L
		}
		if c == bidi.R || c == bidi.EN || c == bidi.AN {
			return bidi.R
		}
		return bidi.ON
	}
	for _, p := range pairs {
		e, found := sos, bidi.ON
		for k := p.open + 1; k < p.close; k++ {
			if d := dir(us[k].class); d == e {
				found = e
				break
			} else if d != bidi.ON {
				found = d
			}
		}
		if found == bidi.ON {
			continue
		}
		if found != e {
			before := sos
			for k := p.open - 1; k >= 0; k-- {
				if d := dir(us[k].class); d != bidi.ON {
					before = d
					break
				}
			}
			if before != found {
				found = e
			}
		}
		us[p.open].class, us[p.close].class = found, found
	}
}

// mirrors are the common characters drawn mirrored in right-to-left text.
var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹', '≤': '≥', '≥': '≤',
}

func mirror(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}
