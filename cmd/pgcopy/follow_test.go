package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/follow"
	"github.com/pgcopy/pgcopy/internal/testenv"
)

// followSchema is the source of the follow tests: a composite key with
// enum, array, jsonb, numeric, bytea and timestamptz columns, a keyless
// table with REPLICA IDENTITY FULL, a row with a TOASTed text, a table to
// truncate.
const followSchema = `
	CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
	CREATE TABLE items (k1 int, k2 text, m mood, tags text[], doc jsonb, amount numeric(12,3), raw bytea, at timestamptz, PRIMARY KEY (k1, k2));
	CREATE TABLE keyless (x int, y text, v jsonb);
	ALTER TABLE keyless REPLICA IDENTITY FULL;
	CREATE TABLE docs (id int PRIMARY KEY, big text, counter int);
	ALTER TABLE docs ALTER big SET STORAGE EXTERNAL;
	CREATE TABLE scratch (id int PRIMARY KEY, note text);
	INSERT INTO items VALUES
		(1, 'a', 'sad', '{x,y}', '{"n": 1}', 1.5, '\x00ff', '2024-01-01 10:00:00+02'),
		(2, 'b', 'ok', NULL, '[1, 2]', NULL, NULL, NULL),
		(3, 'c', 'happy', '{}', '{}', -3.25, '\x', '2024-06-30 23:59:59.123456+00');
	INSERT INTO keyless VALUES (1, 'one', '{"a": 1}'), (1, 'one', '{"a": 1}'), (2, NULL, NULL), (3, 'three', '[3]');
	INSERT INTO docs VALUES (1, repeat('x', 200000), 0), (2, 'small', 0);
	INSERT INTO scratch SELECT g, 'n' || g FROM generate_series(1, 20) g;`

// followChanges changes every table in the ways follow must apply.
const followChanges = `
	INSERT INTO items VALUES (4, 'd', 'ok', '{"with space",null}', '{"deep": {"a": [1, 2.5]}}', 12345.678, '\xdeadbeef', now());
	UPDATE items SET m = 'happy', tags = '{z}', doc = '{"n": 2}', amount = amount + 1 WHERE k1 = 1;
	UPDATE items SET k2 = 'bb' WHERE k1 = 2;             -- a primary-key change
	DELETE FROM items WHERE k1 = 3;
	UPDATE keyless SET y = 'uno' WHERE ctid = (SELECT min(ctid) FROM keyless WHERE x = 1);  -- one of two equal rows
	DELETE FROM keyless WHERE x = 2;                     -- a row with NULLs
	UPDATE keyless SET v = '{"b": 2}' WHERE x = 3;
	INSERT INTO keyless VALUES (4, 'four', '{"c": [1]}');
	UPDATE docs SET counter = counter + 1 WHERE id = 1;  -- big is unchanged TOAST ('u')
	UPDATE docs SET big = 'now small', counter = 5 WHERE id = 2;
	TRUNCATE scratch;
	INSERT INTO scratch VALUES (100, 'after truncate');`

