package doclinks

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, two folders up from this package.
const root = "../.."

var (
	link    = regexp.MustCompile(`\[[^\]]*\]\(([^)\s]+)\)`)
	heading = regexp.MustCompile(`^#{1,6}\s+(.+?)\s*#*\s*$`)
	span    = regexp.MustCompile("`[^`]*`")
)

func TestRelativeLinks(t *testing.T) {
	files := []string{"README.md", "ARCHITECTURE.md"}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		files = append(files, rel)
	}
	checked := 0
	for _, f := range files {
		text, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range links(string(text)) {
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			checked++
			if msg := resolve(f, target); msg != "" {
				t.Errorf("%s: link %s: %s", f, target, msg)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d relative links found: is the link pattern still right?", checked)
	}
}

// links returns the targets of the Markdown links in text, outside code
// blocks and code spans.
func links(text string) []string {
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced || strings.HasPrefix(line, "    ") {
			continue
		}
		line = span.ReplaceAllString(line, "")
		for _, m := range link.FindAllStringSubmatch(line, -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// resolve says what is wrong with target, a link in file from, or "".
func resolve(from, target string) string {
	path, frag, _ := strings.Cut(target, "#")
	file := from
	if path != "" {
		file = filepath.Join(filepath.Dir(from), path)
	}
	info, err := os.Stat(filepath.Join(root, file))
	if err != nil {
		return "no such file " + file
	}
	if frag == "" {
		return ""
	}
	if info.IsDir() || !strings.HasSuffix(file, ".md") {
		return "a #fragment on something that is not a Markdown file"
	}
	text, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		return err.Error()
	}
	for _, a := range anchors(string(text)) {
		if a == frag {
			return ""
		}
	}
	return "no heading #" + frag + " in " + file
}

// anchors are the ids GitHub gives a file's headings: lower case, every
// character but letters, digits, hyphens and underscores dropped (an en
// dash too), spaces as hyphens, repeats numbered.
func anchors(text string) []string {
	seen := map[string]int{}
	var out []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		m := heading.FindStringSubmatch(line)
		if fenced || m == nil {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(m[1]) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out = append(out, a+"-"+strconv.Itoa(n))
		} else {
			out = append(out, a)
		}
		seen[a]++
	}
	return out
}

// TestResolve checks the checker on links that are and are not broken.
func TestResolve(t *testing.T) {
	tests := []struct {
		from, target string
		ok           bool
	}{
		{"README.md", "docs/commands.md#servicecheck-config", true},
		{"README.md", "LICENSE", true},
		{"docs/guide.md", "../README.md#set-up", true},
		{"docs/guide.md", "#the-plan", true},
		{"README.md", "docs/nope.md", false},
		{"README.md", "docs/commands.md#no-such-heading", false},
		{"docs/guide.md", "README.md", false}, // relative to docs/
	}
	for _, tt := range tests {
		if msg := resolve(tt.from, tt.target); (msg == "") != tt.ok {
			t.Errorf("%s -> %s: %q, want ok=%v", tt.from, tt.target, msg, tt.ok)
		}
	}
}
