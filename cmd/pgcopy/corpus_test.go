package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

// TestCopyEveryCorpusFile copies every dump in testdata/, including the
// schema-only application dumps (OpenStreetMap with PostGIS columns,
// Danbooru, Lago, sanbase2 with pgvector, roboflow, fnb), into a fresh Dolt
// database: exit 0, and every table and foreign key of the translated
// schema (the golden DDL in translate/testdata/golden) exists in Dolt.
func TestCopyEveryCorpusFile(t *testing.T) {
	for _, tc := range []struct{ dump, golden string }{
		{"pagila/pagila.sql", "pagila"},
		{"chinook/chinook.sql", "chinook"},
		{"chinook/chinook-column-inserts.sql", "chinook-column-inserts"},
		{"northwind/northwind.sql", "northwind"},
		{"fnb/fnb.sql", "fnb"},
		{"openstreetmap/structure.sql", "openstreetmap"},
		{"danbooru/structure.sql", "danbooru"},
		{"lago/structure.sql", "lago"},
		{"sanbase2/structure.sql", "sanbase2"},
		{"roboflow/schema.sql", "roboflow"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			ddl, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "translate", "testdata", "golden", tc.golden+".ddl.sql"))
			if err != nil {
				t.Fatal(err)
			}
			wantTables := strings.Count(string(ddl), "CREATE TABLE ")
			// materialized views become tables (golden/<name>.views.sql)
			if views, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "translate", "testdata", "golden", tc.golden+".views.sql")); err == nil {
				wantTables += strings.Count(string(views), "CREATE TABLE ")
			}
			wantFKs := strings.Count(string(ddl), " FOREIGN KEY (")
			target := filepath.Join(t.TempDir(), "db")
			copyOK(t, testenv.Testdata(t, tc.dump), target, "-q")
			got := testenv.DoltQuery(t, target, `SELECT
				(SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'),
				(SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE())`)[0]
			if got[0] != strconv.Itoa(wantTables) || got[1] != strconv.Itoa(wantFKs) {
				t.Errorf("Dolt has %s tables and %s foreign keys; the translated schema has %d and %d", got[0], got[1], wantTables, wantFKs)
			}
			t.Logf("%s: %s tables, %s foreign keys", tc.dump, got[0], got[1])
		})
	}
}
