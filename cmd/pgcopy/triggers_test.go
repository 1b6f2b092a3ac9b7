package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// triggerDB opens the copied database of tg: the sql-server target's own
// server, or a dolt sql-server the test starts on the embedded target.
func triggerDB(t *testing.T, tg doltTarget) *sql.DB {
	t.Helper()
	if rest, ok := strings.CutPrefix(tg.spec, "mysql://root@"); ok {
		addr, _, _ := strings.Cut(rest, "/")
		return mustOpenMy(t, "root@tcp("+addr+")/db")
	}
	return mustOpenMy(t, testenv.DoltServer(t, tg.spec)+"db")
}

// rowsText returns every row of q as text, NULL as \N.
func rowsText(t *testing.T, db *sql.DB, q string) [][]string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("dolt: %s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := [][]string{}
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
			row[i] = testenv.NullMarker
			if v.Valid {
				row[i] = v.String
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCopyPagilaTriggers: pagila's 14 last_updated triggers (BEFORE UPDATE,
// NEW.last_update = CURRENT_TIMESTAMP) exist in Dolt after the copy, the
// load never fired them (every last_update equals PostgreSQL's), and an
// UPDATE in Dolt moves the row's last_update to the current time, as the
// same UPDATE does in PostgreSQL. Both targets.
func TestCopyPagilaTriggers(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "pagila/pagila.sql")
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, dump)
	tables := []string{"actor", "address", "category", "city", "country", "customer", "film", "film_actor", "film_category", "inventory", "language", "rental", "staff", "store"}
	pgLast := map[string][][]string{}
	for _, tb := range tables {
		pgLast[tb] = pg.Query(t, pgURL, "SELECT to_char(max(last_update), 'YYYY-MM-DD HH24:MI:SS.US'), to_char(min(last_update), 'YYYY-MM-DD HH24:MI:SS.US'), count(*) FROM public."+tb)
	}
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		rep := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "--report", rep)
		my := triggerDB(t, tg)
		got := rowsText(t, my, "SELECT trigger_name, event_object_table, action_timing, event_manipulation FROM information_schema.triggers WHERE trigger_schema = 'db' ORDER BY event_object_table")
		if len(got) != len(tables) {
			t.Fatalf("Dolt has %d triggers, want %d: %v", len(got), len(tables), got)
		}
		for i, tb := range tables {
			if want := []string{tb + "_last_updated", tb, "BEFORE", "UPDATE"}; strings.Join(got[i], " ") != strings.Join(want, " ") {
				t.Errorf("trigger %d is %v, want %v", i, got[i], want)
			}
			// loading never fired them: the copied values are PostgreSQL's
			d := rowsText(t, my, "SELECT DATE_FORMAT(MAX(last_update), '%Y-%m-%d %H:%i:%s.%f'), DATE_FORMAT(MIN(last_update), '%Y-%m-%d %H:%i:%s.%f'), COUNT(*) FROM `"+tb+"`")
			if fmt.Sprint(d) != fmt.Sprint(pgLast[tb]) {
				t.Errorf("%s last_update (max, min, rows): Dolt %v, PostgreSQL %v", tb, d, pgLast[tb])
			}
		}
		checkTriggerReport(t, rep, map[string]int{"translated": 14, "skipped": 1})

		if _, err := my.Exec("UPDATE actor SET first_name = 'X' WHERE actor_id = 1"); err != nil {
			t.Fatal(err)
		}
		lag := rowsText(t, my, "SELECT first_name, TIMESTAMPDIFF(SECOND, last_update, UTC_TIMESTAMP(6)) FROM actor WHERE actor_id = 1")
		if lag[0][0] != "X" || (lag[0][1] != "0" && lag[0][1] != "1") {
			t.Errorf("after the UPDATE, actor 1 is %v (first_name, seconds since last_update), want X updated now (in UTC: last_update is a timestamptz, kept in UTC)", lag)
		}
		if other := rowsText(t, my, "SELECT DATE_FORMAT(last_update, '%Y-%m-%d %H:%i:%s') FROM actor WHERE actor_id = 2"); other[0][0] != "2022-02-15 09:34:33" {
			t.Errorf("actor 2's last_update moved to %v", other)
		}
	})
	pg.Exec(t, pgURL, "UPDATE actor SET first_name = 'X' WHERE actor_id = 1")
	if lag := pg.Query(t, pgURL, "SELECT extract(epoch FROM now() - last_update)::int < 2 FROM actor WHERE actor_id = 1"); lag[0][0] != "t" {
		t.Errorf("PostgreSQL: the same UPDATE did not move last_update to now: %v", lag)
	}
}

