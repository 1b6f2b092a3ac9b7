package replication_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/replication"
	"github.com/pgcopy/pgcopy/internal/testenv"
)

func renderTuple(kind byte, tup replication.Tuple) string {
	parts := make([]string, len(tup))
	for i, v := range tup {
		switch v.Kind {
		case replication.Null:
			parts[i] = "NULL"
		case replication.Unchanged:
			parts[i] = "UNCHANGED"
		default:
			if len(v.Text) > 40 {
				parts[i] = fmt.Sprintf("<%d bytes>", len(v.Text))
			} else {
				parts[i] = "'" + v.Text + "'"
			}
		}
	}
	k := ""
	if kind != 0 {
		k = string(kind)
	}
	return k + "(" + strings.Join(parts, ", ") + ")"
}

// collect reads events until n commits and returns the changes rendered
// (Relation, Type and Keepalive left out), the Begins and the Commits.
func collect(t *testing.T, st *replication.Stream, n int) (changes []string, begins []*replication.Begin, commits []*replication.Commit, rels map[string]*replication.Relation) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rels = map[string]*replication.Relation{}
	for len(commits) < n {
		ev, err := st.Next(ctx)
		if err != nil {
			t.Fatalf("Next after %d commits: %v\nso far: %q", len(commits), err, changes)
		}
		switch e := ev.(type) {
		case *replication.Relation:
			rels[e.QualifiedName()] = e
		case *replication.Begin:
			begins = append(begins, e)
			changes = append(changes, "BEGIN")
		case *replication.Commit:
			commits = append(commits, e)
			changes = append(changes, "COMMIT")
		case *replication.Insert:
			changes = append(changes, "INSERT "+e.Rel.QualifiedName()+" "+renderTuple(0, e.New))
		case *replication.Update:
			s := "UPDATE " + e.Rel.QualifiedName()
			if e.Old != nil {
				s += " old " + renderTuple(e.OldKind, e.Old)
			}
			changes = append(changes, s+" new "+renderTuple(0, e.New))
		case *replication.Delete:
			changes = append(changes, "DELETE "+e.Rel.QualifiedName()+" "+renderTuple(e.OldKind, e.Old))
		case *replication.Truncate:
			var names []string
			for _, r := range e.Rels {
				names = append(names, r.QualifiedName())
			}
			changes = append(changes, "TRUNCATE "+strings.Join(names, ", "))
		}
	}
	return changes, begins, commits, rels
}

