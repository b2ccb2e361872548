package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/report"
	"github.com/servicecheck/servicecheck/store"
)

// answerOptions are the inputs of `servicecheck answer`.
type answerOptions struct {
	In          io.Reader // read when File is "-"
	Out, ErrOut io.Writer
	File        string
	Client      string // overrides the file's client
	Assessor    string // overrides the file's assessor
	// DefaultAssessor is the configured assessor, used when neither the
	// flag nor the file names one.
	DefaultAssessor string
	Lang            string // language of the built-in pack; "" for the default
	Pack            string // a content pack file of the user's own, instead of Lang
	Incomplete      bool   // store an unfinished session instead of refusing
	Template        bool   // print an empty answers file instead
	JSON            bool
	Term            terminal
}

func newAnswerCmd(a *app) *cobra.Command {
	opts := &answerOptions{}
	cmd := &cobra.Command{
		Use:   "answer --answers FILE",
		Short: "Record a completed session from an answers file",
		Long: "Record a session from a YAML or JSON answers file, without the wizard, and\n" +
			"print its result as show does. Every problem of the file is listed with its\n" +
			"line and column (exit status 6). Every item and statement of the pack must be\n" +
			"answered; --allow-incomplete stores an unfinished session instead, which the\n" +
			"wizard resumes at the first unanswered question. FILE - reads standard input.\n\n" +
			"The file looks like this:\n\n" +
			"  client: Acme Ltd\n" +
			"  assessor: Jo\n" +
			"  answers:\n" +
			"    culture.front-line-time: yes     # checklist item: yes | partly | no | na\n" +
			"    responsiveness.third-ring: 4     # statement: 1..5 | na\n" +
			"  notes:\n" +
			"    responsiveness.third-ring: \"Phones ring out at lunch\"\n" +
			"  plan:                               # optional\n" +
			"    vision: Every customer hears back within a day\n" +
			"    goals:\n" +
			"      - problem: Phones ring out at lunch\n" +
			"        what: A second line from 12 to 2\n" +
			"        target: 90% of calls answered by the third ring\n" +
			"        due: end of March",
		Example: "  servicecheck answer --template > q2.yaml\n" +
			"  servicecheck answer --answers q2.yaml\n" +
			"  servicecheck answer --answers q2.yaml --client \"Acme Ltd\" --json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.In, opts.Out, opts.ErrOut = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			opts.Term = stdoutTerminal(opts.Out)
			if opts.Term.Styled {
				opts.Out = a.colorWriter(opts.Out)
			}
			lang, err := a.packLang(opts.Lang, opts.Pack)
			if err != nil {
				return err
			}
			opts.Lang = lang
			opts.DefaultAssessor = a.defaultAssessor("")
			return runAnswer(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.File, "answers", "", "the answers file (YAML or JSON; - for standard input)")
	cmd.Flags().StringVar(&opts.Client, "client", "", "client name (overrides the file's)")
	cmd.Flags().StringVar(&opts.Assessor, "assessor", "", "assessor name (overrides the file's)")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the built-in content pack: "+strings.Join(content.Languages(), ", ")+" (default: see servicecheck config)")
	cmd.Flags().StringVar(&opts.Pack, "pack", "", "answer with your own content pack file (kept in the data file)")
	cmd.Flags().BoolVar(&opts.Incomplete, "allow-incomplete", false, "store an unfinished session when answers are missing")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&opts.Template, "template", false, "print an empty answers file with every id and question, to fill in")
	return cmd
}

func runAnswer(a *app, opts *answerOptions) error {
	sp, err := chooseSessionPack(opts.ErrOut, opts.Lang, opts.Pack)
	if err != nil {
		return err
	}
	p := sp.pack
	if opts.Template {
		if opts.File != "" {
			return usageErrorf("--template prints a file to fill in: it takes no --answers")
		}
		return writeAnswersTemplate(opts.Out, p, opts.Client, firstNonEmpty(opts.Assessor, opts.DefaultAssessor), templateRun(opts))
	}
	if opts.File == "" {
		return usageErrorf("answer needs --answers FILE (or --template to get one)")
	}
	name, data, err := readAnswersFile(opts.In, opts.File)
	if err != nil {
		return err
	}
	af, err := checklist.ParseAnswers(name, data, p)
	if err == nil && !opts.Incomplete {
		err = af.Incomplete()
	}
	if err != nil {
		return answersError(opts.ErrOut, name, err)
	}

	sess, err := sessionFromAnswers(af, opts, p, a.now())
	if err != nil {
		return err
	}
	var doc report.Document
	err = a.withStore(false, func(st *store.Store) error {
		// What the result compares with is read before anything is
		// written: a data file that cannot be read fails with nothing
		// recorded, as its message says.
		var prev *checklist.Session
		var prevPack *checklist.Pack
		if !opts.JSON {
			var err error
			if prev, prevPack, err = a.previousCompleted(st, sess); err != nil {
				return err
			}
		}
		if err := sp.keep(st); err != nil {
			return err
		}
		if err := st.Create(sess); err != nil {
			return fmt.Errorf("record session: %w", err)
		}
		doc = report.Build(p, sess, prev, prevPack)
		return nil
	})
	if err != nil {
		return err
	}
	what := "completed"
	if sess.Status != checklist.Completed {
		what = fmt.Sprintf("in progress, %d questions left", len(af.Missing))
	}
	fmt.Fprintf(opts.ErrOut, "recorded session %s for %s (%s)\n", sess.ID, sess.Client, what)
	return writeShow(opts.Out, doc, opts.JSON, opts.Term, a.loc)
}

