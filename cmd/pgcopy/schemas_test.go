package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// shopSQL is a PostgreSQL database with three schemas holding tables
// (public, auth, billing; a table named users in two of them), a schema
// with only a function, foreign keys within a schema and across schemas,
// indexes, a view joining two schemas and a materialized view (across
// schemas) with a unique index.
const shopSQL = `
CREATE SCHEMA auth;
CREATE SCHEMA billing;
CREATE SCHEMA util;
CREATE FUNCTION util.one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TABLE public.users (id integer PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE auth.users (id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES public.users (id), login varchar(40) NOT NULL UNIQUE);
CREATE TABLE auth.sessions (id bigserial PRIMARY KEY, auth_user_id integer NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
  started timestamptz NOT NULL DEFAULT now());
CREATE INDEX sessions_started ON auth.sessions (started);
CREATE TABLE billing.invoices (id serial PRIMARY KEY, user_id integer REFERENCES public.users (id), amount numeric(10,2) NOT NULL, note text);
CREATE INDEX invoices_user ON billing.invoices (user_id);
CREATE TABLE billing.lines (invoice_id integer NOT NULL REFERENCES billing.invoices (id), n integer NOT NULL, item text, PRIMARY KEY (invoice_id, n));
CREATE VIEW billing.user_totals AS SELECT u.name, sum(i.amount) AS total FROM public.users u JOIN billing.invoices i ON i.user_id = u.id GROUP BY u.name;
CREATE MATERIALIZED VIEW auth.logins AS SELECT a.login, u.name FROM auth.users a JOIN public.users u ON u.id = a.user_id;
CREATE UNIQUE INDEX logins_login ON auth.logins (login);
INSERT INTO public.users SELECT g, 'user ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'u' || g || '@example.com' END FROM generate_series(1, 40) g;
INSERT INTO auth.users SELECT g, g, 'login' || g FROM generate_series(1, 30) g;
INSERT INTO auth.sessions (auth_user_id, started) SELECT 1 + g % 30, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour' FROM generate_series(1, 100) g;
INSERT INTO billing.invoices (user_id, amount, note) SELECT 1 + g % 40, g * 1.25, CASE WHEN g % 2 = 0 THEN 'n' || g END FROM generate_series(1, 60) g;
INSERT INTO billing.lines SELECT i, n, 'item ' || i || '/' || n FROM generate_series(1, 60) i, generate_series(1, 3) n;
REFRESH MATERIALIZED VIEW auth.logins;
`

// shopTables are the PostgreSQL tables of shopSQL with the Dolt database
// and table each goes to with --schemas databases and --target .../shop.
var shopTables = []struct{ schema, table, db string }{
	{"public", "users", "shop"},
	{"auth", "users", "shop_auth"},
	{"auth", "sessions", "shop_auth"},
	{"billing", "invoices", "shop_billing"},
	{"billing", "lines", "shop_billing"},
}

// shopDump loads shopSQL (plus extra) into a fresh PostgreSQL database and
// dumps it with pg_dump; it returns the dump file and the database URL.
func shopDump(t *testing.T, extra string) (string, string) {
	t.Helper()
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Exec(t, pgURL, shopSQL+extra)
	dump := filepath.Join(t.TempDir(), "shop.sql")
	pg.Dump(t, pgURL, dump)
	return dump, pgURL
}

// shopTarget is a copy target for the schemas tests: the spec to give
// --target, and after the copy a connection to each Dolt database through
// a dolt sql-server.
type shopTarget struct {
	spec string
	open func(db string) *sql.DB // after the copy
}

// eachShopTarget runs f on an embedded target (a directory whose parent
// then holds one directory per database, served afterwards by a dolt
// sql-server started on the parent) and on a database of a running dolt
// sql-server.
func eachShopTarget(t *testing.T, f func(t *testing.T, tg shopTarget)) {
	t.Run("embedded", func(t *testing.T) {
		root := t.TempDir()
		dsn := ""
		f(t, shopTarget{spec: filepath.Join(root, "shop"), open: func(db string) *sql.DB {
			if dsn == "" {
				dsn = testenv.DoltServer(t, root)
			}
			return mustOpenMy(t, dsn+db)
		}})
	})
	t.Run("sql-server", func(t *testing.T) {
		dsn := testenv.DoltServer(t, t.TempDir())
		addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
		f(t, shopTarget{spec: "mysql://root@" + addr + "/shop", open: func(db string) *sql.DB { return mustOpenMy(t, dsn+db) }})
	})
}

