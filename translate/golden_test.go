package translate_test

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/dolthub/vitess/go/vt/sqlparser"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/pgcopy/pgcopy/internal/doltparse"
	"github.com/pgcopy/pgcopy/translate"
	"github.com/pgcopy/pgcopy/translate/report"
	"github.com/pgcopy/pgcopy/translate/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// corpus is every real dump in the repository's testdata folder (see
// /work/shared/corpus/MANIFEST.md for what each one exercises), with the
// golden-file base name, and the translate options when not the default.
var corpus = []struct {
	path, name string
	opts       translate.Options
}{
	{path: "pagila/pagila.sql", name: "pagila"},
	{path: "chinook/chinook.sql", name: "chinook"},
	{path: "chinook/chinook-column-inserts.sql", name: "chinook-column-inserts"},
	{path: "northwind/northwind.sql", name: "northwind"},
	{path: "fnb/fnb.sql", name: "fnb"},
	// fnb's 8 schemas as Dolt databases (pgcopy copy --schemas databases --target .../fnb)
	{path: "fnb/fnb.sql", name: "fnb-databases", opts: translate.Options{Schemas: translate.SchemasDatabases, Database: "fnb"}},
	{path: "openstreetmap/structure.sql", name: "openstreetmap"},
	{path: "danbooru/structure.sql", name: "danbooru"},
	{path: "lago/structure.sql", name: "lago"},
	{path: "sanbase2/structure.sql", name: "sanbase2"},
	{path: "roboflow/schema.sql", name: "roboflow"},
}

// pass1 runs the translator's first pass over a corpus file the way the
// pipeline does (statements, then measuring the rows) and returns the schema, the report and Finish's error.
func pass1(t *testing.T, path string, opts translate.Options) (*schema.Database, *report.Report, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := translate.ReadSchema(f, path, translate.ReadOptions{Translate: opts})
	if err != nil && res.DB == nil {
		t.Fatal(err)
	}
	return res.DB, res.Report, err
}

// TestCorpusFinish: every corpus file translates with no error.
func TestCorpusFinish(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := pass1(t, c.path, c.opts)
			if err != nil {
				t.Errorf("Finish:\n%v", err)
			}
		})
	}
}

// TestGolden compares the DDL and the report of every corpus file with
// testdata/golden/<name>.ddl.sql and <name>.report.txt; -update rewrites
// them.
func TestGolden(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			db, rep, err := pass1(t, c.path, c.opts)
			if err != nil {
				t.Fatalf("Finish failed (see TestCorpusFinish): %v", err)
			}
			var ddl bytes.Buffer
			cur := ""
			for _, tb := range db.Tables {
				if tb.Database != cur {
					cur = tb.Database
					ddl.WriteString("USE `" + cur + "`;\n\n")
				}
				ddl.WriteString(tb.CreateSQL())
				ddl.WriteString(";\n\n")
			}
			for _, x := range db.CrossFKs {
				fmt.Fprintf(&ddl, "-- not created (foreign key across databases): %s: %s.%s (%s) REFERENCES %s.%s (%s)\n", x.PG, x.Table.Database, x.Table.Name,
					strings.Join(x.FK.Columns, ", "), x.RefDatabase, x.FK.RefTable, strings.Join(x.FK.RefColumns, ", "))
			}
			var rp bytes.Buffer
			rep.WriteGolden(&rp)
			doltparse.Check(t, c.name+".ddl.sql", ddl.Bytes())
			compareGolden(t, filepath.Join("testdata", "golden", c.name+".ddl.sql"), ddl.Bytes())
			compareGolden(t, filepath.Join("testdata", "golden", c.name+".report.txt"), rp.Bytes())
			// triggers (and other routines): a body holds semicolons, so
			// each statement is parsed whole by Dolt's parser
			if len(db.Routines) > 0 {
				var rt bytes.Buffer
				for _, r := range db.Routines {
					if _, err := sqlparser.Parse(r.SQL); err != nil {
						t.Errorf("Dolt's parser rejects %s %s:\n%s\n%v", r.Kind, r.Name, r.SQL, err)
					}
					fmt.Fprintf(&rt, "-- %s\n%s;\n\n", r.PG, r.SQL)
				}
				compareGolden(t, filepath.Join("testdata", "golden", c.name+".routines.sql"), rt.Bytes())
			}
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./translate -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./translate -update to accept):\n%s", path, lineDiff(string(want), string(got), 50))
	}
}

// lineDiff is a unified diff (3 lines of context) of want and got, want
// being "-" and got "+", cut to max lines.
func lineDiff(want, got string, max int) string {
	d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(want), B: difflib.SplitLines(got),
		FromFile: "want", ToFile: "got", Context: 3,
	})
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimSuffix(d, "\n"), "\n")
	if len(lines) > max {
		lines = append(lines[:max], fmt.Sprintf("... (%d more diff lines)", len(lines)-max))
	}
	return strings.Join(lines, "\n")
}
