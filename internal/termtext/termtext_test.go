package termtext

import (
	"bytes"
	"strings"
	"testing"
)

// hostile holds what the adversarial review used and what else a terminal
// obeys: titles, screen clears, cursor moves, bells, C1 controls in UTF-8
// and as raw bytes, DEL, carriage returns and bidi overrides.
var hostile = []struct{ name, in, clean, line string }{
	{"plain", "Bakery Rossi", "Bakery Rossi", "Bakery Rossi"},
	{"newline and tab", "a\nb\tc", "a\nb\tc", "a b c"},
	{"title OSC BEL", "x\x1b]0;pwned\x07y", "xy", "xy"},
	{"title OSC ST", "x\x1b]2;pwned\x1b\\y", "xy", "xy"},
	{"clear screen", "\x1b[2J\x1b[Hz", "z", "z"},
	{"colour", "\x1b[31mred\x1b[0m", "red", "red"},
	{"bell", "ding\a", "ding", "ding"},
	{"reset", "\x1bcok", "ok", "ok"},
	{"DEL", "a\x7fb", "ab", "ab"},
	{"CR", "safe\revil", "safeevil", "safeevil"},
	{"NUL", "a\x00b", "ab", "ab"},
	{"C1 CSI in UTF-8", "a\u009b2Jb", "ab", "ab"},
	{"C1 NEL", "a\u0085b", "ab", "ab"},
	{"raw C1 byte", "a\x9b2Jb", "a\uFFFD2Jb", "a\uFFFD2Jb"},
	{"bidi override", "abc\u202edef\u202c", "abcdef", "abcdef"},
	{"bidi isolate", "\u2067x\u2069", "x", "x"},
	{"accents and emoji kept", "Çajtore ë — ✓ 🎉 \u200f", "Çajtore ë — ✓ 🎉 \u200f", "Çajtore ë — ✓ 🎉 \u200f"},
}

func TestCleanAndLine(t *testing.T) {
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.clean {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.clean)
			}
			if got := Line(tt.in); got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			for _, got := range []string{Clean(tt.in), Line(tt.in)} {
				if i, r := Find(got, true); i >= 0 && r != '\n' && r != '\t' {
					t.Errorf("cleaned text %q still holds %U", got, r)
				}
			}
		})
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		in        string
		multiline bool
		at        int
		r         rune
	}{
		{"fine", false, -1, 0},
		{"two\nlines", false, 3, '\n'},
		{"two\r\nlines\tok", true, -1, 0},
		{"ab\x1b[2J", true, 2, 0x1b},
		{"é\u202e", false, 2, 0x202e},
	}
	for _, tt := range tests {
		at, r := Find(tt.in, tt.multiline)
		if at != tt.at || r != tt.r {
			t.Errorf("Find(%q, %v) = %d, %U; want %d, %U", tt.in, tt.multiline, at, r, tt.at, tt.r)
		}
	}
}

func TestCleanDoesNotCopyCleanText(t *testing.T) {
	s := strings.Repeat("clean text ", 100)
	if n := testing.AllocsPerRun(100, func() { _ = Clean(s) }); n != 0 {
		t.Errorf("Clean of clean text allocates %v times", n)
	}
}

// TestWriter feeds the hostile strings through the Writer, one byte per
// write as well as whole, and checks that only SGR survives.
func TestWriter(t *testing.T) {
	for _, tt := range hostile {
		for _, split := range []bool{false, true} {
			var b bytes.Buffer
			w := NewWriter(&b)
			in := []byte(tt.in)
			if split {
				for i := range in {
					if n, err := w.Write(in[i : i+1]); n != 1 || err != nil {
						t.Fatalf("Write = %d, %v", n, err)
					}
				}
			} else if _, err := w.Write(in); err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(tt.clean, "red", "\x1b[31mred\x1b[0m")
			if got := b.String(); got != want {
				t.Errorf("%s (split %v): wrote %q, want %q", tt.name, split, got, want)
			}
		}
	}
}
