package main

import "github.com/spf13/cobra"

// addCompletion adds cobra's completion command with texts that fit 80
// columns: cobra's own have install lines longer than that.
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	long := map[string]string{
		"bash": "Print the bash completion script. It needs the bash-completion package.\n\n" +
			"For this shell only:\n\n" +
			"  source <(servicecheck completion bash)\n\n" +
			"For every new shell (Linux):\n\n" +
			"  servicecheck completion bash > /etc/bash_completion.d/servicecheck",
		"zsh": "Print the zsh completion script. Completion must be on in zsh\n" +
			"(autoload -U compinit; compinit in ~/.zshrc).\n\n" +
			"For this shell only:\n\n" +
			"  source <(servicecheck completion zsh)\n\n" +
			"For every new shell, write it to a folder on $fpath:\n\n" +
			"  servicecheck completion zsh > \"${fpath[1]}/_servicecheck\"",
		"fish": "Print the fish completion script.\n\n" +
			"For this shell only:\n\n" +
			"  servicecheck completion fish | source\n\n" +
			"For every new shell:\n\n" +
			"  servicecheck completion fish > ~/.config/fish/completions/servicecheck.fish",
		"powershell": "Print the PowerShell completion script.\n\n" +
			"For this shell only:\n\n" +
			"  servicecheck completion powershell | Out-String | Invoke-Expression\n\n" +
			"For every new shell, add that line to your PowerShell profile.",
	}
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "Print a completion script for your shell"
		c.Long = "Print a script that completes servicecheck's commands and flags in your\n" +
			"shell. See each shell's help for how to load it. Release archives carry the\n" +
			"scripts in completions/; the deb and rpm packages install them."
		for _, sc := range c.Commands() {
			if l, ok := long[sc.Name()]; ok {
				sc.Long = l
			}
		}
	}
}
