package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

var pgcopyBin string

// TestMain builds the pgcopy binary once: the end-to-end tests run it as a
// user would, as its own process (which also releases the embedded
// engine's lock on the database when it exits).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pgcopy-bin")
	if err != nil {
		panic(err)
	}
	pgcopyBin = filepath.Join(dir, "pgcopy")
	// -tags pgcopytest compiles in the test hooks (PGCOPY_TEST_PAUSE_AT,
	// PGCOPY_TEST_STALL_AFTER_ROWS, ...); TestReleaseHasNoTestHooks checks
	// the build without it.
	if out, err := exec.Command("go", "build", "-tags", "pgcopytest", "-o", pgcopyBin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// pgcopyRun runs the pgcopy binary and returns its exit code and output.
func pgcopyRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runPgcopy(t, runOpts{}, args...)
}

func copyOK(t *testing.T, dump, target string, extra ...string) string {
	t.Helper()
	args := []string{"copy", "--target", target}
	if dump != "" {
		args = append(args, "--dump", dump)
	}
	code, out, errOut := pgcopyRun(t, append(args, extra...)...)
	if code != 0 {
		t.Fatalf("pgcopy copy %s exited %d\nstdout:\n%s\nstderr:\n%s", dump, code, out, errOut)
	}
	return errOut
}

// TestCopyCorpus copies each data-bearing corpus dump into a fresh embedded
// Dolt database and compares every table, value by value, with PostgreSQL
// loaded from the same dump. The Dolt side is read through a dolt
// sql-server started on the copied database.
func TestCopyCorpus(t *testing.T) {
	pg := testenv.Postgres(t)
	for _, tc := range []struct{ name, dump string }{
		{"pagila", "pagila/pagila.sql"},
		{"chinook", "chinook/chinook.sql"},
		{"chinook-column-inserts", "chinook/chinook-column-inserts.sql"},
		{"northwind", "northwind/northwind.sql"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := testenv.Testdata(t, tc.dump)
			_, pgURL := pg.CreateDB(t)
			pg.Psql(t, pgURL, dump)
			target := filepath.Join(t.TempDir(), "db")
			copyOK(t, dump, target, "--report", filepath.Join(t.TempDir(), "report.json"))

			// HEAD: exactly one commit on top of the initial one, clean working set.
			if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log"); got[0][0] != "2" {
				t.Errorf("dolt_log has %s commits, want 2 (init + pgcopy)", got[0][0])
			}
			if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_status"); got[0][0] != "0" {
				t.Errorf("dolt status is not clean: %s entries", got[0][0])
			}
			checkFKsResolved(t, target)

			pgc := mustConnectPG(t, pgURL)
			my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
			tables := pgTables(t, pgc)
			// a materialized view becomes a table (views_test.go)
			if n := queryInt(t, my, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'db' AND table_type = 'BASE TABLE'"); n != int64(len(tables)+pgMatviews(t, pgc)) {
				t.Errorf("Dolt has %d tables, PostgreSQL %d", n, len(tables))
			}
			total := 0
			for _, tb := range tables {
				total += compareTable(t, pgc, my, "public", tb, tb)
			}
			fks := pgForeignKeys(t, pgc)
			if n := queryInt(t, my, "SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = 'db'"); n < int64(fks) {
				t.Errorf("Dolt has %d foreign keys, PostgreSQL %d on non-partition tables", n, fks)
			}
			t.Logf("%s: %d tables, %d rows and %d foreign keys equal in PostgreSQL and Dolt", tc.name, len(tables), total, fks)
		})
	}
}

// checkFKsResolved proves that every foreign key is resolved in HEAD: on a
// copy of the database, the resolving no-op writes run again (with the dolt
// CLI, not pgcopy's code) must leave dolt_hashof_db() unchanged
// (dolt-facts A1: resolution changes the root hash and nothing else).
func checkFKsResolved(t *testing.T, target string) {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "fkcheck")
	if out, err := exec.Command("cp", "-a", target, cp).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v: %s", err, out)
	}
	before := testenv.DoltQuery(t, cp, "SELECT dolt_hashof_db()")[0][0]
	tables := testenv.DoltQuery(t, cp, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")
	fkCols := testenv.DoltQuery(t, cp, "SELECT table_name, column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL")
	var q []string
	q = append(q, "SET FOREIGN_KEY_CHECKS=1")
	for _, r := range tables {
		q = append(q, "DELETE FROM `"+r[0]+"` WHERE 1 = 0")
	}
	for _, r := range fkCols {
		q = append(q, "UPDATE `"+r[0]+"` SET `"+r[1]+"` = `"+r[1]+"` WHERE 1 = 0")
	}
	testenv.Dolt(t, cp, "sql", "-q", strings.Join(q, ";\n")+";")
	after := testenv.DoltQuery(t, cp, "SELECT dolt_hashof_db()")[0][0]
	if before != after {
		t.Errorf("no-op writes changed dolt_hashof_db() from %s to %s: some foreign key was committed unresolved", before, after)
	}
	if len(fkCols) == 0 {
		t.Errorf("no foreign keys found in %s", target)
	}
}

