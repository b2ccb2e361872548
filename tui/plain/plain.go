// Package plain is the wizard as plain prompts, for screen readers, pipes
// and dumb terminals: one question per prompt, numbered choices, answers
// typed as words or numbers and read line by line, all on one output
// stream. It saves and scores exactly like the full-screen app.
//
// It does not use huh's accessible mode: huh v2.0.3 makes a new scanner per
// prompt and so loses every piped answer after the first.
package plain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/present"
)

// ErrNoInput means the input ended, or could not be read, before the first
// answer: there is nobody to ask.
var ErrNoInput = errors.New("no input")

// errQuit ends the walk when the user types q or the input ends.
var errQuit = errors.New("quit")

// Run asks on out and reads the answers from in, starting where
// opts.Start says. Every answer is saved before the next question. When ctx
// is cancelled (the CLI cancels it on Ctrl+C) the prompt stops waiting and
// Run returns as if the user had typed q: what was answered is saved.
func Run(ctx context.Context, in io.Reader, out io.Writer, opts tui.Options) (tui.Outcome, error) {
	if opts.Repo == nil || opts.Pack == nil {
		return tui.Outcome{}, errors.New("wizard: no repository or content pack")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RetryDelay <= 0 {
		opts.RetryDelay = time.Second
	}
	r := &runner{ctx: ctx, in: bufio.NewReader(in), out: out, opts: opts, echo: !isTerminal(in)}
	r.ui = i18n.For(opts.Lang)
	if opts.Lang == "" {
		r.ui = i18n.For(opts.Pack.Lang)
	}
	err := r.run()
	out2 := tui.Outcome{}
	if r.sess != nil {
		out2.SessionID = r.sess.ID
		out2.Completed = r.sess.Status == checklist.Completed
	}
	if errors.Is(err, errQuit) {
		err = nil
	}
	if r.sess != nil && !r.lazy {
		if _, ferr := r.flush(5); ferr != nil && err == nil {
			err = ferr
		}
	}
	return out2, err
}

type runner struct {
	ctx  context.Context
	in   *bufio.Reader
	out  io.Writer
	opts tui.Options
	read int          // lines read so far
	ui   *i18n.Locale // the user's language, before a session is open

	sess *checklist.Session
	pack *checklist.Pack
	qs   []checklist.Question
	// pending holds writes not made yet, oldest first, to try again.
	pending []store.Change
	// rev is the open session's revision as last read or written.
	rev store.Rev
	// lazy is the session still to be created, on the first answer.
	lazy bool
	// echo repeats each answer after its prompt: piped answers are not
	// shown by a terminal, and the transcript should read as a dialogue.
	echo bool
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// say writes a line. Every line passes termtext.Clean: it may carry a
// pack's text, a stored note or a client name, and none of them may drive
// the terminal.
func (r *runner) say(format string, args ...any) {
	fmt.Fprint(r.out, termtext.Clean(fmt.Sprintf(format, args...))+"\n")
}

// loc is the language of what is said: the open session's pack's, else
// the user's.
func (r *runner) loc() *i18n.Locale {
	if r.pack == nil {
		return r.ui
	}
	return present.Locale(r.pack, r.ui)
}

// t is the message id in the language of what is said.
func (r *runner) t(id string, args ...any) string { return r.loc().T(id, args...) }

// sayT says the message id, a line of its own.
func (r *runner) sayT(id string, args ...any) { r.say("%s", r.t(id, args...)) }

// cmd reads a plain command's spellings from the catalogue: the first is
// the one shown, all are accepted.
func (r *runner) cmd(name string) []string {
	var out []string
	for _, w := range strings.Split(strings.Trim(r.t("plain.cmd."+name), "⟦⟧"), ",") {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// is reports whether a typed line is the plain command name.
func (r *runner) is(line, name string) bool {
	return slices.Contains(r.cmd(name), strings.ToLower(strings.TrimSpace(line)))
}

// describe says why a write failed.
func (r *runner) describe(err error) string {
	if err == nil {
		return r.t("tui.error.unknown")
	}
	return present.Error(r.loc(), err)
}

// ask prints a prompt and reads one line. The end of the input before the
// first line is ErrNoInput; after it, it quits (progress is saved).
func (r *runner) ask(prompt string) (string, error) {
	fmt.Fprint(r.out, termtext.Clean(prompt))
	line, err := r.readLine()
	if errors.Is(err, errInterrupted) {
		fmt.Fprintln(r.out)
		r.sayT("plain.interrupted")
		return "", errQuit
	}
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		fmt.Fprintln(r.out)
		if r.read == 0 {
			if errors.Is(err, io.EOF) {
				return "", usertext.Of(ErrNoInput, "plain.no_input.ended")
			}
			return "", &usertext.Message{ID: "plain.no_input.read", Cause: err, Kind: ErrNoInput}
		}
		if errors.Is(err, io.EOF) {
			if r.sess == nil || r.lazy {
				// Lines were read, but none made an answer: saying
				// "quit" here would let a script believe it had
				// recorded something.
				return "", usertext.Of(ErrNoInput, "plain.no_input.nothing")
			}
			r.sayT("plain.input_ended")
			return "", errQuit
		}
		return "", fmt.Errorf("read answers: %w", err)
	}
	r.read++
	line = strings.TrimSpace(line)
	if r.echo {
		fmt.Fprintln(r.out, termtext.Line(line))
	}
	return line, nil
}

// errInterrupted is returned by readLine when the context ends first.
var errInterrupted = errors.New("interrupted")

// readLine reads one line, or gives up when the context ends: a read from
// a terminal cannot be cancelled, so it runs on its own goroutine, which is
// left behind only when the program is about to exit.
func (r *runner) readLine() (string, error) {
	if r.ctx == nil || r.ctx.Done() == nil {
		return r.in.ReadString('\n')
	}
	if r.ctx.Err() != nil {
		return "", errInterrupted
	}
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := r.in.ReadString('\n')
		ch <- result{line, err}
	}()
	select {
	case res := <-ch:
		return res.line, res.err
	case <-r.ctx.Done():
		return "", errInterrupted
	}
}

func (r *runner) run() error {
	s := r.opts.Start
	r.sayT("plain.intro")
	r.sayT("plain.intro_save")
	switch {
	case s.Session != nil:
		p := s.SessionPack
		if p == nil {
			var err error
			if p, err = r.packFor(s.Session.Pack); err != nil {
				return err
			}
		}
		return r.open(s.Session, p)
	case s.New:
		return r.newSession(s.Client, s.Assessor)
	case s.Resume:
		return r.resume()
	}
	return r.home()
}

func (r *runner) packFor(ref checklist.Ref) (*checklist.Pack, error) {
	if r.opts.Lookup != nil {
		return r.opts.Lookup(ref)
	}
	return r.opts.Pack, nil
}

func (r *runner) home() error {
	unfinished, err := r.opts.Repo.List(store.Filter{Status: checklist.InProgress})
	if err != nil {
		return fmt.Errorf("read sessions: %w", err)
	}
	for {
		r.say("")
		r.sayT("plain.home.new")
		r.say("%s", r.loc().N("plain.home.resume", len(unfinished)))
		r.sayT("plain.home.quit")
		line, err := r.ask(r.t("plain.home.ask"))
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "1", "new":
			return r.newSession("", r.opts.Assessor)
		case "2", "resume":
			return r.resume()
		case "3":
			return errQuit
		}
		if r.is(line, "quit") {
			return errQuit
		}
		r.sayT("plain.home.again")
	}
}

func (r *runner) newSession(client, assessor string) error {
	if strings.TrimSpace(client) == "" {
		if clients, err := r.opts.Repo.Clients(); err == nil && len(clients) > 0 {
			r.sayT("plain.setup.known", "Names", strings.Join(clients, ", "))
		}
		for client == "" {
			line, err := r.ask(r.t("plain.setup.client"))
			if err != nil {
				return err
			}
			if line == "q" {
				return errQuit
			}
			client = line
			if client == "" {
				r.sayT("plain.setup.client_empty")
			}
		}
		prompt := r.t("plain.setup.assessor")
		if assessor != "" {
			// The configured assessor (servicecheck config).
			prompt = r.t("config.prompt.assessor", "Name", termtext.Line(assessor))
		}
		line, err := r.ask(prompt)
		if err != nil {
			return err
		}
		if line != "" {
			assessor = line
		}
		if err := r.create(client, assessor); err != nil {
			return err
		}
	} else {
		// Created on the first answer, so that no input leaves nothing behind.
		r.sess = &checklist.Session{Client: strings.TrimSpace(client), Assessor: strings.TrimSpace(assessor),
			Pack: r.opts.Pack.Ref(), Answers: map[string]checklist.Answer{}, AuditDate: r.opts.Start.AuditDay(r.opts.Now())}
		r.lazy = true
	}
	return r.walk(r.sess, r.opts.Pack)
}

func (r *runner) create(client, assessor string) error {
	s := &checklist.Session{Client: strings.TrimSpace(client), Assessor: strings.TrimSpace(assessor),
		Pack: r.opts.Pack.Ref(), Answers: map[string]checklist.Answer{}, AuditDate: r.opts.Start.AuditDay(r.opts.Now())}
	if err := r.opts.Repo.Create(s); err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	r.sess = s
	r.sayT("plain.setup.started", "ID", s.ID, "Client", s.Client)
	return nil
}

func (r *runner) resume() error {
	list, err := r.opts.Repo.List(store.Filter{Status: checklist.InProgress})
	if err != nil {
		return fmt.Errorf("read sessions: %w", err)
	}
	if len(list) == 0 {
		r.sayT("plain.resume.none")
		return r.home()
	}
	r.say("")
	r.sayT("plain.resume.title")
	for i, s := range list {
		r.sayT("plain.resume.row", "N", i+1, "Client", s.Client, "Date", r.loc().Date(s.CreatedAt), "Done", s.Answered)
	}
	for {
		line, err := r.ask(r.t("plain.resume.ask", "Count", len(list)))
		if err != nil {
			return err
		}
		if r.is(line, "quit") {
			return errQuit
		}
		n, err := strconv.Atoi(line)
		if err == nil && n >= 1 && n <= len(list) {
			s, rev, err := r.opts.Repo.GetRev(list[n-1].ID)
			if err != nil {
				return fmt.Errorf("open session %s: %w", list[n-1].ID, err)
			}
			r.rev = rev
			p, err := r.packFor(s.Pack)
			if err != nil {
				return err
			}
			return r.open(s, p)
		}
		r.sayT("plain.resume.again", "Count", len(list))
	}
}

// open continues a stored session, or shows its results when completed.
func (r *runner) open(s *checklist.Session, p *checklist.Pack) error {
	r.sess = s
	if s == r.opts.Start.Session {
		r.rev = r.opts.Start.Rev
	}
	if s.Answers == nil {
		s.Answers = map[string]checklist.Answer{}
	}
	if s.Status == checklist.Completed {
		r.pack, r.qs = p, p.Questions()
		return r.resultsAndPlan()
	}
	r.pack = p
	r.sayT("plain.resume.opened", "ID", s.ID, "Client", s.Client)
	return r.walk(s, p)
}