// sessionFromAnswers makes the session an answers file records: completed
// when every question is answered, else in progress with the wizard's
// cursor on the first unanswered question. Flags override the file's names.
func sessionFromAnswers(af *checklist.AnswersFile, opts *answerOptions, p *checklist.Pack, now time.Time) (*checklist.Session, error) {
	sess := &checklist.Session{
		Client:   firstNonEmpty(opts.Client, af.Client),
		Assessor: firstNonEmpty(opts.Assessor, af.Assessor, opts.DefaultAssessor),
		Pack:     p.Ref(),
		Answers:  make(map[string]checklist.Answer, len(af.Answers)),
		Status:   checklist.Completed,
		// The session's times are the answers' time, so that completion
		// is never before creation.
		CreatedAt: now,
		UpdatedAt: now,
	}
	if strings.TrimSpace(sess.Client) == "" {
		return nil, usageErrorf("%s: no client: add \"client: NAME\" to the file or pass --client", af.Name)
	}
	for _, f := range []struct{ flag, v string }{{"--client", opts.Client}, {"--assessor", opts.Assessor}} {
		if msg := checklist.NameProblem(strings.TrimSpace(f.v)); msg != "" {
			return nil, usageErrorf("%s: %s", f.flag, msg)
		}
	}
	for id, ans := range af.Answers {
		ans.At = now
		sess.Answers[id] = ans
	}
	sess.Plan = af.Plan
	if len(af.Missing) > 0 {
		sess.Status = checklist.InProgress
		sess.Cursor = af.Missing[0]
	} else {
		sess.CompletedAt = now
	}
	return sess, nil
}

// readAnswersFile reads the answers file, or standard input for "-", up to
// one byte past the parser's limit so that the parser can report the size.
func readAnswersFile(in io.Reader, file string) (string, []byte, error) {
	name := file
	var r io.Reader
	if file == "-" {
		name, r = "stdin", in
	} else {
		f, err := os.Open(file)
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil, withCode(exitNotFound, fmt.Errorf("read answers: %w", err))
		}
		if err != nil {
			return "", nil, fmt.Errorf("read answers: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, checklist.MaxAnswersFileSize+1))
	if err != nil {
		return "", nil, fmt.Errorf("read answers %s: %w", name, err)
	}
	return name, data, nil
}

// answersError lists every problem of an answers file on errOut, one line
// each as file:line:col: field: message, and returns the summary line.
func answersError(errOut io.Writer, name string, err error) error {
	var verrs checklist.ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	for _, e := range verrs {
		fmt.Fprintln(errOut, e)
	}
	return withCode(exitInvalid, fmt.Errorf("%s: invalid answers file: %s", name, plural(len(verrs), "problem")))
}

// templateRun is the command a template says to run once filled in. The
// file does not say which pack it was made from: the command does, so that
// the session records the pack and language its questions were read in.
func templateRun(opts *answerOptions) string {
	run := "servicecheck answer --answers FILE"
	switch {
	case opts.Pack != "":
		run += " --pack " + shellQuote(opts.Pack)
	case opts.Lang != "" && opts.Lang != content.Default().Lang:
		run += " --lang " + opts.Lang
	}
	return run
}

// writeAnswersTemplate writes an answers file with every id of p and an
// empty value, each question as a comment beside it: an empty value reads
// as not answered, so the file is valid at every stage of filling it in.
func writeAnswersTemplate(w io.Writer, p *checklist.Pack, client, assessor, run string) error {
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var b strings.Builder
	fmt.Fprintf(&b, "# Answers for %s (%s %s, %s).\n", oneLine(p.Title), p.ID, p.Version, p.Lang)
	fmt.Fprintf(&b, "# Fill in the answers, then run: %s\n", run)
	b.WriteString("# Checklist items: yes, partly, no or na. Statements: 1 (never) to 5 (always) or na.\n")
	fmt.Fprintf(&b, "client: %s\nassessor: %s\nanswers:\n", yamlString(client), yamlString(assessor))
	for _, s := range p.Sections {
		fmt.Fprintf(&b, "\n  # %s\n", oneLine(s.Title))
		for _, it := range s.Items {
			fmt.Fprintf(&b, "  %s:   # %s\n", it.ID, oneLine(it.Text))
		}
	}
	for _, a := range p.Areas {
		fmt.Fprintf(&b, "\n  # %s: rate 1 (never) to 5 (always)\n", oneLine(a.Title))
		for _, st := range a.Statements {
			fmt.Fprintf(&b, "  %s:   # %s\n", st.ID, oneLine(st.Text))
		}
	}
	b.WriteString("\n# A note for any id, in quotes, for example:\n#   responsiveness.third-ring: \"Phones ring out at lunch\"\nnotes:\n")
	b.WriteString("\n# A plan, if you like: up to three problems, each with a measurable goal.\n" +
		"# plan:\n#   vision: \"Every customer hears back within a day\"\n#   goals:\n" +
		"#     - problem: \"Phones ring out at lunch\"\n#       what: \"A second line from 12 to 2\"\n" +
		"#       target: \"90% of calls answered by the third ring\"\n#       due: \"end of March\"\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// yamlString quotes s for YAML when it is not empty.
func yamlString(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	q, _ := json.Marshal(strings.TrimSpace(s))
	return string(q)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
