package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// nightlyHashes returns dolt_hashof_table of every base table queried by q.
func nightlyHashes(t *testing.T, q func(string) [][]string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, r := range q("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'") {
		out[r[0]] = q("SELECT dolt_hashof_table('" + strings.ReplaceAll(r[0], "'", "''") + "')")[0][0]
	}
	return out
}

// sameAsFresh copies dump onto a fresh embedded target and fails unless
// every table's hash there equals the one tg holds, and main's commit
// message has the fresh copy's "rows: N" line.
func sameAsFresh(t *testing.T, dump string, tg doltTarget) {
	t.Helper()
	got := nightlyHashes(t, tg.q)
	dir := filepath.Join(t.TempDir(), "fresh")
	copyOK(t, dump, dir, "-q")
	fresh := func(q string) [][]string { return testenv.DoltQuery(t, dir, q) }
	want := nightlyHashes(t, fresh)
	rowsLine := regexp.MustCompile(`(?m)^rows: \d+$`)
	msg := func(q func(string) [][]string) string {
		return rowsLine.FindString(q("SELECT message FROM dolt_log('main') LIMIT 1")[0][0])
	}
	if a, b := msg(tg.q), msg(fresh); a != b || a == "" {
		t.Errorf("main's commit message has %q, a fresh copy's %q", a, b)
	}
	var names []string
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if got[n] != want[n] {
			t.Errorf("table %s: hash %q after the nightly run, %q on a fresh copy", n, got[n], want[n])
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("table %s is in the nightly result, not in a fresh copy", n)
		}
	}
}

// pagilaDay1 loads pagila into a new PostgreSQL database and dumps it as
// day1; day2 is the path for the next night's dump, in the same dir.
func pagilaDay1(t *testing.T) (pg *testenv.PG, pgURL, dir, day1, day2 string) {
	t.Helper()
	pg = testenv.Postgres(t)
	_, pgURL = pg.CreateDB(t)
	pg.Psql(t, pgURL, testenv.Testdata(t, "pagila/pagila.sql"))
	dir = t.TempDir()
	day1, day2 = filepath.Join(dir, "day1.sql"), filepath.Join(dir, "day2.sql")
	pg.Dump(t, pgURL, day1, "--no-owner", "--no-privileges")
	return pg, pgURL, dir, day1, day2
}

