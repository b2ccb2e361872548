package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/servicecheck/servicecheck/checklist"
	"github.com/servicecheck/servicecheck/content"
	"github.com/servicecheck/servicecheck/store"
)

func TestCodesWorkOnce(t *testing.T) {
	c, err := NewCodes(3)
	if err != nil {
		t.Fatal(err)
	}
	codes := c.List()
	if len(codes) != 3 {
		t.Fatalf("codes %v", codes)
	}
	for _, code := range codes {
		if len(code) != 9 || code[4] != '-' || strings.ContainsAny(code, "ILOU") {
			t.Errorf("code %q is not XXXX-XXXX in Crockford's alphabet", code)
		}
	}
	if c.Use("0000-0000") && !contains(codes, "0000-0000") {
		t.Error("a wrong code was accepted")
	}
	typed := " " + strings.ToLower(strings.ReplaceAll(codes[1], "-", "")) + " "
	if !c.Use(typed) {
		t.Errorf("code %q typed as %q refused", codes[1], typed)
	}
	if c.Use(codes[1]) {
		t.Error("a used code was accepted again")
	}
	if got := c.List(); len(got) != 2 || contains(got, codes[1]) {
		t.Errorf("unused codes %v after using %s", got, codes[1])
	}
	if c.Use("") {
		t.Error("an empty code was accepted")
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestReadAuthorizedKeys(t *testing.T) {
	dir := t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	good := filepath.Join(dir, "good")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	if err := os.WriteFile(good, []byte("# team\n\nrestrict "+line+" ana@laptop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, err := ReadAuthorizedKeys(good)
	if err != nil || len(keys) != 1 || !keys.allows(signer.PublicKey()) {
		t.Fatalf("keys %v, %v", keys, err)
	}
	bad := filepath.Join(dir, "bad")
	_ = os.WriteFile(bad, []byte(line+"\nnot a key\n"), 0o600)
	if _, err := ReadAuthorizedKeys(bad); err == nil || !strings.Contains(err.Error(), "bad:2:") {
		t.Errorf("a bad line: %v, want the file and line 2", err)
	}
	empty := filepath.Join(dir, "empty")
	_ = os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	if _, err := ReadAuthorizedKeys(empty); err == nil {
		t.Error("a file without keys was accepted")
	}
}

func TestHostKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keys", "host")
	if err := HostKey(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key %v, %v: want mode 0600", fi, err)
	}
	first, _ := os.ReadFile(path)
	if err := HostKey(path); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); string(again) != string(first) {
		t.Error("the host key changed between runs")
	}
	_ = os.Chmod(path, 0o644)
	if err := HostKey(path); err == nil {
		t.Error("a host key others can read was accepted")
	}
}

func TestNewRefusesWithoutAuth(t *testing.T) {
	_, err := New(Config{Client: "x", HostKey: filepath.Join(t.TempDir(), "h"), Pack: content.Default()})
	if !errors.Is(err, ErrNoAuth) {
		t.Fatalf("New without keys or codes: %v, want ErrNoAuth", err)
	}
}

// TestRepoSeesOnlyItsOwn: a respondent's repository lists, reads and
// changes only the sessions it created.
func TestRepoSeesOnlyItsOwn(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "sc.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := content.Default()
	other := &checklist.Session{Client: "Acme Ltd", Assessor: "boss", Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	if err := st.Create(other); err != nil {
		t.Fatal(err)
	}
	r := &repo{st: st, client: "Acme Ltd"}
	mine := &checklist.Session{Client: "someone else", Assessor: "ben", Pack: p.Ref(), Answers: map[string]checklist.Answer{}}
	if err := r.Create(mine); err != nil {
		t.Fatal(err)
	}
	if mine.Client != "Acme Ltd" {
		t.Errorf("a served session is for %q, want the served client", mine.Client)
	}
	list, err := r.List(store.Filter{})
	if err != nil || len(list) != 1 || list[0].ID != mine.ID {
		t.Errorf("list %v, %v: want only the respondent's own", list, err)
	}
	if _, err := r.Get(other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get another's session: %v", err)
	}
	if _, err := r.Get(other.ID[:6]); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("get another's session by prefix: %v", err)
	}
	qid := p.Questions()[0].ID
	if _, err := r.Apply(other.ID, store.Change{QID: qid, SetValue: true, Value: checklist.Yes}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("change another's session: %v", err)
	}
	if _, err := r.Apply(mine.ID, store.Change{QID: qid, SetValue: true, Value: checklist.Yes}); err != nil {
		t.Errorf("change one's own: %v", err)
	}
	if cs, _ := r.Clients(); len(cs) != 1 || cs[0] != "Acme Ltd" {
		t.Errorf("clients %v", cs)
	}
}