// checkTriggerReport counts the TRIGGER entries of a --report JSON by
// action.
func checkTriggerReport(t *testing.T, path string, want map[string]int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Objects []struct {
			Kind, Name, Action, Reason string
		}
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("report %s: %v", path, err)
	}
	got := map[string]int{}
	for _, o := range rep.Objects {
		if o.Kind == "TRIGGER" {
			got[o.Action]++
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("TRIGGER report entries by action: %v, want %v", got, want)
	}
}

// TestCopyTriggers copies testdata/triggers/triggers.sql (issue 16's
// PL/pgSQL subset: IF/ELSIF/ELSE, RAISE EXCEPTION, UPDATE OF, WHEN,
// INSERT OR UPDATE split, AFTER self-update rewrite, writes to another
// table, and skipped constructs), then runs the same DML in PostgreSQL and
// in Dolt and compares every table's rows, and that the statement a
// trigger rejects fails in both. Both targets.
func TestCopyTriggers(t *testing.T) {
	pg := testenv.Postgres(t)
	dump := testenv.Testdata(t, "triggers/triggers.sql")
	dml := []string{
		"INSERT INTO item (id, name, qty, version, note) VALUES (3, 'Plum', 10, 0, 'new')", // item_check ELSE: version 1
		"INSERT INTO item (id, name, qty) VALUES (4, 'Fig', 5000)",                         // ELSIF: qty capped at 1000
		"UPDATE item SET qty = qty + 1 WHERE id = 1",                                       // UPDATE OF qty: audit row
		"UPDATE item SET note = 'seen' WHERE id = 2",                                       // qty unchanged: no audit row
		"DELETE FROM item WHERE id = 2",                                                    // WHEN (old.qty = 0): audit rows of 2 go
		"DELETE FROM item WHERE id = 3",                                                    // qty 10: WHEN false
		"INSERT INTO tag (id, name) VALUES (2, 'BLUE')",                                    // AFTER self-update → BEFORE: name_lc
		"INSERT INTO audit (item_id, op) VALUES (9, 'manual')",                             // skipped triggers do nothing
	}
	bad := "INSERT INTO item (id, name, qty) VALUES (5, 'Bad', -1)" // RAISE EXCEPTION / SIGNAL
	queries := []string{
		"SELECT id, name, qty, version, name_lc, note FROM item ORDER BY id",
		"SELECT item_id, op, old_qty, new_qty FROM audit ORDER BY item_id, op, old_qty",
		"SELECT id, name, name_lc FROM tag ORDER BY id",
	}
	_, pgURL := pg.CreateDB(t)
	pg.Psql(t, pgURL, dump)
	pgc := mustConnectPG(t, pgURL)
	var pgRows [][][]string
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		rep := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "--report", rep)
		checkTriggerReport(t, rep, map[string]int{"translated": 1, "changed": 3, "skipped": 4})
		my := triggerDB(t, tg)
		if n := queryInt(t, my, "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = 'db'"); n != 5 {
			t.Errorf("Dolt has %d triggers, want 5 (item_check per event, item_audit, item_gone, tag_lc)", n)
		}
		if pgRows == nil { // PostgreSQL runs the DML once
			for _, q := range dml {
				if _, err := pgc.Exec(context.Background(), q); err != nil {
					t.Fatalf("PostgreSQL: %s: %v", q, err)
				}
			}
			if _, err := pgc.Exec(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "qty must not be negative") {
				t.Errorf("PostgreSQL: %s: %v, want qty must not be negative", bad, err)
			}
			for _, q := range queries {
				pgRows = append(pgRows, pg.Query(t, pgURL, q))
			}
		}
		for _, q := range dml {
			if _, err := my.Exec(q); err != nil {
				t.Fatalf("Dolt: %s: %v", q, err)
			}
		}
		if _, err := my.Exec(bad); err == nil || !strings.Contains(err.Error(), "qty must not be negative") {
			t.Errorf("Dolt: %s: %v, want qty must not be negative", bad, err)
		}
		for i, q := range queries {
			got := rowsText(t, my, q)
			if fmt.Sprint(got) != fmt.Sprint(pgRows[i]) {
				t.Errorf("%s:\nDolt       %v\nPostgreSQL %v", q, got, pgRows[i])
			}
		}
	})
}
