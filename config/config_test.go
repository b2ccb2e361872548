package config

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"testing"
)

const testPath = "/home/ana/.config/servicecheck/config.yaml"

// world is a fake environment and file system for Load.
func world(env map[string]string, file string) Env {
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["HOME"]; !ok {
		env["HOME"] = "/home/ana"
	}
	return Env{
		Getenv: func(k string) string { return env[k] },
		ReadFile: func(p string) ([]byte, error) {
			if p != testPath || file == "" {
				return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrNotExist}
			}
			return []byte(file), nil
		},
	}
}

// TestPrecedence checks flag > env > config > default for every key.
func TestPrecedence(t *testing.T) {
	for _, k := range Keys {
		fileValue := "/from/file"
		tests := []struct {
			name       string
			flag, env  string
			file       bool
			want       string
			wantSource Source
		}{
			{"default", "", "", false, "", FromDefault},
			{"config", "", "", true, fileValue, FromFile},
			{"env beats config", "", "/from/env", true, "/from/env", FromEnv},
			{"env alone", "", "/from/env", false, "/from/env", FromEnv},
			{"flag beats env and config", "/from/flag", "/from/env", true, "/from/flag", FromFlag},
			{"flag beats config", "/from/flag", "", true, "/from/flag", FromFlag},
			{"flag alone", "/from/flag", "", false, "/from/flag", FromFlag},
		}
		for _, tt := range tests {
			t.Run(k.Name+"/"+tt.name, func(t *testing.T) {
				env := map[string]string{}
				if tt.env != "" {
					env[k.Env] = tt.env
				}
				file := ""
				if tt.file {
					file = "# settings\n" + k.Name + ": " + fileValue + "\n"
				}
				c := Load(world(env, file))
				if len(c.Problems) > 0 {
					t.Fatalf("problems: %v", c.Problems)
				}
				got := k.Get(c).Override("--"+k.Name, tt.flag)
				if got.Value != tt.want || got.Source != tt.wantSource {
					t.Errorf("got %q from %s, want %q from %s", got.Value, got.Source, tt.want, tt.wantSource)
				}
				if tt.wantSource == FromFile && got.Origin != testPath+":2:"+strconv.Itoa(len(k.Name)+3) {
					t.Errorf("origin %q, want the value's file:line:col", got.Origin)
				}
			})
		}
	}
}

func TestFileNames(t *testing.T) {
	c := Load(world(nil, "db: audits.db\nlogo: ~/logo.png\n"))
	if c.DB.Value != "/home/ana/.config/servicecheck/audits.db" {
		t.Errorf("db %q: a relative name is relative to the config file's folder", c.DB.Value)
	}
	if c.Logo.Value != "~/logo.png" {
		t.Errorf("logo %q: ~/ is kept for the opener to expand", c.Logo.Value)
	}
	c = Load(world(map[string]string{"SERVICECHECK_DB": "rel.db"}, ""))
	if c.DB.Value != "rel.db" {
		t.Errorf("db from env %q: kept as given (relative to the working folder)", c.DB.Value)
	}
}

func TestValues(t *testing.T) {
	c := Load(world(nil, "lang: it\nassessor: Ana Rossi\nfirm: \"Rossi & Co\"\ncontact: 0551234\nconsultant:\n"))
	for _, tt := range []struct{ got, want string }{
		{c.Lang.Value, "it"}, {c.Assessor.Value, "Ana Rossi"}, {c.Firm.Value, "Rossi & Co"},
		{c.Contact.Value, "0551234"}, {c.Consultant.Value, ""},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if c.Consultant.Source != FromDefault {
		t.Errorf("an empty value is the default, got %s", c.Consultant.Source)
	}
	if !c.Found || c.Path != testPath {
		t.Errorf("found %v at %q", c.Found, c.Path)
	}
}

// TestBadFile checks that every problem is at file:line:col and that the
// good keys are still read (or, for a syntax error, nothing is).
func TestBadFile(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string // problems, without the path
		whole      bool
		lang       string // the value of lang after loading
	}{
		{"syntax error", "lang: it\nassessor: [Ana\n", []string{":2:"}, true, ""},
		{"unknown key", "lang: it\nlnag: sq\n", []string{`:2:1: unknown key "lnag"`}, false, "it"},
		{"not a single value", "lang: it\nassessor: [Ana, Bo]\n", []string{":2:11: assessor: want a single value"}, false, "it"},
		{"not a map", "- lang\n", []string{":1:1: the config file must be a map"}, true, ""},
		{"twice", "lang: it\nlang: sq\n", []string{":2:1: lang is given twice"}, false, "it"},
		{"control character", "lang: it\nfirm: \"a\\x1b[31mb\"\n", []string{":2:7: firm: control character U+001B"}, false, "it"},
		{"refused by check", "lang: xx\nassessor: Ana\n", []string{":1:7: lang: not a language"}, false, ""},
		{"not UTF-8", "lang: \xff\n", []string{": not UTF-8 text"}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := world(nil, tt.file)
			env.Check = map[string]func(string) error{"lang": func(v string) error {
				if v == "xx" {
					return errors.New("not a language")
				}
				return nil
			}}
			c := Load(env)
			if len(c.Problems) != len(tt.want) {
				t.Fatalf("problems %v, want %d", c.Problems, len(tt.want))
			}
			for i, p := range c.Problems {
				if !strings.HasPrefix(p.Error(), testPath) || !strings.Contains(p.Error(), tt.want[i]) {
					t.Errorf("problem %q, want %q after the path", p.Error(), tt.want[i])
				}
				if p.WholeFile() != tt.whole {
					t.Errorf("whole file %v, want %v", p.WholeFile(), tt.whole)
				}
			}
			if c.Lang.Value != tt.lang {
				t.Errorf("lang %q, want %q", c.Lang.Value, tt.lang)
			}
		})
	}
}

func TestUnreadable(t *testing.T) {
	env := world(nil, "")
	env.ReadFile = func(p string) ([]byte, error) {
		return nil, &fs.PathError{Op: "read", Path: p, Err: errors.New("is a directory")}
	}
	c := Load(env)
	if len(c.Problems) != 1 || c.Problems[0].Error() != testPath+": cannot read it: is a directory" {
		t.Errorf("problems %v", c.Problems)
	}
}

func TestPath(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/xdg"}, "/xdg/servicecheck/config.yaml"},
		{map[string]string{"XDG_CONFIG_HOME": "relative"}, testPath},
		{map[string]string{EnvConfig: "/etc/sc.yaml"}, "/etc/sc.yaml"},
	}
	for _, tt := range tests {
		c := Load(world(tt.env, ""))
		if c.Path != tt.want || c.Found || len(c.Problems) > 0 {
			t.Errorf("env %v: path %q found %v problems %v, want %q", tt.env, c.Path, c.Found, c.Problems, tt.want)
		}
	}
}

func TestBadEnv(t *testing.T) {
	c := Load(world(map[string]string{"SERVICECHECK_FIRM": "a\x1b[2Jb"}, "firm: Rossi\n"))
	if len(c.Problems) != 1 || !strings.HasPrefix(c.Problems[0].Error(), "SERVICECHECK_FIRM: control character") {
		t.Fatalf("problems %v", c.Problems)
	}
	if c.Firm.Value != "Rossi" || c.Firm.Source != FromFile {
		t.Errorf("firm %+v: a bad variable leaves the config file's value", c.Firm)
	}
}