// reportPaths returns each table's "path rows_changed" from a --report
// JSON file's bytes.
func reportPaths(t *testing.T, rep []byte) map[string]string {
	t.Helper()
	var parsed struct {
		Tables []struct {
			Name    string `json:"name"`
			Path    string `json:"path"`
			Changed int64  `json:"rows_changed"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(rep, &parsed); err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, tb := range parsed.Tables {
		paths[tb.Name] = fmt.Sprintf("%s %d", tb.Path, tb.Changed)
	}
	return paths
}

// TestNightlyCarry copies a day-1 pagila dump (with extra tables: keyless,
// one to widen, one whose primary key changes, one to drop), then a day-2
// dump after updates, deletes, inserts, a primary-key change, a type
// widening, a changed keyless table, a dropped and an added table: the
// unchanged tables are carried over, and every table's dolt_hashof_table
// equals a fresh copy of day 2. The unchanged day-2 dump onto its own
// snapshot makes no commit. A day-2 run killed with SIGKILL leaves main
// untouched and the rerun gives the fresh copy's hashes.
func TestNightlyCarry(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		_, pgURL := pg.CreateDB(t)
		pg.Psql(t, pgURL, testenv.Testdata(t, "pagila/pagila.sql"))
		pg.Exec(t, pgURL, `
			CREATE TABLE keyless (a int, b text);
			INSERT INTO keyless VALUES (1, 'x'), (1, 'x'), (2, 'y');
			CREATE TABLE widen (id int PRIMARY KEY, v integer);
			INSERT INTO widen VALUES (1, 10), (2, 20);
			CREATE TABLE rekey (id int, k int, v text, PRIMARY KEY (id));
			INSERT INTO rekey VALUES (1, 1, 'a'), (2, 1, 'b');
			CREATE TABLE gone (id int PRIMARY KEY);
			INSERT INTO gone VALUES (1);
			CREATE TABLE uswap (id int PRIMARY KEY, u int UNIQUE, v text);
			INSERT INTO uswap VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c');`)
		dir := t.TempDir()
		day1, day2 := filepath.Join(dir, "day1.sql"), filepath.Join(dir, "day2.sql")
		pg.Dump(t, pgURL, day1, "--no-owner", "--no-privileges")
		target := tg.spec
		copyOK(t, day1, target, "-q")

		pg.Exec(t, pgURL, `
			INSERT INTO actor (actor_id, first_name, last_name) VALUES (9001, 'NEW', 'ACTOR');
			UPDATE rental SET return_date = return_date + interval '1 day' WHERE rental_id IN (2, 3, 4);
			INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, staff_id) SELECT max(rental_id) + 1, '2022-08-01 10:00:00+00', 1, 1, 1 FROM rental;
			UPDATE film_actor SET actor_id = 9001 WHERE actor_id = 1 AND film_id = 1;
			DELETE FROM film_actor WHERE actor_id = 2 AND film_id = 3;
			UPDATE uswap SET u = 99 WHERE id = 1; UPDATE uswap SET u = 10 WHERE id = 2; UPDATE uswap SET u = 20 WHERE id = 1;
			DELETE FROM payment WHERE payment_id = (SELECT min(payment_id) FROM payment);
			INSERT INTO keyless VALUES (3, 'z');
			DELETE FROM keyless WHERE a = 2;
			ALTER TABLE widen ALTER COLUMN v TYPE bigint;
			UPDATE widen SET v = 5000000000 WHERE id = 2;
			ALTER TABLE rekey DROP CONSTRAINT rekey_pkey;
			ALTER TABLE rekey ADD PRIMARY KEY (id, k);
			DROP TABLE gone;
			CREATE TABLE added (id int PRIMARY KEY, s text);
			INSERT INTO added VALUES (1, 'new');`)
		pg.Dump(t, pgURL, day2, "--no-owner", "--no-privileges")

		// kill -9 in the middle of the nightly run: main is untouched.
		before := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]
		cmd := exec.Command(pgcopyBin, "copy", "--dump", day2, "--target", target, "-q")
		cmd.Env = append(os.Environ(), "PGCOPY_TEST_STALL_AFTER_ROWS=100")
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
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if after := tg.q("SELECT HASHOF('main'), dolt_hashof_db('main')")[0]; after[0] != before[0] || after[1] != before[1] {
			t.Fatalf("main changed after a killed nightly run: %v -> %v", before, after)
		}

		report := filepath.Join(dir, "report.json")
		copyOK(t, day2, target, "-q", "--report", report)
		rep, _ := os.ReadFile(report)
		for _, want := range []string{`"path": "unchanged"`, `"path": "reloaded"`, `"path": "changed"`} {
			if !strings.Contains(strings.ReplaceAll(string(rep), `":"`, `": "`), want) {
				t.Errorf("the report has no %s:\n%s", want, rep)
			}
		}
		paths := reportPaths(t, rep)
		// Patched: only the changed rows written (rental: 3 updated, 1
		// inserted; film_actor: a key change and a delete; actor: 1
		// inserted; uswap: two rows swap their UNIQUE values). Reloaded: the keyless table, the widened and the
		// re-keyed one, payment (partitioned: several COPY blocks).
		for name, want := range map[string]string{"rental": "changed 4", "film_actor": "changed 3", "actor": "changed 1", "uswap": "changed 2",
			"keyless": "reloaded 0", "widen": "reloaded 0", "rekey": "reloaded 0", "payment": "reloaded 0", "film": "unchanged 0"} {
			if paths[name] != want {
				t.Errorf("table %s: path %q, want %q", name, paths[name], want)
			}
		}
		got := nightlyHashes(t, tg.q)
		if _, ok := got["gone"]; ok {
			t.Errorf("the dropped table gone is still there")
		}
		if _, ok := got["added"]; !ok {
			t.Errorf("the added table is missing")
		}
		sameAsFresh(t, day2, tg)

		// The same dump onto its own snapshot: no commit.
		head := tg.q("SELECT HASHOF('main')")[0][0]
		errOut := copyOK(t, day2, target)
		if h := tg.q("SELECT HASHOF('main')")[0][0]; h != head {
			t.Errorf("an unchanged dump made a commit: %s -> %s", head, h)
		}
		if !strings.Contains(errOut, "film unchanged") {
			t.Errorf("the summary does not list film as unchanged:\n%s", errOut)
		}
		if !strings.Contains(errOut, "tables unchanged since the parent commit") {
			t.Errorf("no carry-over note:\n%s", errOut)
		}
	})
}