// TestCopyPagilaValues checks the values issue 2 names, against PostgreSQL.
func TestCopyPagilaValues(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, dump)
	target := filepath.Join(t.TempDir(), "pagila")
	copyOK(t, dump, target)
	pgc := mustConnectPG(t, pgURL)
	pgVal := func(q string) string {
		var s string
		if err := pgc.QueryRow(context.Background(), q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return s
	}
	doltVal := func(q string) string { return testenv.DoltQuery(t, target, q)[0][0] }
	for _, c := range []struct{ what, pg, dolt string }{
		{"sum(payment.amount)", "SELECT sum(amount)::text FROM payment", "SELECT CAST(SUM(amount) AS CHAR) FROM payment"},
		{"earliest rental_date in UTC", "SELECT to_char(min(rental_date) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM rental",
			"SELECT DATE_FORMAT(MIN(rental_date), '%Y-%m-%d %H:%i:%s') FROM rental"},
		{"active customers (bool as 1/0)", "SELECT count(*)::text FROM customer WHERE activebool", "SELECT CAST(COUNT(*) AS CHAR) FROM customer WHERE activebool = 1"},
		{"special_features of film 1", "SELECT to_json(special_features)::text FROM film WHERE film_id = 1",
			"SELECT CAST(special_features AS CHAR) FROM film WHERE film_id = 1"},
		{"text with apostrophes", "SELECT count(*)::text || ':' || string_agg(DISTINCT last_name COLLATE \"C\", ',' ORDER BY last_name COLLATE \"C\") FROM staff WHERE last_name LIKE '%''%'",
			"SELECT CONCAT(COUNT(*), ':', GROUP_CONCAT(DISTINCT last_name ORDER BY last_name SEPARATOR ',')) FROM staff WHERE last_name LIKE '%''%'"},
		{"payment rows from all partitions", "SELECT count(*)::text FROM payment", "SELECT CAST(COUNT(*) AS CHAR) FROM payment"},
	} {
		p, d := pgVal(c.pg), doltVal(c.dolt)
		if strings.ReplaceAll(d, " ", "") != strings.ReplaceAll(p, " ", "") {
			t.Errorf("%s: PostgreSQL %q, Dolt %q", c.what, p, d)
		}
	}
	if got := doltVal("SELECT JSON_TYPE(special_features) FROM film WHERE special_features IS NOT NULL LIMIT 1"); got != "ARRAY" {
		t.Errorf("special_features JSON type = %q, want ARRAY", got)
	}
}

// TestCopyDeterministic copies the same dump into two fresh targets; every
// table must hash the same.
func TestCopyDeterministic(t *testing.T) {
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	copyOK(t, dump, a)
	copyOK(t, dump, b)
	q := "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
	ha, hb := testenv.DoltQuery(t, a, q), testenv.DoltQuery(t, b, q)
	if len(ha) != 16 || len(ha) != len(hb) { // 15 tables and materialized view rental_by_category
		t.Fatalf("table lists differ or are not 16 long: %v vs %v", ha, hb)
	}
	for i := range ha {
		if ha[i][0] != hb[i][0] || ha[i][1] != hb[i][1] {
			t.Errorf("table %s: hash %s vs %s", ha[i][0], ha[i][1], hb[i][1])
		}
	}
	// A rerun into the same target changes nothing and makes no commit.
	copyOK(t, dump, a)
	if got := testenv.DoltQuery(t, a, "SELECT COUNT(*) FROM dolt_log"); got[0][0] != "2" {
		t.Errorf("rerun on unchanged data: dolt_log has %s commits, want 2", got[0][0])
	}
}

// TestCopyToSQLServer copies pagila into a running dolt sql-server through
// the mysql:// target and compares every table with PostgreSQL.
func TestCopyToSQLServer(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, dump)
	root := t.TempDir()
	dsn := testenv.DoltServer(t, root) // "root@tcp(127.0.0.1:PORT)/"
	addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
	copyOK(t, dump, "mysql://root@"+addr+"/pagila")
	my := mustOpenMy(t, dsn+"pagila")
	pgc := mustConnectPG(t, pgURL)
	for _, tb := range pgTables(t, pgc) {
		compareTable(t, pgc, my, "public", tb, tb)
	}
	if n := queryInt(t, my, "SELECT COUNT(*) FROM dolt_log"); n != 2 {
		t.Errorf("dolt_log has %d commits, want 2", n)
	}
	if n := queryInt(t, my, "SELECT COUNT(*) FROM dolt_status"); n != 0 {
		t.Errorf("working set not clean: %d dolt_status rows", n)
	}
}

