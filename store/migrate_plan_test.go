package store

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/i18n"
	"github.com/servicecheck/servicecheck/plantext"
)

// schema3Fixture is a data file as servicecheck schema 3 wrote it, whose
// plans hold suggested problems as the English sentences schema 3 stored:
// "<area>: <statement> (rated N of 5)" and "<item> (answered No)", built
// from the packs' texts as they read then (the Albanian and Afrikaans ones
// before the wording fixes of issue 9). Regenerate it (only if the
// schema-3 layout was wrong) with:
//
//	STORE_WRITE_FIXTURES=1 go test ./store -run TestWriteSchema3Fixture
const schema3Fixture = "testdata/schema3.db"

// The sentences in the fixture, as schema 3 wrote them.
const (
	enArea   = "Responsiveness: We answer the phone before the third ring (rated 2 of 5)"
	enItem   = "Do you record every complaint in a complaint log? (answered No)"
	enEdited = "Responsiveness: We answer the phone before the third ring, even at lunch (rated 2 of 5)"
	sqItem   = "A e pranon çdo repart se ka klientë, edhe nëse nuk takohet kurrë me publikun? (answered No)"
	sqArea   = "Kultura me klientin në qendër: Kur një klient ka nevojë për ndihmë, repartet tona punojnë si një ekip i vetëm (rated 1 of 5)"
	afArea   = "Personeel se vaardighede en bemagtiging: Ons personeel is opgelei in hoe om kliënte te bedien (rated 3 of 5)"
	ownArea  = "Responsiveness: Ne përgjigjemi shpejt (rated 1 of 5)"
	lostItem = "Do you keep the beds made? (answered No)"
)

// hotelRef is the pack of a user's own kept in the fixture; lostRef one
// that is neither built in nor kept.
var (
	hotelRef = checklist.Ref{ID: "mini", Version: "3.0.0", Lang: "en"}
	lostRef  = checklist.Ref{ID: "hotel-checks", Version: "9.9.9", Lang: "en"}
)

func builtin(lang string) checklist.Ref {
	return checklist.Ref{ID: "servicecheck", Version: "1.0.0", Lang: lang}
}

// schema3Sessions are the sessions in the schema-3 fixture.
func schema3Sessions() []*checklist.Session {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	mk := func(id, client string, ref checklist.Ref, days int, plan checklist.Plan) *checklist.Session {
		s := completedSession(client, t0.AddDate(0, 0, days))
		s.ID, s.Pack, s.Plan = id, ref, plan
		normalizeTimes(s)
		return s
	}
	return []*checklist.Session{
		mk("0s3aaaaaaaaa", "Plan Co", builtin("en"), 0, checklist.Plan{Vision: "v", Goals: []checklist.Goal{
			{Problem: enArea, What: "Answer within three rings", Target: "90% of calls", Note: "end of March"},
			{Problem: enItem},
			{Problem: enEdited, What: "a second line"},
			{Problem: "Nobody calls back"},
		}}),
		mk("0s3bbbbbbbbb", "Plan Co", builtin("en"), 30, checklist.Plan{Review: []checklist.GoalReview{
			{From: "0s3aaaaaaaaa", Goal: checklist.Goal{Problem: enArea, What: "Answer within three rings"}, Status: checklist.StatusDone},
			{From: "0s3aaaaaaaaa", Goal: checklist.Goal{Problem: "Nobody calls back"}},
		}}),
		mk("0s3ccccccccc", "Kafe Shkodër", builtin("sq"), 1, checklist.Plan{Goals: []checklist.Goal{
			{Problem: sqItem}, {Problem: sqArea, What: "Një mbledhje në javë"},
		}}),
		mk("0s3ddddddddd", "Koffiehuis", builtin("af"), 2, checklist.Plan{Goals: []checklist.Goal{{Problem: afArea}}}),
		mk("0s3eeeeeeeee", "Hotel Drini", hotelRef, 3, checklist.Plan{Goals: []checklist.Goal{{Problem: ownArea}}}),
		mk("0s3fffffffff", "Hotel Lost", lostRef, 4, checklist.Plan{Goals: []checklist.Goal{{Problem: lostItem}}}),
	}
}