// TestNightlyPatchFallback: a changed table whose row-hash file is
// corrupt is emptied and reloaded (never patched from a bad file), with
// the fresh copy's hashes; the run writes a good file again, so the next
// night patches it. With --row-hashes off a changed table is reloaded.
func TestNightlyPatchFallback(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		_, pgURL := pg.CreateDB(t)
		pg.Exec(t, pgURL, `CREATE TABLE t (id int PRIMARY KEY, v text);
			INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 2000) g;`)
		dir := t.TempDir()
		hashes := filepath.Join(dir, "rowhash")
		dumpDay := func(n int, change string) string {
			if change != "" {
				pg.Exec(t, pgURL, change)
			}
			f := filepath.Join(dir, fmt.Sprintf("day%d.sql", n))
			pg.Dump(t, pgURL, f, "--no-owner", "--no-privileges")
			return f
		}
		pathOf := func(report string) string {
			var r struct {
				Tables []struct{ Name, Path string } `json:"tables"`
			}
			b, _ := os.ReadFile(report)
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			for _, tb := range r.Tables {
				if tb.Name == "t" {
					return tb.Path
				}
			}
			return ""
		}
		report := filepath.Join(dir, "report.json")
		copyOK(t, dumpDay(1, ""), tg.spec, "-q", "--row-hashes", hashes)

		// Corrupt every row-hash file in its body: the header still
		// matches, so the plan picks the patch and the load falls back.
		files, _ := filepath.Glob(filepath.Join(hashes, "*.rowhash"))
		if len(files) != 1 {
			t.Fatalf("row-hash files after day 1: %v", files)
		}
		for _, f := range files {
			b, _ := os.ReadFile(f)
			b[len(b)/2] ^= 0xff
			os.WriteFile(f, b, 0o644)
		}
		day2 := dumpDay(2, `UPDATE t SET v = 'changed' WHERE id % 100 = 0`)
		copyOK(t, day2, tg.spec, "-q", "--row-hashes", hashes, "--report", report)
		if p := pathOf(report); p != "reloaded" {
			t.Errorf("day 2 with a corrupt row-hash file: path %q, want reloaded", p)
		}
		sameAsFresh(t, day2, tg)

		day3 := dumpDay(3, `DELETE FROM t WHERE id > 1990; INSERT INTO t VALUES (5000, 'new')`)
		copyOK(t, day3, tg.spec, "-q", "--row-hashes", hashes, "--report", report)
		if p := pathOf(report); p != "changed" {
			t.Errorf("day 3: path %q, want changed (patched from day 2's file)", p)
		}
		sameAsFresh(t, day3, tg)

		day4 := dumpDay(4, `UPDATE t SET v = 'again' WHERE id = 1`)
		copyOK(t, day4, tg.spec, "-q", "--row-hashes", "off", "--report", report)
		if p := pathOf(report); p != "reloaded" {
			t.Errorf("day 4 with --row-hashes off: path %q, want reloaded", p)
		}
		sameAsFresh(t, day4, tg)
	})
}

