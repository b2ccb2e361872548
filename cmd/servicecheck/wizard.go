package main

import (
	"time"

	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/plain"
)

// wizardMode is what the wizard opens with.
type wizardMode int

const (
	wizardHome   wizardMode = iota // servicecheck
	wizardNew                      // servicecheck new
	wizardResume                   // servicecheck resume [ID]
)

// wizardOptions are the flags and arguments of the commands that open the
// wizard.
type wizardOptions struct {
	mode       wizardMode
	accessible bool
	client     string
	assessor   string
	id         string // resume: a session id or unique prefix; "" asks
	lang       string // the language of the screens and of new sessions' built-in pack
	packFile   string // new sessions: a content pack file of the user's own
	date       string // new: the audit date, YYYY-MM-DD ("" today)
}

// addWizard makes the root command open the wizard and adds new and resume.
func addWizard(root *cobra.Command, a *app) {
	opts := &wizardOptions{}
	root.Flags().BoolVar(&opts.accessible, "accessible", false, accessibleHelp)
	addPackFlags(root, opts)
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		return runWizard(cmd.Context(), a, *opts)
	}
	root.AddCommand(newNewCmd(a), newResumeCmd(a))
}

const accessibleHelp = "plain prompts for screen readers (the default when stdin is not a terminal)"

// addPackFlags adds the flags that choose the content new sessions are
// answered with. Resumed sessions keep the pack they were started with.
func addPackFlags(cmd *cobra.Command, opts *wizardOptions) {
	cmd.Flags().StringVar(&opts.lang, "lang", "", "use this language for the screens and new sessions' questions: "+
		strings.Join(content.Languages(), ", ")+" (default: see servicecheck config, else the locale's language, else en)")
	cmd.Flags().StringVar(&opts.packFile, "pack", "", "answer with your own content pack file (kept in the data file)")
}

func newNewCmd(a *app) *cobra.Command {
	opts := &wizardOptions{mode: wizardNew}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new session in the wizard",
		Long: "Start a new audit session. With --client the first question opens straight away;\n" +
			"without it the wizard asks for the client (offering names from earlier sessions).",
		Example: "  servicecheck new --client \"Bakery Rossi\" --assessor Ana\n" +
			"  servicecheck new --lang it\n" +
			"  servicecheck new --pack my-pack.yaml",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWizard(cmd.Context(), a, *opts)
		},
	}
	cmd.Flags().StringVar(&opts.client, "client", "", "who the audit is for")
	cmd.Flags().StringVar(&opts.assessor, "assessor", "", "who runs the audit (default: see servicecheck config)")
	cmd.Flags().StringVar(&opts.date, "date", "", "the day of the audit, YYYY-MM-DD (default today): for a form typed in later")
	cmd.Flags().BoolVar(&opts.accessible, "accessible", false, accessibleHelp)
	addPackFlags(cmd, opts)
	return cmd
}

func newResumeCmd(a *app) *cobra.Command {
	opts := &wizardOptions{mode: wizardResume}
	cmd := &cobra.Command{
		Use:   "resume [ID]",
		Short: "Continue an unfinished session where it was left",
		Long: "Continue a session at the question where it was left. Without an ID it resumes\n" +
			"the only unfinished session, or lets you choose when there are several.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runWizard(cmd.Context(), a, *opts)
		},
	}
	cmd.Flags().BoolVar(&opts.accessible, "accessible", false, accessibleHelp)
	return cmd
}

