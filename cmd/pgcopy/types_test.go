package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// typeMatrix is one PostgreSQL table per type family, filled with edge
// values: empty strings, NULLs, backslashes, quotes, tabs and newlines,
// emoji, every byte value, extreme integers, 38-digit numerics, and
// timestamps across DST changes.
const typeMatrix = `
CREATE TABLE t_text (id int PRIMARY KEY, t text, v varchar(50), c char(5));
INSERT INTO t_text VALUES
 (1, '', '', ''), (2, NULL, NULL, NULL), (3, 'back\slash \\ \N \.', 'it''s "quoted"', 'a b'),
 (4, E'tab\there\nnewline\r\nCRLF', E'\f\v\b', E'x\ty'), (5, 'emoji 🐘 ünïcødé', 'NULL', 'NULL'),
 (6, E'\\N', '\N', '\.'), (7, ' lead and trail ', ' ', ' '), (8, repeat('long ', 20000), '\', '''');
CREATE TABLE t_bytea (id int PRIMARY KEY, b bytea);
INSERT INTO t_bytea SELECT 1, decode(string_agg(lpad(to_hex(i), 2, '0'), '' ORDER BY i), 'hex') FROM generate_series(0, 255) i;
INSERT INTO t_bytea VALUES (2, ''), (3, NULL), (4, '\x00'), (5, 'plain text');
CREATE TABLE t_int (id int PRIMARY KEY, s smallint, i int, b bigint);
INSERT INTO t_int VALUES (1, -32768, -2147483648, -9223372036854775808), (2, 32767, 2147483647, 9223372036854775807), (3, 0, 0, 0), (4, NULL, NULL, NULL);
CREATE TABLE t_num (id int PRIMARY KEY, n38 numeric(38,0), n3810 numeric(38,10), nfree numeric, r real, d double precision);
INSERT INTO t_num VALUES
 (1, 99999999999999999999999999999999999999, 9999999999999999999999999999.9999999999, 12345678901234567890123456789012345.123456789012345678901234567890, 3.4028235e38, 1.7976931348623157e308),
 (2, -99999999999999999999999999999999999999, -0.0000000001, -0.000000000000000000000000000001, 1.17549435e-38, 5e-324),
 (3, 0, 0, 0, 0.1, 0.1), (4, NULL, NULL, NULL, NULL, NULL), (5, 1, 1.5, 2.50, -1.5, -2.5e-10);
CREATE TABLE t_bool (id int PRIMARY KEY, b boolean);
INSERT INTO t_bool VALUES (1, true), (2, false), (3, NULL);
CREATE TABLE t_time (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, tm time);
INSERT INTO t_time VALUES
 (1, '0001-01-01', '0001-01-01 00:00:00', '0001-01-01 12:00:00+00', '00:00:00'),
 (2, '9999-12-31', '9999-12-31 23:59:59.999999', '9999-12-31 12:00:00+00', '23:59:59.999999'),
 (3, '2024-02-29', '2021-03-14 02:30:00', '2021-03-14 01:59:59.5 America/New_York', '24:00:00'),
 (4, '2021-03-14', '2021-03-14 03:00:00', '2021-03-14 03:00:00 America/New_York', '12:34:56.789'),
 (5, '2021-11-07', '2021-11-07 01:30:00', '2021-11-07 01:30:00-04', NULL),
 (6, NULL, NULL, '2021-11-07 01:30:00-05', '00:00:00.000001'),
 (7, '1999-12-31', '1999-12-31 23:59:59', '2000-01-01 05:29:59+05:30', '01:02:03'),
 (8, '1970-01-01', '1970-01-01 00:00:00', '1969-12-31 20:30:00-03:30', '10:00:00');
CREATE TABLE t_json (id int PRIMARY KEY, j json, jb jsonb);
INSERT INTO t_json VALUES (1, '{"a": [1, 2.5, "x"], "b": {"c": null}}', '{"b": 1, "a": "\u00e9 🐘 \\ \"q\""}'),
 (2, '[]', '{}'), (3, NULL, NULL), (4, '"tab\there"', '[true, false, null, "NULL"]');
CREATE TABLE t_array (id int PRIMARY KEY, ia int[], ta text[], na numeric[], ba boolean[], nested int[][]);
INSERT INTO t_array VALUES
 (1, '{1,NULL,3}', '{"a b","c,d","e\"f","g\\h","NULL",NULL,""}', '{1.5,-2}', '{t,f,NULL}', '{{1,2},{3,4}}'),
 (2, '{}', '{}', '{}', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL), (4, '{-2147483648}', '{"🐘","{}"," x "}', '{0.000001}', '{t}', '{{NULL,1}}');
CREATE TABLE t_misc (id int PRIMARY KEY, u uuid, ip inet, net cidr, mac macaddr, iv interval, x xml);
INSERT INTO t_misc VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2001:db8::ff00:42:8329/128', '10.0.0.0/8', '08:00:2b:01:02:03', '1 year 2 mons 3 days 04:05:06.7', '<a>x</a>'),
 (2, NULL, '192.168.0.1', NULL, NULL, '-00:00:01', NULL);
`

