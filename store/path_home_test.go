package store

import (
	"path/filepath"
	"testing"
)

// "~/" at the start of --db or $SERVICECHECK_DB is the home folder: the
// shell does not expand it in a quoted value or a config file, and a
// folder named "~" appeared in the working folder.
func TestResolvePathHome(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name, flag string
		getenv     func(string) string
		want       string
		wantErr    bool
	}{
		{"flag", "~/audits/x.db", env("HOME", "/home/ana"), "/home/ana/audits/x.db", false},
		{"env", "", env("HOME", "/home/ana", EnvDB, "~/x.db"), "/home/ana/x.db", false},
		{"other user's home is a plain name", "~bob/x.db", env("HOME", "/home/ana"), "", false},
		{"no home", "~/x.db", env(), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResolvePath(tt.flag, tt.getenv)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v", err)
			}
			want := tt.want
			if want == "" && !tt.wantErr {
				want, _ = filepath.Abs(tt.flag)
			}
			if got != want {
				t.Errorf("%q, want %q", got, want)
			}
		})
	}
}