func TestWriteSchema3Fixture(t *testing.T) {
	if os.Getenv("STORE_WRITE_FIXTURES") != "1" {
		t.Skip("set STORE_WRITE_FIXTURES=1 to rewrite " + schema3Fixture)
	}
	records := map[string][]byte{}
	for _, s := range schema3Sessions() {
		rec, err := encodeRecord(s)
		if err != nil {
			t.Fatal(err)
		}
		records[s.ID] = rec
	}
	_ = os.Remove(schema3Fixture)
	if err := writeSchema1(schema3Fixture, records); err != nil {
		t.Fatal(err)
	}
	// Schema 3 is what the migrations up to 3 make of schema 1, with the
	// user's own pack kept as schema 3 kept it.
	db, err := bolt.Open(schema3Fixture, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: schema3Fixture, opts: testOptions()}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := s.migrate(tx, 1, 3); err != nil {
			return err
		}
		p, err := checkPack(hotelRef, hotelPack())
		if err != nil {
			return err
		}
		_, err = putPack(tx, hotelRef, p, hotelPack())
		return err
	})
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
}

func hotelPack() []byte {
	return []byte(string(miniPack("mini", "3.0.0", "Ne përgjigjemi shpejt.")))
}

// testPackOf finds packs as servicecheck does: built in by exact
// reference, else kept in the file.
func testPackOf(kept PackSource, ref checklist.Ref) (*checklist.Pack, error) {
	if p, err := content.Lookup(ref); err == nil && p.Lang == ref.Lang {
		return p, nil
	}
	y, err := kept.Pack(ref)
	if err != nil {
		return nil, err
	}
	return checklist.Load(RefString(ref), y)
}

