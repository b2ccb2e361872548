package main

import "github.com/spf13/cobra"

func newContentCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "content",
		Short: "Show, validate and export content packs",
		Args:  cobra.NoArgs,
	}
	return cmd
}