// TestTypeMatrix loads the type matrix into PostgreSQL, dumps it with the
// real pg_dump under several TimeZone settings, copies each dump and
// compares every value with PostgreSQL. The copy goes through the embedded
// engine's row path; a second copy with --sql-inserts (SQL literals, the
// path of the sql-server target and of pgcopy translate) must store
// exactly the same tables.
func TestTypeMatrix(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, typeMatrix)
	pgc := mustConnectPG(t, pgURL)
	for _, tz := range []string{"UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati"} {
		t.Run(strings.ReplaceAll(tz, "/", "_"), func(t *testing.T) {
			dump := filepath.Join(t.TempDir(), "matrix.sql")
			cmd := exec.Command(filepath.Join(pg.BinDir, "pg_dump"), "--no-owner", "-f", dump, pgURL)
			cmd.Env = append(os.Environ(), "PGTZ="+tz)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pg_dump: %v: %s", err, out)
			}
			target := filepath.Join(t.TempDir(), "db")
			copyOK(t, dump, target, "-q")
			my := mustOpenMy(t, testenv.DoltServer(t, target)+"db")
			rows := 0
			for _, tb := range pgTables(t, pgc) {
				rows += compareTable(t, pgc, my, "public", tb, tb)
			}
			t.Logf("TimeZone %s: %d rows equal in PostgreSQL and Dolt", tz, rows)
			viaSQL := filepath.Join(t.TempDir(), "db")
			copyOK(t, dump, viaSQL, "-q", "--sql-inserts")
			sameTables(t, 9, []string{"engine rows", "--sql-inserts"}, target, viaSQL)
		})
	}
}

