package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// verifyRun runs pgcopy verify and checks its exit code.
func verifyRun(t *testing.T, want int, args ...string) string {
	t.Helper()
	start := time.Now()
	code, out, errOut := pgcopyRun(t, append([]string{"verify"}, args...)...)
	if code != want {
		t.Fatalf("pgcopy verify %s exited %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errOut)
	}
	t.Logf("pgcopy verify: exit %d in %v", code, time.Since(start).Round(time.Millisecond))
	return out + errOut
}

var verifySummary = regexp.MustCompile(`(\d+) tables, (\d+) rows in PostgreSQL .* \(snapshot \S+ at [^)]+\): all equal in Dolt`)

// TestVerifyCorpus loads each data dump into PostgreSQL, copies the dump
// file, and verifies: every table equal. Then one value of one row changes
// in PostgreSQL: verify exits 3 naming that table, key and column, and only
// that table.
func TestVerifyCorpus(t *testing.T) {
	pg := testenv.Postgres(t)
	for _, tc := range []struct {
		name, dump      string
		tables          int
		change          string
		table, key, col string
	}{
		{"pagila", "pagila/pagila.sql", 15, "UPDATE rental SET return_date = return_date + interval '1 microsecond' WHERE rental_id = 42",
			"rental", "rental_id=42", "return_date"},
		{"chinook", "chinook/chinook.sql", 11, "UPDATE track SET unit_price = 1.00 WHERE track_id = 7", "track", "track_id=7", "unit_price"},
		{"northwind", "northwind/northwind.sql", 14, "UPDATE products SET unit_price = unit_price + 0.01 WHERE product_id = 3",
			"products", "product_id=3", "unit_price"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := testenv.Testdata(t, tc.dump)
			_, dbURL := pg.CreateDB(t)
			pg.Psql(t, dbURL, dump)
			target := filepath.Join(t.TempDir(), "db")
			copyOK(t, dump, target, "-q")
			out := verifyRun(t, 0, "--source", dbURL, "--target", target)
			m := verifySummary.FindStringSubmatch(out)
			ok := 0
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "ok ") {
					ok++
				}
			}
			if m == nil || m[1] != itoa(tc.tables) || ok != tc.tables {
				t.Fatalf("verify output is not %d equal tables:\n%s", tc.tables, out)
			}
			t.Logf("%s: %s tables, %s rows equal", tc.name, m[1], m[2])
			verifyRun(t, 0, "--source", dbURL, "--target", target, "--branch", "main", "-q")
			if out := verifyRun(t, exitError, "--source", dbURL, "--target", target, "--branch", "nosuch"); !strings.Contains(out, "hint: give --branch") {
				t.Errorf("verify --branch nosuch:\n%s", out)
			}

			pg.Exec(t, dbURL, tc.change)
			out = verifyRun(t, exitDiffer, "--source", dbURL, "--target", target, "-q")
			if !strings.Contains(out, "DIFFERS "+tc.table+": ") || !strings.Contains(out, tc.key+": differs in "+tc.col) ||
				strings.Count(out, "DIFFERS ") != 1 || !strings.Contains(out, "1 of "+itoa(tc.tables)+" tables differ") {
				t.Errorf("after %s, verify says:\n%s", tc.change, out)
			}
		})
	}
}

