//go:build !noembed

package loader_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pgcopy/pgcopy/internal/diag"
	"github.com/pgcopy/pgcopy/internal/dump"
	"github.com/pgcopy/pgcopy/loader"
	"github.com/pgcopy/pgcopy/translate/schema"
)

// TestBulkPathIsUsed checks that the embedded target takes rows as Go
// values and writes them through the engine (loader/bulk.go reaches the
// engine through dolthub/driver's unexported fields: a driver upgrade that
// changes them fails here), that the values arrive exactly, that a bad row
// is isolated with its dump position, and that a rejected batch leaves no
// partial rows behind.
func TestBulkPathIsUsed(t *testing.T) {
	ctx := context.Background()
	tgt, err := loader.Open(ctx, filepath.Join(t.TempDir(), "db"), loader.Options{Author: "pgcopy test <test@localhost>"})
	if err != nil {
		t.Fatal(err)
	}
	defer tgt.Close()
	if err := tgt.Exec(ctx, "CREATE TABLE t (id bigint unsigned PRIMARY KEY, s varchar(5), d datetime(6), b varbinary(4), j json, x decimal(40,10))"); err != nil {
		t.Fatal(err)
	}
	tb := &schema.Table{Name: "t", PG: schema.Name{Schema: "public", Name: "t"}}
	cols := []string{"id", "s", "d", "b", "j", "x"}
	if err := tgt.Begin(ctx); err != nil {
		t.Fatal(err)
	}
	in := tgt.Inserter(tb, cols)
	if !in.Bulk() {
		t.Fatal("the embedded target's Inserter does not take Go values")
	}
	rows := [][]any{
		{int64(1), "it's", "2020-02-29 23:59:59.123456", []byte{0, 0xff, '\\', '\''}, `{"a": [1, "x"]}`, "123456789012345678901234567890.0123456789"},
		{int64(2), nil, nil, nil, nil, nil},
		{uint64(1 << 63), "ü€", "1000-01-01 00:00:00", []byte{}, `null`, "-0.5"},
	}
	for i, r := range rows {
		vals := append(in.NextRow(), r...)
		if err := in.AddRow(ctx, vals, dump.Pos{File: "x.sql", Line: 10 + i}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if in.Written != 3 {
		t.Errorf("Written = %d, want 3", in.Written)
	}
	// A batch with a value too long for varchar(5) in its second row: the
	// error names that row's dump line, and the first row, in the same
	// batch, is written alone.
	for i, r := range [][]any{{int64(4), "ok", nil, nil, nil, nil}, {int64(5), "toolong", nil, nil, nil, nil}} {
		if err := in.AddRow(ctx, append(in.NextRow(), r...), dump.Pos{File: "x.sql", Line: 20 + i}, nil); err != nil {
			t.Fatal(err)
		}
	}
	err = in.Flush(ctx)
	var de *diag.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "x.sql:21") {
		t.Fatalf("bad row: got %v, want an error naming x.sql:21", err)
	}
	if err := tgt.CommitTx(ctx); err != nil {
		t.Fatal(err)
	}
	got := queryAll(t, tgt, "SELECT id, COALESCE(s,'-'), COALESCE(DATE_FORMAT(d, '%Y-%m-%d %H:%i:%s.%f'),'-'), COALESCE(HEX(b),'-'), COALESCE(CAST(j AS CHAR),'-'), COALESCE(CAST(x AS CHAR),'-') FROM t ORDER BY id")
	want := []string{
		"1|it's|2020-02-29 23:59:59.123456|00FF5C27|{\"a\": [1, \"x\"]}|123456789012345678901234567890.0123456789",
		"2|-|-|-|-|-",
		"4|ok|-|-|-|-",
		"9223372036854775808|ü€|1000-01-01 00:00:00.000000||null|-0.5000000000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func queryAll(t *testing.T, tgt *loader.Target, q string) []string {
	t.Helper()
	rows, err := tgt.Conn().QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(vals, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSetAutoIncrement: after a split load, the AUTO_INCREMENT counter is
// what a one-session load leaves, the larger of the sequence's next value
// and MAX(id)+1. (A counter below MAX(id)+1, which a merge of parts can
// leave on Dolt 1.83, cannot be made with ALTER TABLE, which Dolt clamps;
// TestCopyJobs covers that case through dolt_hashof_table.)
func TestSetAutoIncrement(t *testing.T) {
	ctx := context.Background()
	tgt, err := loader.Open(ctx, filepath.Join(t.TempDir(), "db"), loader.Options{Author: "pgcopy test <test@localhost>"})
	if err != nil {
		t.Fatal(err)
	}
	defer tgt.Close()
	for _, q := range []string{
		"CREATE TABLE a (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int)",
		"CREATE TABLE b (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int)",
		"INSERT INTO a (id, v) VALUES (1, 1), (40, 2)",
		"INSERT INTO b (id, v) VALUES (1, 1), (40, 2)",
	} {
		if err := tgt.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, tc := range []struct {
		name string
		seq  int64 // the sequence's next value
		want string
	}{{"a", 30, "41"}, {"b", 100, "100"}} {
		tb := &schema.Table{Name: tc.name, AutoIncrement: tc.seq, Columns: []*schema.Column{{Name: "id", AutoIncrement: true}, {Name: "v"}}}
		if err := tgt.SetAutoIncrement(ctx, tb); err != nil {
			t.Fatal(err)
		}
		got := queryAll(t, tgt, "SELECT AUTO_INCREMENT FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '"+tc.name+"'")
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("table %s: AUTO_INCREMENT %v, want %s", tc.name, got, tc.want)
		}
	}
}
