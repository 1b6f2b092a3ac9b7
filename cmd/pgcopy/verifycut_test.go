package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestVerifyCutsValues: a 1 MB text value that differs between PostgreSQL
// and Dolt (a table without a primary key, whose differing rows verify
// shows whole) appears in verify's output cut to diag.ExcerptLen bytes
// with its length, "'xxx...'... (1048576 bytes)", on both targets.
func TestVerifyCutsValues(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, `CREATE TABLE notes (n int NOT NULL, body text);
		INSERT INTO notes VALUES (1, repeat('x', 1048576)), (2, 'short');`)
	dump := filepath.Join(t.TempDir(), "notes.sql")
	pg.Dump(t, dbURL, dump, "--no-owner", "--no-privileges")
	pg.Exec(t, dbURL, `UPDATE notes SET body = repeat('y', 1048576) WHERE n = 1`)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q")
		out := verifyRun(t, exitDiffer, "--source", dbURL, "--target", tg.spec, "-q")
		t.Logf("verify output (%d bytes):\n%s", len(out), out)
		for _, want := range []string{
			"row (1, '" + strings.Repeat("y", 200) + "'... (1048576 bytes)): only in PostgreSQL",
			"row (1, '" + strings.Repeat("x", 200) + "'... (1048576 bytes)): only in Dolt",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("verify output lacks %.80q...", want)
			}
		}
		if len(out) > 8<<10 || strings.Contains(out, strings.Repeat("x", 201)) || strings.Contains(out, strings.Repeat("y", 201)) {
			t.Errorf("verify printed %d bytes: the 1 MB values are not cut", len(out))
		}
	})
}
