package main

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// runOpts are the extras of runPgcopy.
type runOpts struct {
	env   []string  // added to the environment
	stdin io.Reader // nil: no input
}

// runPgcopy runs the pgcopy binary with extra environment and stdin.
func runPgcopy(t *testing.T, o runOpts, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(pgcopyBin, args...)
	cmd.Env = append(os.Environ(), o.env...)
	cmd.Stdin = o.stdin
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run pgcopy: %v", err)
	}
	return code, stdout.String(), stderr.String()
}

// mustPgcopy runs pgcopy and fails the test unless it exits 0.
func mustPgcopy(t *testing.T, o runOpts, args ...string) (string, string) {
	t.Helper()
	start := time.Now()
	code, out, errOut := runPgcopy(t, o, args...)
	if code != 0 {
		t.Fatalf("pgcopy %s exited %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
	t.Logf("pgcopy %s: %v", args[0], time.Since(start).Round(time.Millisecond))
	return out, errOut
}

// tableHashes returns table name -> dolt_hashof_table for every table of
// the Dolt database in dir.
func tableHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range testenv.DoltQuery(t, dir, "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'") {
		out[r[0]] = r[1]
	}
	return out
}

// sameTables fails the test unless every Dolt database in dirs has the
// same tables with the same dolt_hashof_table, want tables in all.
func sameTables(t *testing.T, want int, names []string, dirs ...string) {
	t.Helper()
	ref := tableHashes(t, dirs[0])
	if len(ref) != want {
		t.Errorf("%s has %d tables, want %d", names[0], len(ref), want)
	}
	for i, d := range dirs[1:] {
		got := tableHashes(t, d)
		if len(got) != len(ref) {
			t.Errorf("%s has %d tables, %s %d", names[i+1], len(got), names[0], len(ref))
		}
		for tb, h := range ref {
			if got[tb] != h {
				t.Errorf("table %s: %s hash %s, %s hash %s", tb, names[0], h, names[i+1], got[tb])
			}
		}
	}
}

// TestSourceSnapshotIsolation starts a copy from a live server, and once
// pgcopy has exported its snapshot (the test hook pauses it there) inserts,
// updates and deletes rows and creates a table. Dolt must hold the
// snapshot's data, not the live state.
func TestSourceSnapshotIsolation(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, testenv.Testdata(t, "northwind/northwind.sql"))
	one := func(q string) string { return pg.Query(t, dbURL, q)[0][0] }
	counts := "SELECT (SELECT count(*) FROM region) || ',' || (SELECT count(*) FROM order_details) || ',' || (SELECT count(*) FROM orders)"
	before := one(counts)
	name := one("SELECT company_name FROM customers WHERE customer_id = 'ALFKI'")

	dir := t.TempDir()
	pause := filepath.Join(dir, "go-on")
	target := filepath.Join(dir, "db")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(pgcopyBin, "copy", "--source", dbURL, "--target", target, "--report", filepath.Join(dir, "report.json"))
	cmd.Env = append(os.Environ(), "PGCOPY_TEST_PAUSE_AFTER_SNAPSHOT="+pause)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.After(2 * time.Minute)
wait:
	for {
		if _, err := os.Stat(pause + ".ready"); err == nil {
			break wait
		}
		select {
		case err := <-done:
			t.Fatalf("pgcopy ended before exporting its snapshot: %v\n%s", err, stderr.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("pgcopy never exported its snapshot\n%s", stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	// A concurrent writer, after the snapshot.
	pg.Exec(t, dbURL, `INSERT INTO region VALUES (5, 'Antarctica');
		UPDATE customers SET company_name = 'CHANGED AFTER THE SNAPSHOT' WHERE customer_id = 'ALFKI';
		DELETE FROM order_details WHERE order_id IN (10248, 10249);
		INSERT INTO orders (order_id, customer_id, employee_id, order_date) VALUES (30000, 'ALFKI', 1, '2026-01-01');
		CREATE TABLE late_table (id int PRIMARY KEY)`)
	after := one(counts)
	if after == before {
		t.Fatal("the writer changed nothing")
	}
	if err := os.WriteFile(pause, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("pgcopy copy --source: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	t.Logf("live copy of northwind: %v", time.Since(start).Round(time.Millisecond))

	got := testenv.DoltQuery(t, target, "SELECT CONCAT((SELECT COUNT(*) FROM region), ',', (SELECT COUNT(*) FROM order_details), ',', (SELECT COUNT(*) FROM orders))")[0][0]
	if got != before {
		t.Errorf("Dolt counts (region, order_details, orders) = %s, want the snapshot's %s (live: %s)", got, before, after)
	}
	if got := testenv.DoltQuery(t, target, "SELECT company_name FROM customers WHERE customer_id = 'ALFKI'")[0][0]; got != name {
		t.Errorf("customer ALFKI is %q in Dolt, want the snapshot's %q", got, name)
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'late_table'")[0][0]; n != "0" {
		t.Error("a table created after the snapshot was copied")
	}
	msg := testenv.DoltQuery(t, target, "SELECT message FROM dolt_log LIMIT 1")[0][0]
	for _, want := range []string{"snapshot: 0", "snapshot-time: ", "server-version: ", "source: 127.0.0.1:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("commit message lacks %q:\n%s", want, msg)
		}
	}

	// verify compares with the server as it is now: the writer's changes
	// show up as differences, by primary key.
	code, out, errOut := pgcopyRun(t, "verify", "--source", dbURL, "--target", target)
	if code != exitDiffer {
		t.Fatalf("verify after concurrent writes exited %d, want %d\n%s\n%s", code, exitDiffer, out, errOut)
	}
	for _, want := range []string{"DIFFERS region", "region_id=5: only in PostgreSQL", "DIFFERS customers", "customer_id='ALFKI': differs in company_name",
		"DIFFERS order_details", "only in Dolt", "DIFFERS orders", "order_id=30000: only in PostgreSQL", "ok      products"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %q:\n%s", want, out)
		}
	}
}

// TestSourceFormatsAgree copies pagila four ways (the plain dump, the
// custom-format dump of the same database, that archive on stdin, and a
// live server loaded from the plain dump): every table must hash the same.
func TestSourceFormatsAgree(t *testing.T) {
	pg := testenv.Postgres(t)
	plain := testenv.Testdata(t, "pagila/pagila.sql")
	custom := testenv.Testdata(t, "pagila/pagila.dump")
	_, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, plain)
	dir := t.TempDir()
	a, b, c, d := filepath.Join(dir, "plain"), filepath.Join(dir, "custom"), filepath.Join(dir, "stdin"), filepath.Join(dir, "live")
	mustPgcopy(t, runOpts{}, "copy", "--dump", plain, "--target", a, "-q")
	mustPgcopy(t, runOpts{}, "copy", "--dump", custom, "--target", b, "-q")
	f, err := os.Open(custom)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mustPgcopy(t, runOpts{stdin: f}, "copy", "--dump", "-", "--target", c, "-q")
	mustPgcopy(t, runOpts{}, "copy", "--source", dbURL, "--target", d, "-q")
	sameTables(t, 16, []string{"plain", "custom", "custom on stdin", "live"}, a, b, c, d) // 15 tables and materialized view rental_by_category
	msg := testenv.DoltQuery(t, b, "SELECT message FROM dolt_log LIMIT 1")[0][0]
	for _, want := range []string{"source: pagila.dump", "source-sha256: ", "pg_dump-version: 15", "server-version: 15"} {
		if !strings.Contains(msg, want) {
			t.Errorf("custom-format commit message lacks %q:\n%s", want, msg)
		}
	}
}

// TestSourceDirectoryAndTar copies chinook dumped by pg_dump in the plain,
// directory and tar formats: the same tables, the same hashes.
func TestSourceDirectoryAndTar(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, testenv.Testdata(t, "chinook/chinook.sql"))
	dir := t.TempDir()
	var targets []string
	names := []string{"plain", "directory", "tar"}
	for i, format := range []string{"-Fp", "-Fd", "-Ft"} {
		dump := filepath.Join(dir, names[i]+".dump")
		pg.Dump(t, dbURL, dump, format)
		target := filepath.Join(dir, "db-"+names[i])
		mustPgcopy(t, runOpts{}, "copy", "--dump", dump, "--target", target, "-q", "--pg-restore", filepath.Join(pg.BinDir, "pg_restore"))
		targets = append(targets, target)
	}
	sameTables(t, 11, names, targets...)
}

// TestSourceNoLeakedPassword copies with a password in the URL (the test
// cluster trusts every local connection, so the password is simply unused)
// and looks for it everywhere pgcopy writes: stdout, stderr, the JSON
// report, the Dolt commit, pg_dump's command line; also in the output of
// failed runs and of verify.
func TestSourceNoLeakedPassword(t *testing.T) {
	const secret = "SECRETPASS"
	pg := testenv.Postgres(t)
	name, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, testenv.Testdata(t, "chinook/chinook.sql"))
	role := "r" + name[len(name)-8:]
	pg.Exec(t, pg.URL, "CREATE ROLE "+role+" LOGIN PASSWORD '"+secret+"'; GRANT pg_read_all_data TO "+role)
	t.Cleanup(func() { pg.Exec(t, pg.URL, "DROP ROLE IF EXISTS "+role) })
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(role, secret)
	src := u.String()

	// pg_dump, wrapped to record its arguments and whether it got the
	// password through PGPASSWORD
	dir := t.TempDir()
	log := filepath.Join(dir, "pg_dump.log")
	wrapper := filepath.Join(dir, "pg_dump")
	script := "#!/bin/sh\nprintf 'arg: %s\\n' \"$@\" >> '" + log + "'\n" +
		"if [ \"$PGPASSWORD\" = '" + secret + "' ]; then echo 'env: PGPASSWORD given' >> '" + log + "'; fi\n" +
		"exec '" + filepath.Join(pg.BinDir, "pg_dump") + "' \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "db")
	report := filepath.Join(dir, "report.json")
	out, errOut := mustPgcopy(t, runOpts{}, "copy", "--source", src, "--pg-dump", wrapper, "--target", target, "--report", report)
	check := func(what, text string) {
		t.Helper()
		if strings.Contains(text, secret) {
			t.Errorf("the password appears in %s:\n%s", what, text)
		}
	}
	check("stdout", out)
	check("stderr", errOut)
	rep, _ := os.ReadFile(report)
	check("the report", string(rep))
	if !strings.Contains(string(rep), "127.0.0.1:") {
		t.Errorf("the report does not name the source:\n%.300s", rep)
	}
	check("dolt log", testenv.Dolt(t, target, "log"))
	args, _ := os.ReadFile(log)
	check("pg_dump's arguments", strings.ReplaceAll(string(args), "env: PGPASSWORD given", ""))
	if !strings.Contains(string(args), "env: PGPASSWORD given") || !strings.Contains(string(args), "arg: --snapshot=") {
		t.Errorf("pg_dump did not get the password through PGPASSWORD, or no snapshot:\n%s", args)
	}

	code, out, errOut := pgcopyRun(t, "verify", "--source", src, "--target", target)
	if code != 0 {
		t.Errorf("verify exited %d:\n%s\n%s", code, out, errOut)
	}
	check("verify's output", out+errOut)

	// failures: an unknown database (URL and keyword forms), an unknown table
	bad := *u
	bad.Path = "/no_such_database"
	code, out, errOut = pgcopyRun(t, "copy", "--source", bad.String(), "--target", filepath.Join(dir, "bad1"))
	if code != exitError || !strings.Contains(errOut, "no_such_database") {
		t.Errorf("bad database: exit %d\n%s", code, errOut)
	}
	check("a failed run's output", out+errOut)
	kw := "host=127.0.0.1 port=" + u.Port() + " user=" + role + " password=" + secret + " dbname=no_such_database sslmode=disable"
	code, out, errOut = pgcopyRun(t, "copy", "--source", kw, "--target", filepath.Join(dir, "bad2"))
	if code != exitError {
		t.Errorf("bad database (keyword form): exit %d\n%s", code, errOut)
	}
	check("a failed run's output (keyword form)", out+errOut)
	code, out, errOut = pgcopyRun(t, "copy", "--source", src, "--table", "no_such_table", "--target", filepath.Join(dir, "bad3"))
	if code != exitError || !strings.Contains(errOut, "no_such_table") {
		t.Errorf("bad table: exit %d\n%s", code, errOut)
	}
	check("a failed pg_dump's output", out+errOut)
}

// TestSourceOptions: DATABASE_URL, --table/--exclude-table, and the usage
// and version errors.
func TestSourceOptions(t *testing.T) {
	pg := testenv.Postgres(t)
	name, dbURL := pg.CreateDB(t)
	pg.Psql(t, dbURL, testenv.Testdata(t, "chinook/chinook.sql"))
	dir := t.TempDir()
	tables := func(target string) string {
		var names []string
		for _, r := range testenv.DoltQuery(t, target, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1") {
			names = append(names, r[0])
		}
		return strings.Join(names, ",")
	}

	// DATABASE_URL when there is neither --source nor --dump
	a := filepath.Join(dir, "a")
	mustPgcopy(t, runOpts{env: []string{"DATABASE_URL=" + dbURL}}, "copy", "--target", a, "--table", "album", "--table", "public.artist", "-q")
	if got := tables(a); got != "album,artist" {
		t.Errorf("--table album --table public.artist copied %s", got)
	}
	if msg := testenv.DoltQuery(t, a, "SELECT message FROM dolt_log LIMIT 1")[0][0]; !strings.Contains(msg, "/"+name+"\n") {
		t.Errorf("commit message does not name the database %s:\n%s", name, msg)
	}
	b := filepath.Join(dir, "b")
	mustPgcopy(t, runOpts{}, "copy", "--source", dbURL, "--target", b, "--exclude-table", "playlist*", "--schema", "public", "-q")
	if got := tables(b); got != "album,artist,customer,employee,genre,invoice,invoice_line,media_type,track" {
		t.Errorf("--exclude-table 'playlist*' copied %s", got)
	}

	for _, c := range []struct {
		args []string
		env  []string
		code int
		want []string
	}{
		{[]string{"copy", "--target", filepath.Join(dir, "x")}, []string{"DATABASE_URL="}, exitUsage, []string{"--source URL"}},
		{[]string{"copy", "--dump", "x.sql", "--source", dbURL, "--target", filepath.Join(dir, "x")}, nil, exitUsage, []string{"not both"}},
		{[]string{"copy", "--dump", testenv.Testdata(t, "chinook/chinook.sql"), "--table", "album", "--target", filepath.Join(dir, "x")}, nil, exitUsage, []string{"--table"}},
		{[]string{"copy", "--source", dbURL, "--pg-dump", fakePgDump(t, "9.6.24"), "--target", filepath.Join(dir, "x")}, nil, exitError,
			[]string{"older than the server", "hint: install pg_dump 15 or newer", "--pg-dump"}},
		{[]string{"copy", "--dump", dir, "--target", filepath.Join(dir, "x")}, nil, exitError, []string{"without toc.dat", "hint:"}},
	} {
		code, out, errOut := runPgcopy(t, runOpts{env: c.env}, c.args...)
		if code != c.code {
			t.Errorf("pgcopy %s: exit %d, want %d\n%s%s", strings.Join(c.args, " "), code, c.code, out, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("pgcopy %s: stderr lacks %q:\n%s", strings.Join(c.args, " "), w, errOut)
			}
		}
	}
}

// fakePgDump writes a pg_dump that only reports the given version.
func fakePgDump(t *testing.T, version string) string {
	p := filepath.Join(t.TempDir(), "pg_dump")
	if err := os.WriteFile(p, []byte("#!/bin/sh\necho 'pg_dump (PostgreSQL) "+version+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}