func TestReplicationSnapshotAndStream(t *testing.T) {
	pg := testenv.Postgres(t)
	dbName, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, `
		CREATE TYPE mood AS ENUM ('sad', 'happy');
		CREATE TABLE items (id int PRIMARY KEY, label text, n numeric, m mood);
		CREATE TABLE pairs (a int, b text, v jsonb, PRIMARY KEY (a, b));
		CREATE TABLE keyless (x int, y text);
		ALTER TABLE keyless REPLICA IDENTITY FULL;
		CREATE TABLE docs (id int PRIMARY KEY, big text, counter int);
		ALTER TABLE docs ALTER big SET STORAGE EXTERNAL;
		INSERT INTO items VALUES (1, 'a', 1.5, 'sad'), (2, 'b', NULL, 'happy');
		INSERT INTO docs VALUES (1, repeat('x', 100000), 0);`)
	ctx := context.Background()
	src, err := replication.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	tables := []replication.Table{{Schema: "public", Name: "items"}, {Schema: "public", Name: "pairs"}, {Schema: "public", Name: "keyless"}, {Schema: "public", Name: "docs"}}
	if err := src.Check(ctx, tables); err != nil {
		t.Fatal(err)
	}
	if res, err := src.EnsurePublication(ctx, "pgcopy_test", tables); err != nil || !res.Created {
		t.Fatalf("EnsurePublication = %+v, %v; want created", res, err)
	}
	if res, err := src.EnsurePublication(ctx, "pgcopy_test", tables); err != nil || res.Created || len(res.Added) != 0 {
		t.Fatalf("EnsurePublication again = %+v, %v; want reused as is", res, err)
	}
	slot := dbName // unique in the cluster, [a-z0-9_]
	snap, err := src.CreateSlot(ctx, slot)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		snap.Close()
		if err := src.DropSlot(context.Background(), slot); err != nil {
			t.Errorf("DropSlot: %v", err)
		}
	})
	if snap.ConsistentPoint == 0 || snap.Name == "" {
		t.Fatalf("snapshot = %+v", snap)
	}

	pg.Exec(t, dbURL, `INSERT INTO items VALUES (3, 'c', 3, 'sad')`) // T1, after the consistent point

	// The exported snapshot shows exactly the rows before the consistent point.
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "SET TRANSACTION SNAPSHOT '"+snap.Name+"'"); err != nil {
		t.Fatalf("SET TRANSACTION SNAPSHOT %s: %v", snap.Name, err)
	}
	var ids []int32
	rows, _ := tx.Query(ctx, "SELECT id FROM items ORDER BY id")
	ids, err = pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil || !reflect.DeepEqual(ids, []int32{1, 2}) {
		t.Fatalf("items in the exported snapshot = %v, %v; want [1 2]", ids, err)
	}
	tx.Rollback(ctx)

	before := pg.Query(t, dbURL, "SELECT clock_timestamp()")[0][0]
	pg.Exec(t, dbURL, `UPDATE items SET label = 'b2' WHERE id = 2; UPDATE items SET id = 20 WHERE id = 1`)                                                                                     // T2
	pg.Exec(t, dbURL, `DELETE FROM items WHERE id = 3`)                                                                                                                                        // T3
	pg.Exec(t, dbURL, `INSERT INTO keyless VALUES (1, 'a'), (2, 'b'), (2, 'b'); UPDATE keyless SET y = 'c' WHERE x = 1; DELETE FROM keyless WHERE x = 2`)                                      // T4
	pg.Exec(t, dbURL, `UPDATE docs SET counter = counter + 1 WHERE id = 1`)                                                                                                                    // T5
	pg.Exec(t, dbURL, `INSERT INTO pairs VALUES (1, 'x', '{"k": [1, 2]}'), (1, 'y', NULL); UPDATE pairs SET b = 'z', v = '{"k": 3}' WHERE a = 1 AND b = 'x'; DELETE FROM pairs WHERE b = 'y'`) // T6
	pg.Exec(t, dbURL, `TRUNCATE keyless, pairs`)                                                                                                                                               // T7
	pg.Exec(t, dbURL, `UPDATE docs SET big = big || 'y' WHERE id = 1`)                                                                                                                         // T8
	after := pg.Query(t, dbURL, "SELECT clock_timestamp()")[0][0]

	st, err := snap.Stream(ctx, replication.StreamOptions{Publication: "pgcopy_test"})
	if err != nil {
		t.Fatal(err)
	}
	got, begins, commits, rels := collect(t, st, 8)
	want := []string{
		"BEGIN", "INSERT public.items ('3', 'c', '3', 'sad')", "COMMIT",
		"BEGIN", "UPDATE public.items new ('2', 'b2', NULL, 'happy')", "UPDATE public.items old K('1', NULL, NULL, NULL) new ('20', 'a', '1.5', 'sad')", "COMMIT",
		"BEGIN", "DELETE public.items K('3', NULL, NULL, NULL)", "COMMIT",
		"BEGIN", "INSERT public.keyless ('1', 'a')", "INSERT public.keyless ('2', 'b')", "INSERT public.keyless ('2', 'b')",
		"UPDATE public.keyless old O('1', 'a') new ('1', 'c')", "DELETE public.keyless O('2', 'b')", "DELETE public.keyless O('2', 'b')", "COMMIT",
		"BEGIN", "UPDATE public.docs new ('1', UNCHANGED, '1')", "COMMIT",
		"BEGIN", `INSERT public.pairs ('1', 'x', '{"k": [1, 2]}')`, "INSERT public.pairs ('1', 'y', NULL)",
		`UPDATE public.pairs old K('1', 'x', NULL) new ('1', 'z', '{"k": 3}')`, "DELETE public.pairs K('1', 'y', NULL)", "COMMIT",
		"BEGIN", "TRUNCATE public.keyless, public.pairs", "COMMIT",
		"BEGIN", "UPDATE public.docs new ('1', <100001 bytes>, '1')", "COMMIT",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded events:\n got %q\nwant %q", got, want)
	}
	items := rels["public.items"]
	wantCols := []replication.Column{{Name: "id", TypeOID: 23, TypeMod: -1, Key: true}, {Name: "label", TypeOID: 25, TypeMod: -1}, {Name: "n", TypeOID: 1700, TypeMod: -1}}
	if items == nil || items.ReplicaIdentity != 'd' || !reflect.DeepEqual(items.Columns[:3], wantCols) || items.Columns[3].Name != "m" {
		t.Errorf("Relation public.items = %+v", items)
	}
	if k := rels["public.keyless"]; k == nil || k.ReplicaIdentity != 'f' || !k.Columns[0].Key || !k.Columns[1].Key {
		t.Errorf("Relation public.keyless = %+v; want REPLICA IDENTITY FULL, every column Key", k)
	}
	t0, _ := time.Parse("2006-01-02 15:04:05.999999-07", before)
	t1, _ := time.Parse("2006-01-02 15:04:05.999999-07", after)
	prev := snap.ConsistentPoint
	for i, c := range commits {
		b := begins[i]
		if b.CommitLSN != c.CommitLSN || c.EndLSN <= c.CommitLSN || c.CommitLSN < prev || !b.CommitTime.Equal(c.CommitTime) {
			t.Errorf("transaction %d: begin %+v commit %+v after %s", i+1, b, c, prev)
		}
		if i > 0 && (c.CommitTime.Before(t0) || c.CommitTime.After(t1)) {
			t.Errorf("transaction %d: commit time %s not between %s and %s", i+1, c.CommitTime, t0, t1)
		}
		prev = c.EndLSN
	}

	// Confirm T3 and stop: the slot's confirmed_flush_lsn is T3's end, and a
	// new stream (from the slot, or from an older LSN) starts with T4.
	st.Confirm(commits[2].EndLSN)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	state, err := src.Slot(ctx, slot)
	if err != nil || state.Active || state.ConfirmedFlush != commits[2].EndLSN {
		t.Fatalf("slot after Close = %+v, %v; want inactive, confirmed_flush_lsn %s", state, err, commits[2].EndLSN)
	}
	wantFrom := func(txn int) []string { // the changes from transaction txn (1-based) on
		n := 0
		for i, s := range want {
			if s == "BEGIN" {
				n++
				if n == txn {
					return want[i:]
				}
			}
		}
		return nil
	}
	for _, start := range []replication.LSN{0, snap.ConsistentPoint} {
		st2, err := src.Stream(ctx, replication.StreamOptions{Slot: slot, Publication: "pgcopy_test", Start: start})
		if err != nil {
			t.Fatal(err)
		}
		got2, begins2, _, _ := collect(t, st2, 5)
		st2.Close()
		if !reflect.DeepEqual(got2, wantFrom(4)) || begins2[0].CommitLSN != begins[3].CommitLSN {
			t.Errorf("stream from %s after confirming T3:\n got %q\nwant %q", start, got2, wantFrom(4))
		}
	}
	st3, err := src.Stream(ctx, replication.StreamOptions{Slot: slot, Publication: "pgcopy_test", Start: commits[5].EndLSN})
	if err != nil {
		t.Fatal(err)
	}
	got3, _, _, _ := collect(t, st3, 2)
	if !reflect.DeepEqual(got3, wantFrom(7)) {
		t.Errorf("stream from T6's end:\n got %q\nwant %q", got3, wantFrom(7))
	}

	// While st3 streams, the slot is held: a second follower gets an error
	// naming the slot and the walsender's pid.
	held, err := src.Slot(ctx, slot)
	if err != nil || !held.Active {
		t.Fatalf("slot while streaming = %+v, %v", held, err)
	}
	_, err = src.Stream(ctx, replication.StreamOptions{Slot: slot, Publication: "pgcopy_test"})
	var de *diag.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), fmt.Sprintf("replication slot %q", slot)) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", held.ActivePID)) || de.Hint == "" {
		t.Errorf("second stream on a held slot: %v", err)
	}
	st3.Close()
}

