package main

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestCopyJobs loads pagila's COPY blocks on three sessions at once, into
// both targets, with blocks of more than 1,000 rows split into parts of
// 1,000 rows (so rental, payment and others are written by several
// sessions at once): the tables hash exactly as a one-session copy's do.
func TestCopyJobs(t *testing.T) {
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	seq := filepath.Join(t.TempDir(), "seq")
	copyOK(t, dump, seq, "-q")
	q := "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
	want := testenv.DoltQuery(t, seq, q)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q", "--jobs", "3", "--split-rows", "1000")
		sameTableHashes(t, tg.q(q), want, "--jobs 3")
		if n := tg.q("SELECT COUNT(*) FROM dolt_branches")[0][0]; n != "1" {
			t.Errorf("%s branches left, want only main", n)
		}
	})
}

// TestRejectsJobs: with --jobs 2, and blocks split into parts of 500 rows
// (each part read from its own offset), the reject file holds exactly the
// bad lines (in any order) and the rest is committed.
func TestRejectsJobs(t *testing.T) {
	dump, bad, nums := corruptPagila(t)
	dir := t.TempDir()
	rejects := filepath.Join(dir, "rejects")
	target := filepath.Join(dir, "db")
	copyOK(t, dump, target, "-q", "--jobs", "2", "--split-rows", "500", "--max-errors", "10", "--reject-file", rejects)
	got, err := os.ReadFile(rejects)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	sort.Strings(lines)
	sort.Strings(bad)
	if strings.Join(lines, "\n") != strings.Join(bad, "\n") {
		t.Errorf("reject file:\n%q\nwant the bad lines:\n%q", lines, bad)
	}
	log, _ := os.ReadFile(rejects + ".log")
	for _, n := range nums { // the line numbers are right in every part
		if !strings.Contains(string(log), "corrupt.sql:"+strconv.Itoa(n)+": table ") {
			t.Errorf("reject log lacks line %d:\n%s", n, log)
		}
	}
	if n := testenv.DoltQuery(t, target, "SELECT COUNT(*) FROM payment")[0][0]; n != "16047" {
		t.Errorf("payment has %s rows, want 16047", n)
	}
}

// TestCopyGCEvery bounds the load's memory every 3,000 rows: the embedded
// engine drops its caches inside the transaction; the sql-server
// (--server-gc) runs DOLT_GC, which ends and reopens the session. The
// tables hash exactly as a copy without either, on both targets.
func TestCopyGCEvery(t *testing.T) {
	dump, q, want := plainPagilaHashes(t)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		copyOK(t, dump, tg.spec, "-q", "--gc-every", "3000", "--server-gc")
		sameTableHashes(t, tg.q(q), want, "--gc-every 3000")
		if n := tg.q("SELECT COUNT(*) FROM dolt_log")[0][0]; n != "2" {
			t.Errorf("dolt_log has %s commits, want 2", n)
		}
	})
}

// TestCopyJobsGCEvery bounds a --jobs load's memory every 3,000 rows, with
// three sessions and blocks split into parts of 1,000 rows: on the
// embedded engine a session drops the engine's caches in the middle of
// its transaction; on a sql-server (--server-gc) the GC barrier parks the
// sessions in the middle of their parts, runs DOLT_GC and has them rejoin.
// The tables hash exactly as a one-session copy's, the foreign keys
// resolve and verify, and the report says what ran.
func TestCopyJobsGCEvery(t *testing.T) {
	dump, q, want := plainPagilaHashes(t)
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		rep := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "-q", "--jobs", "3", "--split-rows", "1000", "--gc-every", "3000", "--server-gc", "--report", rep)
		sameTableHashes(t, tg.q(q), want, "--jobs 3 --gc-every 3000")
		b, err := os.ReadFile(rep)
		if err != nil {
			t.Fatal(err)
		}
		note := "the load ran DOLT_GC" // the sql-server's barrier (--server-gc)
		if !strings.HasPrefix(tg.spec, "mysql://") {
			note = "the load dropped the engine's caches" // no barrier needed
		}
		if !strings.Contains(string(b), note) {
			t.Errorf("report has no note %q:\n%s", note, b)
		}
		if n := tg.q("SELECT COUNT(*) FROM dolt_log")[0][0]; n != "2" {
			t.Errorf("dolt_log has %s commits, want 2", n)
		}
	})
}

// sameTableHashes compares rows of (table name, dolt_hashof_table) of a
// copy made with flags against want, a plain copy's.
func sameTableHashes(t *testing.T, got, want [][]string, flags string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d tables, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
			t.Errorf("table %s: hash %s with %s, %s without", want[i][0], got[i][1], flags, want[i][1])
		}
	}
}

// plainPagilaHashes copies pagila with --gc-every 0 and returns the dump,
// the query for (table name, dolt_hashof_table) of every table, and its
// rows on that copy.
func plainPagilaHashes(t *testing.T) (dump, q string, want [][]string) {
	t.Helper()
	dump = testenv.Testdata(t, "pagila/pagila.sql")
	plain := filepath.Join(t.TempDir(), "plain")
	copyOK(t, dump, plain, "-q", "--gc-every", "0")
	q = "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
	return dump, q, testenv.DoltQuery(t, plain, q)
}