// dropSlotOnCleanup drops the replication slot when the test ends (before
// testenv drops the database, which a slot would block).
func dropSlotOnCleanup(t *testing.T, dbURL, slot string) {
	t.Cleanup(func() {
		ctx := context.Background()
		c, err := pgx.Connect(ctx, dbURL)
		if err != nil {
			t.Errorf("drop slot %s: %v", slot, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", slot); err != nil {
			t.Errorf("drop slot %s: %v", slot, err)
		}
	})
}

// followArgs are the arguments of a follow run of the test's slot.
func followArgs(dbURL, target, slot string, extra ...string) []string {
	return append([]string{"follow", "--source", dbURL, "--target", target, "--slot", slot, "--commit-every", "1s"}, extra...)
}

func mustFollow(t *testing.T, dbURL, target, slot string, extra ...string) string {
	t.Helper()
	code, out, errOut := pgcopyRun(t, followArgs(dbURL, target, slot, extra...)...)
	if code != 0 {
		t.Fatalf("pgcopy follow %v exited %d\nstdout:\n%s\nstderr:\n%s", extra, code, out, errOut)
	}
	return errOut
}

func mustVerify(t *testing.T, dbURL, target string) {
	t.Helper()
	code, out, errOut := pgcopyRun(t, "verify", "--source", dbURL, "--target", target)
	if code != 0 {
		t.Fatalf("pgcopy verify exited %d: the Dolt copy differs from PostgreSQL\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

var lsnLine = regexp.MustCompile(`(?m)^lsn: [0-9A-F]+/[0-9A-F]+$`)

// TestFollow: a first run copies the snapshot and records its LSN; the
// changes of followChanges (inserts, updates, a key change, deletes,
// keyless REPLICA IDENTITY FULL rows, an unchanged TOAST value, TRUNCATE)
// arrive with --until now; the target then equals PostgreSQL (pgcopy
// verify: every row, value by value), on both targets.
func TestFollow(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		slot, dbURL := pg.CreateDB(t)
		dropSlotOnCleanup(t, dbURL, slot)
		pg.Exec(t, dbURL, followSchema)

		reportPath := filepath.Join(t.TempDir(), "follow-report.jsonl")
		errOut := mustFollow(t, dbURL, tg.spec, slot, "--until", "now", "--report", reportPath)
		if !strings.Contains(errOut, "initial copy at lsn") {
			t.Errorf("first run: no initial copy line in stderr:\n%s", errOut)
		}
		msg := tg.q("SELECT message FROM dolt_log LIMIT 1")[0][0]
		if !lsnLine.MatchString(msg) || !strings.Contains(msg, "slot: "+slot+"\n") {
			t.Fatalf("first commit's message lacks the slot and lsn lines:\n%s", msg)
		}
		mustVerify(t, dbURL, tg.spec)

		pg.Exec(t, dbURL, followChanges)
		errOut = mustFollow(t, dbURL, tg.spec, slot, "--until", "now", "--report", reportPath)
		if !regexp.MustCompile(`commit \w+ lsn [0-9A-F]+/[0-9A-F]+: 1 transactions`).MatchString(errOut) {
			t.Errorf("second run: no commit line for the one transaction:\n%s", errOut)
		}
		log := tg.q("SELECT message, date FROM dolt_log LIMIT 1")
		if !lsnLine.MatchString(log[0][0]) || !strings.Contains(log[0][0], "commit-time: ") || !strings.Contains(log[0][0], "transactions: 1\n") {
			t.Errorf("stream commit's message:\n%s", log[0][0])
		}
		checkCommitDate(t, log[0][0], log[0][1])
		checkFollowReport(t, reportPath, tg.q("SELECT commit_hash, message FROM dolt_log LIMIT 2"))
		mustVerify(t, dbURL, tg.spec)
		if got := tg.q("SELECT LENGTH(big), counter FROM docs WHERE id = 1"); got[0][0] != "200000" || got[0][1] != "1" {
			t.Errorf("docs row 1 (unchanged TOAST value) = %v, want [200000 1]", got)
		}
		if got := tg.q("SELECT COUNT(*) FROM keyless WHERE y = 'uno'"); got[0][0] != "1" {
			t.Errorf("keyless: %v rows updated, want 1 of the two equal rows", got)
		}

		// Nothing new: no commit.
		before := tg.q("SELECT COUNT(*) FROM dolt_log")[0][0]
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now")
		if after := tg.q("SELECT COUNT(*) FROM dolt_log")[0][0]; after != before {
			t.Errorf("a run with nothing to apply made a commit: %s commits, were %s", after, before)
		}
	})
}

// startFollow starts a follower in the background; wait for want in its
// stderr with the returned writer.
func startFollow(t *testing.T, want string, args ...string) (*exec.Cmd, *syncWriter, chan error) {
	t.Helper()
	cmd := exec.Command(pgcopyBin, args...)
	cmd.Env = os.Environ()
	seen := &syncWriter{want: want, reached: make(chan struct{})}
	cmd.Stderr = seen
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	exited := make(chan struct{})
	go func() { err := cmd.Wait(); close(exited); done <- err }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGKILL)
		<-exited
	})
	return cmd, seen, done
}

