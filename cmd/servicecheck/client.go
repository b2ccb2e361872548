package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/store"
)

// newClientCmd is `servicecheck client rename|merge`: put a client's
// history right after a typo.
func newClientCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "client",
		Short: "Rename a client or join two clients' histories",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "rename OLD NEW",
		Short: "Give every session of a client a new name",
		Long: "Give every session of client OLD the name NEW (to fix a spelling, say).\n" +
			"NEW must not already have sessions: to join two histories, use client merge.",
		Example: "  servicecheck client rename \"acme ltd\" \"Acme Ltd\"",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClientMove(a, cmd, args[0], args[1], false)
		},
	}, &cobra.Command{
		Use:   "merge FROM INTO",
		Short: "Move every session of one client to another",
		Long: "Move every session of client FROM to client INTO, which keeps its name:\n" +
			"a history started under a typo joins the right one. Comparisons and the\n" +
			"trend then see all of them.",
		Example: "  servicecheck client merge \"Acme Ltdd\" \"Acme Ltd\"",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClientMove(a, cmd, args[0], args[1], true)
		},
	})
	return cmd
}

func runClientMove(a *app, cmd *cobra.Command, from, to string, merge bool) error {
	var n int
	var into string
	err := a.withStore(false, func(st *store.Store) error {
		var err error
		if merge {
			n, err = st.MergeClients(from, to)
			if err == nil {
				into, err = storedName(st, to)
			}
			return err
		}
		n, err = st.RenameClient(from, to)
		into = to
		return err
	})
	if err != nil {
		return err
	}
	l := a.locale()
	if merge {
		fmt.Fprintln(cmd.OutOrStdout(), l.N("session.client.merged", n, "From", cellText(from), "Into", cellText(into)))
	} else {
		fmt.Fprintln(cmd.OutOrStdout(), l.N("session.client.renamed", n, "Old", cellText(from), "New", cellText(into)))
	}
	return nil
}

// storedName is the client's name as its sessions spell it.
func storedName(st *store.Store, client string) (string, error) {
	sums, err := st.List(store.Filter{Client: client, Limit: 1})
	if err != nil || len(sums) == 0 {
		return client, err
	}
	return sums[0].Client, nil
}
