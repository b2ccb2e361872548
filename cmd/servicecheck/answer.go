package main

import (
	"bytes"
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
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/fileout"
	"github.com/servicecheck/servicecheck/internal/usertext"
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
	Output          string // with Template: the file to write; "" or "-" for Out
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
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "with --template: write the file here (never over an existing file)")
	return cmd
}

func runAnswer(a *app, opts *answerOptions) error {
	sp, err := chooseSessionPack(a.locale(), opts.ErrOut, opts.Lang, opts.Pack)
	if err != nil {
		return err
	}
	p := sp.pack
	if opts.Template {
		if opts.File != "" {
			return usageError("cmd.answer.template_and_file")
		}
		var b bytes.Buffer
		if err := writeAnswersTemplate(&b, p, opts.Client, firstNonEmpty(opts.Assessor, opts.DefaultAssessor), templateRun(opts)); err != nil {
			return err
		}
		// A template is filled in by hand: writing it again must not
		// wipe the answers typed into it.
		err := writeOutput(opts.Out, opts.Output, b.Bytes(), fileout.Options{Perm: 0o600, NoClobber: true})
		if errors.Is(err, fileout.ErrExists) {
			return msgError("truststore.template.exists", "File", opts.Output)
		}
		return err
	}
	if opts.Output != "" {
		return usageError("truststore.template.output_alone")
	}
	if opts.File == "" {
		return usageError("cmd.answer.needs_file")
	}
	name, data, err := readAnswersFile(opts.In, opts.File)
	if err != nil {
		return err
	}
	l := a.locale()
	af, err := checklist.ParseAnswersIn(name, data, p, answerWords(l, p))
	if err == nil && !opts.Incomplete {
		err = af.Incomplete()
	}
	if err != nil {
		return answersError(l, opts.ErrOut, name, err)
	}

	sess, err := sessionFromAnswers(af, opts, p, a.now())
	if err != nil {
		return err
	}
	if sess.AuditDate == "" {
		// Audited today, where the user reads days.
		sess.AuditDate = checklist.AuditDateOf(sess.CreatedAt.In(a.loc))
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
		if len(af.Review) > 0 {
			if err := applyFileReview(st, sess, af); err != nil {
				return err
			}
		}
		if err := sp.keep(st); err != nil {
			return err
		}
		if err := st.Create(sess); err != nil {
			return wrap(err, "cmd.answer.record")
		}
		doc = report.Build(p, sess, prev, prevPack)
		return nil
	})
	if err != nil {
		return err
	}
	if sess.Status == checklist.Completed {
		fmt.Fprintln(opts.ErrOut, l.T("cmd.answer.recorded", "ID", sess.ID, "Client", cellText(sess.Client)))
	} else {
		fmt.Fprintln(opts.ErrOut, l.N("cmd.answer.recorded_open", len(af.Missing), "ID", sess.ID, "Client", cellText(sess.Client)))
	}
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
		return nil, usageError("cmd.answer.no_client", "File", af.Name)
	}
	for _, f := range []struct{ flag, v string }{{"--client", opts.Client}, {"--assessor", opts.Assessor}} {
		if pr := checklist.NameProblem(strings.TrimSpace(f.v)); pr != nil {
			return nil, withCode(exitUsage, usertext.Wrap(pr, "cmd.answer.flag_problem", "Flag", f.flag))
		}
	}
	for id, ans := range af.Answers {
		ans.At = now
		sess.Answers[id] = ans
	}
	sess.Plan = af.Plan
	af.Details.Apply(sess)
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
			return "", nil, withCode(exitNotFound, wrap(err, "cmd.answer.read"))
		}
		if err != nil {
			return "", nil, wrap(err, "cmd.answer.read")
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, checklist.MaxAnswersFileSize+1))
	if err != nil {
		return "", nil, wrap(err, "cmd.answer.read_file", "File", name)
	}
	return name, data, nil
}

// answersError lists every problem of an answers file on errOut, one line
// each as file:line:col: field: message, and returns the summary line.
func answersError(l *i18n.Locale, errOut io.Writer, name string, err error) error {
	var verrs checklist.ValidationErrors
	if !errors.As(err, &verrs) {
		return err
	}
	for _, e := range verrs {
		fmt.Fprintln(errOut, usertext.Error(l, e))
	}
	return withCode(exitInvalid, usertext.Of(checklist.ErrInvalid, "cmd.answer.invalid", "File", name, "Count", len(verrs)))
}

// answerWords are the answer words an answers file for p may use besides
// English: those of p's language, which its template documents, and those
// of the user's.
func answerWords(user *i18n.Locale, p *checklist.Pack) checklist.Words {
	w := usertext.AnswerWords(packLocale(p.Lang))
	for k, v := range usertext.AnswerWords(user) {
		if _, taken := w[k]; !taken {
			w[k] = v
		}
	}
	return w
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
