package testenv_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pgcopy/pgcopy/internal/testenv"
)

func TestEnvPostgres(t *testing.T) {
	pg := testenv.Postgres(t)
	name, dbURL := pg.CreateDB(t)
	if !strings.HasPrefix(name, "t_testenvpostgres_") || len(name) > 63 {
		t.Errorf("CreateDB name = %q, want t_testenvpostgres_<random>, at most 63 bytes", name)
	}

	pg.Exec(t, dbURL, `
		CREATE TABLE items (id int PRIMARY KEY, label text, price numeric(6,2));
		INSERT INTO items VALUES (1, 'apple', 1.50), (2, NULL, 20);`)

	sqlFile := filepath.Join(t.TempDir(), "more.sql")
	if err := os.WriteFile(sqlFile, []byte("INSERT INTO items VALUES (3, 'tab\there', NULL);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pg.Psql(t, dbURL, sqlFile)

	got := pg.Query(t, dbURL, `SELECT id, label, price, current_database() FROM items ORDER BY id`)
	want := [][]string{
		{"1", "apple", "1.50", name},
		{"2", testenv.NullMarker, "20.00", name},
		{"3", "tab\there", testenv.NullMarker, name},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Query = %q, want %q", got, want)
	}
	if got := pg.Query(t, dbURL, `SELECT 1 WHERE false`); len(got) != 0 {
		t.Errorf("empty Query = %q, want no rows", got)
	}

	dump := filepath.Join(t.TempDir(), "dump.sql")
	pg.Dump(t, dbURL, dump, "--no-owner")
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"CREATE TABLE public.items", "COPY public.items"} {
		if !strings.Contains(string(b), s) {
			t.Errorf("pg_dump output lacks %q", s)
		}
	}
}

func TestEnvDolt(t *testing.T) {
	root := t.TempDir()
	db := filepath.Join(root, "envdb")
	if err := os.Mkdir(db, 0o755); err != nil {
		t.Fatal(err)
	}
	testenv.Dolt(t, db, "init")
	testenv.Dolt(t, db, "sql", "-q", "CREATE TABLE t (id int PRIMARY KEY, v varchar(20)); INSERT INTO t VALUES (1, 'one,1'), (2, 'two')")
	testenv.Dolt(t, db, "commit", "-A", "-m", "add t")

	got := testenv.DoltQuery(t, db, "SELECT id, v FROM t ORDER BY id")
	want := [][]string{{"1", "one,1"}, {"2", "two"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DoltQuery = %q, want %q", got, want)
	}

	// Serve the parent directory: every database below it is served by name.
	dsn := testenv.DoltServer(t, root)
	conn, err := sql.Open("mysql", dsn+"envdb")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var one int
	if err := conn.QueryRow("select 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("select 1 over %s = %d, %v", dsn, one, err)
	}
	var n int
	if err := conn.QueryRow("select count(*) from t").Scan(&n); err != nil || n != 2 {
		t.Fatalf("select count(*) from t over %s = %d, %v; want 2", dsn, n, err)
	}
}

func TestEnvRepoRoot(t *testing.T) {
	root := testenv.RepoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("RepoRoot = %s without go.mod: %v", root, err)
	}
	if p := testenv.Testdata(t, "."); p != filepath.Join(root, "testdata") {
		t.Errorf("Testdata(.) = %s", p)
	}
	if p := testenv.FreePort(t); p <= 0 || p > 65535 {
		t.Errorf("FreePort = %d", p)
	}
}

// TestEnvLogicalReplication checks what `pgcopy follow` needs from the
// cluster of scripts/test.sh: wal_level=logical, room for slots and WAL
// senders, and a replication connection (replication=database) accepted for
// the test user by pg_hba.conf.
func TestEnvLogicalReplication(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	got := pg.Query(t, dbURL, `SELECT current_setting('wal_level'), current_setting('max_replication_slots')::int >= 4, current_setting('max_wal_senders')::int >= 4`)
	if want := [][]string{{"logical", "t", "t"}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("wal_level, max_replication_slots >= 4, max_wal_senders >= 4 = %q, want %q", got, want)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgconn.Connect(ctx, testenv.ReplicationURL(t, dbURL))
	if err != nil {
		t.Fatalf("replication connection: %v", err)
	}
	defer conn.Close(context.Background())
	res, err := conn.Exec(ctx, "IDENTIFY_SYSTEM").ReadAll()
	if err != nil {
		t.Fatalf("IDENTIFY_SYSTEM: %v", err)
	}
	if len(res) != 1 || len(res[0].Rows) != 1 || len(res[0].Rows[0]) != 4 {
		t.Fatalf("IDENTIFY_SYSTEM returned %d results, want 1 row of 4 columns (systemid, timeline, xlogpos, dbname)", len(res))
	}
	if db := string(res[0].Rows[0][3]); !strings.HasPrefix(db, "t_testenvlogicalreplication_") {
		t.Errorf("IDENTIFY_SYSTEM dbname = %q, want the test database", db)
	}
}