func TestMigrateSchema3Fixture(t *testing.T) {
	area := func(id, st string, n int) *checklist.GoalSource {
		return &checklist.GoalSource{Kind: checklist.SourceArea, ID: id, Statement: st, Rating: n}
	}
	item := func(id string) *checklist.GoalSource {
		return &checklist.GoalSource{Kind: checklist.SourceItem, ID: id, Answer: checklist.No}
	}
	phone := area("responsiveness", "responsiveness.third-ring", 2)
	want := map[string]checklist.Plan{
		"0s3aaaaaaaaa": {Vision: "v", Goals: []checklist.Goal{
			{Source: phone, What: "Answer within three rings", Target: "90% of calls", Note: "end of March"},
			{Source: item("evaluate.complaint-log")},
			{Problem: enEdited, What: "a second line"}, // edited: the user's words
			{Problem: "Nobody calls back"},
		}},
		"0s3bbbbbbbbb": {Review: []checklist.GoalReview{
			{From: "0s3aaaaaaaaa", Goal: checklist.Goal{Source: phone, What: "Answer within three rings"}, Status: checklist.StatusDone},
			{From: "0s3aaaaaaaaa", Goal: checklist.Goal{Problem: "Nobody calls back"}},
		}},
		// Worded before the Albanian and Afrikaans texts were fixed.
		"0s3ccccccccc": {Goals: []checklist.Goal{
			{Source: item("culture.internal-customers")},
			{Source: area("customer-focus", "customer-focus.one-team", 1), What: "Një mbledhje në javë"},
		}},
		"0s3ddddddddd": {Goals: []checklist.Goal{{Source: area("staff", "staff.trained", 3)}}},
		// A pack of the user's own, kept in the file.
		"0s3eeeeeeeee": {Goals: []checklist.Goal{{Source: area("responsiveness", "responsiveness.third-ring", 1)}}},
		// A pack found nowhere: the sentence stays as it was.
		"0s3fffffffff": {Goals: []checklist.Goal{{Problem: lostItem}}},
	}
	old := map[string]checklist.Plan{}
	for _, s := range schema3Sessions() {
		old[s.ID] = s.Plan
	}

	read := func(t *testing.T, path string, opts Options) map[string]checklist.Plan {
		t.Helper()
		got := map[string]checklist.Plan{}
		err := Do(path, opts, func(s *Store) error {
			for id := range want {
				sess, err := s.Get(id)
				if err != nil {
					return err
				}
				got[id] = sess.Plan
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	schema := func(t *testing.T, path string) int {
		t.Helper()
		h, err := Inspect(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return h.Schema
	}

	t.Run("upgrade", func(t *testing.T) {
		path := copyFixture(t, schema3Fixture)
		if n := schema(t, path); n != 3 {
			t.Fatalf("the fixture is at schema %d, want 3", n)
		}
		opts := testOptions()
		opts.Pack = testPackOf
		got := read(t, path, opts)
		for id, w := range want {
			if !reflect.DeepEqual(got[id], w) {
				t.Errorf("%s: plan\n%s\nwant\n%s", id, show(got[id]), show(w))
			}
		}
		if n := schema(t, path); n != currentSchema {
			t.Errorf("schema %d after the upgrade, want %d", n, currentSchema)
		}
		// Worded again, an English suggestion reads as it was stored; the
		// others read in their session's language with the fixed wording.
		for _, tt := range []struct {
			id, lang, want string
		}{
			{"0s3aaaaaaaaa", "en", enArea},
			{"0s3ccccccccc", "sq", "A e pranon çdo departament se ka klientë, edhe nëse nuk takohet kurrë me publikun? (përgjigja: Jo)"},
			{"0s3ddddddddd", "af", "Personeel se vaardighede en selfstandigheid: Ons personeel is opgelei om kliënte te bedien (punt 3 uit 5)"},
		} {
			p, err := content.Lookup(builtin(tt.lang))
			if err != nil {
				t.Fatal(err)
			}
			if s := plantext.Problem(i18n.For(tt.lang), p, got[tt.id].Goals[0]); s != tt.want {
				t.Errorf("%s worded: %q, want %q", tt.id, s, tt.want)
			}
		}
		// Once upgraded, opening again changes nothing.
		before, _ := os.ReadFile(path)
		if again := read(t, path, opts); !reflect.DeepEqual(again, got) {
			t.Error("a second open changed the plans")
		}
		if after, _ := os.ReadFile(path); string(before) != string(after) {
			t.Error("a second open rewrote the file")
		}
	})

	t.Run("read-only", func(t *testing.T) {
		// A read upgrades an old file first (Open), with the same result.
		path := copyFixture(t, schema3Fixture)
		opts := testOptions()
		opts.ReadOnly, opts.Pack = true, testPackOf
		if got := read(t, path, opts); !reflect.DeepEqual(got, want) {
			t.Errorf("a read-only open: plans %v", got)
		}
		if n := schema(t, path); n != currentSchema {
			t.Errorf("schema %d after a read-only open, want %d", n, currentSchema)
		}
	})

	t.Run("no pack finder", func(t *testing.T) {
		path := copyFixture(t, schema3Fixture)
		if got := read(t, path, testOptions()); !reflect.DeepEqual(got, old) {
			t.Errorf("without Options.Pack the sentences changed: %v", got)
		}
		if n := schema(t, path); n != currentSchema {
			t.Errorf("schema %d, want %d", n, currentSchema)
		}
	})
}

// TestEarlierWordingIsOfBuiltinPacks: every earlier wording names an area
// or question the built-in pack of that reference still has, and differs
// from what it says now (else it is not earlier).
func TestEarlierWordingIsOfBuiltinPacks(t *testing.T) {
	for ref, texts := range earlierWording {
		p, err := content.Lookup(ref)
		if err != nil || p.Lang != ref.Lang {
			t.Fatalf("%s: not built in (%v)", RefString(ref), err)
		}
		now := map[string]string{}
		for _, a := range p.Areas {
			now[a.ID] = a.Title
			for _, st := range a.Statements {
				now[st.ID] = st.Text
			}
		}
		for _, q := range p.Questions() {
			now[q.ID] = q.Text
		}
		for id, old := range texts {
			cur, ok := now[id]
			if !ok || cur == old {
				t.Errorf("%s %s: now %q, earlier %q", RefString(ref), id, cur, old)
			}
		}
	}
}

func show(p checklist.Plan) string {
	s := ""
	for _, g := range p.Goals {
		s += fmt.Sprintf("  goal %q %+v\n", g.Problem, g.Source)
	}
	for _, r := range p.Review {
		s += fmt.Sprintf("  review %q %+v\n", r.Goal.Problem, r.Goal.Source)
	}
	return s
}
