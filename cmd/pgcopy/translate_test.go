package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestTranslateMatchesCopy: `pgcopy translate` piped into `dolt sql` on an
// empty database gives the same tables, with the same dolt_hashof_table,
// as `pgcopy copy`; and its foreign keys are resolved once committed.
func TestTranslateMatchesCopy(t *testing.T) {
	for _, name := range []string{"pagila/pagila.sql", "chinook/chinook.sql", "chinook/chinook-column-inserts.sql"} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			dump := testenv.Testdata(t, name)
			dir := t.TempDir()
			copied := filepath.Join(dir, "copied")
			copyOK(t, dump, copied, "-q")

			script := filepath.Join(dir, "out.sql")
			if code, _, errOut := pgcopyRun(t, "translate", "--dump", dump, "-o", script, "-q"); code != 0 {
				t.Fatalf("pgcopy translate exited %d: %s", code, errOut)
			}
			// The script sets the load's session state (loader.SessionSettings).
			text, err := os.ReadFile(script)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"SET FOREIGN_KEY_CHECKS=0;\n", "SET UNIQUE_CHECKS=1;\n", "SET time_zone='+00:00';\n",
				"SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO');\n"} {
				if !strings.Contains(string(text), want) {
					t.Errorf("the script lacks %q", want)
				}
			}
			replay := filepath.Join(dir, "replay")
			os.MkdirAll(replay, 0o755)
			testenv.Dolt(t, replay, "init")
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
			testenv.Dolt(t, replay, "add", "-A")
			testenv.Dolt(t, replay, "commit", "-m", "replayed")

			q := "SELECT table_name, dolt_hashof_table(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1"
			a, b := testenv.DoltQuery(t, copied, q), testenv.DoltQuery(t, replay, q)
			if len(a) == 0 || len(a) != len(b) {
				t.Fatalf("tables differ: copy %v, translate %v", a, b)
			}
			for i := range a {
				if a[i][0] != b[i][0] || a[i][1] != b[i][1] {
					t.Errorf("table %s: copy hash %s, translate hash %s (%s)", a[i][0], a[i][1], b[i][1], b[i][0])
				}
			}
			// the script creates the same triggers (DELIMITER // blocks)
			tq := "SELECT trigger_name, event_object_table, action_timing, event_manipulation, action_statement FROM information_schema.triggers WHERE trigger_schema = DATABASE() ORDER BY 1"
			if ta, tb := testenv.DoltQuery(t, copied, tq), testenv.DoltQuery(t, replay, tq); fmt.Sprint(ta) != fmt.Sprint(tb) {
				t.Errorf("triggers differ:\ncopy      %v\ntranslate %v", ta, tb)
			} else if name == "pagila/pagila.sql" && len(ta) != 14 {
				t.Errorf("pagila: %d triggers, want 14", len(ta))
			}
			checkFKsResolved(t, replay)
		})
	}
}

// TestSummary: the end-of-run summary fits one screen on pagila and fnb,
// lists the skipped objects before the tables and the changed objects,
// and groups repeated notes into one line with a count; --verbose lists
// every object (issue 12, item 11).
func TestSummary(t *testing.T) {
	for _, tc := range []struct {
		dump  string
		lines int
	}{{"pagila/pagila.sql", 40}, {"fnb/fnb.sql", 40}, {"lago/structure.sql", 50}} {
		dump := testenv.Testdata(t, tc.dump)
		code, _, sum := pgcopyRun(t, "translate", "--dump", dump, "-o", os.DevNull)
		if code != 0 {
			t.Fatalf("translate %s: exit %d\n%s", tc.dump, code, sum)
		}
		n := strings.Count(sum, "\n")
		sk, tb, ch := strings.Index(sum, "\nskipped ("), strings.Index(sum, "\ntables: "), strings.Index(sum, "\nchanged (")
		if n > tc.lines || sk < 0 || tb < sk || ch < tb {
			t.Errorf("%s: summary of %d lines (at most %d), skipped at %d, tables at %d, changed at %d:\n%s", tc.dump, n, tc.lines, sk, tb, ch, sum)
		}
		t.Logf("%s: summary of %d lines", tc.dump, n)
		if tc.dump == "pagila/pagila.sql" {
			for _, want := range []string{
				"column         timestamp with time zone stored as datetime in UTC: 17 (public.customer.last_update, public.actor.last_update, public.category.last_update, ... and 14 more)",
				"trigger        film_fulltext_trigger on public.film: it runs tsvector_update_trigger()",
				"rental 16044",
			} {
				if !strings.Contains(sum, want) {
					t.Errorf("pagila summary lacks %q:\n%s", want, sum)
				}
			}
			_, _, verbose := pgcopyRun(t, "translate", "--dump", dump, "-o", os.DevNull, "--verbose")
			if n := strings.Count(verbose, "\n"); n < 130 || !strings.Contains(verbose, "film_fulltext_trigger on public.film") {
				t.Errorf("--verbose summary of %d lines:\n%s", n, verbose)
			}
		}
	}
}
