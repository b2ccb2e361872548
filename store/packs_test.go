package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/scoring"
)

// miniPack is the YAML of a small valid pack; text is its one statement.
func miniPack(id, version, text string) []byte {
	return fmt.Appendf(nil, `# A pack of one's own.
id: %s
version: %s
lang: en
title: Mini pack
bands:
  - {id: low, label: Low, from: 0}
  - {id: high, label: High, from: 50}
sections:
  - id: culture
    title: Culture
    purpose: Check the culture.
    items:
      - id: culture.first
        text: Do you put customers first?
areas:
  - id: responsiveness
    title: Responsiveness
    explanation: How fast you are.
    statements:
      - id: responsiveness.third-ring
        text: %q
    actions:
      - Answer before the third ring.
`, id, version, text)
}

func miniRef(version string) checklist.Ref {
	return checklist.Ref{ID: "mini", Version: version, Lang: "en"}
}

func TestPutPack(t *testing.T) {
	s, path := openTest(t)
	v1 := miniPack("mini", "1.0.0", "We answer fast.")
	if err := s.PutPack(miniRef("1.0.0"), v1); err != nil {
		t.Fatalf("PutPack: %v", err)
	}
	if err := s.PutPack(miniRef("2.0.0"), miniPack("mini", "2.0.0", "We answer at once.")); err != nil {
		t.Fatalf("PutPack 2.0.0: %v", err)
	}
	got, err := s.Pack(miniRef("1.0.0"))
	if err != nil || !bytes.Equal(got, v1) {
		t.Fatalf("Pack = %q, %v; want the bytes put", got, err)
	}
	refs, err := s.Packs()
	if want := []checklist.Ref{miniRef("1.0.0"), miniRef("2.0.0")}; err != nil || !slices.Equal(refs, want) {
		t.Errorf("Packs = %v, %v; want %v", refs, err, want)
	}

	// The same content again: nothing changes, whether the bytes are the
	// same or only the comments differ; the copy first kept stays.
	if err := s.PutPack(miniRef("1.0.0"), v1); err != nil {
		t.Errorf("the same bytes again: %v", err)
	}
	recommented := append([]byte("# edited on the train\n"), v1...)
	if err := s.PutPack(miniRef("1.0.0"), recommented); err != nil {
		t.Errorf("the same pack with another comment: %v", err)
	}
	if got, _ := s.Pack(miniRef("1.0.0")); !bytes.Equal(got, v1) {
		t.Error("putting the same pack again replaced the kept copy")
	}

	tests := []struct {
		name string
		ref  checklist.Ref
		yaml []byte
		kind error
		msg  string
	}{
		{"other content, same reference", miniRef("1.0.0"), miniPack("mini", "1.0.0", "We answer slowly."),
			ErrConflict, "content pack mini 1.0.0 (en) is already kept in the data file with different content: give your pack another version"},
		{"not a pack", miniRef("3.0.0"), []byte("id: mini\nversion: [\n"), ErrInvalid, "content pack mini 3.0.0 (en) does not load: "},
		{"another pack's reference", miniRef("3.0.0"), miniPack("mini", "1.0.0", "x"), ErrInvalid, "the YAML says it is mini 1.0.0 (en)"},
		{"a zero byte in the reference", checklist.Ref{ID: "mini", Version: "1\x00", Lang: "en"}, v1, ErrInvalid, "not a pack reference"},
		{"too big", miniRef("4.0.0"), append(miniPack("mini", "4.0.0", "x"), bytes.Repeat([]byte("#"), checklist.MaxPackSize)...),
			ErrInvalid, "larger than the limit of 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.PutPack(tt.ref, tt.yaml)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("PutPack = %v; want %v saying %q", err, tt.kind, tt.msg)
			}
		})
	}
	if got, _ := s.Pack(miniRef("1.0.0")); !bytes.Equal(got, v1) {
		t.Error("a refused pack changed the kept copy")
	}
	if _, err := s.Pack(miniRef("9.9.9")); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "mini 9.9.9 (en)") {
		t.Errorf("Pack of a pack not kept = %v, want ErrNotFound naming it", err)
	}

	// The packs outlast the open store, and read-only opens read them.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err = Do(path, Options{ReadOnly: true}, func(ro *Store) error {
		got, err := ro.Pack(miniRef("2.0.0"))
		if err == nil && !bytes.Contains(got, []byte("We answer at once.")) {
			err = fmt.Errorf("read %q", got)
		}
		return err
	})
	if err != nil {
		t.Errorf("read-only Pack: %v", err)
	}
	h, err := Inspect(path, Options{})
	if err != nil || h.Packs != 2 {
		t.Errorf("Inspect: %+v, %v; want 2 packs, no problem", h, err)
	}
}