// verifyTypesSQL is a table with a value of every type family verify
// normalises, plus tables without a primary key, with inheritance, with
// awkward names and in another schema.
const verifyTypesSQL = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (a int, b text);
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE types (
  id serial PRIMARY KEY,
  b boolean, i2 smallint, i4 integer, i8 bigint, n numeric, n2 numeric(10,2), r real, d double precision,
  m money, c char(5), vc varchar(20), t text, by bytea, dt date, ts timestamp, ts3 timestamp(3), tz timestamptz,
  tm time, tmz timetz, iv interval, j json, jb jsonb, ai int[], at text[], an numeric[], ab boolean[], atz timestamptz[],
  u uuid, inet1 inet, mo mood, bt bit(8), vb varbit(10), pr pair, dom posint, pt point, tsv tsvector, rng int4range, x xml
);
INSERT INTO types (b,i2,i4,i8,n,n2,r,d,m,c,vc,t,by,dt,ts,ts3,tz,tm,tmz,iv,j,jb,ai,at,an,ab,atz,u,inet1,mo,bt,vb,pr,dom,pt,tsv,rng,x) VALUES
 (true, 1, 2, 3, 1.500, 2.5, 0.1, 0.1, 12.34, 'ab', 'x', 'hello ''world''', '\xdeadbeef', '2020-02-29', '2020-01-01 10:00:00.123456',
  '2020-01-01 10:00:00.123', '2020-06-01 12:00:00+02', '10:11:12.5', '10:11:12+03', '1 day 02:00:00', '{"b": 1.0, "a": [1,2]}',
  '{"z": {"y": null}}', '{1,2,3}', '{"a b","c,d",NULL}', '{1.50,2}', '{t,f}', '{"2020-01-01 00:00:00+00"}',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.0.1/24', 'happy', B'10101010', B'101', ROW(1,'x y'), 5, '(1,2)', 'a fat cat', '[1,5)', '<a>1</a>'),
 (false, -32768, -2147483648, -9223372036854775808, -0.000001, -99999999.99, 3.4e38, 1.7976931348623157e308, -1.00, 'abcde', '', '',
  '\x', '0001-01-01', '9999-12-31 23:59:59.999999', NULL, '1970-01-01 00:00:00+00', '00:00:00', '23:59:59.999999-05', '-1 mons', '[]',
  '{}', '{}', '{}', '{}', '{}', '{}', NULL, '::1', 'sad', B'00000000', B'', ROW(NULL,NULL), 1, '(0,0)', '', 'empty', '<b/>'),
 (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE nopk (a int, b text);
INSERT INTO nopk VALUES (1, 'x'), (1, 'x'), (2, NULL);
CREATE TABLE parent (id int PRIMARY KEY, v text);
CREATE TABLE child (extra int) INHERITS (parent);
INSERT INTO parent VALUES (1, 'p');
INSERT INTO child VALUES (2, 'c', 9);
CREATE TABLE "Mixed Case" ("Id" int PRIMARY KEY, "select" text);
INSERT INTO "Mixed Case" VALUES (1, 'q');
CREATE SCHEMA other;
CREATE TABLE other.thing (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO other.thing (name) VALUES ('a'), ('b');
CREATE TABLE measurement (id int, logdate date NOT NULL, v int, PRIMARY KEY (id, logdate)) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_2020 PARTITION OF measurement FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurement_2021 PARTITION OF measurement FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO measurement VALUES (1, '2020-05-01', 10), (2, '2021-05-01', 20);
`

// verifyTypesChange changes every column of row 1 by the smallest step
// its type allows.
const verifyTypesChange = `
UPDATE types SET b = false, i2 = 2, i4 = 3, i8 = 4, n = 1.5001, n2 = 2.51, r = 0.10000001, d = 0.1000000000000001, m = 12.35,
 c = 'ab  x', vc = 'X', t = 'hello ''world'' ', by = '\xdeadbeee', dt = '2020-03-01', ts = '2020-01-01 10:00:00.123457',
 ts3 = '2020-01-01 10:00:00.124', tz = '2020-06-01 12:00:00+03', tm = '10:11:12.500001', tmz = '10:11:12+04', iv = '1 day 02:00:01',
 j = '{"b": 1.01, "a": [1,2]}', jb = '{"z": {"y": 0}}', ai = '{1,2,4}', at = '{"a b","c,d",""}', an = '{1.51,2}', ab = '{t,t}',
 atz = '{"2020-01-01 00:00:01+00"}', u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', inet1 = '192.168.0.2/24', mo = 'ok', bt = B'10101011',
 vb = B'100', pr = ROW(2,'x y'), dom = 6, pt = '(1,3)', tsv = 'a fat dog', rng = '[1,6)', x = '<a>2</a>'
WHERE id = 1;
INSERT INTO nopk VALUES (1, 'x');
UPDATE child SET extra = 10;
UPDATE measurement SET v = 21 WHERE id = 2;
`

// TestVerifyTypes copies a table of every type family from a live server
// (so one snapshot serves the copy) and verifies it equal; then changes
// every column of one row and expects each column to be named.
func TestVerifyTypes(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, verifyTypesSQL)
	target := filepath.Join(t.TempDir(), "db")
	mustPgcopy(t, runOpts{}, "copy", "--source", dbURL, "--target", target, "-q")
	out := verifyRun(t, 0, "--source", dbURL, "--target", target)
	if m := verifySummary.FindStringSubmatch(out); m == nil || m[1] != "7" || m[2] != "13" {
		t.Fatalf("verify: want 7 tables and 13 rows equal:\n%s", out)
	}

	pg.Exec(t, dbURL, verifyTypesChange)
	out = verifyRun(t, exitDiffer, "--source", dbURL, "--target", target, "-q")
	cols := "b, i2, i4, i8, n, n2, r, d, m, c, vc, t, by, dt, ts, ts3, tz, tm, tmz, iv, j, jb, ai, at, an, ab, atz, u, inet1, mo, bt, vb, pr, dom, pt, tsv, rng, x"
	for _, want := range []string{"id=1: differs in " + cols + "\n", "row (1, 'x'): only in PostgreSQL", "DIFFERS child: ", "row (2, 'c', 10): only in PostgreSQL", "row (2, 'c', 9): only in Dolt",
		"(id=2, logdate='2021-05-01'): differs in v", "4 of 7 tables differ"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "id=2: differs in i2") || strings.Contains(out, "DIFFERS parent") {
		t.Errorf("verify flags rows that did not change:\n%s", out)
	}
}

// TestVerifySQLServer copies into a dolt sql-server and verifies through
// the mysql:// target.
func TestVerifySQLServer(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "chinook/chinook.sql")
	_, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, dump)
	dsn := testenv.DoltServer(t, t.TempDir())
	addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
	target := "mysql://root@" + addr + "/chinook"
	copyOK(t, dump, target, "-q")
	verifyRun(t, 0, "--source", dbURL, "--target", target, "-q")
	pg.Exec(t, dbURL, "DELETE FROM playlist_track WHERE playlist_id = 1 AND track_id = 3402")
	out := verifyRun(t, exitDiffer, "--source", dbURL, "--target", target, "-q")
	if !strings.Contains(out, "(playlist_id=1, track_id=3402): only in Dolt") {
		t.Errorf("verify output:\n%s", out)
	}
	// a database the server does not have is an error, and is not created
	code, _, errOut := pgcopyRun(t, "verify", "--source", dbURL, "--target", "mysql://root@"+addr+"/nosuchdb")
	if code != exitError || !strings.Contains(errOut, "nosuchdb") {
		t.Errorf("missing database: exit %d\n%s", code, errOut)
	}
}

// TestVerifyErrors: usage errors exit 2, a target that is not a Dolt
// database or an unreachable server exit 1 with a hint, and nothing is
// created.
func TestVerifyErrors(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"verify", "--source", dbURL}, exitUsage, "--target"},
		{[]string{"verify", "--source", dbURL, "--target", filepath.Join(dir, "none")}, exitError, "hint: give --target the directory"},
		{[]string{"verify", "--source", "postgres://nobody@127.0.0.1:1/x", "--target", dir}, exitError, "hint:"},
	} {
		code, out, errOut := runPgcopy(t, runOpts{env: []string{"DATABASE_URL="}}, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "nothing was committed") {
			t.Errorf("pgcopy %s: exit %d (want %d), stderr lacks %q or says more:\n%s%s", strings.Join(c.args, " "), code, c.code, c.want, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none")); !os.IsNotExist(err) {
		t.Error("verify created the target directory")
	}
}

// TestVerifyOverrides copies with an overrides file that renames a table,
// skips a column and retypes another (issue 12, item 9): verify given the
// same --overrides finds every table equal; without them it reports the
// renamed table missing in Dolt (exit 3) with a hint naming --overrides.
func TestVerifyOverrides(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, `CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, secret text, score numeric);
		INSERT INTO people VALUES (1, 'Ann', 'x', 1.5), (2, 'Bob', NULL, 20), (3, 'Cy', 'zz', NULL);
		CREATE TABLE other (id int PRIMARY KEY, note text);
		INSERT INTO other VALUES (1, 'one');`)
	dir := t.TempDir()
	dump := filepath.Join(dir, "people.sql")
	pg.Dump(t, dbURL, dump)
	ov := filepath.Join(dir, "ov.yaml")
	if err := os.WriteFile(ov, []byte("tables:\n  people:\n    rename: person\n    columns:\n      secret: {skip: true}\n      name: {type: varchar(40)}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q", "--overrides", ov)
		if got := tg.q("SELECT COUNT(*) FROM person"); got[0][0] != "3" {
			t.Fatalf("person holds %v rows, want 3", got)
		}
		out := verifyRun(t, 0, "--source", dbURL, "--target", tg.spec, "--overrides", ov)
		if !strings.Contains(out, "2 tables") || !strings.Contains(out, "all equal in Dolt") || !strings.Contains(out, "ok      person: 3 rows equal") {
			t.Errorf("verify --overrides:\n%s", out)
		}
		out = verifyRun(t, exitDiffer, "--source", dbURL, "--target", tg.spec)
		if !strings.Contains(out, "people: missing in Dolt") || !strings.Contains(out, "hint: ") || !strings.Contains(out, "--overrides") {
			t.Errorf("verify without --overrides:\n%s", out)
		}
	})
}

// TestVerifyRefusesLossyFlags: copy --verify with --max-errors or
// --on-unrepresentable=null is a usage error (exit 2) that says why.
func TestVerifyRefusesLossyFlags(t *testing.T) {
	target := filepath.Join(t.TempDir(), "db")
	for _, extra := range [][]string{{"--max-errors", "5"}, {"--on-unrepresentable", "null"}} {
		args := append([]string{"copy", "--dump", testenv.Testdata(t, "northwind/northwind.sql"), "--target", target,
			"--source", "postgres://nobody@127.0.0.1:1/none", "--verify"}, extra...)
		code, _, errOut := pgcopyRun(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "--verify cannot be combined with --max-errors or --on-unrepresentable=null") ||
			!strings.Contains(errOut, "would count each as a difference") {
			t.Errorf("copy --verify %v: exit %d\n%s", extra, code, errOut)
		}
		if _, err := os.Stat(target); err == nil {
			t.Errorf("copy --verify %v created the target", extra)
		}
	}
}
