package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/testenv"
)

// The acceptance test of `pgcopy follow` (issue 14, "Done when"): a
// pgbench TPC-B load and side workloads on tricky tables while the
// follower runs, a kill -9 in the middle, SIGTERM at the end; then every
// table equals PostgreSQL, every commit is transaction-consistent and names
// its LSN. A second part covers --until now, TRUNCATE and a schema change
// met in the middle of a transaction, then --resnapshot.
//
// Nothing here is timed: every wait polls with a generous deadline and
// fails with what it saw.

// followBenchRate is the pgbench -R of the acceptance test (TPC-B
// transactions per second).
const followBenchRate = 100

// followPollDeadline bounds every wait for the follower.
const followPollDeadline = 5 * time.Minute

// followTarget is one Dolt target of the follow test.
type followTarget struct {
	spec string // --target
	dir  string // the embedded database directory, "" on a sql-server
	dsn  string // the sql-server's DSN prefix "root@tcp(HOST:PORT)/", "" embedded
	db   string // the database name on the server ("" embedded)
}

// eachFollowTarget runs f on an embedded target and on a dolt sql-server;
// newTarget gives a fresh target (a new directory, or a new database on
// the one server).
func eachFollowTarget(t *testing.T, f func(t *testing.T, newTarget func(name string) followTarget)) {
	t.Run("embedded", func(t *testing.T) {
		root := t.TempDir()
		f(t, func(name string) followTarget {
			dir := filepath.Join(root, name)
			return followTarget{spec: dir, dir: dir}
		})
	})
	t.Run("sql-server", func(t *testing.T) {
		dsn := testenv.DoltServer(t, t.TempDir())
		addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
		f(t, func(name string) followTarget {
			return followTarget{spec: "mysql://root@" + addr + "/" + name, dsn: dsn, db: name}
		})
	})
}

// tryQuery runs q against the target without failing the test. Embedded
// targets are read with the dolt CLI: only while no follower runs there
// (see waitProgress).
func (ft followTarget) tryQuery(t *testing.T, q string) ([][]string, error) {
	t.Helper()
	if ft.dir != "" {
		if _, err := os.Stat(filepath.Join(ft.dir, ".dolt")); err != nil {
			return nil, err
		}
		cmd := exec.Command(testenv.DoltBin(t), "sql", "-r", "csv", "-q", q)
		cmd.Dir = ft.dir
		cmd.Env = testenv.DoltEnv(t)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("dolt sql -q %q: %v: %s", q, err, stderr.String())
		}
		r := csv.NewReader(&stdout)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, nil
		}
		return recs[1:], nil
	}
	db, err := sql.Open("mysql", ft.dsn+ft.db)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
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
			return nil, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// query is tryQuery that fails the test on error.
func (ft followTarget) query(t *testing.T, q string) [][]string {
	t.Helper()
	rows, err := ft.tryQuery(t, q)
	if err != nil {
		t.Fatalf("target %s: %v", ft.spec, err)
	}
	return rows
}

// open returns a go-sql-driver connection to the target, for the value
// by value comparison; on an embedded target it starts a dolt sql-server
// on the directory, so call it only once no follower runs there.
func (ft followTarget) open(t *testing.T) *sql.DB {
	t.Helper()
	if ft.dir != "" {
		dsn := testenv.DoltServer(t, ft.dir)
		return mustOpenMy(t, dsn+filepath.Base(ft.dir))
	}
	return mustOpenMy(t, ft.dsn+ft.db)
}

// followProgress matches the follower's line per stream commit.
var followProgress = regexp.MustCompile(`(?m)^pgcopy: follow: commit (\S+) lsn ([0-9A-F]+/[0-9A-F]+):`)

// followInitial matches the follower's line for the initial copy's commit.
var followInitial = regexp.MustCompile(`(?m)^pgcopy: follow: commit \S+: initial copy at lsn `)

