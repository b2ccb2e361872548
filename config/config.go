// Package config reads servicecheck's settings: the config file
// ($XDG_CONFIG_HOME/servicecheck/config.yaml) and the SERVICECHECK_*
// environment variables, and says where each value came from.
//
// The rule is flag > environment > config file > default, for every key.
// Load applies the environment and the file; the caller applies its flags
// with Value.Override, since only it knows which were given. Load is pure:
// it reads the environment and the file only through the functions it is
// given, so tests need neither.
//
// A bad file never stops the program: Load returns every problem found,
// each at its file:line:col, and the values it could read. A syntax error
// drops the whole file (defaults apply); a bad key drops only that key.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/servicecheck/servicecheck/internal/termtext"
)

// Source says where a value came from.
type Source string

// The places a value can come from, strongest first.
const (
	FromFlag    Source = "flag"
	FromEnv     Source = "env"
	FromFile    Source = "config"
	FromDefault Source = "default"
)

// Value is one setting's effective value and where it came from.
type Value struct {
	Value  string `json:"value"`
	Source Source `json:"source"`
	// Origin names the exact place: "--lang", "SERVICECHECK_LANG",
	// "/home/ana/.config/servicecheck/config.yaml:3:7"; "" for a default.
	Origin string `json:"origin,omitempty"`
}

// Override returns the flag's value when the flag was given (non-empty),
// else v: a flag beats everything else.
func (v Value) Override(flagName, flag string) Value {
	if flag == "" {
		return v
	}
	return Value{Value: flag, Source: FromFlag, Origin: flagName}
}

// Key describes one setting.
type Key struct {
	Name string // in the file
	Env  string // the environment variable
	// File reports that the value is a file name: in the config file, a
	// relative name is relative to the config file's folder.
	File bool
	get  func(*Config) *Value
}

// Get returns the key's value in c.
func (k Key) Get(c *Config) Value { return *k.get(c) }

// EnvConfig names the environment variable that points at another config
// file than the default one ("" or unset: the default).
const EnvConfig = "SERVICECHECK_CONFIG"

// Keys are the settings, in the order the config command shows them.
var Keys = []Key{
	{Name: "lang", Env: "SERVICECHECK_LANG", get: func(c *Config) *Value { return &c.Lang }},
	{Name: "assessor", Env: "SERVICECHECK_ASSESSOR", get: func(c *Config) *Value { return &c.Assessor }},
	{Name: "db", Env: "SERVICECHECK_DB", File: true, get: func(c *Config) *Value { return &c.DB }},
	{Name: "firm", Env: "SERVICECHECK_FIRM", get: func(c *Config) *Value { return &c.Firm }},
	{Name: "consultant", Env: "SERVICECHECK_CONSULTANT", get: func(c *Config) *Value { return &c.Consultant }},
	{Name: "contact", Env: "SERVICECHECK_CONTACT", get: func(c *Config) *Value { return &c.Contact }},
	{Name: "logo", Env: "SERVICECHECK_LOGO", File: true, get: func(c *Config) *Value { return &c.Logo }},
}

// Config is the settings after the environment and the config file.
type Config struct {
	// Lang is the configured language code ("" when none: the caller then
	// follows the locale, see i18n.Resolve).
	Lang Value
	// Assessor is the default assessor of new sessions.
	Assessor Value
	// DB is the data file ("" when none: the default in the user data
	// folder, see store.ResolvePath).
	DB Value
	// Firm, Consultant, Contact and Logo are the consultant's details for
	// reports; Logo is an image file.
	Firm, Consultant, Contact, Logo Value

	// Path is the config file that was looked for ("" when there is no
	// folder to look in); Found whether it was there.
	Path  string
	Found bool
	// Problems lists what was wrong with the file, in file order; the
	// values it concerns are left at their defaults (or environment).
	Problems []*Problem
}

// Problem is one thing wrong with the config file (or a variable). What
// is wrong is a code with arguments, which callers word in the user's
// language (Messages has the English); Error is the English.
type Problem struct {
	Path      string
	Line, Col int    // from 1; 0 when it concerns the file as a whole
	Key       string // the key it concerns; "" for the file as a whole
	Code      string // a key of Messages
	Args      map[string]any
}

// Messages are the English of the problem codes, text/template style,
// as the message catalogue has them (config.problem.CODE).
var Messages = map[string]string{
	"syntax":         "syntax error: {{.Detail}}",
	"unreadable":     "cannot read it: {{.Detail}}",
	"too_large":      "{{.Size}} bytes is too large for a config file (at most {{.Max}})",
	"not_utf8":       "not UTF-8 text",
	"extra_document": "more than one YAML document: a config file is one map of keys",
	"not_map":        "the config file must be a map of keys, such as lang: it",
	"unknown_key":    "unknown key {{.Key}} (the keys are {{.Keys}})",
	"not_scalar":     "{{.Key}}: want a single value, such as {{.Key}}: {{.Example}}",
	"duplicate":      "{{.Key}} is given twice: the first one is used",
	"control":        "{{.Key}}: control character {{.Char}} is not allowed",
	"control_value":  "control character {{.Char}} is not allowed",
	"refused":        "{{.Key}}: {{.Detail}}",
}

// Position is "file:line:col", or the file (or variable) alone.
func (p *Problem) Position() string {
	if p.Line == 0 {
		return p.Path
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, max(p.Col, 1))
}

// Error returns "file:line:col: message" in English, the form editors jump
// to.
func (p *Problem) Error() string {
	msg := Messages[p.Code]
	for k, v := range p.Args {
		msg = strings.ReplaceAll(msg, "{{."+k+"}}", fmt.Sprint(v))
	}
	return p.Position() + ": " + msg
}