// runWizard opens the data file, decides where to start and runs the full
// screen app on a terminal, or the plain prompts otherwise.
func runWizard(ctx context.Context, a *app, opts wizardOptions) error {
	// The language is chosen once: --lang, else the configured language
	// (SERVICECHECK_LANG or the config file's lang), else the locale
	// (LANG=it_IT.UTF-8), else English. Without --pack it also chooses the
	// built-in pack new sessions are answered with. A wrong language or
	// pack file is reported before anything opens.
	ui, uiErr := a.uiLang(opts.lang)
	packLang := opts.lang
	if packLang == "" && opts.packFile == "" {
		packLang = ui
	}
	var sp sessionPack
	var packFunc func() *checklist.Pack
	var intro string
	if opts.packFile == "" && opts.mode != wizardNew {
		// Home and resume start no session at once: the built-in pack is
		// checked now and parsed alongside opening the data file and
		// building the model (it takes longer than both;
		// docs/benchmarks.md).
		lang, err := content.Check(packLang)
		if err != nil {
			return langError(err)
		}
		packFunc = sync.OnceValue(func() *checklist.Pack {
			if p, err := content.ForLang(lang); err == nil {
				return p
			}
			return content.Default() // not reached: Check found it
		})
		go packFunc()
		// Home shows the pack's intro: read on its own, it does not
		// hold the first frame back until the pack is parsed.
		intro, _ = content.Intro(lang)
	} else {
		var err error
		if sp, err = chooseSessionPack(i18n.For(ui), guard(a.errOut), packLang, opts.packFile); err != nil {
			return err
		}
	}
	if uiErr != nil {
		return withCode(exitUsage, uiErr)
	}
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	repo := tui.StoreRepo{Path: path, Opts: a.storeOptions(false)}
	// Fail now, with a clear word and exit code, if the file cannot be used.
	// The store's errors name the file and what to do already. A file that
	// a write would refuse (damaged) is refused before a screen opens and
	// answers are typed that could not be saved; a missing one is left to
	// be created by the first answer.
	if _, err := os.Stat(path); err == nil {
		if err := store.Do(path, repo.Opts, func(*store.Store) error { return nil }); err != nil {
			return err
		}
	}
	if _, err := repo.Clients(); err != nil {
		return err
	}
	if sp.yaml != nil {
		// Kept before the first answer, so that every session answered
		// with the pack can be read without the file, and a pack that
		// clashes with a kept one is refused before any screen opens.
		if err := store.Do(path, repo.Opts, sp.keep); err != nil {
			return err
		}
	}
	lookup := a.wizardLookup(path)
	interactive := !opts.accessible && a.getenv("TERM") != "dumb" && isTerminal(a.in) && isTerminal(a.out)
	opts.assessor = a.defaultAssessor(opts.assessor)
	start, err := wizardStart(repo, opts, sp.pack, lookup, interactive)
	if err != nil {
		return err
	}
	topts := tui.Options{Repo: repo, Pack: sp.pack, PackFunc: packFunc, Intro: intro, Lookup: lookup, Start: start, Now: a.now,
		Lang: ui, Assessor: a.defaultAssessor("")}
	var out tui.Outcome
	if interactive {
		// The profile Bubble Tea would detect, decided here so that the
		// first frame, which the wizard draws itself, has the same colours.
		inFile, outFile := a.in.(*os.File), a.out.(*os.File)
		profile := colorprofile.Detect(outFile, os.Environ())
		if a.getenv("NO_COLOR") != "" {
			profile = colorprofile.Ascii
		}
		popts := []tea.ProgramOption{tea.WithInput(a.in), tea.WithOutput(a.out), tea.WithColorProfile(profile)}
		topts.Screen = &tui.Terminal{In: inFile, Out: outFile, Profile: profile}
		topts.Notices = guard(a.errOut)
		out, err = tui.Run(ctx, topts, popts...)
	} else {
		// Ctrl+C at a prompt saves and quits like q: the terminal is in
		// line mode here, so it arrives as a signal, not as a key. So do
		// SIGTERM and SIGHUP.
		if topts.Pack == nil {
			topts.Pack = packFunc()
		}
		pctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		out, err = plain.Run(pctx, a.in, a.out, topts)
		stop()
		if errors.Is(err, plain.ErrNoInput) {
			err = withCode(exitUsage, err)
		}
	}
	// "saved" only when everything was: otherwise the error says what was
	// not saved, on stderr, with a non-zero exit. Said in the language
	// the run chose: the screens are gone, and this is the program talking.
	l := i18n.For(ui)
	var gone *tui.GoneError
	switch {
	case out.SessionID == "":
	case errors.As(err, &gone):
		return withCode(exitNotFound, usertext.WrapInside(err, "trust.wizard.session_gone"))
	case err != nil:
		return usertext.WrapInside(err, "trust.wizard.not_saved", "Command", a.resumeCommand(out.SessionID))
	case out.Completed:
		fmt.Fprintln(a.out, l.T("cmd.wizard.saved_complete", "ID", out.SessionID))
	default:
		fmt.Fprintln(a.out, l.T("cmd.wizard.saved_resume", "Command", a.resumeCommand(out.SessionID)))
	}
	return err
}

