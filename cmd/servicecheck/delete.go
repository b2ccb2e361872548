package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/servicecheck/servicecheck/store"
)

// deleteOptions are the inputs of `servicecheck delete`.
type deleteOptions struct {
	In          io.Reader
	Out, ErrOut io.Writer
	Session     string // an id or unique prefix; empty with Client
	Client      string // delete every session of this client
	Yes         bool   // no confirmation
	// Interactive is true when In is a terminal, where a person can be
	// asked to confirm.
	Interactive bool
}

func newDeleteCmd(a *app) *cobra.Command {
	opts := &deleteOptions{}
	cmd := &cobra.Command{
		Use:   "delete ID | --client NAME",
		Short: "Delete a session, or every session of a client",
		Long: "Delete a session, or with --client every session of a client (for example\n" +
			"when a client asks for their data to be removed). On a terminal it asks to\n" +
			"confirm; scripts must pass --yes, and without it the command refuses (exit 2).\n\n" +
			"Deleting erases: the data file is rewritten without the deleted sessions, so\n" +
			"that none of their text stays in it (see docs/reliability.md).",
		Example: "  servicecheck delete 06fjya6\n" +
			"  servicecheck delete --client \"Acme Ltd\" --yes",
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.Client != "" && len(args) != 0:
				return usageError("cmd.delete.id_and_client")
			case opts.Client == "" && len(args) != 1:
				return usageError("cmd.delete.needs_id")
			case len(args) == 1:
				opts.Session = args[0]
			}
			opts.In, opts.Out, opts.ErrOut = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			opts.Interactive = isInteractive(opts.In)
			return runDelete(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Client, "client", "", "delete every session of this client")
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask to confirm")
	return cmd
}

func runDelete(a *app, opts *deleteOptions) error {
	if !opts.Yes && !opts.Interactive {
		return usageError("cmd.delete.needs_yes")
	}
	l := a.locale()
	// Read what would be deleted first, with the file opened read-only and
	// released while the person thinks about it.
	var what, clientName string
	err := a.withStore(true, func(st *store.Store) error {
		if opts.Client != "" {
			sums, err := st.List(store.Filter{Client: opts.Client})
			if err != nil {
				return err
			}
			if len(sums) == 0 {
				return notFound("cmd.client_has_no_sessions", "Client", fmt.Sprintf("%q", opts.Client))
			}
			clientName = sums[0].Client
			what = l.N("cmd.delete.what_client", len(sums), "Client", cellText(clientName))
			return nil
		}
		s, err := st.Get(opts.Session)
		if err != nil {
			return err
		}
		opts.Session = s.ID
		what = l.T("cmd.delete.what_session", "ID", s.ID, "Client", cellText(s.Client),
			"Date", l.Date(sessionDate(s).In(a.loc)), "Status", statusWord(l, s.Status))
		return nil
	})
	if err != nil {
		return err
	}
	if !opts.Yes {
		ok, err := confirm(l, opts.In, opts.ErrOut, l.T("cmd.delete.confirm", "What", what)+" ")
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintln(opts.ErrOut, l.T("cmd.delete.nothing"))
			return nil
		}
	}
	var n int
	err = a.withStore(false, func(st *store.Store) error {
		if opts.Client != "" {
			var err error
			n, err = st.DeleteClient(opts.Client)
			return err
		}
		n = 1
		return st.Delete(opts.Session)
	})
	if err != nil {
		return err
	}
	if opts.Client != "" {
		fmt.Fprintln(opts.Out, l.N("cmd.delete.deleted_client", n, "Client", cellText(clientName)))
	} else {
		fmt.Fprintln(opts.Out, l.T("cmd.delete.deleted_session", "ID", opts.Session))
	}
	return nil
}

// confirm asks a yes/no question; only an explicit yes counts: "y" or
// "yes", or the language's own word for yes and its first letter ("sì",
// "s"; "po", "p"; "ja", "j").
func confirm(l *i18n.Locale, in io.Reader, errOut io.Writer, question string) (bool, error) {
	fmt.Fprint(errOut, question)
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(errOut)
		if err == io.EOF {
			return false, nil
		}
		return false, wrap(err, "cmd.delete.read_answer")
	}
	typed := strings.ToLower(strings.TrimSpace(line))
	if typed == "y" || typed == "yes" {
		return true, nil
	}
	v, err := usertext.AnswerWords(l).Parse(checklist.KindItem, typed)
	if err == nil && v == checklist.Yes {
		return true, nil
	}
	yes := []rune(usertext.AnswerWord(l, checklist.Yes))
	return len(yes) > 0 && typed == string(yes[0]), nil
}
