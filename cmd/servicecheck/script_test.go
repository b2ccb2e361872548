package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"servicecheck": func() {
			os.Exit(run(context.Background(), newApp(os.Stdin, os.Stdout, os.Stderr, os.Getenv), os.Args[1:]))
		},
	})
}

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Setup: func(e *testscript.Env) error {
		e.Setenv("XDG_DATA_HOME", e.WorkDir+"/xdg")
		e.Setenv("XDG_CONFIG_HOME", e.WorkDir+"/xdg-config")
		e.Setenv("NO_COLOR", "1")
		return nil
	}})
}
