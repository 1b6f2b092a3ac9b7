package main

import (
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// keylessSchema has keyless tables holding NULLs before, between and after
// NOT NULL columns (the shape on which Dolt 1.83.2's
// DOLT_VERIFY_CONSTRAINTS reads the wrong column; fkfix/doc.go), and a
// keyless child table with a foreign key to a keyed parent.
const keylessSchema = `
CREATE TABLE events (note text, n int NOT NULL);
INSERT INTO events VALUES (NULL, 1), ('x', 2), (NULL, 3);
CREATE TABLE audit (a text, b int, c int NOT NULL, d text, e text NOT NULL);
INSERT INTO audit VALUES (NULL, NULL, 1, NULL, 'e1'), ('a', 2, 2, NULL, 'e2'), (NULL, 3, 3, 'd', 'e3');
CREATE TABLE account (id int PRIMARY KEY, name text);
INSERT INTO account VALUES (1, 'one'), (2, NULL);
CREATE TABLE login (note text, account_id int NOT NULL REFERENCES account, at timestamptz);
INSERT INTO login VALUES (NULL, 1, NULL), ('again', 1, '2024-01-02 03:04:05+00'), (NULL, 2, NULL);
`

// TestKeylessNullTables copies keyless tables holding NULLs, on both
// targets, and compares every value with PostgreSQL.
func TestKeylessNullTables(t *testing.T) {
	pg := testenv.Postgres(t)
	dump, pgURL := dumpDB(t, pg, keylessSchema, t.TempDir(), "keyless.sql")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q")
		for _, q := range []struct{ pg, dolt string }{
			{"SELECT count(*), count(note), sum(n) FROM events", "SELECT COUNT(*), COUNT(note), SUM(n) FROM events"},
			{"SELECT count(*), count(a), count(b), sum(c), count(d), string_agg(e, ',' ORDER BY e) FROM audit", "SELECT COUNT(*), COUNT(a), COUNT(b), SUM(c), COUNT(d), GROUP_CONCAT(e ORDER BY e) FROM audit"},
			{"SELECT count(*), count(note), sum(account_id), count(at) FROM login", "SELECT COUNT(*), COUNT(note), SUM(account_id), COUNT(at) FROM login"},
		} {
			want := strings.Join(pg.Query(t, pgURL, q.pg)[0], "|")
			got := strings.Join(tg.q(q.dolt)[0], "|")
			if got != want {
				t.Errorf("%s: Dolt %s, PostgreSQL %s", q.dolt, got, want)
			}
		}
		if n := tg.q("SELECT COUNT(*) FROM information_schema.referential_constraints WHERE table_name = 'login'")[0][0]; n != "1" {
			t.Errorf("login has %s foreign keys in Dolt, want 1", n)
		}
	})
}

// TestKeylessOrphans: an orphan row in a keyless child table fails the run
// naming the foreign key, the child table and the key; with
// --allow-fk-violations it is committed and listed.
func TestKeylessOrphans(t *testing.T) {
	pg := testenv.Postgres(t)
	dump, _ := dumpDB(t, pg, keylessSchema+`
CREATE TABLE visit (note text, account_id int NOT NULL);
INSERT INTO visit VALUES (NULL, 1), (NULL, 77);
ALTER TABLE visit ADD CONSTRAINT visit_account_fkey FOREIGN KEY (account_id) REFERENCES account NOT VALID;
`, t.TempDir(), "orphans.sql")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", tg.spec, "-q")
		if code == 0 {
			t.Fatal("an orphan row of a keyless table was accepted")
		}
		if !strings.Contains(errOut, "visit_account_fkey") || !strings.Contains(errOut, "rows of visit") || !strings.Contains(errOut, "(77)") {
			t.Errorf("error does not name the constraint, child table and key:\n%s", errOut)
		}
		if strings.Contains(errOut, "not foreign-key orphans") {
			t.Errorf("the keyless NOT NULL false positive leaked into the error:\n%s", errOut)
		}
		out := copyOK(t, dump, tg.spec, "--allow-fk-violations")
		if !strings.Contains(out, "visit_account_fkey") {
			t.Errorf("report does not list the allowed violation:\n%s", out)
		}
		if n := tg.q("SELECT COUNT(*) FROM visit")[0][0]; n != "2" {
			t.Errorf("visit has %s rows, want 2", n)
		}
	})
}
