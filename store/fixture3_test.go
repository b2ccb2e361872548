package store

import (
	"bytes"
	"os"
	"testing"

	"github.com/servicecheck/servicecheck/checklist"
)

// schema3Fixture is a data file as servicecheck schema 3 wrote it: records,
// summary and client indexes and kept content packs, with no checksums. It
// was written by the schema-3 code itself (commit "store: a fixture of the
// schema-3 format") and is checked in so that the upgrade to checksums is
// tested against bytes that code really wrote. It holds the schema-2
// fixture's sessions and the content pack of the one answered with a pack
// of the user's own. Regenerate it only if it is lost:
//
//	STORE_WRITE_FIXTURES=1 go test ./store -run TestWriteSchema3Fixture
const schema3Fixture = "testdata/schema3.db"

// schema3Pack is the pack kept in the schema-3 fixture.
func schema3Pack() PackFile {
	y := bytes.ReplaceAll(miniPack("hotel-checks", "2.1.0", "Ne përgjigjemi shpejt."), []byte("lang: en"), []byte("lang: sq"))
	return PackFile{ID: "hotel-checks", Version: "2.1.0", Lang: "sq", YAML: string(y)}
}

func schema3Sessions() []*checklist.Session { return schema2Sessions() }

func TestWriteSchema3Fixture(t *testing.T) {
	if os.Getenv("STORE_WRITE_FIXTURES") != "1" {
		t.Skip("set STORE_WRITE_FIXTURES=1 to rewrite " + schema3Fixture)
	}
	_ = os.Remove(schema3Fixture)
	if err := writeSchema3(schema3Fixture); err != nil {
		t.Fatal(err)
	}
}

// writeSchema3 writes the schema-3 fixture's content at path.
func writeSchema3(path string) error {
	return Do(path, testOptions(), func(s *Store) error {
		_, err := s.Import(schema3Sessions(), schema3Pack())
		return err
	})
}
