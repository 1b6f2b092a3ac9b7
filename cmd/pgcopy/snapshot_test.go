package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// doltTarget is where a test copies to: an embedded directory, or a
// database of a running dolt sql-server; q runs a query against it.
type doltTarget struct {
	spec string
	q    func(query string) [][]string
}

// eachTarget runs f once with a fresh embedded target and once with a
// fresh database on a dolt sql-server the test starts.
func eachTarget(t *testing.T, f func(t *testing.T, tg doltTarget)) {
	t.Run("embedded", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "db")
		f(t, doltTarget{spec: dir, q: func(q string) [][]string { return testenv.DoltQuery(t, dir, q) }})
	})
	t.Run("sql-server", func(t *testing.T) {
		dsn := testenv.DoltServer(t, t.TempDir())
		addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
		var db *sql.DB
		f(t, doltTarget{spec: "mysql://root@" + addr + "/db", q: func(q string) [][]string {
			if db == nil {
				db = mustOpenMy(t, dsn+"db")
			}
			return querySQL(t, db, q)
		}})
	})
}

func querySQL(t *testing.T, db *sql.DB, q string) [][]string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	return out
}

// TestNightlySnapshots copies a day-1 dump, changes PostgreSQL (inserts,
// updates, deletes and an added column), copies the day-2 dump into the
// same target, and checks that the second commit's diff holds exactly those
// changes.
func TestNightlySnapshots(t *testing.T) {
	eachTarget(t, testNightly)
}

func testNightly(t *testing.T, tg doltTarget) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, testenv.Testdata(t, "pagila/pagila.sql"))
	dir := t.TempDir()
	day1, day2 := filepath.Join(dir, "day1.sql"), filepath.Join(dir, "day2.sql")
	pg.Dump(t, pgURL, day1, "--no-owner", "--no-privileges")
	target := tg.spec
	copyOK(t, day1, target, "--tag", "day1", "-q")

	pg.Exec(t, pgURL, `
		INSERT INTO actor (actor_id, first_name, last_name) VALUES (9001, 'NEW', 'ACTOR'), (9002, 'OTHER', 'O''ACTOR');
		UPDATE rental SET return_date = return_date + interval '1 day' WHERE rental_id IN (2, 3, 4);
		DELETE FROM payment WHERE payment_id = (SELECT min(payment_id) FROM payment);
		ALTER TABLE category ADD COLUMN note text;
		UPDATE category SET note = 'changed' WHERE category_id = 1;
		ALTER TABLE film ALTER COLUMN rental_duration TYPE integer;
		CREATE TABLE note_log (id int PRIMARY KEY, body text);
		INSERT INTO note_log VALUES (1, 'new table');`)
	pg.Dump(t, pgURL, day2, "--no-owner", "--no-privileges")
	copyOK(t, day2, target, "--tag", "day2", "-q")

	if got := tg.q("SELECT COUNT(*) FROM dolt_log"); got[0][0] != "3" {
		t.Fatalf("dolt_log has %s commits, want 3 (init, day 1, day 2)", got[0][0])
	}
	stat := tg.q("SELECT table_name, rows_added, rows_deleted, rows_modified FROM dolt_diff_stat('day1', 'day2') ORDER BY table_name")
	got := map[string]string{}
	for _, r := range stat {
		got[r[0]] = r[1] + "+ " + r[2] + "- " + r[3] + "~"
	}
	want := map[string]string{
		"actor":    "2+ 0- 0~",
		"category": "0+ 0- 1~",
		"payment":  "0+ 1- 0~",
		"rental":   "0+ 0- 3~",
	}
	for tb, w := range want {
		if got[tb] != w {
			t.Errorf("dolt_diff_stat(day1, day2) for %s = %q, want %q", tb, got[tb], w)
		}
	}
	if got["note_log"] != "1+ 0- 0~" {
		t.Errorf("the added table note_log: %q, want 1 added row", got["note_log"])
	}
	for tb, g := range got {
		// rental_by_category, a materialized view's table, is refilled
		// from its query: the deleted payment changes category totals.
		// dolt_schemas: the last_updated triggers of the tables that were
		// reloaded are created again, and Dolt stamps each with its
		// creation time (loader/routines.go keepIdenticalTrigger has the
		// reproduction): rows modified, never added or deleted.
		if tb == "dolt_schemas" && strings.HasPrefix(g, "0+ 0- ") {
			continue
		}
		if _, ok := want[tb]; !ok && tb != "note_log" && tb != "film" && tb != "rental_by_category" {
			t.Errorf("dolt_diff_stat shows %s changed (%s); nothing changed there", tb, g)
		}
	}
	schema := tg.q("SELECT to_table_name FROM dolt_schema_diff('day1', 'day2') ORDER BY 1")
	var names []string
	for _, r := range schema {
		names = append(names, r[0])
	}
	if strings.Join(names, ",") != "category,film,note_log" {
		t.Errorf("schema diff day1..day2 = %v, want category (added column), film (widened type), note_log (added table)", names)
	}
	if n := tg.q("SELECT COUNT(*) FROM film WHERE rental_duration IS NOT NULL")[0][0]; n != "1000" {
		t.Errorf("film rows after widening rental_duration: %s, want 1000", n)
	}
	if n := tg.q("SELECT COUNT(*) FROM category WHERE note = 'changed'")[0][0]; n != "1" {
		t.Errorf("the added column's value did not arrive: %s rows", n)
	}
}

