package loader

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublishBranchMoved runs a load on the real embedded engine and, while
// its commit waits for Publish, moves the branch from another session of
// the same engine (the only other writer an embedded target can have):
// a commit on top, a reset to an ancestor of the run's start (a plain
// --ff-only merge would accept it), a reset to a diverged commit, the
// branch deleted. Publish must fail with ErrBranchMoved and "nothing was
// published", and the branch must stay where the other session put it.
func TestPublishBranchMoved(t *testing.T) {
	for _, move := range []string{"forward", "back", "unrelated", "deleted"} {
		t.Run(move, func(t *testing.T) {
			ctx := context.Background()
			tg, err := Open(ctx, filepath.Join(t.TempDir(), "shop"), Options{Author: "test <test@example.com>"})
			if err != nil {
				t.Fatal(err)
			}
			defer tg.Close()
			load := func(n string) {
				t.Helper()
				if err := tg.StartWork(ctx, "nightly"); err != nil {
					t.Fatal(err)
				}
				if err := tg.PrepareAll(ctx); err != nil {
					t.Fatal(err)
				}
				for _, q := range []string{"CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (" + n + ")"} {
					if _, err := tg.conn.ExecContext(ctx, q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
				if _, changed, err := tg.Commit(ctx, CommitOptions{Message: "load " + n, Author: "test <test@example.com>"}); err != nil || !changed {
					t.Fatalf("commit %s: %v %v", n, changed, err)
				}
			}
			for _, n := range []string{"1", "2"} {
				load(n)
				if err := tg.Publish(ctx); err != nil {
					t.Fatal(err)
				}
			}
			load("3")
			tg.db.SetMaxOpenConns(0) // the embedded target allows one connection, pinned
			other, err := tg.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			qs := map[string][]string{
				"forward": {"CALL DOLT_CHECKOUT('nightly')", "CALL DOLT_COMMIT('--allow-empty', '-m', 'someone else')"},
				"back":    {"CALL DOLT_CHECKOUT('nightly')", "CALL DOLT_RESET('--hard', 'HEAD~1')"},
				"unrelated": {"CALL DOLT_BRANCH('side', 'nightly~1')", "CALL DOLT_CHECKOUT('side')",
					"CALL DOLT_COMMIT('--allow-empty', '-m', 'diverged')", "CALL DOLT_CHECKOUT('nightly')", "CALL DOLT_RESET('--hard', 'side')"},
				"deleted": {"CALL DOLT_BRANCH('-D', 'nightly')"},
			}[move]
			for _, q := range append([]string{"USE shop"}, qs...) {
				if _, err := other.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if _, err := other.ExecContext(ctx, "CALL DOLT_CHECKOUT('main')"); err != nil {
				t.Fatal(err)
			}
			head := func() string {
				t.Helper()
				var h string
				if err := other.QueryRowContext(ctx, "SELECT hash FROM shop.dolt_branches WHERE name = 'nightly'").Scan(&h); err != nil && err != sql.ErrNoRows {
					t.Fatal(err)
				}
				return h
			}
			moved := head()
			err = tg.Publish(ctx)
			if !errors.Is(err, ErrBranchMoved) || !strings.Contains(err.Error(), "nothing was published") {
				t.Fatalf("Publish after the branch moved (%s): %v", move, err)
			}
			t.Logf("%s: %v", move, err)
			tg.Abandon()
			if got := head(); got != moved {
				t.Errorf("nightly is %q, want the other session's %q", got, moved)
			}
		})
	}
}