// TestUnrepresentable: values PostgreSQL accepts but Dolt cannot store
// (NaN, infinity, BC dates) fail the copy by default, naming the dump line,
// table and column.
func TestUnrepresentable(t *testing.T) {
	pg := testenv.Postgres(t)
	for _, tc := range []struct{ name, ddl, col string }{
		{"numeric NaN", "CREATE TABLE u (id int PRIMARY KEY, v numeric); INSERT INTO u VALUES (1, 1), (2, 'NaN')", "v"},
		{"float infinity", "CREATE TABLE u (id int PRIMARY KEY, v float8); INSERT INTO u VALUES (1, 1), (2, '-Infinity')", "v"},
		{"BC date", "CREATE TABLE u (id int PRIMARY KEY, v date); INSERT INTO u VALUES (1, '2020-01-01'), (2, '0044-03-15 BC')", "v"},
		{"JSON number beyond float64", "CREATE TABLE u (id int PRIMARY KEY, v jsonb); INSERT INTO u VALUES (1, '{\"a\": 1}'), (2, '{\"id\": 9007199254740993}')", "v"},
		{"infinite timestamp with --on-unrepresentable=error", "CREATE TABLE u (id int PRIMARY KEY, v timestamptz); INSERT INTO u VALUES (1, now()), (2, 'infinity')", "v"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, pgURL := pg.CreateDB(t)
			pg.Exec(t, pgURL, tc.ddl)
			dump := filepath.Join(t.TempDir(), "u.sql")
			pg.Dump(t, pgURL, dump)
			args := []string{"copy", "--dump", dump, "--target", filepath.Join(t.TempDir(), "db"), "-q"}
			if strings.Contains(tc.name, "=error") {
				args = append(args, "--on-unrepresentable=error")
			}
			code, _, errOut := pgcopyRun(t, args...)
			if code == 0 {
				t.Fatal("an unrepresentable value was copied without error")
			}
			for _, want := range []string{"u.sql:", "table public.u, column " + tc.col, "cannot be represented in Dolt", "hint:", "--on-unrepresentable=null", "--on-unrepresentable=clamp"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("error lacks %q:\n%s", want, errOut)
				}
			}
		})
	}
}

// TestUnrepresentablePolicies: --on-unrepresentable=null stores NULL and
// clamp the nearest value Dolt can hold; the report counts each occurrence.
func TestUnrepresentablePolicies(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, `CREATE TABLE u (id int PRIMARY KEY, d date, ts timestamptz, f float8, n numeric);
		INSERT INTO u VALUES (1, '2020-01-01', '2020-01-01 00:00:00+00', 1.5, 1),
		(2, '-infinity', '0044-03-15 12:00:00+00 BC', '-Infinity', 'NaN'),
		(3, 'infinity', 'infinity', 'Infinity', 2),
		(4, '0001-01-01 BC', '10000-01-01 00:00:00+00', 'NaN', 3)`)
	dump := filepath.Join(t.TempDir(), "u.sql")
	pg.Dump(t, pgURL, dump)
	for _, tc := range []struct{ policy, want string }{
		{"null", "1,2020-01-01,2020-01-01 00:00:00,1.5,1|2,,,,|3,,,,2|4,,,,3"},
		{"clamp", "1,2020-01-01,2020-01-01 00:00:00,1.5,1|2,0001-01-01,0001-01-01 00:00:00,-1.7976931348623157e+308,|" +
			"3,9999-12-31,9999-12-31 23:59:59.999999,1.7976931348623157e+308,2|4,0001-01-01,9999-12-31 23:59:59.999999,,3"},
	} {
		t.Run(tc.policy, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "db")
			out := copyOK(t, dump, target, "--on-unrepresentable", tc.policy)
			// DATE_FORMAT: Dolt prints years below 1000 unpadded (dolt-facts E).
			rows := testenv.DoltQuery(t, target, "SELECT id, DATE_FORMAT(d, '%Y-%m-%d'), DATE_FORMAT(ts, '%Y-%m-%d %H:%i:%s.%f'), f, n FROM u ORDER BY id")
			var got []string
			for _, r := range rows {
				for i := range r {
					r[i] = strings.TrimSuffix(strings.TrimSuffix(r[i], ".000000000000000000000000000000"), ".000000")
				}
				got = append(got, strings.Join(r, ","))
			}
			if strings.Join(got, "|") != tc.want {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "|"), tc.want)
			}
			for _, want := range []string{"public.u.d", "public.u.ts", "public.u.f", "public.u.n", "--on-unrepresentable=" + tc.policy} {
				if !strings.Contains(out, want) {
					t.Errorf("report does not count %q:\n%s", want, out)
				}
			}
		})
	}
}

