package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXExtensionTable copies a dump holding COPY data for vault.secrets,
// a table the supabase_vault extension creates (CREATE EXTENSION ... WITH
// SCHEMA vault), with no CREATE TABLE for it. The dump,
// testdata/extension-table.sql, is handwritten: no extension of the
// PostgreSQL 15 contrib here creates a configuration table
// (pg_extension_config_dump), so no real pg_dump can produce one; the file
// mirrors pg_dump 15's plain format line by line (TOC comments, SET
// prelude, COPY blocks) as a Supabase dump writes it. The table's rows are
// skipped and reported with the extension and the row count; the other
// tables are copied, on both targets. Without the CREATE EXTENSION the same
// data stays an error.
func TestXExtensionTable(t *testing.T) {
	dump, err := filepath.Abs("testdata/extension-table.sql")
	if err != nil {
		t.Fatal(err)
	}
	eachTarget(t, func(t *testing.T, tg doltTarget) {
		repPath := filepath.Join(t.TempDir(), "report.json")
		copyOK(t, dump, tg.spec, "--report", repPath)
		if got := tg.q("SELECT COUNT(*) FROM notes"); got[0][0] != "3" {
			t.Errorf("notes has %s rows, want 3", got[0][0])
		}
		objs := readReport(t, repPath)
		o := findObject(objs, "TABLE DATA", "vault.secrets")
		if o == nil || o.Action != "skipped" || !strings.Contains(o.Detail, "extension supabase_vault") ||
			!strings.Contains(o.Detail, "2 rows not loaded") || !strings.Contains(o.Where, "extension-table.sql:") {
			t.Errorf("report for vault.secrets: %+v, want skipped with supabase_vault and 2 rows", o)
		}
	})

	// the same data without the CREATE EXTENSION: still an error
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "no-extension.sql")
	text := strings.Replace(string(b), "CREATE EXTENSION IF NOT EXISTS supabase_vault WITH SCHEMA vault;", "", 1)
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := pgcopyRun(t, "copy", "--dump", bad, "--target", filepath.Join(t.TempDir(), "db"))
	if code == 0 || !strings.Contains(errOut, "data for a table the dump never creates") || !strings.Contains(errOut, "vault.secrets") {
		t.Errorf("copy without CREATE EXTENSION exited %d, want the never-created error:\n%s", code, errOut)
	}
}
