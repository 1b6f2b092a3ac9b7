package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// overlapDumps makes two versions of a small database: v1 (50 parents, 30
// children: rows 80) and v2 (80 parents, 40 children: rows 120).
func overlapDumps(t *testing.T) (v1, v2 string) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	dir := t.TempDir()
	v1, v2 = filepath.Join(dir, "v1.sql"), filepath.Join(dir, "v2.sql")
	pg.Exec(t, pgURL, `
		CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);
		CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parent(id), note text);
		INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 50) g;
		INSERT INTO child SELECT g, g, 'c' || g FROM generate_series(1, 30) g;`)
	pg.Dump(t, pgURL, v1, "--no-owner", "--no-privileges")
	pg.Exec(t, pgURL, `
		INSERT INTO parent SELECT g, 'p' || g FROM generate_series(51, 80) g;
		INSERT INTO child SELECT g, g, 'c' || g FROM generate_series(31, 40) g;`)
	pg.Dump(t, pgURL, v2, "--no-owner", "--no-privileges")
	return v1, v2
}

// snapshotOf says which dump main holds: "v1", "v2" or "empty" (no
// tables yet), and fails the test unless every table's row count and the
// commit message's rows: N belong to that one dump.
func snapshotOf(t *testing.T, tg doltTarget) string {
	t.Helper()
	tables := tg.q("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")[0][0]
	if tables == "0" {
		return "empty"
	}
	p := tg.q("SELECT COUNT(*) FROM parent")[0][0]
	c := tg.q("SELECT COUNT(*) FROM child")[0][0]
	msg := tg.q("SELECT message FROM dolt_log('main') LIMIT 1")[0][0]
	switch {
	case p == "50" && c == "30" && strings.Contains(msg, "\nrows: 80\n"):
		return "v1"
	case p == "80" && c == "40" && strings.Contains(msg, "\nrows: 120\n"):
		return "v2"
	}
	t.Fatalf("main holds no whole snapshot: parent %s rows, child %s rows, message:\n%s", p, c, msg)
	return ""
}

// pausedRun starts pgcopy copying dump into target with
// PGCOPY_TEST_PAUSE_AT=step and waits until it has stopped itself there.
type pausedRun struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan error
}

func startPaused(t *testing.T, dump, target, step string, extra ...string) *pausedRun {
	t.Helper()
	r := &pausedRun{stderr: &bytes.Buffer{}, done: make(chan error, 1)}
	r.cmd = exec.Command(pgcopyBin, append([]string{"copy", "--dump", dump, "--target", target, "-q"}, extra...)...)
	r.cmd.Env = append(os.Environ(), "PGCOPY_TEST_PAUSE_AT="+step)
	r.cmd.Stderr = &bufWriter{b: r.stderr}
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	t.Cleanup(func() { r.cmd.Process.Kill() })
	for {
		if stoppedProcess(r.cmd.Process.Pid) {
			return r
		}
		select {
		case err := <-r.done:
			t.Fatalf("pgcopy ended before pausing at %s: %v; stderr: %s", step, err, r.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// resume sends SIGCONT and waits for the run's exit code and stderr.
func (r *pausedRun) resume(t *testing.T) (int, string) {
	t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	err := <-r.done
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, r.stderr.String()
}

type bufWriter struct{ b *bytes.Buffer }

func (w *bufWriter) Write(p []byte) (int, error) { return w.b.Write(p) }

// stoppedProcess reports whether pid is in state T (stopped), from
// /proc/PID/stat.
func stoppedProcess(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i > 0 && len(s) > i+2 && s[i+2] == 'T'
}

// TestOverlappingRuns pauses a run (v2) at each step, runs a second one
// (v1) whole meanwhile, and resumes the first: the second must fail
// naming the first (pid), the first must publish v2 whole.
func TestOverlappingRuns(t *testing.T) {
	v1, v2 := overlapDumps(t)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, v1, tg.spec, "-q")
		for _, step := range []string{"started", "loaded", "committed"} {
			t.Run(step, func(t *testing.T) {
				if got := snapshotOf(t, tg); got != "v1" {
					t.Fatalf("before: main holds %s", got)
				}
				before := tg.q("SELECT HASHOF('main')")[0][0]
				a := startPaused(t, v2, tg.spec, step)
				code, _, errOut := runPgcopy(t, runOpts{}, "copy", "--dump", v1, "--target", tg.spec, "-q")
				pid := strconv.Itoa(a.cmd.Process.Pid)
				if code == 0 || !strings.Contains(errOut, "another pgcopy run") || !strings.Contains(errOut, "pid "+pid) {
					t.Errorf("second run while the first is paused at %s: exit %d, stderr:\n%s\nwant a failure naming pid %s", step, code, errOut, pid)
				}
				t.Logf("the second run: exit %d: %s", code, errOut)
				code, errOut = a.resume(t)
				if code != 0 {
					t.Fatalf("the first run, resumed after %s: exit %d, stderr:\n%s", step, code, errOut)
				}
				if got := snapshotOf(t, tg); got != "v2" {
					t.Errorf("after: main holds %s, want v2 (the first run's)", got)
				}
				if n := tg.q("SELECT COUNT(*) FROM dolt_branches")[0][0]; n != "1" {
					t.Errorf("%s branches left, want only main: %v", n, tg.q("SELECT name FROM dolt_branches"))
				}
				// back to v1 for the next step
				copyOK(t, v1, tg.spec, "-q")
				if after := tg.q("SELECT HASHOF('main')")[0][0]; after == before {
					t.Errorf("main did not move: the runs published nothing")
				}
			})
		}
	})
}

// TestKilledRunCleanedUp SIGKILLs a run paused mid-load: its lock dies
// with it (on a sql-server: GET_LOCK of a connection the kernel closed),
// main is unchanged, and the next run publishes and deletes the dead
// run's work branch (and an old-style pgcopy-work/main).
func TestKilledRunCleanedUp(t *testing.T) {
	v1, v2 := overlapDumps(t)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, v1, tg.spec, "-q")
		before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
		a := startPaused(t, v2, tg.spec, "loaded")
		a.cmd.Process.Signal(syscall.SIGKILL)
		<-a.done
		if after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]; after[0] != before[0] || after[1] != before[1] {
			t.Fatalf("main changed after a killed run: %v -> %v", before, after)
		}
		if n := tg.q("SELECT COUNT(*) FROM dolt_branches WHERE name LIKE 'pgcopy-work/main/%'")[0][0]; n != "1" {
			t.Fatalf("the killed run left %s work branches, want its 1", n)
		}
		// and a work branch of the old name, before per-run names
		tg.q("CALL DOLT_BRANCH('pgcopy-work/main', 'main')")
		copyOK(t, v2, tg.spec, "-q")
		if got := snapshotOf(t, tg); got != "v2" {
			t.Errorf("main holds %s after the rerun, want v2", got)
		}
		if names := tg.q("SELECT name FROM dolt_branches"); len(names) != 1 {
			t.Errorf("branches after the rerun: %v, want only main", names)
		}
	})
}