// TestInfinityClampsByDefault: ±infinity in date, timestamp and
// timestamptz columns (indefinite expiries, open-ended validity periods)
// copies with no flags, clamped to 9999-12-31 23:59:59.999999 and
// 0001-01-01 00:00:00, in the order PostgreSQL sorts them, on both
// targets; the report counts them per column.
func TestInfinityClampsByDefault(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, `SET TimeZone = 'America/New_York';
		CREATE TABLE api_keys (id bigint PRIMARY KEY, expires_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
		INSERT INTO api_keys VALUES (1, 'infinity', '2024-05-01 10:00:00+02'), (2, '2025-01-01 00:00:00+00', '2024-05-02 10:00:00+00'), (3, '-infinity', '2024-05-03 10:00:00+00');
		CREATE TABLE prices (id bigint PRIMARY KEY, valid_from timestamp NOT NULL, valid_to timestamp, valid_day date);
		INSERT INTO prices VALUES (1, '-infinity', 'infinity', 'infinity'), (2, '2024-01-01 00:00:00', '2024-12-31 23:59:59.5', '-infinity'), (3, '2024-06-01', NULL, NULL);`)
	dump := filepath.Join(t.TempDir(), "app.sql")
	pg.Dump(t, pgURL, dump, "--no-owner")
	// The clamp rule, written in PostgreSQL: the values Dolt must hold.
	want := pg.Query(t, pgURL, `SELECT string_agg(id || ',' || CASE WHEN expires_at = 'infinity' THEN '9999-12-31 23:59:59.999999' WHEN expires_at = '-infinity' THEN '0001-01-01 00:00:00.000000'
		ELSE to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') END, '|' ORDER BY expires_at) FROM api_keys`)[0][0]
	wantPrices := pg.Query(t, pgURL, `SELECT string_agg(id || ',' || CASE WHEN valid_from = '-infinity' THEN '0001-01-01 00:00:00.000000' ELSE to_char(valid_from, 'YYYY-MM-DD HH24:MI:SS.US') END
		|| ',' || COALESCE(CASE WHEN valid_to = 'infinity' THEN '9999-12-31 23:59:59.999999' ELSE to_char(valid_to, 'YYYY-MM-DD HH24:MI:SS.US') END, 'NULL')
		|| ',' || COALESCE(CASE WHEN valid_day = 'infinity' THEN '9999-12-31' WHEN valid_day = '-infinity' THEN '0001-01-01' ELSE to_char(valid_day, 'YYYY-MM-DD') END, 'NULL'), '|' ORDER BY id) FROM prices`)[0][0]
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		out := copyOK(t, dump, tg.spec)
		got := tg.q("SELECT GROUP_CONCAT(CONCAT(id, ',', DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s.%f')) ORDER BY expires_at SEPARATOR '|') FROM api_keys")[0][0]
		// DATE_FORMAT prints year 1 unpadded (dolt-facts E).
		got = strings.ReplaceAll(got, ",1-01-01", ",0001-01-01")
		if got != want {
			t.Errorf("api_keys (ordered by expires_at):\n Dolt %s\n want %s", got, want)
		}
		gotPrices := tg.q("SELECT GROUP_CONCAT(CONCAT(id, ',', DATE_FORMAT(valid_from, '%Y-%m-%d %H:%i:%s.%f'), ',', COALESCE(DATE_FORMAT(valid_to, '%Y-%m-%d %H:%i:%s.%f'), 'NULL'), ',', COALESCE(DATE_FORMAT(valid_day, '%Y-%m-%d'), 'NULL')) ORDER BY id SEPARATOR '|') FROM prices")[0][0]
		gotPrices = strings.ReplaceAll(gotPrices, ",1-01-01", ",0001-01-01")
		if gotPrices != wantPrices {
			t.Errorf("prices:\n Dolt %s\n want %s", gotPrices, wantPrices)
		}
		if n := tg.q("SELECT COUNT(*) FROM api_keys WHERE expires_at > NOW()")[0][0]; n != "1" {
			t.Errorf("keys that have not expired: %s, want 1 (the infinite one)", n)
		}
		for _, w := range []string{"public.api_keys.expires_at: clamped to 9999-12-31 23:59:59.999999", "public.prices.valid_day: clamped to 0001-01-01", "--on-unrepresentable=clamp-infinity"} {
			if !strings.Contains(out, w) {
				t.Errorf("report lacks %q:\n%s", w, out)
			}
		}
	})
	// clamp on a timestamp column (without time zone) stores its own value.
	target := filepath.Join(t.TempDir(), "db")
	copyOK(t, dump, target, "--on-unrepresentable=clamp", "-q")
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM prices WHERE valid_to = '9999-12-31 23:59:59.999999'")[0][0]; n != "1" {
		t.Errorf("--on-unrepresentable=clamp on a timestamp column: %s clamped rows, want 1", n)
	}
}