func TestReplicationCheckErrors(t *testing.T) {
	pg := testenv.Postgres(t)
	_, dbURL := pg.CreateDB(t)
	pg.Exec(t, dbURL, `CREATE TABLE nokey (x int); CREATE TABLE nothing (id int PRIMARY KEY); ALTER TABLE nothing REPLICA IDENTITY NOTHING;`)
	ctx := context.Background()
	src, err := replication.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for _, tc := range []struct{ table, msg string }{
		{"nokey", "no primary key and REPLICA IDENTITY DEFAULT"},
		{"nothing", "REPLICA IDENTITY NOTHING"},
	} {
		err := src.Check(ctx, []replication.Table{{Schema: "public", Name: tc.table}})
		var de *diag.Error
		if !errors.As(err, &de) || de.Table != "public."+tc.table || !strings.Contains(err.Error(), tc.msg) ||
			!strings.Contains(de.Hint, `ALTER TABLE "public"."`+tc.table+`" REPLICA IDENTITY FULL;`) {
			t.Errorf("Check(%s) = %v (hint %q)", tc.table, err, diag.HintOf(err))
		}
	}
	if _, err := src.Stream(ctx, replication.StreamOptions{Slot: "no_such_slot_x", Publication: "p"}); err == nil || !strings.Contains(err.Error(), `replication slot "no_such_slot_x" does not exist`) {
		t.Errorf("Stream on a missing slot: %v", err)
	}
}