// TestFollowKillAndSignal: a follower killed with SIGKILL while
// transactions stream in loses and doubles nothing when it runs again;
// SIGTERM stops a follower with exit 0 after committing what is complete;
// every commit is transaction-consistent.
func TestFollowKillAndSignal(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		slot, dbURL := pg.CreateDB(t)
		dropSlotOnCleanup(t, dbURL, slot)
		pg.Exec(t, dbURL, `CREATE TABLE acct (id int PRIMARY KEY, bal int NOT NULL);
			CREATE TABLE hist (id int, delta int);
			ALTER TABLE hist REPLICA IDENTITY FULL;
			INSERT INTO acct SELECT g, 0 FROM generate_series(1, 10) g;`)
		// One transfer: two balances and a history row, in one transaction.
		transfer := func(i int) string {
			return "BEGIN; UPDATE acct SET bal = bal - " + itoa(i) + " WHERE id = " + itoa(i%10+1) +
				"; UPDATE acct SET bal = bal + " + itoa(i) + " WHERE id = " + itoa((i+3)%10+1) +
				"; INSERT INTO hist VALUES (" + itoa(i) + ", " + itoa(i) + "); COMMIT;"
		}
		cmd, seen, done := startFollow(t, "streaming from slot", followArgs(dbURL, tg.spec, slot)...)
		select {
		case <-seen.reached:
		case err := <-done:
			t.Fatalf("follower ended before streaming: %v\n%s", err, seen.String())
		}
		n := 0
		for ; n < 40; n++ {
			pg.Exec(t, dbURL, transfer(n))
		}
		// Wait for a stream commit, then keep writing and kill it.
		waitFor(t, seen, done, "transactions,")
		for ; n < 80; n++ {
			pg.Exec(t, dbURL, transfer(n))
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		for ; n < 120; n++ {
			pg.Exec(t, dbURL, transfer(n))
		}
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now")
		mustVerify(t, dbURL, tg.spec)
		if got := tg.q("SELECT COUNT(*), COUNT(DISTINCT id) FROM hist"); got[0][0] != "120" || got[0][1] != "120" {
			t.Errorf("hist after the kill and rerun: %v rows (distinct), want 120 120", got)
		}
		// Every commit is transaction-consistent: the balances sum to 0.
		for _, c := range tg.q("SELECT commit_hash FROM dolt_log WHERE message LIKE '%lsn: %'") {
			if got := tg.q("SELECT COALESCE(SUM(bal), 0) FROM acct AS OF '" + c[0] + "'"); got[0][0] != "0" {
				t.Errorf("commit %s: sum(bal) = %s, want 0", c[0], got[0][0])
			}
		}

		// SIGTERM: exit 0, the complete transactions committed.
		cmd, seen, done = startFollow(t, "streaming from slot", followArgs(dbURL, tg.spec, slot, "--commit-every", "1h")...)
		select {
		case <-seen.reached:
		case err := <-done:
			t.Fatalf("follower ended before streaming: %v\n%s", err, seen.String())
		}
		for ; n < 130; n++ {
			pg.Exec(t, dbURL, transfer(n))
		}
		// the changes reach the follower (no commit yet with --commit-every 1h)
		waitRetained(t, dbURL, slot)
		cmd.Process.Signal(syscall.SIGTERM)
		<-done
		if code := cmd.ProcessState.ExitCode(); code != 0 {
			t.Fatalf("SIGTERM: exit %d, want 0\n%s", code, seen.String())
		}
		if !strings.Contains(seen.String(), "stopped by signal") {
			t.Errorf("SIGTERM: stderr:\n%s", seen.String())
		}
		t.Logf("SIGTERM follower:\n%s", seen.String())
		// What it had applied is committed (or nothing, when the changes
		// were still in flight); the rest comes with the next run.
		if got := tg.q("SELECT COALESCE(SUM(bal), 0) FROM acct"); got[0][0] != "0" {
			t.Errorf("after SIGTERM: sum(bal) = %s, want 0", got[0][0])
		}
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now")
		mustVerify(t, dbURL, tg.spec)
	})
}