// TestInfinityLagoSchema: ±infinity in timestamp, timestamptz and date
// columns (tables from the lago schema, ../shared/corpus/lago) copies with
// no flags on both targets, clamped to 9999-12-31 23:59:59.999999 and
// 0001-01-01 00:00:00 (date: 9999-12-31, 0001-01-01); the report counts
// the clamped values per column; --verify agrees under the clamp rule;
// --on-unrepresentable=error fails with a hint naming the flag; clamp
// works on a timestamp column.
func TestInfinityLagoSchema(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, `SET TimeZone = 'America/New_York';
		CREATE TABLE public.coupons (
			id uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY,
			name character varying NOT NULL,
			code character varying NOT NULL,
			terminated_at timestamp(6) without time zone,
			expiration integer NOT NULL,
			created_at timestamp(6) without time zone NOT NULL,
			updated_at timestamp(6) without time zone NOT NULL,
			expiration_at timestamp(6) without time zone);
		CREATE TABLE public.invoices (
			id uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY,
			number character varying NOT NULL,
			issuing_date date NOT NULL,
			payment_due_date date,
			voided_at timestamp with time zone,
			created_at timestamp(6) without time zone NOT NULL);
		INSERT INTO coupons VALUES
			('00000000-0000-0000-0000-000000000001', 'a', 'A', 'infinity', 0, '2024-01-02 03:04:05.5', '2024-01-02 03:04:05', 'infinity'),
			('00000000-0000-0000-0000-000000000002', 'b', 'B', '-infinity', 1, '2024-01-02 03:04:05', '2024-01-02 03:04:05', NULL),
			('00000000-0000-0000-0000-000000000003', 'c', 'C', NULL, 1, '2024-01-02 03:04:05', '2024-01-02 03:04:05', '2030-06-01 00:00:00');
		INSERT INTO invoices VALUES
			('00000000-0000-0000-0000-000000000001', 'I1', 'infinity', '-infinity', 'infinity', '2024-01-01'),
			('00000000-0000-0000-0000-000000000002', 'I2', '2024-05-01', 'infinity', '-infinity', '2024-01-01'),
			('00000000-0000-0000-0000-000000000003', 'I3', '2024-05-01', NULL, '2024-05-01 12:00:00-04', '2024-01-01')`)
	dump := filepath.Join(t.TempDir(), "lago.sql")
	pg.Dump(t, pgURL, dump)
	const hi, lo = "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00.000000"
	wantCoupons := "1," + hi + "," + hi + "|2," + lo + ",|3,,2030-06-01 00:00:00.000000"
	wantInvoices := "1,9999-12-31,0001-01-01," + hi + "|2,2024-05-01,9999-12-31," + lo + "|3,2024-05-01,,2024-05-01 16:00:00.000000"
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		out := copyOK(t, dump, tg.spec)
		if code, vout, verr := pgcopyRun(t, "verify", "--source", pgURL, "--target", tg.spec); code != 0 {
			t.Errorf("pgcopy verify: exit %d\n%s\n%s", code, vout, verr)
		}
		got := func(q string) string {
			var s []string
			for _, r := range tg.q(q) {
				s = append(s, strings.Join(r, ","))
			}
			return strings.Join(s, "|")
		}
		if g := got("SELECT RIGHT(id, 1), DATE_FORMAT(terminated_at, '%Y-%m-%d %H:%i:%s.%f'), DATE_FORMAT(expiration_at, '%Y-%m-%d %H:%i:%s.%f') FROM coupons ORDER BY id"); g != wantCoupons {
			t.Errorf("coupons:\n%s\nwant\n%s", g, wantCoupons)
		}
		if g := got("SELECT RIGHT(id, 1), DATE_FORMAT(issuing_date, '%Y-%m-%d'), DATE_FORMAT(payment_due_date, '%Y-%m-%d'), DATE_FORMAT(voided_at, '%Y-%m-%d %H:%i:%s.%f') FROM invoices ORDER BY id"); g != wantInvoices {
			t.Errorf("invoices:\n%s\nwant\n%s", g, wantInvoices)
		}
		for _, want := range []string{"public.coupons.terminated_at: clamped to 9999-12-31 23:59:59.999999", "public.invoices.voided_at", "public.invoices.issuing_date", "--on-unrepresentable=clamp-infinity"} {
			if !strings.Contains(out, want) {
				t.Errorf("report lacks %q:\n%s", want, out)
			}
		}
	})
	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", filepath.Join(t.TempDir(), "db"), "-q", "--on-unrepresentable=error")
	if code == 0 || !strings.Contains(errOut, "--on-unrepresentable=null") {
		t.Errorf("--on-unrepresentable=error: exit %d, want a failure whose hint names the flag:\n%s", code, errOut)
	}
	target := filepath.Join(t.TempDir(), "db")
	copyOK(t, dump, target, "-q", "--on-unrepresentable=clamp")
	if g := testenv.DoltQuery(t, target, "SELECT DATE_FORMAT(terminated_at, '%Y-%m-%d %H:%i:%s.%f') FROM coupons ORDER BY id"); len(g) < 2 || g[0][0] != hi || g[1][0] != lo {
		t.Errorf("clamp on timestamp: %v", g)
	}
}