// TestKillMidLoad SIGKILLs pgcopy in the middle of a load: the target
// branch must be unchanged and a rerun must complete without cleanup.
func TestKillMidLoad(t *testing.T) {
	eachTarget(t, testKill)
}

func testKill(t *testing.T, tg doltTarget) {
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	target := tg.spec
	copyOK(t, testenv.Testdata(t, "northwind/northwind.sql"), target, "-q")
	before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]

	cmd := exec.Command(pgcopyBin, "copy", "--dump", dump, "--target", target, "-q")
	cmd.Env = append(os.Environ(), "PGCOPY_TEST_STALL_AFTER_ROWS=20000")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	var seen strings.Builder
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(seen.String(), "test stall") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("pgcopy never reached the stall point; stderr: %s", seen.String())
		}
		n, err := stderr.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			t.Fatalf("pgcopy ended before the stall point: %v; stderr: %s", err, seen.String())
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
	if before[0] != after[0] || before[1] != after[1] {
		t.Fatalf("main changed after a killed load: %v -> %v", before, after)
	}
	copyOK(t, dump, target, "-q")
	if n := tg.q("SELECT COUNT(*) FROM rental")[0][0]; n != "16044" {
		t.Errorf("rerun after kill: rental has %s rows", n)
	}
	if n := tg.q("SELECT COUNT(*) FROM dolt_branches")[0][0]; n != "1" {
		t.Errorf("rerun left %s branches, want only main", n)
	}
}

// TestBranchTagPush publishes to a named branch, tags it and pushes both to
// a file:// remote, then clones the remote with the dolt CLI.
func TestBranchTagPush(t *testing.T) {
	dump := testenv.Testdata(t, "northwind/northwind.sql")
	dir := t.TempDir()
	target := filepath.Join(dir, "db")
	remote := filepath.Join(dir, "remote")
	os.MkdirAll(remote, 0o755)
	copyOK(t, dump, target, "--branch", "nightly", "--tag", "n1", "--push", "file://"+remote, "--author", "Night Job <night@example.com>", "-q")
	if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log('nightly')")[0][0]; got != "2" {
		t.Errorf("nightly has %s commits, want 2", got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log('main')")[0][0]; got != "1" {
		t.Errorf("main has %s commits, want 1 (untouched)", got)
	}
	if got := testenv.DoltQuery(t, target, "SELECT committer, email FROM dolt_log('n1') LIMIT 1")[0]; got[0] != "Night Job" || got[1] != "night@example.com" {
		t.Errorf("commit author = %v", got)
	}
	clone := filepath.Join(dir, "clone")
	testenv.Dolt(t, dir, "clone", "file://"+remote, clone)
	testenv.Dolt(t, clone, "checkout", "nightly")
	if n := testenv.DoltQuery(t, clone, "SELECT COUNT(*) FROM orders")[0][0]; n != "830" {
		t.Errorf("clone of the pushed remote has %s orders", n)
	}
	if tags := testenv.DoltQuery(t, clone, "SELECT tag_name FROM dolt_tags"); len(tags) != 1 || tags[0][0] != "n1" {
		t.Errorf("pushed tags = %v, want n1", tags)
	}
}

// TestInterrupt signals pgcopy in the middle of a load (SIGINT, then
// SIGTERM): it says "interrupted by SIGINT; nothing was committed" instead
// of "context canceled", exits 130 (143 for SIGTERM), and main is
// unchanged (issue 12, item 10).
func TestInterrupt(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		dump := testenv.Testdata(t, "pagila/pagila.sql")
		copyOK(t, testenv.Testdata(t, "northwind/northwind.sql"), tg.spec, "-q")
		before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
		for _, sc := range []struct {
			sig  syscall.Signal
			name string
			code int
		}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
			code, out := signalAtStall(t, "PGCOPY_TEST_STALL_AFTER_ROWS=20000", "test stall", sc.sig,
				"copy", "--dump", dump, "--target", tg.spec, "-q")
			if code != sc.code {
				t.Errorf("%s: exit %d, want %d; stderr:\n%s", sc.name, code, sc.code, out)
			}
			if !strings.Contains(out, "interrupted by "+sc.name+"; nothing was committed") || strings.Contains(out, "context canceled") {
				t.Errorf("%s: stderr:\n%s", sc.name, out)
			}
			after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
			if before[0] != after[0] || before[1] != after[1] {
				t.Fatalf("%s: main changed after an interrupted load: %v -> %v", sc.name, before, after)
			}
		}
	})
}

// signalAtStall runs pgcopy with args and the test hook env (NAME=VALUE),
// waits until its stderr holds want (the hook's stall line), sends sig and
// returns the exit code and the whole stderr. It fails the test if pgcopy
// ends before the stall.
func signalAtStall(t *testing.T, env, want string, sig syscall.Signal, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(pgcopyBin, args...)
	cmd.Env = append(os.Environ(), env)
	seen := &syncWriter{want: want, reached: make(chan struct{})}
	cmd.Stderr = seen
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-seen.reached:
	case err := <-done:
		t.Fatalf("pgcopy %s ended before the stall point: %v; stderr: %s", args[0], err, seen.String())
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	<-done
	return cmd.ProcessState.ExitCode(), seen.String()
}

// syncWriter collects a child's stderr and closes reached once it holds want.
type syncWriter struct {
	mu      sync.Mutex
	b       strings.Builder
	want    string
	reached chan struct{}
	closed  bool
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if !w.closed && strings.Contains(w.b.String(), w.want) {
		w.closed = true
		close(w.reached)
	}
	return len(p), nil
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