// waitFor waits until the follower's stderr holds want.
func waitFor(t *testing.T, seen *syncWriter, done chan error, want string) {
	t.Helper()
	for {
		if strings.Contains(seen.String(), want) {
			return
		}
		select {
		case err := <-done:
			t.Fatalf("follower ended while waiting for %q: %v\n%s", want, err, seen.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// waitRetained waits until the slot's walsender has sent everything
// written so far (pg_stat_replication.sent_lsn).
func waitRetained(t *testing.T, dbURL, slot string) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for i := 0; ; i++ {
		var ok bool
		err := c.QueryRow(ctx, `SELECT COALESCE(bool_and(r.sent_lsn >= pg_current_wal_insert_lsn()), false) FROM pg_replication_slots s
			JOIN pg_stat_replication r ON r.pid = s.active_pid WHERE s.slot_name = $1`, slot).Scan(&ok)
		if err != nil {
			t.Fatal(err)
		}
		if ok || i > 600 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestFollowSchemaChange: ADD COLUMN while a follower runs stops it with
// an error naming the table and the column; ADD COLUMN while none runs
// stops the next run the same way; --resnapshot recovers both.
func TestFollowSchemaChange(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		slot, dbURL := pg.CreateDB(t)
		dropSlotOnCleanup(t, dbURL, slot)
		pg.Exec(t, dbURL, followSchema)
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now")

		// While it runs: the Relation message shows the new column.
		cmd, seen, done := startFollow(t, "streaming from slot", followArgs(dbURL, tg.spec, slot)...)
		select {
		case <-seen.reached:
		case err := <-done:
			t.Fatalf("follower ended before streaming: %v\n%s", err, seen.String())
		}
		pg.Exec(t, dbURL, `INSERT INTO scratch VALUES (50, 'before')`) // its own transaction
		pg.Exec(t, dbURL, `ALTER TABLE items ADD COLUMN extra int; INSERT INTO items (k1, k2, extra) VALUES (9, 'z', 7);`)
		<-done
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(seen.String(), "table public.items: column extra added (integer)") || !strings.Contains(seen.String(), "--resnapshot") {
			t.Fatalf("ADD COLUMN while following: exit %d, want 1 naming public.items and column extra, hint --resnapshot:\n%s", code, seen.String())
		}
		// the transaction before it is committed
		if got := tg.q("SELECT note FROM scratch WHERE id = 50"); len(got) != 1 {
			t.Errorf("the transaction before the schema change was not committed: %v", got)
		}
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now", "--resnapshot")
		mustVerify(t, dbURL, tg.spec)

		// While none runs: the next run compares the branch with the schema.
		pg.Exec(t, dbURL, `ALTER TABLE docs DROP COLUMN counter; INSERT INTO docs VALUES (7, 'seven');`)
		code, _, errOut := pgcopyRun(t, followArgs(dbURL, tg.spec, slot, "--until", "now")...)
		if code != 1 || !strings.Contains(errOut, "table public.docs: column counter dropped") {
			t.Fatalf("DROP COLUMN between runs: exit %d, want 1 naming public.docs and column counter:\n%s", code, errOut)
		}
		mustFollow(t, dbURL, tg.spec, slot, "--until", "now", "--resnapshot")
		mustVerify(t, dbURL, tg.spec)
	})
}

// TestFollowSlotFaults: a slot another process streams from is a clear
// error naming its pid; --drop-slot drops the slot and the publication;
// a branch with no follow commit and an existing slot says what to do.
func TestFollowSlotFaults(t *testing.T) {
	pg := testenv.Postgres(t)
	slot, dbURL := pg.CreateDB(t)
	dropSlotOnCleanup(t, dbURL, slot)
	pg.Exec(t, dbURL, followSchema)
	target := filepath.Join(t.TempDir(), "db")
	mustFollow(t, dbURL, target, slot, "--until", "now")

	recv := exec.Command("pg_recvlogical", "-d", dbURL, "-S", slot, "--start", "-o", "proto_version=1", "-o", "publication_names=pgcopy_db_main", "-f", "/dev/null")
	if err := recv.Start(); err != nil {
		t.Fatalf("pg_recvlogical (PostgreSQL's client tools on PATH): %v", err)
	}
	exited := make(chan struct{})
	go func() { recv.Wait(); close(exited) }()
	defer func() { recv.Process.Kill(); <-exited }()
	for i := 0; ; i++ {
		if pg.Query(t, dbURL, "SELECT active FROM pg_replication_slots WHERE slot_name = '"+slot+"'")[0][0] == "t" {
			break
		}
		select {
		case <-exited:
			t.Fatal("pg_recvlogical ended before it held the slot")
		case <-time.After(50 * time.Millisecond):
		}
	}
	code, _, errOut := pgcopyRun(t, followArgs(dbURL, target, slot, "--until", "now")...)
	if code != 1 || !strings.Contains(errOut, `replication slot "`+slot+`"`) || !strings.Contains(errOut, "in use by another process (walsender pid") {
		t.Errorf("slot held by pg_recvlogical: exit %d, want 1 and the slot and pid named:\n%s", code, errOut)
	}
	recv.Process.Kill()
	<-exited

	// Another target, the same slot: not a follow branch.
	code, _, errOut = pgcopyRun(t, followArgs(dbURL, filepath.Join(t.TempDir(), "other"), slot, "--until", "now")...)
	if code != 1 || !strings.Contains(errOut, "holds no follow commit") || !strings.Contains(errOut, "--resnapshot") {
		t.Errorf("existing slot, new branch: exit %d:\n%s", code, errOut)
	}

	for i := 0; pg.Query(t, dbURL, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"+slot+"' AND active")[0][0] != "0" && i < 200; i++ {
		time.Sleep(50 * time.Millisecond) // the killed client's walsender ends
	}
	mustFollow(t, dbURL, target, slot, "--drop-slot")
	if got := pg.Query(t, dbURL, "SELECT (SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"+slot+"'), (SELECT count(*) FROM pg_publication)"); got[0][0] != "0" || got[0][1] != "0" {
		t.Errorf("after --drop-slot: %v slots and publications, want 0 0", got)
	}
}

// checkCommitDate: a stream commit's date (dolt_log.date, as the
// target prints it) is its message's commit-time to the millisecond
// (Dolt keeps milliseconds of DOLT_COMMIT --date).
func checkCommitDate(t *testing.T, message, date string) {
	t.Helper()
	m := regexp.MustCompile(`commit-time: (\S+)\n`).FindStringSubmatch(message)
	if m == nil {
		t.Errorf("no commit-time line in %q", message)
		return
	}
	ct, err := time.Parse(time.RFC3339Nano, m[1])
	if err != nil {
		t.Errorf("commit-time %q: %v", m[1], err)
		return
	}
	var got time.Time
	for _, layout := range []string{"2006-01-02 15:04:05.999999", time.RFC3339Nano} {
		if got, err = time.Parse(layout, date); err == nil {
			break
		}
	}
	if err != nil {
		t.Errorf("dolt_log.date %q: %v", date, err)
		return
	}
	if want := ct.UTC().Truncate(time.Millisecond); !got.UTC().Equal(want) {
		t.Errorf("commit date %s, want the commit-time %s to the millisecond", got.UTC().Format(time.RFC3339Nano), want.Format(time.RFC3339Nano))
	}
}

// checkFollowReport: --report holds one JSON line per published commit,
// in order (the snapshot, then the stream commit), each naming its commit
// hash, branch and the lsn, commit-time and row counts of the commit's
// message; log is [commit_hash, message] of the branch, newest first.
func checkFollowReport(t *testing.T, path string, log [][]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("--report: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || len(log) != 2 {
		t.Fatalf("--report has %d lines, want 2 (snapshot, stream):\n%s", len(lines), data)
	}
	rowsLine := regexp.MustCompile(`(?m)^rows: (\d+) \(inserted (\d+), updated (\d+), deleted (\d+)\)$`)
	for i, kind := range []string{"snapshot", "stream"} {
		var r follow.CommitRecord
		dec := json.NewDecoder(strings.NewReader(lines[i]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Errorf("--report line %d %q: %v", i+1, lines[i], err)
			continue
		}
		hash, msg := log[1-i][0], log[1-i][1]
		if r.Kind != kind || r.Commit != hash || r.Branch != "main" {
			t.Errorf("--report line %d: kind %q commit %q branch %q, want %q %q main", i+1, r.Kind, r.Commit, r.Branch, kind, hash)
		}
		if !regexp.MustCompile(`(?m)^lsn: `+regexp.QuoteMeta(r.LSN)+`$`).MatchString(msg) || r.LSN == "" {
			t.Errorf("--report line %d: lsn %q is not the commit's lsn line:\n%s", i+1, r.LSN, msg)
		}
		if r.Published.IsZero() || r.LagBytes < 0 || r.LagSeconds < 0 {
			t.Errorf("--report line %d: published %v, lag %d bytes %v s", i+1, r.Published, r.LagBytes, r.LagSeconds)
		}
		if kind != "stream" {
			continue
		}
		if !strings.Contains(msg, "commit-time: "+r.CommitTime.UTC().Format(time.RFC3339Nano)+"\n") {
			t.Errorf("--report commit_time %v is not the message's commit-time:\n%s", r.CommitTime, msg)
		}
		m := rowsLine.FindStringSubmatch(msg)
		got := fmt.Sprint(r.Rows, r.Inserted, r.Updated, r.Deleted)
		if m == nil || got != strings.Join(m[1:], " ") || r.Transactions != 1 || r.Rows == 0 {
			t.Errorf("--report stream counts rows/inserted/updated/deleted %s, transactions %d; message:\n%s", got, r.Transactions, msg)
		}
	}
}

// TestFollowWalLevelReplica: a server with wal_level = replica (the
// default) cannot be followed; pgcopy follow says so, naming the setting
// and what to set it to, exits non-zero and creates nothing in the target.
// The test starts its own throwaway cluster (initdb, pg_ctl from the bin
// directory of ./scripts/test.sh) since the shared one runs with
// wal_level = logical.
func TestFollowWalLevelReplica(t *testing.T) {
	pg := testenv.Postgres(t)
	// Not t.TempDir: its parent is private to root, and the server runs as
	// postgres when the tests run as root.
	dir, err := os.MkdirTemp("", "walreplica-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	run := func(prog string, args ...string) {
		t.Helper()
		cmd := exec.Command(filepath.Join(pg.BinDir, prog), args...)
		if os.Geteuid() == 0 { // PostgreSQL refuses to run as root (as scripts/lib-pg.sh does)
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", cmd.Path}, args...)...)
		}
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", prog, args, err, out)
		}
	}
	data := filepath.Join(dir, "data")
	run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	run("pg_ctl", "-D", data, "-l", filepath.Join(dir, "postgres.log"), "-w", "-t", "60", "start",
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica", port, dir))
	t.Cleanup(func() { run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop") })

	dbURL := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	pg.Exec(t, dbURL, "CREATE TABLE t (id int PRIMARY KEY)")
	target := filepath.Join(t.TempDir(), "db")
	code, out, errOut := pgcopyRun(t, followArgs(dbURL, target, "replica_slot", "--until", "now")...)
	if code == 0 {
		t.Fatalf("pgcopy follow against wal_level = replica exited 0\nstdout:\n%s\nstderr:\n%s", out, errOut)
	}
	for _, want := range []string{"wal_level = replica", "wal_level = logical", "restart"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "panic") {
		t.Errorf("stderr has a panic:\n%s", errOut)
	}
	if _, err := os.Stat(target); err == nil {
		if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM dolt_log")[0][0]; n != "1" {
			t.Errorf("the failed run committed: dolt_log has %s commits", n)
		}
	}
}