// TestCopyBadRow corrupts one date in a copy of pagila: the run must fail
// with the dump line, table and column, and leave main untouched.
func TestCopyBadRow(t *testing.T) {
	src, err := os.ReadFile(testenv.Testdata(t, "pagila/pagila.sql"))
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "db")
	good := filepath.Join(t.TempDir(), "pagila.sql")
	os.WriteFile(good, src, 0o644)
	copyOK(t, good, target)
	head := testenv.DoltQuery(t, target, "SELECT HASHOF('HEAD')")[0][0]

	lines := strings.Split(string(src), "\n")
	bad := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "COPY public.rental ") {
			bad = i + 3 // third data row
			break
		}
	}
	f := strings.Split(lines[bad], "\t")
	f[1] = "2022-02-30 10:00:00+00" // rental_date
	lines[bad] = strings.Join(f, "\t")
	corrupt := filepath.Join(t.TempDir(), "corrupt.sql")
	os.WriteFile(corrupt, []byte(strings.Join(lines, "\n")), 0o644)

	code, _, errOut := pgcopyRun(t, "copy", "--dump", corrupt, "--target", target, "-q")
	if code == 0 {
		t.Fatal("pgcopy accepted an invalid date")
	}
	for _, want := range []string{"corrupt.sql:" + itoa(bad+1), "public.rental", "rental_date", "hint:", "nothing was committed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("error output lacks %q:\n%s", want, errOut)
		}
	}
	if got := testenv.DoltQuery(t, target, "SELECT HASHOF('HEAD')")[0][0]; got != head {
		t.Errorf("HEAD moved from %s to %s after a failed run", head, got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_status"); got[0][0] != "0" {
		t.Errorf("failed run left %s changed tables in the working set", got[0][0])
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestCopyParseErrorPosition puts a typo on the third line of a
// multi-line CREATE TABLE in chinook: the error names the dump's
// file:line:col of the token pg_query's parser stopped at (not the
// statement's first line), quotes that line with a caret, and leaves main
// untouched, on both targets.
func TestCopyParseErrorPosition(t *testing.T) {
	src, err := os.ReadFile(testenv.Testdata(t, "chinook/chinook.sql"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	bad := -1
	for i, l := range lines {
		if l == "CREATE TABLE public.album (" {
			bad = i + 2 // "    title character varying(160) NOT NULL,"
			break
		}
	}
	if bad < 0 || !strings.Contains(lines[bad], "NOT NULL") {
		t.Fatalf("chinook.sql has no CREATE TABLE public.album with a NOT NULL third line")
	}
	lines[bad] = strings.Replace(lines[bad], "NOT NULL", "NOT NUL", 1)
	col := strings.Index(lines[bad], "NUL") + 1 // ASCII line: bytes are characters
	dir := t.TempDir()
	typo := testenv.WriteFile(t, dir, "typo.sql", []byte(strings.Join(lines, "\n")))
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, testenv.Testdata(t, "chinook/chinook.sql"), tg.spec, "-q")
		before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
		code, _, errOut := pgcopyRun(t, "copy", "--dump", typo, "--target", tg.spec, "-q")
		if code == 0 {
			t.Fatal("pgcopy accepted a CREATE TABLE with a syntax error")
		}
		for _, want := range []string{
			"typo.sql:" + itoa(bad+1) + ":" + itoa(col) + ": parse statement: syntax error at or near \"NUL\"",
			"\n  " + lines[bad] + "\n  " + strings.Repeat(" ", col-1) + "^",
			"hint:",
		} {
			if !strings.Contains(errOut, want) {
				t.Errorf("error output lacks %q:\n%s", want, errOut)
			}
		}
		if after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]; strings.Join(after, " ") != strings.Join(before, " ") {
			t.Errorf("main moved from %v to %v after a failed run", before, after)
		}
	})
}

// TestCopyVerifyFlag: copy --verify from a live source compares every
// table with the snapshot before committing.
func TestCopyVerifyFlag(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, testenv.Testdata(t, "pagila/pagila.sql"))
	target := filepath.Join(t.TempDir(), "db")
	out := copyOK(t, "", target, "--verify", "--source", pgURL)
	if !strings.Contains(out, "--verify: 15 tables equal") {
		t.Errorf("no verification note in the report:\n%s", out)
	}
}

// TestCopyFnb copies fnb (8 schemas, composite types and arrays of them,
// jsonb, enums) and compares every table of every schema with PostgreSQL,
// value by value. Tables outside public are named schema_table in Dolt.
func TestCopyFnb(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	for _, role := range []string{"app_anon", "app_usr", "app_auth"} {
		pg.Exec(t, pgURL, "DO $$ BEGIN CREATE ROLE "+role+"; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
	}
	dump := testenv.Testdata(t, "fnb/fnb.sql")
	pg.Psql(t, pgURL, dump)
	target := filepath.Join(t.TempDir(), "db")
	copyOK(t, dump, target, "-q")
	pgc := mustConnectPG(t, pgURL)
	my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
	rows, err := pgc.Query(context.Background(), `SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r','p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	var tables [][2]string
	for rows.Next() {
		var s, n string
		rows.Scan(&s, &n)
		tables = append(tables, [2]string{s, n})
	}
	rows.Close()
	total := 0
	for _, tb := range tables {
		name := tb[1]
		if tb[0] != "public" {
			name = tb[0] + "_" + tb[1]
		}
		total += compareTable(t, pgc, my, tb[0], tb[1], name)
	}
	if len(tables) != 32 {
		t.Errorf("fnb has %d tables in PostgreSQL, want 32", len(tables))
	}
	t.Logf("fnb: %d tables and %d rows equal in PostgreSQL and Dolt", len(tables), total)
}