// TestSummarizeReadsKeptPacks: Summarize gets the packs kept in the file
// inside the transaction that writes, including packs put by the same
// import, without opening the file again.
func TestSummarizeReadsKeptPacks(t *testing.T) {
	var seen []string
	opts := testOptions()
	opts.Summarize = func(sess *checklist.Session, packs PackSource) scoring.Total {
		y, err := packs.Pack(sess.Pack)
		if err != nil {
			seen = append(seen, "none")
			return scoring.Total{}
		}
		seen = append(seen, string(y[:len("# A pack")]))
		return scoring.Total{Scored: len(y)}
	}
	path := t.TempDir() + "/packs.db"
	err := Do(path, opts, func(s *Store) error {
		sess := newSession("Bakery Rossi")
		sess.Pack = miniRef("1.0.0")
		if err := s.Create(sess); err != nil {
			return err
		}
		y := miniPack("mini", "1.0.0", "We answer fast.")
		if err := s.PutPack(miniRef("1.0.0"), y); err != nil {
			return err
		}
		if err := s.SetCursor(sess.ID, "culture.first"); err != nil {
			return err
		}
		imported := newSession("Garage Bianchi")
		imported.ID, imported.Pack = "0qzzzzzzzzzz", miniRef("2.0.0")
		imported.Status, imported.CreatedAt, imported.UpdatedAt = checklist.InProgress, sess.CreatedAt, sess.CreatedAt
		y2 := miniPack("mini", "2.0.0", "We answer at once.")
		if _, err := s.Import([]*checklist.Session{imported}, PackFile{ID: "mini", Version: "2.0.0", Lang: "en", YAML: string(y2)}); err != nil {
			return err
		}
		l, err := s.List(Filter{})
		if err != nil {
			return err
		}
		for _, sum := range l {
			want := len(y)
			if sum.ID == imported.ID {
				want = len(y2)
			}
			if sum.Total.Scored != want {
				t.Errorf("summary of %s: total %+v, want the pack's length %d", sum.Client, sum.Total, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"none", "# A pack", "# A pack"}; !slices.Equal(seen, want) {
		t.Errorf("Summarize saw %q, want %q", seen, want)
	}
}

func TestImportPacks(t *testing.T) {
	s, _ := openTest(t)
	sess := fixtureSessions()[0]
	sess.Pack = miniRef("1.0.0")
	pf := PackFile{ID: "mini", Version: "1.0.0", Lang: "en", YAML: string(miniPack("mini", "1.0.0", "We answer fast."))}
	res, err := s.Import([]*checklist.Session{sess}, pf)
	if err != nil || len(res.Imported) != 1 || !slices.Equal(res.Packs, []checklist.Ref{miniRef("1.0.0")}) {
		t.Fatalf("Import = %+v, %v", res, err)
	}
	// Again: the session is skipped and the pack already kept.
	res, err = s.Import([]*checklist.Session{sess}, pf)
	if err != nil || len(res.Skipped) != 1 || len(res.Packs) != 0 {
		t.Fatalf("Import again = %+v, %v", res, err)
	}
	// A different content under the kept reference: nothing imported.
	fresh := newSession("New Client")
	fresh.ID, fresh.Status = "0qzzzzzzzzzz", checklist.InProgress
	fresh.CreatedAt, fresh.UpdatedAt = sess.CreatedAt, sess.CreatedAt
	other := pf
	other.YAML = string(miniPack("mini", "1.0.0", "We answer slowly."))
	_, err = s.Import([]*checklist.Session{fresh}, other)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "mini 1.0.0 (en) is already kept") ||
		!strings.HasSuffix(err.Error(), "nothing was imported") {
		t.Errorf("Import of a conflicting pack = %v", err)
	}
	if _, err := s.Get(fresh.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a session was imported beside a refused pack: %v", err)
	}
	// A pack that does not load is refused before anything is written.
	bad := pf
	bad.Version = "5.0.0"
	if _, err := s.Import([]*checklist.Session{fresh}, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("Import of an invalid pack = %v, want ErrInvalid", err)
	}
}

func TestReadDocumentPacks(t *testing.T) {
	y := miniPack("mini", "1.0.0", "We answer fast.")
	pack := func(id, version, yaml string) string {
		return fmt.Sprintf(`{"id":%q,"version":%q,"lang":"en","yaml":%q}`, id, version, yaml)
	}
	good := pack("mini", "1.0.0", string(y))
	docWith := func(packs ...string) string {
		return `{"format":"servicecheck-sessions","version":1,"sessions":[],` + "\n" +
			`"packs":[` + "\n" + strings.Join(packs, ",\n") + "]}"
	}
	doc, err := ReadDocument(strings.NewReader(docWith(good, good)))
	if err != nil || len(doc.Packs) != 1 || doc.Packs[0].YAML != string(y) || doc.Packs[0].Ref() != miniRef("1.0.0") {
		t.Fatalf("ReadDocument = %+v, %v; want the pack once", doc, err)
	}
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"not a list", `{"format":"servicecheck-sessions","version":1,"sessions":[],"packs":5}`, 1, "packs: want a list of content packs"},
		{"an unknown field", docWith(`{"id":"mini","colour":"red"}`), 3, `pack 1: unknown field "colour"`},
		{"a YAML that does not load", docWith(good, pack("mini", "2.0.0", "id: [")), 4, "pack 2: content pack mini 2.0.0 (en) does not load: "},
		{"a YAML of another pack", docWith(pack("mini", "2.0.0", string(y))), 3, "pack 1: content pack mini 2.0.0 (en): the YAML says it is mini 1.0.0 (en)"},
		{"one reference, two contents", docWith(good, pack("mini", "1.0.0", string(y)+"# more\n")), 4,
			"pack 2: content pack mini 1.0.0 (en) is also pack 1, with different content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDocument(strings.NewReader(tt.in))
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Line != tt.line || !strings.HasPrefix(ie.Msg, tt.msg) {
				t.Errorf("ReadDocument = %#v; want line %d %q", err, tt.line, tt.msg)
			}
		})
	}
}

// TestInspectFindsBrokenPacks: doctor reports a kept pack that no longer
// loads or is not the pack its key names.
func TestInspectFindsBrokenPacks(t *testing.T) {
	s, path := openTest(t)
	if err := s.Create(newSession("Bakery Rossi")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPacks)
		// Sealed, as servicecheck would: what is checked here is the
		// content behind a sound checksum (written by a buggy or hostile
		// program).
		k1, k2 := packKey(miniRef("1.0.0")), packKey(miniRef("2.0.0"))
		if err := b.Put(k1, seal(bucketPacks, k1, []byte("id: ["))); err != nil {
			return err
		}
		return b.Put(k2, seal(bucketPacks, k2, miniPack("mini", "1.0.0", "x")))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	h, err := Inspect(path, Options{})
	if !errors.Is(err, ErrDamaged) || h.Packs != 2 || len(h.Problems) != 2 ||
		!strings.Contains(h.Problems[0].Error(), "mini 1.0.0 (en) does not load") ||
		!strings.Contains(h.Problems[1].Error(), "mini 2.0.0 (en): the YAML says it is mini 1.0.0 (en)") {
		t.Errorf("Inspect = %+v, %v", h, err)
	}
}
