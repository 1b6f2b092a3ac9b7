package main

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"

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

		errOut := mustFollow(t, dbURL, tg.spec, slot, "--until", "now")
		if !strings.Contains(errOut, "initial copy at lsn") {
			t.Errorf("first run: no initial copy line in stderr:\n%s", errOut)
		}
		msg := tg.q("SELECT message FROM dolt_log LIMIT 1")[0][0]
		if !lsnLine.MatchString(msg) || !strings.Contains(msg, "slot: "+slot+"\n") {
			t.Fatalf("first commit's message lacks the slot and lsn lines:\n%s", msg)
		}
		mustVerify(t, dbURL, tg.spec)

		pg.Exec(t, dbURL, followChanges)
		errOut = mustFollow(t, dbURL, tg.spec, slot, "--until", "now")
		if !regexp.MustCompile(`commit \w+ lsn [0-9A-F]+/[0-9A-F]+: 1 transactions`).MatchString(errOut) {
			t.Errorf("second run: no commit line for the one transaction:\n%s", errOut)
		}
		log := tg.q("SELECT message, date FROM dolt_log LIMIT 1")
		if !lsnLine.MatchString(log[0][0]) || !strings.Contains(log[0][0], "commit-time: ") || !strings.Contains(log[0][0], "transactions: 1\n") {
			t.Errorf("stream commit's message:\n%s", log[0][0])
		}
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
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
	})
	return cmd, seen, done
}
