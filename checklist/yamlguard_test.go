package checklist

import (
	"errors"
	"strings"
	"testing"
)

// TestDeepNestingRefused: both parsers refuse deeply nested input before
// the YAML parser sees it (it slows down with the square of the depth).
func TestDeepNestingRefused(t *testing.T) {
	deep := "id: x\nversion: 1\nlang: en\ntitle: t\nsections: " + strings.Repeat("[", 200_000) + "\n"
	p := &Pack{}
	for _, tc := range []struct {
		name string
		load func() error
		want string
	}{
		{"pack", func() error { _, err := Load("deep.yaml", []byte(deep)); return err },
			"deep.yaml:5:1: nested more than 64 levels deep"},
		{"answers", func() error { _, err := ParseAnswers("deep.yaml", []byte(deep), p); return err },
			"deep.yaml:5:1: nested more than 64 levels deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.load()
			if !errors.Is(err, ErrInvalid) || err.Error() != tc.want {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestNestingWithinLimit: the built-in kind of nesting stays well inside
// the limit, and exactly the limit is accepted.
func TestNestingWithinLimit(t *testing.T) {
	for _, tc := range []struct {
		depth int
		want  int
	}{{maxNesting, 0}, {maxNesting + 1, 1}} {
		if got := tooDeep([]byte(strings.Repeat("[", tc.depth))); got != tc.want {
			t.Errorf("tooDeep(%d brackets) = %d, want %d", tc.depth, got, tc.want)
		}
	}
}