// TestNightlyPatchReject: a patched table whose changed row is rejected
// (--max-errors) holds no row for that key, as a fresh copy with the same
// flag holds none: the parent's version of the row does not stay behind.
func TestNightlyPatchReject(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg := testenv.Postgres(t)
		_, pgURL := pg.CreateDB(t)
		pg.Exec(t, pgURL, `CREATE TABLE r (id int PRIMARY KEY, n numeric);
			INSERT INTO r SELECT g, g FROM generate_series(1, 100) g;`)
		dir := t.TempDir()
		day1, day2 := filepath.Join(dir, "day1.sql"), filepath.Join(dir, "day2.sql")
		pg.Dump(t, pgURL, day1, "--no-owner", "--no-privileges")
		copyOK(t, day1, tg.spec, "-q")
		pg.Exec(t, pgURL, `UPDATE r SET n = 'NaN' WHERE id = 5; UPDATE r SET n = 1000 WHERE id = 6`)
		pg.Dump(t, pgURL, day2, "--no-owner", "--no-privileges")
		report := filepath.Join(dir, "report.json")
		copyOK(t, day2, tg.spec, "-q", "--max-errors", "10", "--reject-file", filepath.Join(dir, "rejects"), "--report", report)
		b, _ := os.ReadFile(report)
		if !strings.Contains(strings.ReplaceAll(string(b), `":"`, `": "`), `"path": "changed"`) {
			t.Errorf("r was not patched:\n%s", b)
		}
		if got := tg.q("SELECT COUNT(*), SUM(id = 5), MAX(CASE WHEN id = 6 THEN n END) FROM r")[0]; got[0] != "99" || got[1] != "0" || !strings.HasPrefix(got[2], "1000") {
			t.Errorf("after the patch with a rejected row: count %s, rows with id 5 %s, n of id 6 %s; want 99, 0, 1000", got[0], got[1], got[2])
		}
		rej, _ := os.ReadFile(filepath.Join(dir, "rejects"))
		if !strings.Contains(string(rej), "5\tNaN") {
			t.Errorf("the reject file lacks the NaN row: %q", rej)
		}
	})
}

// TestNightlyJobs runs both nights with --jobs 2 and blocks split into
// parts of 1,000 rows: day 1's row-hash files are written by several
// sessions per table, day 2 patches rental and film_actor on the worker
// sessions (patched blocks are never split) and carries the rest; every
// table's hash equals a fresh one-session copy of day 2.
func TestNightlyJobs(t *testing.T) {
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg, pgURL, dir, day1, day2 := pagilaDay1(t)
		copyOK(t, day1, tg.spec, "-q", "--jobs", "2", "--split-rows", "1000")
		pg.Exec(t, pgURL, `
			UPDATE rental SET return_date = return_date + interval '1 day' WHERE rental_id IN (2, 3000, 9000);
			INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, staff_id) SELECT max(rental_id) + 1, '2022-08-01 10:00:00+00', 1, 1, 1 FROM rental;
			DELETE FROM film_actor WHERE actor_id = 2 AND film_id = 3;`)
		pg.Dump(t, pgURL, day2, "--no-owner", "--no-privileges")
		report := filepath.Join(dir, "report.json")
		copyOK(t, day2, tg.spec, "-q", "--jobs", "2", "--split-rows", "1000", "--report", report)
		rep, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		paths := reportPaths(t, rep)
		for name, want := range map[string]string{"rental": "changed 4", "film_actor": "changed 1", "film": "unchanged 0", "customer": "unchanged 0"} {
			if paths[name] != want {
				t.Errorf("table %s: path %q, want %q", name, paths[name], want)
			}
		}
		sameAsFresh(t, day2, tg)
	})
}

// TestNightlyPatchSpill drives a patch past its in-memory keys
// (PGCOPY_TEST_PATCH_KEYS=2, a pgcopytest hook): the first two changed
// rows of rental are written during the compare, the others wait in the
// spill file and are written after the deletes, whose stored versions the
// deletes remove first. The result equals a fresh copy, and the report
// counts the rows written and deleted without splitting updates out.
func TestNightlyPatchSpill(t *testing.T) {
	t.Setenv("PGCOPY_TEST_PATCH_KEYS", "2")
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		pg, pgURL, dir, day1, day2 := pagilaDay1(t)
		copyOK(t, day1, tg.spec, "-q")
		pg.Exec(t, pgURL, `
			UPDATE rental SET return_date = return_date + interval '1 day' WHERE rental_id IN (2, 3, 4, 5000, 9000);
			INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, staff_id) SELECT max(rental_id) + 1, '2022-08-01 10:00:00+00', 1, 1, 1 FROM rental;
			DELETE FROM rental WHERE rental_id = 7 AND NOT EXISTS (SELECT 1 FROM payment WHERE payment.rental_id = 7);`)
		pg.Dump(t, pgURL, day2, "--no-owner", "--no-privileges")
		report := filepath.Join(dir, "report.json")
		copyOK(t, day2, tg.spec, "-q", "--report", report)
		b, _ := os.ReadFile(report)
		if !strings.Contains(string(b), "dump rows written") {
			t.Errorf("no note of a spilled patch (rows written, updates not counted):\n%s", b)
		}
		sameAsFresh(t, day2, tg)
	})
}
