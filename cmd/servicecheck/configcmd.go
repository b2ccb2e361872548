package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/servicecheck/servicecheck/config"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/internal/termtext"
)

// configKey is a setting with the help the config command and the man page
// give for it.
type configKey struct {
	config.Key
	Help string
}

// configKeys are config.Keys with their help.
func configKeys() []configKey {
	help := map[string]string{
		"lang":       "language of the screens and of new sessions' questions: en, it, sq or af",
		"assessor":   "who runs the audits: the default assessor of new sessions",
		"db":         "the data file (default: servicecheck.db in the user data folder)",
		"firm":       "the consultant's firm, for reports",
		"consultant": "the consultant's name, for reports",
		"contact":    "the consultant's contact details, for reports",
		"logo":       "an image file with the firm's logo, for reports",
	}
	keys := make([]configKey, len(config.Keys))
	for i, k := range config.Keys {
		keys[i] = configKey{Key: k, Help: help[k.Name]}
	}
	return keys
}

func newConfigCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the settings in effect and where each comes from",
		Long: "Show each setting in effect and where it comes from. A flag wins over an\n" +
			"environment variable, which wins over the config file, which wins over the\n" +
			"default. The config file is servicecheck/config.yaml in the user config folder\n" +
			"($XDG_CONFIG_HOME, else ~/.config on Linux), or the file $SERVICECHECK_CONFIG\n" +
			"names. A relative file name in it is relative to its folder. For example:\n\n" +
			"  lang: it\n" +
			"  assessor: Ana Rossi\n" +
			"  db: ~/audits/servicecheck.db\n" +
			"  firm: Rossi Consulting\n" +
			"  consultant: Ana Rossi\n" +
			"  contact: ana@rossi.example, +39 055 123456\n" +
			"  logo: logo.png\n\n" +
			"Each key has an environment variable: SERVICECHECK_ and the key in capitals\n" +
			"(SERVICECHECK_LANG, SERVICECHECK_DB, ...). A mistake in the file is reported\n" +
			"as file:line:col and servicecheck goes on with the defaults for the rest.",
		Example: "  servicecheck config\n" +
			"  servicecheck config --json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runConfig(a, cmd.OutOrStdout(), asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the settings as JSON")
	return cmd
}

// setting is one line of the config command's output.
type setting struct {
	Key    string        `json:"key"`
	Value  string        `json:"value"`
	Source config.Source `json:"source"`
	// Origin is the flag, variable or file:line:col the value came from.
	Origin string `json:"origin,omitempty"`
	Env    string `json:"env"`
}

// effectiveSettings are the values this run uses. Two defaults are worked
// out here, as the commands work them out: the data file's path, and the
// language, which follows the locale when none is configured.
func (a *app) effectiveSettings() ([]setting, error) {
	c := a.settings()
	var out []setting
	for _, k := range configKeys() {
		v := k.Get(c)
		if k.Name == "db" {
			v = a.dbSetting()
			p, err := a.dbPath()
			if err != nil {
				return nil, err
			}
			v.Value = p
		}
		if k.Name == "lang" && v.Source == config.FromDefault {
			lang, src, _ := i18n.Resolve("", "", a.getenv)
			v.Value = lang
			if src == i18n.FromLocale {
				v.Origin = "locale"
			}
		}
		out = append(out, setting{Key: k.Name, Value: v.Value, Source: v.Source, Origin: v.Origin, Env: k.Env})
	}
	return out, nil
}

func runConfig(a *app, w io.Writer, asJSON bool) error {
	c := a.settings()
	settings, err := a.effectiveSettings()
	if err != nil {
		return err
	}
	if asJSON {
		// Problems in English, like the rest of the document.
		problems := []string{}
		for _, p := range c.Problems {
			problems = append(problems, p.Error())
		}
		doc := struct {
			File     string    `json:"file"`
			Found    bool      `json:"found"`
			Settings []setting `json:"settings"`
			Problems []string  `json:"problems"`
		}{c.Path, c.Found, settings, problems}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	l := a.locale()
	switch {
	case c.Path == "":
		fmt.Fprintln(w, l.T("config.file.none", "Var", config.EnvConfig))
	case c.Found:
		fmt.Fprintln(w, l.T("config.file.found", "Path", termtext.Line(c.Path)))
	default:
		fmt.Fprintln(w, l.T("config.file.missing", "Path", termtext.Line(c.Path)))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, l.T("config.column.key")+"\t"+l.T("config.column.value")+"\t"+l.T("config.column.from"))
	for _, s := range settings {
		value := s.Value
		if value == "" {
			value = "-"
		}
		from := string(s.Source)
		if s.Origin != "" {
			from += " " + s.Origin
		}
		// A multi-line contact shows as one line here.
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, termtext.Line(strings.ReplaceAll(value, "\n", " / ")), termtext.Line(from))
	}
	return tw.Flush()
}