func problem(path string, line, col int, key, code string, args ...any) *Problem {
	p := &Problem{Path: path, Line: line, Col: col, Key: key, Code: code, Args: map[string]any{}}
	for i := 0; i+1 < len(args); i += 2 {
		p.Args[args[i].(string)] = args[i+1]
	}
	return p
}

// WholeFile reports whether the problem made Load ignore the whole file.
// Path is then the file; for a problem of one key it is the file or, for a
// bad environment variable, the variable's name.
func (p *Problem) WholeFile() bool { return p.Key == "" }

// Env is what Load reads the outside world through.
type Env struct {
	Getenv   func(string) string
	ReadFile func(string) ([]byte, error)
	// Check validates a key's value from the file (for example that a
	// language is one servicecheck speaks); a value it refuses is a
	// problem at its position and is left out. Optional.
	Check map[string]func(string) error
}

// maxSize bounds the config file: a few lines of settings; anything this
// large is the wrong file.
const maxSize = 64 << 10

// Load reads the environment and the config file (at $SERVICECHECK_CONFIG,
// else DefaultPath). A missing file is no problem; every other problem is
// in Config.Problems.
func Load(env Env) *Config {
	c := &Config{}
	for _, k := range Keys {
		*k.get(c) = Value{Source: FromDefault}
	}
	path := env.Getenv(EnvConfig)
	if path == "" {
		// With no folder for it (no HOME), there is no config file, as
		// when the file does not exist.
		path, _ = DefaultPath(env.Getenv)
	}
	c.Path = path
	if path != "" {
		c.readFile(env)
	}
	for _, k := range Keys {
		v := env.Getenv(k.Env)
		if v == "" {
			continue
		}
		if r, bad := badText(v); bad {
			c.Problems = append(c.Problems, problem(k.Env, 0, 0, k.Name, "control_value", "Char", fmt.Sprintf("%U", r)))
			continue
		}
		*k.get(c) = Value{Value: v, Source: FromEnv, Origin: k.Env}
	}
	return c
}

func (c *Config) readFile(env Env) {
	data, err := env.ReadFile(c.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return
	case err != nil:
		c.Problems = append(c.Problems, problem(c.Path, 0, 0, "", "unreadable", "Detail", describe(err)))
		return
	}
	c.Found = true
	if len(data) > maxSize {
		c.Problems = append(c.Problems, problem(c.Path, 0, 0, "", "too_large", "Size", len(data), "Max", maxSize))
		return
	}
	if !utf8.Valid(data) {
		c.Problems = append(c.Problems, problem(c.Path, 0, 0, "", "not_utf8"))
		return
	}
	entries, problems := parse(c.Path, data)
	c.Problems = append(c.Problems, problems...)
	for _, e := range entries {
		k, ok := keyNamed(e.key)
		if !ok {
			c.Problems = append(c.Problems, problem(c.Path, e.keyLine, e.keyCol, e.key, "unknown_key",
				"Key", fmt.Sprintf("%q", e.key), "Keys", keyNames()))
			continue
		}
		if r, bad := badText(e.value); bad {
			c.Problems = append(c.Problems, problem(c.Path, e.line, e.col, e.key, "control",
				"Key", e.key, "Char", fmt.Sprintf("%U", r)))
			continue
		}
		if check := env.Check[k.Name]; check != nil && e.value != "" {
			if err := check(e.value); err != nil {
				c.Problems = append(c.Problems, problem(c.Path, e.line, e.col, e.key, "refused",
					"Key", e.key, "Detail", err.Error()))
				continue
			}
		}
		v := e.value
		if k.File && v != "" {
			v = relativeTo(filepath.Dir(c.Path), v)
		}
		if v == "" {
			continue // "lang:" with nothing after it: the default
		}
		*k.get(c) = Value{Value: v, Source: FromFile, Origin: fmt.Sprintf("%s:%d:%d", c.Path, e.line, e.col)}
	}
}

// relativeTo makes a relative file name in the config file relative to
// the file's folder; an absolute name and "~/…" (the home folder, expanded
// where the file is opened) are kept.
func relativeTo(dir, name string) string {
	if filepath.IsAbs(name) || name == "~" || strings.HasPrefix(name, "~/") {
		return name
	}
	return filepath.Join(dir, name)
}

// badText returns the first control character of s (termtext's rule; a
// line break or tab is allowed, as in a contact's address): such a value
// would reach the terminal when it is shown.
func badText(s string) (rune, bool) {
	i, r := termtext.Find(s, true)
	return r, i >= 0
}

func keyNamed(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

func keyNames() string {
	names := make([]string, len(Keys))
	for i, k := range Keys {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}

// describe is an I/O error without the path, which the problem names.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// DefaultPath is servicecheck/config.yaml in the user config folder,
// computed from getenv by the XDG rules adrg/xdg follows on each platform
// (an absolute $XDG_CONFIG_HOME wins; a relative one is ignored).
func DefaultPath(getenv func(string) string) (string, error) {
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home := getenv("HOME")
		switch runtime.GOOS {
		case "windows":
			dir = getenv("LOCALAPPDATA")
		case "darwin", "ios":
			if home != "" {
				dir = filepath.Join(home, "Library", "Application Support")
			}
		case "plan9":
			if home != "" {
				dir = filepath.Join(home, "lib")
			}
		default:
			if home != "" {
				dir = filepath.Join(home, ".config")
			}
		}
	}
	if dir == "" {
		return "", errors.New("no folder for the config file: set HOME or XDG_CONFIG_HOME, or " + EnvConfig)
	}
	return filepath.Join(dir, "servicecheck", "config.yaml"), nil
}
