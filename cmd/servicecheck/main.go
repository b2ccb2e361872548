// Command servicecheck is a terminal checklist and self-assessment wizard for
// customer-service quality. Run it with no arguments to open the wizard; see
// `servicecheck --help` for the commands that scripts can use.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), newApp(os.Stdin, os.Stdout, os.Stderr, os.Getenv), os.Args[1:]))
}
