package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/scoring"
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
}

// addWizard makes the root command open the wizard and adds new and resume.
func addWizard(root *cobra.Command, a *app) {
	opts := &wizardOptions{}
	root.Flags().BoolVar(&opts.accessible, "accessible", false, accessibleHelp)
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		return runWizard(cmd.Context(), a, *opts)
	}
	root.AddCommand(newNewCmd(a), newResumeCmd(a))
}

const accessibleHelp = "plain prompts for screen readers (the default when stdin is not a terminal)"

func newNewCmd(a *app) *cobra.Command {
	opts := &wizardOptions{mode: wizardNew}
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new session in the wizard",
		Long: "Start a new audit session. With --client the first question opens straight away;\n" +
			"without it the wizard asks for the client (offering names from earlier sessions).",
		Example: "  servicecheck new --client \"Bakery Rossi\" --assessor Ana",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWizard(cmd.Context(), a, *opts)
		},
	}
	cmd.Flags().StringVar(&opts.client, "client", "", "who the audit is for")
	cmd.Flags().StringVar(&opts.assessor, "assessor", "", "who runs the audit")
	cmd.Flags().BoolVar(&opts.accessible, "accessible", false, accessibleHelp)
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
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	sopts := a.storeOptions(false)
	if sopts.Summarize == nil {
		sopts.Summarize = wizardTotal
	}
	repo := tui.StoreRepo{Path: path, Opts: sopts}
	// Fail now, with a clear word and exit code, if the file cannot be used.
	// The store's errors name the file and what to do already.
	if _, err := repo.Clients(); err != nil {
		return err
	}
	interactive := !opts.accessible && a.getenv("TERM") != "dumb" && isTerminal(a.in) && isTerminal(a.out)
	start, err := wizardStart(repo, opts, interactive)
	if err != nil {
		return err
	}
	topts := tui.Options{Repo: repo, Pack: content.Default(), Lookup: content.Lookup, Start: start, Now: a.now}
	var out tui.Outcome
	if interactive {
		popts := []tea.ProgramOption{tea.WithInput(a.in), tea.WithOutput(a.out)}
		if a.getenv("NO_COLOR") != "" {
			popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
		}
		topts.Notices = a.errOut
		out, err = tui.Run(ctx, topts, popts...)
	} else {
		// Ctrl+C at a prompt saves and quits like q: the terminal is in
		// line mode here, so it arrives as a signal, not as a key.
		pctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		out, err = plain.Run(pctx, a.in, a.out, topts)
		stop()
		if errors.Is(err, plain.ErrNoInput) {
			err = withCode(exitUsage, err)
		}
	}
	switch {
	case out.SessionID == "":
	case out.Completed:
		fmt.Fprintf(a.out, "saved. session %s is complete\n", out.SessionID)
	case err == nil:
		fmt.Fprintf(a.out, "saved. resume with: %s\n", a.resumeCommand(out.SessionID))
	}
	return err
}

// wizardStart resolves what the wizard opens with. A new session with a
// client is created here for the full-screen app, so that its first frame
// is the first question; the plain prompts create it on the first answer.
func wizardStart(repo tui.StoreRepo, opts wizardOptions, interactive bool) (tui.Start, error) {
	switch opts.mode {
	case wizardNew:
		if opts.client == "" || !interactive {
			return tui.Start{New: true, Client: opts.client, Assessor: opts.assessor}, nil
		}
		p := content.Default()
		s := &checklist.Session{Client: opts.client, Assessor: opts.assessor, Pack: p.Ref(),
			Answers: map[string]checklist.Answer{}}
		if err := repo.Create(s); err != nil {
			return tui.Start{}, fmt.Errorf("create session: %w", err)
		}
		return tui.Start{Session: s, SessionPack: p}, nil
	case wizardResume:
		id := opts.id
		if id == "" {
			list, err := repo.List(store.Filter{Status: checklist.InProgress})
			if err != nil {
				return tui.Start{}, fmt.Errorf("list sessions: %w", err)
			}
			switch len(list) {
			case 0:
				return tui.Start{}, withCode(exitNotFound, errors.New("no unfinished session to resume: start one with 'servicecheck new'"))
			case 1:
				id = list[0].ID
			default:
				return tui.Start{Resume: true}, nil
			}
		}
		s, err := repo.Get(id)
		if err != nil {
			return tui.Start{}, fmt.Errorf("resume %s: %w", id, err)
		}
		p, err := content.Lookup(s.Pack)
		if err != nil {
			return tui.Start{}, fmt.Errorf("resume %s: %w", id, err)
		}
		return tui.Start{Session: s, SessionPack: p}, nil
	}
	return tui.Start{}, nil
}

// wizardTotal scores a session's total for the store's summary index, with
// the pack it was answered with; a pack not built in gives no total.
func wizardTotal(s *checklist.Session) scoring.Total {
	p, err := content.Lookup(s.Pack)
	if err != nil {
		return scoring.Total{}
	}
	return scoring.Session(p, s).Total
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}
