package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/servicecheck/servicecheck/config"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
)

// settings returns the config file and environment settings (see package
// config), read on first use: commands such as --version and help never
// read the file. A bad config file is reported here, once per run, and the
// run goes on with the defaults for what could not be read.
func (a *app) settings() *config.Config {
	a.cfgOnce.Do(func() {
		a.cfg = config.Load(config.Env{
			Getenv:   a.getenv,
			ReadFile: os.ReadFile,
			Check:    map[string]func(string) error{"lang": checkLang},
		})
		// The locale comes from the settings just read (a.locale would
		// read them again).
		lang, _, _ := i18n.Resolve("", a.cfg.Lang.Value, a.getenv)
		if testLang != "" {
			lang = testLang
		}
		reportConfigProblems(guard(a.errOut), i18n.For(lang), a.cfg)
	})
	return a.cfg
}

// checkLang refuses, in the config file, a language servicecheck does not
// speak.
func checkLang(v string) error {
	if !i18n.Supported(i18n.Normalize(v)) {
		return fmt.Errorf("language %q is not available: use one of %s", v, strings.Join(i18n.Languages(), ", "))
	}
	return nil
}

// reportConfigProblems says what was wrong with the config file and what
// the run does instead, on stderr, one line each.
func reportConfigProblems(w io.Writer, l *i18n.Locale, c *config.Config) {
	if len(c.Problems) == 0 {
		return
	}
	whole := false
	for _, p := range c.Problems {
		fmt.Fprintf(w, "servicecheck: %s\n", termtext.Line(configProblem(l, p)))
		whole = whole || p.WholeFile()
	}
	if whole {
		fmt.Fprintln(w, "servicecheck: "+l.T("config.ignored.file"))
	} else {
		fmt.Fprintln(w, "servicecheck: "+l.T("config.ignored.keys"))
	}
}

// configProblem words a problem of the config file in l's language, after
// its file:line:col.
func configProblem(l *i18n.Locale, p *config.Problem) string {
	args := make([]any, 0, 2*len(p.Args))
	for k, v := range p.Args {
		args = append(args, k, v)
	}
	return p.Position() + ": " + l.T("config.problem."+p.Code, args...)
}

// packLang is the language of the built-in pack a command uses: --lang,
// else (when no --pack was given) the configured language. A configured
// value from the environment that names no language is a usage error
// that names the variable; the config file's was checked when it was read.
func (a *app) packLang(flag, packFile string) (string, error) {
	if flag != "" || packFile != "" {
		return flag, nil
	}
	v := a.settings().Lang
	if v.Value == "" {
		return "", nil
	}
	lang, err := content.Check(i18n.Normalize(v.Value))
	if err != nil {
		return "", withCode(exitUsage, fmt.Errorf("%s: %w", v.Origin, err))
	}
	return lang, nil
}

// defaultAssessor is the assessor of new sessions when --assessor is not
// given: SERVICECHECK_ASSESSOR or the config file's.
func (a *app) defaultAssessor(flag string) string {
	return a.settings().Assessor.Override("--assessor", flag).Value
}