// wizardStart resolves what the wizard opens with. A new session with a
// client is created here for the full-screen app, so that its first frame
// is the first question; the plain prompts create it on the first answer.
func wizardStart(repo tui.StoreRepo, opts wizardOptions, p *checklist.Pack,
	lookup func(checklist.Ref) (*checklist.Pack, error), interactive bool) (tui.Start, error) {
	switch opts.mode {
	case wizardNew:
		if opts.date != "" {
			iso, err := checklist.ParseAuditDate(opts.date)
			if err != nil {
				return tui.Start{}, usageError("session.flag.date_invalid", "Value", opts.date)
			}
			opts.date = iso
		}
		start := tui.Start{New: true, Client: opts.client, Assessor: opts.assessor, Date: opts.date}
		if opts.client == "" || !interactive {
			return start, nil
		}
		s := &checklist.Session{Client: opts.client, Assessor: opts.assessor, Pack: p.Ref(),
			Answers: map[string]checklist.Answer{}, AuditDate: start.AuditDay(time.Now())}
		if err := repo.Create(s); err != nil {
			return tui.Start{}, wrap(err, "cmd.wizard.create")
		}
		return tui.Start{Session: s, SessionPack: p}, nil
	case wizardResume:
		id := opts.id
		if id == "" {
			list, err := repo.List(store.Filter{Status: checklist.InProgress})
			if err != nil {
				return tui.Start{}, wrap(err, "cmd.wizard.list")
			}
			switch len(list) {
			case 0:
				return tui.Start{}, notFound("cmd.wizard.nothing_to_resume")
			case 1:
				id = list[0].ID
			default:
				return tui.Start{Resume: true}, nil
			}
		}
		s, rev, err := repo.GetRev(id)
		if err != nil {
			return tui.Start{}, wrap(err, "cmd.wizard.resume", "ID", id)
		}
		sp, err := lookup(s.Pack)
		if err != nil {
			return tui.Start{}, wrap(err, "cmd.wizard.resume", "ID", id)
		}
		return tui.Start{Session: s, SessionPack: sp, Rev: rev}, nil
	}
	return tui.Start{}, nil
}

// wizardLookup is the wizard's Options.Lookup: the pack a stored session
// was answered with, as lookupPack finds it. A kept pack is read from the
// data file once per run, as the file is held only for that read; screens
// ask for a session's pack as they draw, and must not wait on the disk.
func (a *app) wizardLookup(path string) func(checklist.Ref) (*checklist.Pack, error) {
	type found struct {
		pack *checklist.Pack
		err  error
	}
	var mu sync.Mutex
	seen := map[checklist.Ref]found{}
	ropts := a.storeOptions(true)
	return func(ref checklist.Ref) (*checklist.Pack, error) {
		if p, ok := builtinPack(ref); ok {
			return p, nil // nothing to read
		}
		mu.Lock()
		f, ok := seen[ref]
		mu.Unlock()
		if ok {
			return f.pack, f.err
		}
		err := store.Do(path, ropts, func(st *store.Store) error {
			var err error
			f.pack, err = a.lookupPack(st, ref)
			return err
		})
		if errors.Is(err, store.ErrNoFile) {
			f.pack, err = a.lookupPack(nil, ref)
		}
		f.err = err
		// A busy file may be free at the next try; a missing pack stays
		// missing for this run.
		if err == nil || exitCode(err) == exitNotFound {
			mu.Lock()
			seen[ref] = f
			mu.Unlock()
		}
		return f.pack, f.err
	}
}

// isTerminal reports whether f is a terminal: one of the process's files,
// bare or behind guard (which keeps its Fd).
func isTerminal(f any) bool {
	file, ok := f.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(file.Fd()))
}
