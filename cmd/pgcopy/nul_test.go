package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestNULInCopyField: a NUL inside a COPY field (the escape \0, or a raw
// 0x00 byte) makes the dump corrupt, since PostgreSQL text cannot hold
// NUL: the row fails the run with its line, table and column, or, with
// --max-errors, goes to the reject file while the other rows commit. A
// bytea value holding a zero byte is not a NUL in the field and copies.
func TestNULInCopyField(t *testing.T) {
	pg := testenv.Postgres(t)
	dir := t.TempDir()
	clean, _ := dumpDB(t, pg, `CREATE TABLE note (id int PRIMARY KEY, body text, blob bytea);
		INSERT INTO note VALUES (1, 'one', '\x0001'), (2, 'two', NULL), (3, 'three', NULL);`, dir, "clean.sql")
	src, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "2\ttwo\t", "2\tt\\0wo\t", 1)
	text = strings.Replace(text, "3\tthree\t", "3\tth\x00ree\t", 1)
	dump := filepath.Join(dir, "nul.sql")
	os.WriteFile(dump, []byte(text), 0o644)
	line := dumpLineOf(t, dump, "t\\0wo")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", tg.spec, "-q")
		if code == 0 {
			t.Fatal("a NUL in a text field was stored")
		}
		for _, w := range []string{"nul.sql:" + itoa(line) + ":", "table public.note, column body", "NUL byte", "--max-errors"} {
			if !strings.Contains(errOut, w) {
				t.Errorf("stderr lacks %q:\n%s", w, errOut)
			}
		}
		rej := filepath.Join(t.TempDir(), "nul.rejects")
		copyOK(t, dump, tg.spec, "-q", "--max-errors", "2", "--reject-file", rej)
		got, _ := os.ReadFile(rej)
		if !strings.Contains(string(got), "2\tt\\0wo") || !strings.Contains(string(got), "3\tth\x00ree") {
			t.Errorf("reject file lacks the two NUL rows:\n%q", got)
		}
		if r := tg.q("SELECT id, HEX(`blob`) FROM note"); len(r) != 1 || r[0][0] != "1" || r[0][1] != "0001" {
			t.Errorf("note holds %v, want only row 1 with its bytea 0001", r)
		}
	})
}
