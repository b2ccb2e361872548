package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/store"
)

// TestOldPlanSentencesShownInTheSessionsLanguage opens a data file written
// by schema 3, whose plans hold suggestions as English sentences: the
// first command upgrades it, show words them in each session's language
// with the pack's current wording, and a JSON export carries the sources
// so that an import elsewhere keeps them.
func TestOldPlanSentencesShownInTheSessionsLanguage(t *testing.T) {
	c := newCLITest(t)
	old, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "schema3.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(c.db), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.db, old, 0o600); err != nil {
		t.Fatal(err)
	}

	out := c.ok("show", "0s3ccccccccc")
	for _, want := range []string{
		"A e pranon çdo departament se ka klientë, edhe nëse nuk takohet kurrë me publikun? (përgjigja: Jo)",
		"(vlerësimi 1 nga 5)",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("show of the Albanian session lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "answered No") || strings.Contains(out, "rated 1 of 5") || strings.Contains(out, "repart") {
		t.Errorf("show of the Albanian session still has the old sentence:\n%s", out)
	}

	doc, err := store.ReadDocument(strings.NewReader(c.ok("export", "0s3aaaaaaaaa", "--format", "json")))
	if err != nil {
		t.Fatal(err)
	}
	goals := doc.Sessions[0].Plan.Goals
	wantSource := &checklist.GoalSource{Kind: checklist.SourceArea, ID: "responsiveness", Statement: "responsiveness.third-ring", Rating: 2}
	if goals[0].Problem != "" || !reflect.DeepEqual(goals[0].Source, wantSource) {
		t.Fatalf("exported goal %+v, want the source %+v", goals[0], wantSource)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	err = store.Do(other, store.Options{}, func(st *store.Store) error {
		if _, err := st.Import(doc.Sessions); err != nil {
			return err
		}
		got, err := st.Get("0s3aaaaaaaaa")
		if err == nil && !reflect.DeepEqual(got.Plan.Goals, goals) {
			t.Errorf("imported goals %+v, want %+v", got.Plan.Goals, goals)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