func column(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[0])
	}
	sort.Strings(out)
	return out
}

// TestSchemasAsDatabases copies a dump with three schemas with --schemas
// databases into both kinds of target, and checks against PostgreSQL:
// every table is in its schema's database with PostgreSQL's rows; the
// foreign keys within a database exist and are resolved, those across
// databases are reported and were checked; the view across databases and
// the materialized view (with its unique index) hold PostgreSQL's rows;
// the report names each object's database; each database has exactly one
// new commit and no work branch; a rerun commits nothing.
func TestSchemasAsDatabases(t *testing.T) {
	dump, pgURL := shopDump(t, "")
	pgc := mustConnectPG(t, pgURL)
	eachShopTarget(t, func(t *testing.T, tg shopTarget) {
		repPath := filepath.Join(t.TempDir(), "report.json")
		code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", tg.spec, "--schemas", "databases", "--report", repPath)
		if code != 0 {
			t.Fatalf("copy exited %d\n%s\n%s", code, out, errOut)
		}
		for _, db := range []string{"shop", "shop_auth", "shop_billing"} {
			if !strings.Contains(out, "to database "+db+" of ") {
				t.Errorf("stdout does not report the commit of %s:\n%s", db, out)
			}
		}
		// A rerun of the same dump makes no commit anywhere (checked
		// below: one pgcopy commit per database). It runs before the
		// embedded target's databases are served, which locks them.
		if code, out, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", tg.spec, "--schemas", "databases", "-q"); code != 0 || strings.Contains(out, "committed") {
			t.Fatalf("rerun exited %d\n%s\n%s", code, out, errOut)
		}
		dbs := map[string]*sql.DB{}
		for _, name := range []string{"shop", "shop_auth", "shop_billing"} {
			dbs[name] = tg.open(name)
		}
		my := dbs["shop"]
		if got := column(querySQL(t, my, "SHOW DATABASES")); strings.Contains(strings.Join(got, ","), "shop_util") || strings.Contains(strings.Join(got, ","), "shop_public") {
			t.Errorf("databases %v: a schema without tables got a database, or public did", got)
		}
		// tables and rows
		wantTables := map[string]string{"shop": "users", "shop_auth": "logins,sessions,users", "shop_billing": "invoices,lines"}
		total := 0
		for name, want := range wantTables {
			got := column(querySQL(t, dbs[name], "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"))
			if strings.Join(got, ",") != want {
				t.Errorf("database %s has tables %v, want %s", name, got, want)
			}
		}
		for _, tb := range shopTables {
			total += compareTable(t, pgc, dbs[tb.db], tb.schema, tb.table, tb.table)
		}
		// the view across databases, and the materialized view
		if got := column(querySQL(t, dbs["shop_billing"], "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'VIEW'")); strings.Join(got, ",") != "user_totals" {
			t.Errorf("shop_billing views %v", got)
		}
		total += compareTable(t, pgc, dbs["shop_billing"], "billing", "user_totals", "user_totals")
		pgRows := fetchPG(t, pgc, "SELECT login, name FROM auth.logins", []norm{nText, nText})
		myRows := fetchMy(t, dbs["shop_auth"], "SELECT login, name FROM logins", []norm{nText, nText})
		if strings.Join(pgRows, "\n") != strings.Join(myRows, "\n") || len(pgRows) != 30 {
			t.Errorf("materialized view auth.logins: PostgreSQL %d rows, Dolt %d", len(pgRows), len(myRows))
		}
		if n := queryInt(t, dbs["shop_auth"], "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'logins' AND index_name = 'logins_login' AND non_unique = 0"); n != 1 {
			t.Errorf("unique index logins_login on the materialized view's table: %d key parts", n)
		}
		// foreign keys: within a database created and resolved; across databases reported
		for name, want := range map[string]int64{"shop": 0, "shop_auth": 1, "shop_billing": 1} {
			if n := queryInt(t, dbs[name], "SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()"); n != want {
				t.Errorf("database %s has %d foreign keys, want %d", name, n, want)
			}
		}
		var rep struct {
			Objects   []struct{ Kind, Name, Action, Database, Detail string }
			Databases []struct {
				Name   string
				Tables int
				Commit string
			}
		}
		b, err := os.ReadFile(repPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatal(err)
		}
		placed := map[string]string{}
		cross := 0
		for _, o := range rep.Objects {
			placed[o.Kind+" "+o.Name] = o.Database
			if o.Kind == "FK CONSTRAINT" && o.Action == "skipped" && strings.Contains(o.Detail, "no foreign keys across databases") {
				cross++
			}
		}
		for k, want := range map[string]string{"TABLE public.users": "shop", "TABLE auth.users": "shop_auth", "TABLE billing.lines": "shop_billing",
			"INDEX auth.sessions_started": "shop_auth", "INDEX auth.logins_login": "shop_auth", "VIEW billing.user_totals": "shop_billing",
			"FK CONSTRAINT billing.lines.lines_invoice_id_fkey": "shop_billing", "SCHEMA billing": "shop_billing"} {
			if placed[k] != want {
				t.Errorf("report: %s in database %q, want %s", k, placed[k], want)
			}
		}
		if cross != 2 {
			t.Errorf("%d foreign keys reported as across databases, want 2 (auth.users and billing.invoices to public.users)", cross)
		}
		if len(rep.Databases) != 3 || rep.Databases[0].Name != "shop" || rep.Databases[0].Commit == "" || rep.Databases[2].Tables != 2 {
			t.Errorf("report databases: %+v", rep.Databases)
		}
		if !strings.Contains(errOut, "2 foreign keys join tables of two Dolt databases") {
			t.Errorf("no note on the cross-database foreign keys:\n%s", errOut)
		}
		// one new commit per database, nothing left behind
		commits := func() string { // per database: commits/branches/dolt_status rows
			var c []string
			for _, name := range []string{"shop", "shop_auth", "shop_billing"} {
				c = append(c, name+"="+strconv.FormatInt(queryInt(t, dbs[name], "SELECT COUNT(*) FROM dolt_log"), 10)+
					"/"+strconv.FormatInt(queryInt(t, dbs[name], "SELECT COUNT(*) FROM dolt_branches"), 10)+
					"/"+strconv.FormatInt(queryInt(t, dbs[name], "SELECT COUNT(*) FROM dolt_status"), 10))
			}
			return strings.Join(c, " ")
		}
		if got := commits(); got != "shop=2/1/0 shop_auth=2/1/0 shop_billing=2/1/0" {
			t.Errorf("commits/branches/status per database after two copies: %s, want 2 commits (init + pgcopy), 1 branch, clean", got)
		}
		msg := querySQL(t, my, "SELECT message FROM dolt_log LIMIT 1")[0][0]
		for _, want := range []string{"databases: shop, shop_auth, shop_billing", "commit-of-shop_auth: " + rep.Databases[1].Commit, "tables: 1\n"} {
			if !strings.Contains(msg, want) {
				t.Errorf("the target's commit message lacks %q:\n%s", want, msg)
			}
		}
		t.Logf("%d tables in 3 databases, %d rows (view and materialized view included) equal in PostgreSQL and Dolt; 2 foreign keys in Dolt, 2 across databases checked by pgcopy", len(shopTables), total)
	})
}

