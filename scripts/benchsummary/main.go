// Command benchsummary turns the raw output of the project's benchmarks
// into the summary table of docs/benchmarks.md: for each target of the
// benchmark issue, the measured median, its reference, the ratio and the
// verdict. scripts/bench runs it; with -doc it rewrites the table in place
// between the summary markers.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Markers around the generated table in docs/benchmarks.md.
const (
	beginMark = "<!-- summary:begin (scripts/bench -w rewrites this table) -->"
	endMark   = "<!-- summary:end -->"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchsummary:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("benchsummary", flag.ContinueOnError)
	doc := fs.String("doc", "", "rewrite the summary table in this Markdown file")
	date := fs.String("date", time.Now().Format(time.DateOnly), "date of the run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("usage: benchsummary [-doc FILE] [-date YYYY-MM-DD] RAW_OUTPUT...")
	}
	all := results{}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		res, err := parse(f)
		_ = f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for k, ms := range res {
			if all[k] == nil {
				all[k] = map[string][]float64{}
			}
			for m, vs := range ms {
				all[k][m] = append(all[k][m], vs...)
			}
		}
	}
	table := summarize(all, *date)
	if _, err := io.WriteString(out, table); err != nil {
		return err
	}
	if *doc != "" {
		return rewrite(*doc, table)
	}
	return nil
}

// rewrite replaces the text between the summary markers of the file.
func rewrite(path, table string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(b)
	i, j := strings.Index(text, beginMark), strings.Index(text, endMark)
	if i < 0 || j < i {
		return fmt.Errorf("%s: no summary markers (%q … %q)", path, beginMark, endMark)
	}
	text = text[:i+len(beginMark)] + "\n" + table + text[j:]
	return os.WriteFile(path, []byte(text), 0o644)
}