// TestLtreeRow: ltree (PostgreSQL manual F.23), a type that is one row of
// the type registry (translate/pgtypes), copies with every value exact and
// passes --verify, and the report names the row's rule rather than the
// unknown-extension fallback.
func TestLtreeRow(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, `CREATE EXTENSION ltree;
		CREATE TABLE tree (id int PRIMARY KEY, path ltree, note text);
		INSERT INTO tree VALUES (1, 'Top.Science.Astronomy', 'a'), (2, '', 'empty path'), (3, NULL, 'null'),
			(4, 'Top.Collections.Pictures.Astronomy.Galaxies', 'deep'), (5, 'a_1.B2.c3', 'label characters')`)
	target := filepath.Join(t.TempDir(), "db")
	out := copyOK(t, "", target, "--verify", "--source", pgURL)
	if !strings.Contains(out, "--verify: 1 tables equal") && !strings.Contains(out, "--verify: 1 table equal") {
		t.Errorf("no verification note in the report:\n%s", out)
	}
	if !strings.Contains(out, "ltree stored as its text form") {
		t.Errorf("the report does not give the registry row's rule for ltree:\n%s", out)
	}
	got := testenv.DoltQuery(t, target, "SELECT id, COALESCE(path, '<null>'), DATA_TYPE FROM tree JOIN information_schema.columns c ON c.table_name = 'tree' AND c.column_name = 'path' ORDER BY id")
	want := [][]string{{"1", "Top.Science.Astronomy", "longtext"}, {"2", "", "longtext"}, {"3", "<null>", "longtext"},
		{"4", "Top.Collections.Pictures.Astronomy.Galaxies", "longtext"}, {"5", "a_1.B2.c3", "longtext"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Dolt holds\n%q\nwant\n%q", got, want)
	}
}