// waitProgress waits until ok accepts the LSNs of the stream commits the
// follower reported so far (and whether the initial copy committed). It
// reads the follower's own progress lines (published commits), not the
// target: a dolt CLI that opens an embedded database while another
// process's engine appends to its chunk journal may fail ("journal index
// is malformed"), and each such read costs the follower a core. Fails
// the test when the follower ends or after followPollDeadline.
func waitProgress(t *testing.T, f *followProc, what string, ok func(initial bool, lsns []replication.LSN) bool) {
	t.Helper()
	deadline := time.Now().Add(followPollDeadline)
	for {
		out := f.out.String()
		var lsns []replication.LSN
		for _, m := range followProgress.FindAllStringSubmatch(out, -1) {
			l, err := replication.ParseLSN(m[2])
			if err != nil {
				t.Fatal(err)
			}
			lsns = append(lsns, l)
		}
		if ok(followInitial.MatchString(out), lsns) {
			return
		}
		if f.exited() {
			code, out := f.wait(t)
			t.Fatalf("waiting for %s: pgcopy follow ended (exit %d); output:\n%s", what, code, out)
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: not there after %v; follower output:\n%s", what, followPollDeadline, out)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// followProc is a running `pgcopy follow`.
type followProc struct {
	cmd  *exec.Cmd
	out  *testenv.SyncBuffer // stdout and stderr
	done chan struct{}
}

// startFollower starts pgcopy follow with args; a cleanup kills it if the
// test leaves it running.
func startFollower(t *testing.T, args ...string) *followProc {
	t.Helper()
	f := &followProc{out: &testenv.SyncBuffer{}, done: make(chan struct{})}
	f.cmd = exec.Command(pgcopyBin, append([]string{"follow"}, args...)...)
	f.cmd.Stdout, f.cmd.Stderr = f.out, f.out
	if err := f.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { f.cmd.Wait(); close(f.done) }()
	t.Cleanup(func() {
		if !f.exited() {
			f.cmd.Process.Kill()
			<-f.done
		}
	})
	return f
}

func (f *followProc) exited() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}

// wait waits (at most followPollDeadline) for the follower to end and
// returns its exit code (-1 when killed by a signal) and output.
func (f *followProc) wait(t *testing.T) (int, string) {
	t.Helper()
	select {
	case <-f.done:
	case <-time.After(followPollDeadline):
		f.cmd.Process.Kill()
		<-f.done
		t.Fatalf("pgcopy follow did not end within %v; output:\n%s", followPollDeadline, f.out.String())
	}
	return f.cmd.ProcessState.ExitCode(), f.out.String()
}

// runFollow runs pgcopy follow to its end and returns exit code and output.
func runFollow(t *testing.T, args ...string) (int, string) {
	t.Helper()
	start := time.Now()
	code, out := startFollower(t, args...).wait(t)
	t.Logf("pgcopy follow %s: exit %d in %v", strings.Join(args, " "), code, time.Since(start).Round(time.Millisecond))
	return code, out
}

// followCommit is one commit of the followed branch.
type followCommit struct {
	hash, message string
	date          time.Time
	lsn           replication.LSN
	hasLSN        bool
}

var followLSNLine = regexp.MustCompile(`(?m)^lsn: ([0-9A-F]+/[0-9A-F]+)$`)

// followCommits returns the commits of main, oldest first, Dolt's
// "Initialize data repository" root commit left out.
func followCommits(t *testing.T, rows [][]string) []followCommit {
	t.Helper()
	var out []followCommit
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		if r[1] == "Initialize data repository" && i == len(rows)-1 {
			continue
		}
		c := followCommit{hash: r[0], message: r[1]}
		if s, err := strconv.ParseFloat(r[2], 64); err == nil {
			c.date = time.UnixMilli(int64(s*1000 + 0.5)).UTC()
		} else {
			t.Fatalf("commit %s: date %q: %v", r[0], r[2], err)
		}
		if m := followLSNLine.FindStringSubmatch(r[1]); m != nil {
			l, err := replication.ParseLSN(m[1])
			if err != nil {
				t.Fatalf("commit %s: %v", r[0], err)
			}
			c.lsn, c.hasLSN = l, true
		}
		out = append(out, c)
	}
	return out
}

const followLogQuery = "SELECT commit_hash, message, UNIX_TIMESTAMP(date) FROM dolt_log('main')"

// uniqueSlot returns a replication slot / publication name unique in the
// cluster (slots are per cluster, not per database) and registers a
// cleanup that drops the slot before CreateDB's cleanup drops the
// database (DROP DATABASE refuses a database with a logical slot).
func uniqueSlot(t *testing.T, pg *testenv.PG, dbURL string) string {
	t.Helper()
	name := fmt.Sprintf("ft_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c, err := pgx.Connect(ctx, pg.URL)
		if err != nil {
			t.Errorf("drop slot %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		for i := 0; i < 50; i++ {
			var active bool
			var pid *int32
			err := c.QueryRow(ctx, "SELECT active, active_pid FROM pg_replication_slots WHERE slot_name = $1", name).Scan(&active, &pid)
			if errors.Is(err, pgx.ErrNoRows) {
				return
			}
			if err != nil {
				t.Errorf("drop slot %s: %v", name, err)
				return
			}
			if active && pid != nil {
				c.Exec(ctx, "SELECT pg_terminate_backend($1)", *pid)
				time.Sleep(100 * time.Millisecond)
				continue
			}
			if _, err := c.Exec(ctx, "SELECT pg_drop_replication_slot($1)", name); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Errorf("could not drop replication slot %s", name)
	})
	return name
}

// pgLSN reads pg_current_wal_insert_lsn(): the end of everything
// committed so far (pg_current_wal_lsn() is the write position, which may
// be behind a commit record under synchronous_commit=off, as in the test
// cluster).
func pgLSN(t *testing.T, pg *testenv.PG, dbURL string) replication.LSN {
	t.Helper()
	l, err := replication.ParseLSN(pg.Query(t, dbURL, "SELECT pg_current_wal_insert_lsn()")[0][0])
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// pgbenchBin is PostgreSQL's pgbench next to psql.
func pgbenchBin(t *testing.T, pg *testenv.PG) string {
	t.Helper()
	p := filepath.Join(pg.BinDir, "pgbench")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("pgbench is missing from %s (%v): install PostgreSQL's client programs (Debian: postgresql-client-15)", pg.BinDir, err)
	}
	return p
}

// followSideSQL creates the side tables of the acceptance test: a
// composite key with enum, array, jsonb, numeric, bytea and timestamptz
// columns; a keyless table (REPLICA IDENTITY FULL) with duplicate and
// NULL rows; a table whose large text is TOASTed out of line; a table to
// TRUNCATE; and the marker table.
const followSideSQL = `
ALTER TABLE pgbench_history REPLICA IDENTITY FULL;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s "fine"');
CREATE TABLE side_composite (
	region varchar(16) NOT NULL,
	id int NOT NULL,
	m mood NOT NULL,
	tags text[],
	doc jsonb,
	amount numeric(14,3),
	blob bytea,
	at timestamptz,
	PRIMARY KEY (region, id)
);
INSERT INTO side_composite
SELECT r, g, (enum_range(NULL::mood))[1 + g % 4],
	ARRAY['a' || g, 'b,c', NULL, 'q"uote'],
	jsonb_build_object('n', g, 'nested', jsonb_build_array(g, 'x', NULL, true), 'f', g * 0.25),
	g * 1.125, decode(lpad(to_hex(g), 8, '0') || '00ff5c27', 'hex'),
	timestamptz '2024-02-29 23:59:59.123456+00' + g * interval '1 hour 1.000001 second'
FROM unnest(ARRAY['eu', 'us', 'ap']) r, generate_series(0, 39) g;
CREATE TABLE side_keyless (a int, b text, c numeric);
ALTER TABLE side_keyless REPLICA IDENTITY FULL;
INSERT INTO side_keyless SELECT g % 20, 'k' || (g % 20), 0 FROM generate_series(0, 59) g;
INSERT INTO side_keyless VALUES (99, NULL, 0), (99, NULL, 0), (NULL, NULL, NULL);
CREATE TABLE side_toast (id int PRIMARY KEY, big text NOT NULL, counter int NOT NULL);
ALTER TABLE side_toast ALTER COLUMN big SET STORAGE EXTERNAL;
INSERT INTO side_toast SELECT g, repeat(md5(g::text), 400) || g, 0 FROM generate_series(1, 10) g;
CREATE TABLE side_trunc (id int PRIMARY KEY, v text);
INSERT INTO side_trunc SELECT g, 'before truncate' FROM generate_series(1, 50) g;
CREATE TABLE follow_marker (id int PRIMARY KEY, note text, at timestamptz);
`

// sideStep returns the SQL of side workload step i: one transaction of
// updates, deletes and inserts on the side tables, including primary key
// changes (also on a row whose TOASTed text is not sent) and updates that
// leave the TOASTed text unchanged.
func sideStep(i int) string {
	var b strings.Builder
	b.WriteString("BEGIN;\n")
	k := i % 40
	switch i % 4 {
	case 0:
		fmt.Fprintf(&b, `UPDATE side_composite SET amount = amount + 0.125, doc = jsonb_set(doc, '{n}', to_jsonb(%d)),
			tags = tags || ARRAY['t%d'], at = at + interval '1.5 second', m = 'happy' WHERE region = 'eu' AND id = %d;
		UPDATE side_toast SET counter = counter + 1 WHERE id = %d OR id > 100;
`, i, i, k, 1+i%5)
	case 1:
		fmt.Fprintf(&b, `INSERT INTO side_composite VALUES ('us', %d, 'sad', ARRAY[]::text[], '{"new": [1, 2.50, "três"]}', %d.001, '\x00', now());
		DELETE FROM side_composite WHERE region = 'eu' AND id = %d;
		UPDATE side_composite SET id = id + 100000 WHERE region = 'ap' AND id = (SELECT min(id) FROM side_composite WHERE region = 'ap' AND id < 100000);
`, 1000+i, i, (i*7)%40)
	case 2:
		fmt.Fprintf(&b, `UPDATE side_keyless SET c = c + 1 WHERE ctid = (SELECT ctid FROM side_keyless WHERE a = %d LIMIT 1);
		UPDATE side_keyless SET c = c + 1 WHERE ctid = (SELECT ctid FROM side_keyless WHERE a = 99 LIMIT 1);
		INSERT INTO side_keyless VALUES (%d, 'dup', 1.5), (%d, 'dup', 1.5);
		UPDATE side_toast SET counter = counter + 10 WHERE id = %d;
`, i%20, 1000+i, 1000+i, 1+(i/2)%5)
	case 3:
		fmt.Fprintf(&b, `DELETE FROM side_keyless WHERE ctid = (SELECT ctid FROM side_keyless WHERE a = %d LIMIT 1);
		UPDATE side_composite SET region = 'xx', id = %d, blob = blob || '\xdeadbeef' WHERE region = 'us' AND id = %d;
		UPDATE side_keyless SET b = NULL WHERE a IS NULL;
`, i%20, 500000+i, k)
	}
	if i%30 == 7 && 6+i/30 <= 10 {
		// A primary key change of a row whose TOASTed text is unchanged:
		// pgoutput sends the old key and 'u' for the text.
		fmt.Fprintf(&b, "UPDATE side_toast SET id = id + 100 WHERE id = %d;\n", 6+i/30)
	}
	if i%40 == 3 {
		fmt.Fprintf(&b, "UPDATE side_toast SET big = repeat(md5('%d'), 500) WHERE id = 2;\n", i)
	}
	if i == 25 || i == 150 {
		fmt.Fprintf(&b, `TRUNCATE side_trunc;
		INSERT INTO side_trunc SELECT g, 'after truncate %d' FROM generate_series(%d, %d) g;
		UPDATE side_composite SET amount = -amount WHERE region = 'eu' AND id = 39;
`, i, 1000*i, 1000*i+9)
	}
	b.WriteString("COMMIT;\n")
	return b.String()
}

// runSideWorkload runs sideStep 0, 1, ... until stop is closed; it returns
// the number of steps and the first error.
func runSideWorkload(dbURL string, stop <-chan struct{}) (int, error) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	for i := 0; ; i++ {
		select {
		case <-stop:
			return i, nil
		default:
		}
		if _, err := c.Exec(ctx, sideStep(i), pgx.QueryExecModeSimpleProtocol); err != nil {
			return i, fmt.Errorf("side step %d: %v\n%s", i, err, sideStep(i))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var pgbenchTPS = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// TestFollowAccept is issue 14's acceptance test of `pgcopy follow`.
func TestFollowAccept(t *testing.T) {
	eachFollowTarget(t, func(t *testing.T, newTarget func(string) followTarget) {
		t.Run("pgbench", func(t *testing.T) { testFollowPgbench(t, newTarget("bench"), false) })
		t.Run("faults", func(t *testing.T) { testFollowFaults(t, newTarget("faults")) })
	})
}

// TestFollowAcceptKillInGC is the pgbench part of TestFollowAccept with
// the follower starting a background DOLT_GC after every commit (the
// pgcopytest hook PGCOPY_TEST_FOLLOW_GC_BYTES=1) and the kill -9 made
// while one runs: the GC's session and the follower's are both cut, and
// the rerun resumes with every table equal to PostgreSQL's. Embedded only:
// the background GC is the directory target's.
func TestFollowAcceptKillInGC(t *testing.T) {
	t.Setenv("PGCOPY_TEST_FOLLOW_GC_BYTES", "1")
	dir := filepath.Join(t.TempDir(), "bench")
	testFollowPgbench(t, followTarget{spec: dir, dir: dir}, true)
}

var gcLine = regexp.MustCompile(`(?m)^pgcopy: follow: dolt_gc (after commit|done in) `)

// inGC reports whether the follower's output shows a background GC that
// started and has not ended.
func inGC(out string) bool {
	started, ended := 0, 0
	for _, m := range gcLine.FindAllStringSubmatch(out, -1) {
		if m[1] == "done in" {
			ended++
		} else {
			started++
		}
	}
	return started > ended
}

// testFollowPgbench: with killInGC, the kill -9 waits (up to 60 s) for
// the output to show a background GC running.
func testFollowPgbench(t *testing.T, ft followTarget, killInGC bool) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	slot := uniqueSlot(t, pg, dbURL)
	pgbench := pgbenchBin(t, pg)
	if out, err := exec.Command(pgbench, "-i", "-s", "1", "-q", dbURL).CombinedOutput(); err != nil {
		t.Fatalf("pgbench -i -s 1: %v\n%s", err, out)
	}
	pg.Exec(t, dbURL, followSideSQL)
	pgc := mustConnectPG(t, dbURL)
	// The TOASTed text is really stored out of line (so that updates
	// that leave it alone send it as 'u').
	if n := pg.Query(t, dbURL, `SELECT count(*) FROM side_toast WHERE pg_column_size(big) > 8000
		AND (SELECT reltoastrelid FROM pg_class WHERE relname = 'side_toast') <> 0`)[0][0]; n != "10" {
		t.Fatalf("side_toast: %s of 10 rows have an out-of-line TOASTed text", n)
	}
	follow := []string{"--source", dbURL, "--target", ft.spec, "--commit-every", "2s", "--slot", slot, "--publication", slot}

	// The load runs before the follower starts: the slot's exported
	// snapshot is taken in the middle of it.
	benchOut := &testenv.SyncBuffer{}
	// -R: unthrottled, pgbench takes both cores of this machine (about
	// 8,300 TPC-B transactions/s alone, BENCHMARKS.md section 11), and the
	// follower and the side workload would get what is left; at
	// followBenchRate the follower keeps up on either target, with time
	// to spare, and the test stays near a minute.
	bench := exec.Command(pgbench, "-c", "2", "-T", "15", "-R", strconv.Itoa(followBenchRate), "-n", dbURL)
	bench.Stdout, bench.Stderr = benchOut, benchOut
	if err := bench.Start(); err != nil {
		t.Fatal(err)
	}
	benchDone := make(chan error, 1)
	go func() { benchDone <- bench.Wait() }()
	t.Cleanup(func() {
		if bench.ProcessState == nil {
			bench.Process.Kill()
		}
	})
	stopSide := make(chan struct{})
	type sideResult struct {
		steps int
		err   error
	}
	sideDone := make(chan sideResult, 1)
	go func() { n, err := runSideWorkload(dbURL, stopSide); sideDone <- sideResult{n, err} }()
	var stopOnce sync.Once
	var sideRes sideResult
	stopLoad := func() sideResult {
		stopOnce.Do(func() { close(stopSide); sideRes = <-sideDone })
		return sideRes
	}
	t.Cleanup(func() { stopLoad() })
	time.Sleep(1500 * time.Millisecond)

	f := startFollower(t, follow...)
	// Wait for the first commit (the initial copy) and one streamed commit
	// after it, then kill -9 the follower between or inside commits.
	var before int
	waitProgress(t, f, "the initial copy and a stream commit", func(initial bool, lsns []replication.LSN) bool {
		before = len(lsns) + 1
		return initial && len(lsns) >= 1
	})
	if killInGC {
		for end := time.Now().Add(60 * time.Second); !inGC(f.out.String()); time.Sleep(time.Millisecond) {
			if time.Now().After(end) || f.exited() {
				t.Fatalf("no background dolt_gc seen running; output:\n%s", f.out.String())
			}
		}
	}
	benchRunning := bench.ProcessState == nil
	if err := f.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	f.wait(t)
	t.Logf("killed the follower (kill -9) after %d commits; pgbench still running: %v", before, benchRunning)
	f = startFollower(t, follow...)

	if err := <-benchDone; err != nil {
		t.Fatalf("pgbench -c 2 -T 15 -R: %v\n%s", err, benchOut.String())
	}
	side := stopLoad()
	if side.err != nil {
		t.Fatal(side.err)
	}
	tps := "?"
	if m := pgbenchTPS.FindStringSubmatch(benchOut.String()); m != nil {
		tps = m[1]
	}
	t.Logf("pgbench -c 2 -T 15 -R %d: %s tps; side workload: %d transactions", followBenchRate, tps, side.steps)

	// The marker is the last transaction: when it is in Dolt, so is
	// everything before it.
	walBefore := pgLSN(t, pg, dbURL)
	pg.Exec(t, dbURL, "INSERT INTO follow_marker VALUES (1, 'the end', clock_timestamp())")
	walAfter := pgLSN(t, pg, dbURL)
	markerAt := pg.Query(t, dbURL, "SELECT extract(epoch FROM at)::text FROM follow_marker WHERE id = 1")[0][0]
	pgNow := pg.Query(t, dbURL, "SELECT extract(epoch FROM clock_timestamp())::text")[0][0]
	// The marker's transaction is the only one whose commit record ends
	// after walBefore.
	waitProgress(t, f, "the commit of the marker row", func(_ bool, lsns []replication.LSN) bool {
		return len(lsns) > 0 && lsns[len(lsns)-1] > walBefore
	})
	if ft.dir == "" {
		// On a sql-server the published branch is readable while the
		// follower runs.
		if n := ft.query(t, "SELECT COUNT(*) FROM follow_marker AS OF 'main'")[0][0]; n != "1" {
			t.Errorf("the follower reported the marker's commit, but main has %s marker rows", n)
		}
	}
	if err := f.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code, out := f.wait(t); code != 0 {
		t.Fatalf("pgcopy follow after SIGTERM: exit %d, want 0; output:\n%s", code, out)
	}

	// Every table equals PostgreSQL, value by value; pgbench_history (no
	// key) as a multiset.
	my := ft.open(t)
	tables := pgTables(t, pgc)
	total := 0
	for _, tb := range tables {
		total += compareTable(t, pgc, my, "public", tb, tb)
	}
	if got := querySQL(t, my, "SHOW TABLES"); len(got) != len(tables) {
		t.Errorf("Dolt has %d tables %v, PostgreSQL %d %v", len(got), got, len(tables), tables)
	}
	hist := pg.Query(t, dbURL, "SELECT count(*) FROM pgbench_history")[0][0]
	if n := querySQL(t, my, "SELECT COUNT(*) FROM pgbench_history")[0][0]; n != hist || hist == "0" {
		t.Errorf("pgbench_history: %s rows in Dolt, %s in PostgreSQL", n, hist)
	}
	t.Logf("%d tables, %d rows equal; pgbench_history %s rows", len(tables), total, hist)

	// Every commit is transaction-consistent and names its LSN; LSNs grow;
	// the last one is the marker's transaction, dated by its commit time.
	commits := followCommits(t, querySQL(t, my, followLogQuery))
	if len(commits) < 3 {
		t.Errorf("main has %d follow commits, want at least 3", len(commits))
	}
	if len(commits) <= before {
		t.Errorf("no commit after the restart: %d commits before the kill, %d at the end", before, len(commits))
	}
	for i, c := range commits {
		if !c.hasLSN {
			t.Errorf("commit %s has no line 'lsn: X/XXXXXXXX':\n%s", c.hash, c.message)
			continue
		}
		if i > 0 && commits[i-1].hasLSN && c.lsn <= commits[i-1].lsn {
			t.Errorf("commit %s: lsn %s does not follow the previous commit's %s", c.hash, c.lsn, commits[i-1].lsn)
		}
		// The initial copy's commit is dated when it was made; the stream
		// commits by PostgreSQL commit times, which only grow.
		if i > 1 && c.date.Before(commits[i-1].date) {
			t.Errorf("commit %s: date %v is before the previous commit's %v", c.hash, c.date, commits[i-1].date)
		}
		sums := querySQL(t, my, fmt.Sprintf(`SELECT
			(SELECT CAST(COALESCE(SUM(abalance), 0) AS SIGNED) FROM pgbench_accounts AS OF '%[1]s'),
			(SELECT CAST(COALESCE(SUM(bbalance), 0) AS SIGNED) FROM pgbench_branches AS OF '%[1]s'),
			(SELECT CAST(COALESCE(SUM(tbalance), 0) AS SIGNED) FROM pgbench_tellers AS OF '%[1]s'),
			(SELECT CAST(COALESCE(SUM(delta), 0) AS SIGNED) FROM pgbench_history AS OF '%[1]s'),
			(SELECT COUNT(*) FROM pgbench_history AS OF '%[1]s')`, c.hash))[0]
		if sums[0] != sums[1] || sums[1] != sums[2] {
			t.Errorf("commit %s (lsn %s) is not transaction-consistent: sum(abalance) %s, sum(bbalance) %s, sum(tbalance) %s",
				c.hash, c.lsn, sums[0], sums[1], sums[2])
		}
		if sums[3] != sums[0] {
			// pgbench -n keeps the history that -i left empty, so every
			// balance change has its history row.
			t.Errorf("commit %s (lsn %s): sum(delta) of history %s, sum(abalance) %s", c.hash, c.lsn, sums[3], sums[0])
		}
		t.Logf("commit %s lsn %s date %s: balances %s, %s history rows", c.hash, c.lsn, c.date.Format(time.RFC3339Nano), sums[0], sums[4])
	}
	if last := commits[len(commits)-1]; last.hasLSN {
		if last.lsn < walBefore || last.lsn > walAfter {
			t.Errorf("the last commit names lsn %s; the marker's transaction lies between %s and %s", last.lsn, walBefore, walAfter)
		}
		lo, _ := strconv.ParseFloat(markerAt, 64)
		hi, _ := strconv.ParseFloat(pgNow, 64)
		d := float64(last.date.UnixMilli()) / 1000
		// Dolt keeps commit dates to the millisecond; the follower passes
		// whole seconds (loader: --date in 2006-01-02T15:04:05), so the
		// date may be up to 1 s before the commit time.
		if d < math.Floor(lo)-0.001 || d > hi+0.001 {
			t.Errorf("the last commit's date %v is not the marker transaction's commit time (between %s and %s)", last.date, markerAt, pgNow)
		}
	}
	pgSums := pg.Query(t, dbURL, `SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT sum(bbalance) FROM pgbench_branches),
		(SELECT sum(tbalance) FROM pgbench_tellers)`)[0]
	if pgSums[0] != pgSums[1] || pgSums[1] != pgSums[2] {
		t.Fatalf("PostgreSQL itself is not consistent: %v", pgSums)
	}
}

// testFollowFaults: --until now (first run, catch-up with TRUNCATE, the
// commit's LSN, nothing new: no commit); ADD COLUMN while following, met
// in a transaction that changed another table first: nothing of it is
// published; --resnapshot recovers and streaming goes on. (follow_test.go
// covers the slot held by pg_recvlogical, ADD COLUMN while following,
// DROP COLUMN and --drop-slot; this does not repeat them.)
func testFollowFaults(t *testing.T, ft followTarget) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	slot := uniqueSlot(t, pg, dbURL)
	pg.Exec(t, dbURL, `
		CREATE TABLE items (id int PRIMARY KEY, v text, n int);
		INSERT INTO items SELECT g, 'v' || g, g FROM generate_series(1, 100) g;
		CREATE TABLE scratch (id int PRIMARY KEY, v text);
		INSERT INTO scratch SELECT g, 's' FROM generate_series(1, 20) g;`)
	follow := []string{"--source", dbURL, "--target", ft.spec, "--slot", slot, "--publication", slot, "--commit-every", "1s"}
	itemsState := func() string {
		r := ft.query(t, "SELECT COUNT(*), COALESCE(SUM(n), 0), COALESCE(MAX(v), '') FROM items AS OF 'main'")
		return strings.Join(r[0], " ")
	}
	pgItems := func() string {
		return strings.Join(pg.Query(t, dbURL, "SELECT count(*), COALESCE(sum(n), 0), COALESCE(max(v), '') FROM items")[0], " ")
	}

	// First run with --until now: slot, copy, commit, exit 0.
	if code, out := runFollow(t, append(follow, "--until", "now")...); code != 0 {
		t.Fatalf("first follow --until now: exit %d; output:\n%s", code, out)
	}
	if got, want := itemsState(), pgItems(); got != want {
		t.Errorf("after the first run, items in Dolt: %s, PostgreSQL: %s", got, want)
	}
	if n := pg.Query(t, dbURL, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"+slot+"'")[0][0]; n != "1" {
		t.Errorf("slot %s: %s rows in pg_replication_slots after the first run, want 1 (kept between runs)", slot, n)
	}

	// Catch up with --until now: updates, deletes, TRUNCATE.
	walBefore := pgLSN(t, pg, dbURL)
	pg.Exec(t, dbURL, `UPDATE items SET n = n + 1000 WHERE id <= 10; DELETE FROM items WHERE id > 90`)
	pg.Exec(t, dbURL, `TRUNCATE scratch; INSERT INTO scratch VALUES (100, 'after truncate')`)
	walEnd := pgLSN(t, pg, dbURL)
	if code, out := runFollow(t, append(follow, "--until", "now")...); code != 0 {
		t.Fatalf("follow --until now: exit %d; output:\n%s", code, out)
	}
	if got, want := itemsState(), pgItems(); got != want {
		t.Errorf("after --until now, items in Dolt: %s, PostgreSQL: %s", got, want)
	}
	if got := ft.query(t, "SELECT id, v FROM scratch AS OF 'main' ORDER BY id"); len(got) != 1 || got[0][0] != "100" || got[0][1] != "after truncate" {
		t.Errorf("TRUNCATE scratch not applied: Dolt has %v, want only [100 after truncate]", got)
	}
	commits := followCommits(t, ft.query(t, followLogQuery))
	if last := commits[len(commits)-1]; !last.hasLSN || last.lsn < walBefore || last.lsn > walEnd {
		t.Errorf("the --until now commit names lsn %v (message %q); the changes lie between %s and %s", last.lsn, last.message, walBefore, walEnd)
	}
	if code, out := runFollow(t, append(follow, "--until", "now")...); code != 0 {
		t.Fatalf("follow --until now with nothing new: exit %d; output:\n%s", code, out)
	}
	if again := followCommits(t, ft.query(t, followLogQuery)); len(again) != len(commits) {
		t.Errorf("--until now with nothing to apply made %d commits, want none", len(again)-len(commits))
	}

	// ADD COLUMN while following, met in a transaction that changed
	// another table first: the follower stops naming the table and
	// --resnapshot, and publishes nothing of that transaction.
	f := startFollower(t, follow...)
	for deadline := time.Now().Add(followPollDeadline); !strings.Contains(f.out.String(), "streaming from slot"); {
		if f.exited() || time.Now().After(deadline) {
			code, out := f.wait(t)
			t.Fatalf("follower not streaming (exit %d):\n%s", code, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	pg.Exec(t, dbURL, `UPDATE scratch SET v = 'before the change' WHERE id = 100`)
	pg.Exec(t, dbURL, `ALTER TABLE items ADD COLUMN extra int`)
	pg.Exec(t, dbURL, `INSERT INTO scratch VALUES (101, 'same transaction as the change'); UPDATE items SET extra = 7, n = n + 1 WHERE id = 1`)
	code, out := f.wait(t)
	if code == 0 || !strings.Contains(out, "items") || !strings.Contains(out, "extra") || !strings.Contains(out, "--resnapshot") || strings.Contains(out, "goroutine ") {
		t.Errorf("follow after ALTER TABLE items ADD COLUMN extra: exit %d, want an error naming items, extra and --resnapshot; output:\n%s", code, out)
	}
	if n := ft.query(t, "SELECT COUNT(*) FROM scratch AS OF 'main' WHERE id = 101")[0][0]; n != "0" {
		t.Errorf("half of the transaction that changed items' columns was published: scratch 101 is in main")
	}
	if got := ft.query(t, "SELECT n FROM items AS OF 'main' WHERE id = 1"); len(got) != 1 || got[0][0] != "1001" {
		t.Errorf("items row 1 in main after the schema change: %v, want n = 1001 (the change not applied)", got)
	}

	// --resnapshot: a new slot and a full copy, then streaming again.
	if code, out := runFollow(t, append(follow, "--resnapshot", "--until", "now")...); code != 0 {
		t.Fatalf("follow --resnapshot --until now: exit %d; output:\n%s", code, out)
	}
	if got, want := itemsState(), pgItems(); got != want {
		t.Errorf("after --resnapshot, items in Dolt: %s, PostgreSQL: %s", got, want)
	}
	if got := ft.query(t, "SELECT extra, n FROM items AS OF 'main' WHERE id = 1"); len(got) != 1 || got[0][0] != "7" || got[0][1] != "1002" {
		t.Errorf("items row 1 after --resnapshot: %v, want extra 7, n 1002", got)
	}
	if got := ft.query(t, "SELECT id, v FROM scratch AS OF 'main' ORDER BY id"); len(got) != 2 || got[0][1] != "before the change" || got[1][0] != "101" {
		t.Errorf("scratch after --resnapshot: %v", got)
	}
	pg.Exec(t, dbURL, `UPDATE items SET extra = 8 WHERE id = 2`)
	if code, out := runFollow(t, append(follow, "--until", "now")...); code != 0 {
		t.Fatalf("follow --until now after --resnapshot: exit %d; output:\n%s", code, out)
	}
	if got := ft.query(t, "SELECT extra FROM items AS OF 'main' WHERE id = 2"); len(got) != 1 || got[0][0] != "8" {
		t.Errorf("streaming after --resnapshot: items row 2 extra = %v, want 8", got)
	}
}