// TestSchemasDefault: without --schemas, the same dump goes to one
// database: public's tables keep their names, the others are
// schema_table, every foreign key exists, and no other database is made.
func TestSchemasDefault(t *testing.T) {
	dump, pgURL := shopDump(t, "")
	root := t.TempDir()
	copyOK(t, dump, filepath.Join(root, "shop"), "-q")
	entries, _ := os.ReadDir(root)
	var dbs []string
	for _, e := range entries {
		if e.IsDir() { // the run's lock file (.shop.pgcopy-lock, loader/lock.go) sits beside the database
			dbs = append(dbs, e.Name())
		}
	}
	if len(dbs) != 1 {
		t.Errorf("the target's directory holds the databases %v, want only shop", dbs)
	}
	my := mustOpenMy(t, testenv.DoltServer(t, root)+"shop")
	got := column(querySQL(t, my, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"))
	if strings.Join(got, ",") != "auth_logins,auth_sessions,auth_users,billing_invoices,billing_lines,users" {
		t.Errorf("tables %v", got)
	}
	if n := queryInt(t, my, "SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()"); n != 4 {
		t.Errorf("%d foreign keys, want 4", n)
	}
	pgc := mustConnectPG(t, pgURL)
	for _, tb := range shopTables {
		name := tb.table
		if tb.schema != "public" {
			name = tb.schema + "_" + tb.table
		}
		compareTable(t, pgc, my, tb.schema, tb.table, name)
	}
	if n := queryInt(t, my, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'shop_%'"); n != 0 {
		t.Errorf("%d other databases made", n)
	}
}

// TestSchemasOrphansAcrossDatabases: an orphan row under a foreign key
// between two databases (NOT VALID in PostgreSQL) fails the copy, naming
// the constraint, and no database is published (each keeps only its
// initial commit and no work branch); --allow-fk-violations commits it.
func TestSchemasOrphansAcrossDatabases(t *testing.T) {
	dump, _ := shopDump(t, `CREATE TABLE billing.refunds (id integer PRIMARY KEY, user_id integer);
INSERT INTO billing.refunds VALUES (1, 5), (2, 999);
ALTER TABLE billing.refunds ADD CONSTRAINT refunds_user_fk FOREIGN KEY (user_id) REFERENCES public.users (id) NOT VALID;`)
	root := t.TempDir()
	target := filepath.Join(root, "shop")
	code, _, errOut := pgcopyRun(t, "copy", "--dump", dump, "--target", target, "--schemas", "databases", "-q")
	if code != 1 || !strings.Contains(errOut, "billing.refunds.refunds_user_fk (not created: it joins two Dolt databases)") || !strings.Contains(errOut, "(999)") {
		t.Fatalf("copy with an orphan across databases exited %d:\n%s", code, errOut)
	}
	for _, name := range []string{"shop", "shop_auth", "shop_billing"} {
		dir := filepath.Join(root, name)
		if got := testenv.DoltQuery(t, dir, "SELECT (SELECT COUNT(*) FROM dolt_log), (SELECT COUNT(*) FROM dolt_branches), (SELECT COUNT(*) FROM dolt_status)")[0]; strings.Join(got, "/") != "1/1/0" {
			t.Errorf("database %s after the failed copy: commits/branches/status %v, want 1/1/0 (nothing published)", name, got)
		}
	}
	copyOK(t, dump, target, "--schemas", "databases", "--allow-fk-violations", "-q")
	if got := testenv.DoltQuery(t, filepath.Join(root, "shop_billing"), "SELECT COUNT(*) FROM refunds")[0][0]; got != "2" {
		t.Errorf("refunds: %s rows", got)
	}
}

// TestSchemasTranslateMatchesCopy: pgcopy translate --schemas databases,
// replayed with dolt sql in an empty directory, makes the same databases
// with the same tables (same dolt_hashof_table) as pgcopy copy, with
// resolved foreign keys; and for fnb (8 schemas, 2 holding tables) the
// copy holds PostgreSQL's rows in every table.
func TestSchemasTranslateMatchesCopy(t *testing.T) {
	dump, _ := shopDump(t, "")
	dir := t.TempDir()
	copied := filepath.Join(dir, "copied")
	os.MkdirAll(copied, 0o755)
	copyOK(t, dump, filepath.Join(copied, "shop"), "--schemas", "databases", "-q")
	script := filepath.Join(dir, "out.sql")
	if code, _, errOut := pgcopyRun(t, "translate", "--dump", dump, "--schemas", "databases", "--database", "shop", "-o", script, "-q"); code != 0 {
		t.Fatalf("translate exited %d: %s", code, errOut)
	}
	if code, _, errOut := pgcopyRun(t, "translate", "--dump", dump, "--schemas", "databases", "-q"); code != 2 || !strings.Contains(errOut, "--database NAME") {
		t.Errorf("translate --schemas databases without --database: exit %d, %s", code, errOut)
	}
	replay := filepath.Join(dir, "replay")
	os.MkdirAll(replay, 0o755)
	in, err := os.Open(script)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(testenv.DoltBin(t), "sql")
	cmd.Dir, cmd.Env, cmd.Stdin = replay, testenv.DoltEnv(t), in
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dolt sql < translated script: %v\n%s", err, out)
	}
	in.Close()
	q := "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
	for _, name := range []string{"shop", "shop_auth", "shop_billing"} {
		rdir := filepath.Join(replay, name)
		testenv.Dolt(t, rdir, "add", "-A")
		testenv.Dolt(t, rdir, "commit", "-m", "replayed")
		a, b := testenv.DoltQuery(t, filepath.Join(copied, name), q), testenv.DoltQuery(t, rdir, q)
		if len(a) == 0 || len(a) != len(b) {
			t.Fatalf("database %s: tables differ: copy %v, translate %v", name, a, b)
		}
		for i := range a {
			if a[i][0] != b[i][0] || a[i][1] != b[i][1] {
				t.Errorf("%s.%s: copy hash %s, translate hash %s (%s)", name, a[i][0], a[i][1], b[i][1], b[i][0])
			}
		}
		if name != "shop" {
			checkFKsResolved(t, rdir)
			checkFKsResolved(t, filepath.Join(copied, name))
		}
	}
	// the view reads shop.users: query it where dolt serves every database
	views := testenv.DoltQuery(t, replay, "SELECT COUNT(*) FROM shop_billing.user_totals")
	if views[0][0] != "40" {
		t.Errorf("replayed view user_totals: %v rows, want 40", views)
	}
}

// TestSchemasFnb copies fnb (8 schemas; app and msg hold its 32 tables,
// joined by 7 foreign keys across them) with --schemas databases and
// compares every table with PostgreSQL.
func TestSchemasFnb(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	for _, role := range []string{"app_anon", "app_usr", "app_auth"} {
		pg.Exec(t, pgURL, "DO $$ BEGIN CREATE ROLE "+role+"; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
	}
	dump := testenv.Testdata(t, "fnb/fnb.sql")
	pg.Psql(t, pgURL, dump)
	root := t.TempDir()
	copyOK(t, dump, filepath.Join(root, "fnb"), "--schemas", "databases", "-q")
	dsn := testenv.DoltServer(t, root)
	pgc := mustConnectPG(t, pgURL)
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
	dbs := map[string]*sql.DB{}
	total := 0
	for _, tb := range tables {
		name := "fnb_" + tb[0]
		if dbs[name] == nil {
			dbs[name] = mustOpenMy(t, dsn+name)
		}
		total += compareTable(t, pgc, dbs[name], tb[0], tb[1], tb[1])
	}
	var fks int64
	for _, d := range dbs {
		fks += queryInt(t, d, "SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()")
		if n := queryInt(t, d, "SELECT COUNT(*) FROM dolt_log"); n != 2 {
			t.Errorf("a database has %d commits, want 2", n)
		}
	}
	pgFKs := pgForeignKeys(t, pgc)
	if len(tables) != 32 || len(dbs) != 2 || fks+7 != int64(pgFKs) {
		t.Errorf("fnb: %d tables in %d databases, %d foreign keys in Dolt + 7 across databases; PostgreSQL has %d", len(tables), len(dbs), fks, pgFKs)
	}
	t.Logf("fnb: %d tables in %d databases, %d rows equal; %d foreign keys in Dolt, 7 across databases checked by pgcopy (PostgreSQL: %d)", len(tables), len(dbs), total, fks, pgFKs)
}

// TestSchemasJobsGCBranchPush: with --schemas databases, a --jobs 2 load
// and a load that runs dolt_gc every 50 rows (publishing to a branch,
// tagging and pushing each database to its own file:// remote) give every
// table of every database the same hash as a plain copy; the remotes
// clone with the branch and the tag.
func TestSchemasJobsGCBranchPush(t *testing.T) {
	dump, _ := shopDump(t, "")
	dir := t.TempDir()
	plain, jobs, gc := filepath.Join(dir, "plain"), filepath.Join(dir, "jobs"), filepath.Join(dir, "gc")
	remote := filepath.Join(dir, "remote")
	for _, d := range []string{plain, jobs, gc, remote} {
		os.MkdirAll(d, 0o755)
	}
	copyOK(t, dump, filepath.Join(plain, "shop"), "--schemas", "databases", "-q")
	copyOK(t, dump, filepath.Join(jobs, "shop"), "--schemas", "databases", "--jobs", "2", "-q")
	copyOK(t, dump, filepath.Join(gc, "shop"), "--schemas", "databases", "--gc-every", "50", "--branch", "nightly", "--tag", "n1",
		"--push", "file://"+filepath.Join(remote, "shop"), "-q")
	q := "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
	for _, name := range []string{"shop", "shop_auth", "shop_billing"} {
		want := testenv.DoltQuery(t, filepath.Join(plain, name), q)
		if got := testenv.DoltQuery(t, filepath.Join(jobs, name), q); strings.Join(flat(got), ",") != strings.Join(flat(want), ",") {
			t.Errorf("%s with --jobs 2: %v, want %v", name, got, want)
		}
		db := filepath.Join(gc, name)
		if got := testenv.DoltQuery(t, db, "SELECT (SELECT COUNT(*) FROM dolt_log('nightly')), (SELECT COUNT(*) FROM dolt_log('main')), (SELECT COUNT(*) FROM dolt_tags WHERE tag_name = 'n1')")[0]; strings.Join(got, "/") != "2/1/1" {
			t.Errorf("%s: nightly/main commits and tag n1: %v, want 2/1/1", name, got)
		}
		clone := filepath.Join(dir, "clone_"+name)
		testenv.Dolt(t, dir, "clone", "file://"+filepath.Join(remote, name), clone)
		testenv.Dolt(t, clone, "checkout", "nightly")
		if got := testenv.DoltQuery(t, clone, q); strings.Join(flat(got), ",") != strings.Join(flat(want), ",") {
			t.Errorf("%s pushed with --gc-every 50: %v, want %v", name, got, want)
		}
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "="))
	}
	return out
}

