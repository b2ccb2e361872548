package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/usertext"
	"github.com/spf13/cobra"
)

func newContentCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "content",
		Short: "Show, validate and export content packs",
		Long: "A content pack holds the checklist questions, the self-assessment statements,\n" +
			"the advice for each area and the score bands. servicecheck has one built in for\n" +
			"each language; export one to start your own, and validate it before use.",
		// Runnable, so that an unknown subcommand is an error (exit 2)
		// rather than the help with exit 0.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newContentShowCmd(a), newContentValidateCmd(a), newContentExportCmd(a))
	return cmd
}

// choosePack returns the pack a command works on: the file given with
// --pack, else the built-in pack in lang ("" for the default language).
func choosePack(l *i18n.Locale, errOut io.Writer, lang, file string) (*checklist.Pack, error) {
	if file != "" {
		if lang != "" {
			return nil, usageError("cmd.packs.pack_or_lang")
		}
		p, err := checklist.LoadFile(file)
		if err != nil {
			return nil, packLoadError(l, errOut, file, err)
		}
		return p, nil
	}
	p, err := content.ForLang(lang)
	if err != nil {
		return nil, langError(err)
	}
	return p, nil
}

// langError turns an unknown --lang into a usage error.
func langError(err error) error {
	if errors.Is(err, content.ErrUnknown) {
		return withCode(exitUsage, err)
	}
	return err
}

// packLoadError reports a pack file that did not load. A pack that failed
// validation gets every problem on its own line, in the file:line:col form
// editors jump to, and the command ends with a one-line summary; a file that
// cannot be read ends the command with the reason.
func packLoadError(l *i18n.Locale, errOut io.Writer, file string, err error) error {
	l = orEnglish(l)
	var verrs checklist.ValidationErrors
	if errors.As(err, &verrs) {
		for _, e := range verrs {
			fmt.Fprintln(errOut, usertext.Error(l, e))
		}
		return withCode(exitInvalid, usertext.Of(checklist.ErrInvalid, "cmd.content.invalid", "File", file, "Count", len(verrs)))
	}
	if errors.Is(err, fs.ErrNotExist) {
		return withCode(exitNotFound, err)
	}
	return err
}