// TestBranchMovedDuringCopy moves main while a run is paused after its
// commit: another writer's commit on top ("forward"), a reset to an
// ancestor of the run's start commit ("back": a plain --ff-only merge
// would still succeed), a reset to a commit of a diverged branch
// ("unrelated"), and the branch deleted ("deleted"). The run must fail with "the
// branch moved during the copy" and main must stay where the other writer
// put it. Only a sql-server can have another writer while pgcopy holds the
// database; TestBranchLockedDuringCopy covers the embedded target.
//
// A move is visible to other sessions a few milliseconds after the
// writer's CALL returned (measured: pgcopy's first read of dolt_branches
// right after the resume still showed the old HEAD in 58 of 80 runs), so
// the test waits until a session of its own sees it before it resumes
// the run; the run itself also checks the branch after its fast-forward
// (loader publish), for a move that lands between its check and its merge.
func TestBranchMovedDuringCopy(t *testing.T) {
	v1, v2 := overlapDumps(t)
	dsn := testenv.DoltServer(t, t.TempDir())
	addr := strings.TrimSuffix(strings.TrimPrefix(dsn, "root@tcp("), ")/")
	target := "mysql://root@" + addr + "/db"
	copyOK(t, v1, target, "-q")
	db := mustOpenMy(t, dsn+"db")
	ctx := context.Background()
	writer, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	write := func(q string) {
		t.Helper()
		if _, err := writer.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	head := func(branch string) string { // "" when branch does not exist
		t.Helper()
		c, err := db.Conn(ctx) // a session of its own
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var h string
		if err := c.QueryRowContext(ctx, "SELECT hash FROM dolt_branches WHERE name = ?", branch).Scan(&h); err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		return h
	}
	for _, move := range []string{"forward", "back", "unrelated", "deleted"} {
		t.Run(move, func(t *testing.T) {
			// main is the sql-server's default branch, which it does not
			// delete: "deleted" copies into the branch nightly.
			branch := "main"
			if move == "deleted" {
				branch = "nightly"
			}
			copyOK(t, v1, target, "-q", "--branch", branch)
			start := head(branch)
			a := startPaused(t, v2, target, "committed", "--branch", branch)
			switch move {
			case "forward":
				write("CALL DOLT_COMMIT('--allow-empty', '-m', 'another writer')")
			case "back":
				write("CALL DOLT_RESET('--hard', 'HEAD~1')")
			case "unrelated":
				write("CALL DOLT_BRANCH('-f', 'side', 'HEAD~1')")
				write("CALL DOLT_CHECKOUT('side')")
				write("CALL DOLT_COMMIT('--allow-empty', '-m', 'a diverged commit')")
				write("CALL DOLT_CHECKOUT('main')")
				write("CALL DOLT_RESET('--hard', 'side')")
			case "deleted":
				write("CALL DOLT_BRANCH('-D', 'nightly')")
			}
			var moved string
			for i := 0; ; i++ {
				if moved = head(branch); moved != start {
					break
				}
				if i == 1000 {
					t.Fatalf("%s is still at %s after the move (%s)", branch, start, move)
				}
				time.Sleep(5 * time.Millisecond)
			}
			code, errOut := a.resume(t)
			t.Logf("the paused run: exit %d: %s", code, errOut)
			if code != 1 || !strings.Contains(errOut, "the branch moved during the copy (another writer?)") || !strings.Contains(errOut, "nothing was published") {
				t.Errorf("exit %d, stderr:\n%s\nwant the branch-moved failure, nothing published", code, errOut)
			}
			if now := head(branch); now != moved {
				t.Errorf("%s is %q, want the other writer's %q", branch, now, moved)
			}
		})
	}
}

// TestBranchLockedDuringCopy: on the embedded target no other process can
// move the branch while a run holds the database (Dolt's own lock on
// .dolt/noms/LOCK makes the dolt CLI open it read-only), so the paused run
// publishes its snapshot whole.
func TestBranchLockedDuringCopy(t *testing.T) {
	v1, v2 := overlapDumps(t)
	target := filepath.Join(t.TempDir(), "db")
	copyOK(t, v1, target, "-q")
	before := testenv.DoltQuery(t, target, "SELECT HASHOF('main')")[0][0]
	a := startPaused(t, v2, target, "committed")
	cmd := exec.Command(testenv.DoltBin(t), "sql", "-q", "CALL DOLT_RESET('--hard', 'HEAD~1')")
	cmd.Dir = target
	cmd.Env = testenv.DoltEnv(t)
	out, err := cmd.CombinedOutput()
	t.Logf("dolt CLI reset while the run holds the database: %v: %s", err, out)
	if err == nil {
		t.Errorf("the dolt CLI reset main while pgcopy held the database: %s", out)
	}
	if code, errOut := a.resume(t); code != 0 {
		t.Fatalf("the paused run: exit %d, stderr:\n%s", code, errOut)
	}
	tg := doltTarget{spec: target, q: func(q string) [][]string { return testenv.DoltQuery(t, target, q) }}
	if got := snapshotOf(t, tg); got != "v2" {
		t.Errorf("main holds %s, want v2", got)
	}
	if after := testenv.DoltQuery(t, target, "SELECT HASHOF('main~1')")[0][0]; after != before {
		t.Errorf("main~1 is %s, want the v1 commit %s", after, before)
	}
}

// TestOverlappingRunsDatabases: with --schemas databases one run locks
// every database of the copy; a second run fails naming the first, and
// the first publishes both databases.
func TestOverlappingRunsDatabases(t *testing.T) {
	pg := testenv.Postgres(t)
	_, pgURL := pg.CreateDB(t)
	dump := filepath.Join(t.TempDir(), "two.sql")
	pg.Exec(t, pgURL, `
		CREATE TABLE main_t (id int PRIMARY KEY);
		INSERT INTO main_t SELECT generate_series(1, 20);
		CREATE SCHEMA aux;
		CREATE TABLE aux.aux_t (id int PRIMARY KEY);
		INSERT INTO aux.aux_t SELECT generate_series(1, 10);`)
	pg.Dump(t, pgURL, dump, "--no-owner", "--no-privileges")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		a := startPaused(t, dump, tg.spec, "started", "--schemas", "databases")
		code, _, errOut := runPgcopy(t, runOpts{}, "copy", "--dump", dump, "--target", tg.spec, "--schemas", "databases", "-q")
		pid := strconv.Itoa(a.cmd.Process.Pid)
		if code == 0 || !strings.Contains(errOut, "another pgcopy run") || !strings.Contains(errOut, "pid "+pid) {
			t.Errorf("second run: exit %d, stderr:\n%s\nwant a failure naming pid %s", code, errOut, pid)
		}
		if code, errOut := a.resume(t); code != 0 {
			t.Fatalf("the first run: exit %d, stderr:\n%s", code, errOut)
		}
		if n := tg.q("SELECT COUNT(*) FROM main_t")[0][0]; n != "20" {
			t.Errorf("main_t has %s rows, want 20", n)
		}
		aux := "SELECT COUNT(*) FROM db_aux.aux_t"
		var rows [][]string
		if strings.HasPrefix(tg.spec, "mysql://") {
			rows = tg.q(aux)
		} else { // the dolt CLI sees the database of its directory only
			rows = testenv.DoltQuery(t, filepath.Join(filepath.Dir(tg.spec), "db_aux"), "SELECT COUNT(*) FROM aux_t")
		}
		if n := rows[0][0]; n != "10" {
			t.Errorf("db_aux.aux_t has %s rows, want 10", n)
		}
	})
}