// TestSchemasVerify: a live source copied with --schemas databases
// --verify compares every table of every database before committing;
// pgcopy verify --schemas databases then finds every table equal (on the
// default branch and with --branch), and names the table of the other
// database that a change in PostgreSQL makes differ.
func TestSchemasVerify(t *testing.T) {
	_, pgURL := shopDump(t, "")
	root := t.TempDir()
	target := filepath.Join(root, "shop")
	out := copyOK(t, "", target, "--source", pgURL, "--schemas", "databases", "--verify")
	if !strings.Contains(out, "--verify: 5 tables equal") {
		t.Errorf("copy --verify did not compare the 5 tables:\n%s", out)
	}
	got := verifyRun(t, 0, "--source", pgURL, "--target", target, "--schemas", "databases")
	for _, want := range []string{"ok      shop_auth.sessions", "ok      shop_billing.lines", "ok      shop.users", "5 tables, "} {
		if !strings.Contains(got, want) {
			t.Errorf("pgcopy verify output lacks %q:\n%s", want, got)
		}
	}
	verifyRun(t, 0, "--source", pgURL, "--target", target, "--schemas", "databases", "--branch", "main", "-q")
	testenv.Postgres(t).Exec(t, pgURL, "UPDATE billing.lines SET item = 'changed' WHERE invoice_id = 7 AND n = 2")
	got = verifyRun(t, 3, "--source", pgURL, "--target", target, "--schemas", "databases", "-q")
	if !strings.Contains(got, "DIFFERS shop_billing.lines") || strings.Count(got, "DIFFERS") != 1 {
		t.Errorf("pgcopy verify after a change:\n%s", got)
	}
}
