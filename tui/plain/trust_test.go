package plain

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/store"
	"github.com/servicecheck/servicecheck/tui"
	"github.com/servicecheck/servicecheck/tui/internal/memrepo"
)

// TestSavedOnlyAfterTheWrite: with the data file busy for good after the
// session is created, the prompts never say "Saved", say what was not
// saved, and Run ends with an error.
func TestSavedOnlyAfterTheWrite(t *testing.T) {
	r, o := setup(t)
	o.Repo = &failAfter{Repo: r, after: 1, n: 1 << 20} // the create goes through
	o.Start = tui.Start{New: true, Client: "Busy Ltd"}
	var out bytes.Buffer
	_, err := Run(context.Background(), strings.NewReader(input("partly", "q")), &out, o)
	if strings.Contains(out.String(), "Saved:") {
		t.Errorf("the prompts said Saved for an answer that was not written:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Not saved") || !errors.Is(err, store.ErrInUse) {
		t.Errorf("Run = %v; want an error saying what was not saved\n%s", err, out.String())
	}
}

// TestDeletedSessionAtThePrompts: the session is deleted while the
// prompts are open: the next answer says so and asks to save the answers
// as a new session; no means a GoneError.
func TestDeletedSessionAtThePrompts(t *testing.T) {
	for _, yes := range []bool{true, false} {
		r, o := setup(t)
		o.Repo = &deleter{Repo: r}
		o.Start = tui.Start{New: true, Client: "Gone Ltd"}
		reply := "n"
		if yes {
			reply = "y"
		}
		var out bytes.Buffer
		_, err := Run(context.Background(), strings.NewReader(input("yes", "partly", reply, "no", "q")), &out, o)
		if !strings.Contains(out.String(), "deleted elsewhere") {
			t.Errorf("no word about the deleted session:\n%s", out.String())
		}
		var gone *tui.GoneError
		if yes {
			s := only(t, r)
			if err != nil || len(s.Answers) != 3 {
				t.Errorf("saved as new: err %v, %d answers, want 3\n%s", err, len(s.Answers), out.String())
			}
		} else if !errors.As(err, &gone) {
			t.Errorf("Run = %v, want a GoneError", err)
		}
	}
}

// deleter deletes the session after its first answer, as another
// servicecheck would.
type deleter struct {
	*memrepo.Repo
	n int
}

func (d *deleter) Apply(id string, c store.Change) (store.Applied, error) {
	d.n++
	if d.n == 2 {
		d.Repo.Delete(id)
	}
	return d.Repo.Apply(id, c)
}
