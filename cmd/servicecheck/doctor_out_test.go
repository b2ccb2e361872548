package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// failingWriter refuses every write, as a full disk or a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// doctor fails when its report cannot be written, rather than exit 0 with
// the report lost (servicecheck doctor > /dev/full).
func TestDoctorFailsWhenOutputFails(t *testing.T) {
	c := newCLITest(t)
	c.ok("answer", "--answers", c.file("a.yaml", answersFile("Acme", flat("3"), nil)))
	var out, errOut bytes.Buffer
	a := c.app("", &out, &errOut)
	a.dbFlag = c.db
	err := runDoctor(a, &doctorOptions{Out: failingWriter{}})
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Errorf("doctor with a failing output: %v", err)
	}
}
