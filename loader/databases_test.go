package loader

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishDatabases runs the work-branch cycle over three databases of
// the real embedded Dolt engine: a load in every database publishes all
// of them; when another session commits to one database's branch during
// the next load, Publish publishes none (every branch stays where it was)
// and Abandon removes every work branch.
func TestPublishDatabases(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "shop")
	tg, err := Open(ctx, dir, Options{Author: "test <test@example.com>"})
	if err != nil {
		t.Fatal(err)
	}
	defer tg.Close()
	if err := tg.AddDatabases(ctx, []string{"shop_auth", "shop_billing"}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tg.Databases(), ","); got != "shop,shop_auth,shop_billing" {
		t.Fatalf("databases %s", got)
	}
	exec := func(q string) {
		t.Helper()
		if _, err := tg.conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	head := func(db, branch string) string {
		t.Helper()
		var h string
		if err := tg.conn.QueryRowContext(ctx, "SELECT commit_hash FROM `"+db+"/"+branch+"`.dolt_log LIMIT 1").Scan(&h); err != nil {
			t.Fatalf("head of %s/%s: %v", db, branch, err)
		}
		return h
	}
	load := func(n string) {
		t.Helper()
		if err := tg.StartWork(ctx, "main"); err != nil {
			t.Fatal(err)
		}
		if err := tg.PrepareAll(ctx); err != nil {
			t.Fatal(err)
		}
		for _, db := range tg.Databases() {
			exec("CREATE TABLE `" + db + "`.t (id int PRIMARY KEY)")
			exec("INSERT INTO `" + db + "`.t VALUES (" + n + ")")
		}
		for _, db := range tg.Databases() {
			if err := tg.Use(ctx, db); err != nil {
				t.Fatal(err)
			}
			if _, changed, err := tg.Commit(ctx, CommitOptions{Message: "load " + n, Author: "test <test@example.com>"}); err != nil || !changed {
				t.Fatalf("commit %s: %v %v", db, changed, err)
			}
		}
	}
	load("1")
	if err := tg.Publish(ctx); err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, db := range tg.Databases() {
		before[db] = head(db, "main")
	}

	load("2")
	// another session commits to shop_auth's main in the meantime
	tg.db.SetMaxOpenConns(0) // the embedded target allows one connection, pinned
	other, err := tg.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"USE shop_auth", "CALL DOLT_COMMIT('--allow-empty', '-m', 'someone else')"} {
		if _, err := other.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	other.Close()
	moved := head("shop_auth", "main")
	err = tg.Publish(ctx)
	if err == nil || !strings.Contains(err.Error(), "the branch moved during the copy (another writer?): branch main of database shop_auth") || !strings.Contains(err.Error(), "nothing was published") {
		t.Fatalf("Publish after a concurrent commit: %v", err)
	}
	if err := tg.Abandon(); err != nil {
		t.Fatal(err)
	}
	for _, db := range tg.Databases() {
		want := before[db]
		if db == "shop_auth" {
			want = moved
		}
		if got := head(db, "main"); got != want {
			t.Errorf("%s main moved to %s, want %s", db, got, want)
		}
		var n int
		if err := tg.conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM `"+db+"`.dolt_branches").Scan(&n); err != nil || n != 1 {
			t.Errorf("%s has %d branches after Abandon (%v), want only main", db, n, err)
		}
	}
}
