package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

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
				return usageErrorf("delete takes a session id or --client, not both")
			case opts.Client == "" && len(args) != 1:
				return usageErrorf("delete takes one session id, or --client NAME")
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
		return usageErrorf("delete needs confirmation: pass --yes to delete without being asked")
	}
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
				return notFoundf("client %q has no sessions", opts.Client)
			}
			clientName = sums[0].Client
			what = fmt.Sprintf("%s of client %s", plural(len(sums), "session"), clientName)
			return nil
		}
		s, err := st.Get(opts.Session)
		if err != nil {
			return err
		}
		opts.Session = s.ID
		what = fmt.Sprintf("session %s of client %s (%s, %s)", s.ID, cellText(s.Client),
			sessionDate(s).UTC().Format(time.DateOnly), statusWord(s.Status))
		return nil
	})
	if err != nil {
		return err
	}
	if !opts.Yes {
		ok, err := confirm(opts.In, opts.ErrOut, "delete "+what+"? this cannot be undone [y/N] ")
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintln(opts.ErrOut, "nothing deleted")
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
		fmt.Fprintf(opts.Out, "deleted %s of client %s\n", plural(n, "session"), clientName)
	} else {
		fmt.Fprintf(opts.Out, "deleted session %s\n", opts.Session)
	}
	return nil
}

// confirm asks a yes/no question; only an explicit yes counts.
func confirm(in io.Reader, errOut io.Writer, question string) (bool, error) {
	fmt.Fprint(errOut, question)
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(errOut)
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("read answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}
