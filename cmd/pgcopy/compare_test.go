package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
)

// pgColumn is a column of a PostgreSQL table as the catalog describes it.
type pgColumn struct {
	name    string
	dataTyp string // information_schema data_type
	udt     string
}

// norm says how a column's values are compared: both sides are fetched as
// text in a comparable form, then normalised in Go.
type norm int

const (
	nText norm = iota
	nNumber
	nJSON
	nFloat
	nTime // HH:MM:SS[.ffffff], compared with 6 fraction digits
)

// compareTable checks that the Dolt table holds exactly the rows of the
// PostgreSQL relation (including the rows of its partitions), value by
// value, independent of row order.
func compareTable(t *testing.T, pgc *pgx.Conn, my *sql.DB, schemaName, table, doltTable string) int {
	t.Helper()
	ctx := context.Background()
	rows, err := pgc.Query(ctx, `SELECT column_name, data_type, udt_name FROM information_schema.columns
		WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, schemaName, table)
	if err != nil {
		t.Fatal(err)
	}
	var cols []pgColumn
	for rows.Next() {
		var c pgColumn
		if err := rows.Scan(&c.name, &c.dataTyp, &c.udt); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	rows.Close()
	if len(cols) == 0 {
		t.Fatalf("%s.%s: no columns in PostgreSQL", schemaName, table)
	}
	var pgSel, mySel []string
	var norms []norm
	for _, c := range cols {
		q := pgx.Identifier{c.name}.Sanitize()
		m := "`" + strings.ReplaceAll(c.name, "`", "``") + "`"
		switch {
		case c.dataTyp == "boolean":
			pgSel = append(pgSel, "CASE WHEN "+q+" IS NULL THEN NULL WHEN "+q+" THEN '1' ELSE '0' END")
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nText)
		case c.dataTyp == "timestamp with time zone":
			pgSel = append(pgSel, "to_char("+q+" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
			mySel = append(mySel, "DATE_FORMAT("+m+", '%Y-%m-%d %H:%i:%s.%f')")
			norms = append(norms, nText)
		case c.dataTyp == "timestamp without time zone":
			pgSel = append(pgSel, "to_char("+q+", 'YYYY-MM-DD HH24:MI:SS.US')")
			mySel = append(mySel, "DATE_FORMAT("+m+", '%Y-%m-%d %H:%i:%s.%f')")
			norms = append(norms, nText)
		case c.dataTyp == "date":
			pgSel = append(pgSel, "to_char("+q+", 'YYYY-MM-DD')")
			mySel = append(mySel, "DATE_FORMAT("+m+", '%Y-%m-%d')")
			norms = append(norms, nText)
		case c.dataTyp == "character":
			// format() uses bpchar's output function, which keeps the padding
			// that COPY wrote and Dolt stores; a ::text cast would strip it.
			pgSel = append(pgSel, outputText(q))
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nText)
		case c.dataTyp == "time without time zone":
			// Dolt 1.83 returns NULL for CAST(time AS CHAR) and wraps 24:00
			// in TIME_FORMAT; the column's own wire text is exact.
			pgSel = append(pgSel, "to_char("+q+", 'HH24:MI:SS.US')")
			mySel = append(mySel, m)
			norms = append(norms, nTime)
		case c.dataTyp == "bytea":
			pgSel = append(pgSel, "encode("+q+", 'hex')")
			mySel = append(mySel, "LOWER(HEX("+m+"))")
			norms = append(norms, nText)
		case c.dataTyp == "ARRAY":
			pgSel = append(pgSel, "to_json("+q+")::text")
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nJSON)
		case c.dataTyp == "json" || c.dataTyp == "jsonb":
			pgSel = append(pgSel, q+"::text")
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nJSON)
		case c.dataTyp == "numeric" || c.dataTyp == "integer" || c.dataTyp == "bigint" || c.dataTyp == "smallint":
			pgSel = append(pgSel, q+"::text")
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nNumber)
		case c.dataTyp == "real" || c.dataTyp == "double precision":
			pgSel = append(pgSel, q+"::text")
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nFloat)
		default:
			pgSel = append(pgSel, outputText(q))
			mySel = append(mySel, "CAST("+m+" AS CHAR)")
			norms = append(norms, nText)
		}
	}
	pgRows := fetchPG(t, pgc, "SELECT "+strings.Join(pgSel, ", ")+" FROM "+pgx.Identifier{schemaName, table}.Sanitize(), norms)
	myRows := fetchMy(t, my, "SELECT "+strings.Join(mySel, ", ")+" FROM `"+doltTable+"`", norms)
	if len(pgRows) != len(myRows) {
		t.Errorf("%s: PostgreSQL has %d rows, Dolt %s has %d", table, len(pgRows), doltTable, len(myRows))
		return len(pgRows)
	}
	diffs := 0
	for i := range pgRows {
		if pgRows[i] != myRows[i] {
			if diffs < 3 {
				t.Errorf("%s: row differs (after sorting):\n  postgres: %s\n  dolt:     %s", table, pgRows[i], myRows[i])
			}
			diffs++
		}
	}
	if diffs > 0 {
		t.Errorf("%s: %d of %d rows differ", table, diffs, len(pgRows))
	}
	return len(pgRows)
}

// outputText is the SQL for a column's text output as COPY writes it:
// format('%s') calls the type's output function, while a ::text cast may
// differ (bpchar strips its padding, inet adds /32).
func outputText(q string) string {
	return "CASE WHEN " + q + " IS NULL THEN NULL ELSE format('%s', " + q + ") END"
}

const nullText = "\x00NULL"

func normalize(v *string, n norm) string {
	if v == nil {
		return nullText
	}
	s := *v
	switch n {
	case nNumber:
		r, ok := new(big.Rat).SetString(s)
		if ok {
			return r.RatString()
		}
	case nFloat:
		f, err := strconv.ParseFloat(s, 64)
		if err == nil {
			return strconv.FormatFloat(f, 'g', -1, 32) // float4 columns print fewer digits
		}
	case nTime:
		if !strings.Contains(s, ".") {
			s += "."
		}
		for len(s)-strings.IndexByte(s, '.') < 7 {
			s += "0"
		}
		return s
	case nJSON:
		var x any
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		if d.Decode(&x) == nil {
			b, _ := json.Marshal(canon(x))
			return string(b)
		}
	}
	return s
}

// canon makes JSON numbers comparable (1.0 == 1) and keeps everything else.
func canon(x any) any {
	switch v := x.(type) {
	case json.Number:
		if r, ok := new(big.Rat).SetString(string(v)); ok {
			return r.RatString()
		}
		return string(v)
	case []any:
		for i := range v {
			v[i] = canon(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = canon(v[k])
		}
	}
	return x
}

func joinRow(vals []string) string {
	var b bytes.Buffer
	for i, v := range vals {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(strconv.Quote(v))
	}
	return b.String()
}

// fetchPG reads q's rows from PostgreSQL as text, each value normalised
// by its column's norm; the rows are joined (joinRow) and sorted.
func fetchPG(t *testing.T, c *pgx.Conn, q string, norms []norm) []string {
	t.Helper()
	return scanPG(t, c, q, len(norms), func(i int, v *string) string { return normalize(v, norms[i]) })
}

// fetchMy is fetchPG for Dolt.
func fetchMy(t *testing.T, db *sql.DB, q string, norms []norm) []string {
	t.Helper()
	return scanDolt(t, db, q, len(norms), func(i int, v *string) string { return normalize(v, norms[i]) })
}

// scanPG reads the rows of q (n columns, read as text) from PostgreSQL;
// conv turns column i's value (nil for NULL) into its comparable text.
// Each row is joinRow of the converted values; the rows come back sorted.
// Shared by the table comparison (fetchPG) and the view comparison
// (readViewPG, viewrows_test.go).
func scanPG(t *testing.T, c *pgx.Conn, q string, n int, conv func(i int, v *string) string) []string {
	t.Helper()
	rows, err := c.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("postgres: %s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]*string, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, n)
		for i := range vals {
			row[i] = conv(i, vals[i])
		}
		out = append(out, joinRow(row))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("postgres: %s: %v", q, err)
	}
	sort.Strings(out)
	return out
}

// scanDolt is scanPG for Dolt (database/sql).
func scanDolt(t *testing.T, db *sql.DB, q string, n int, conv func(i int, v *string) string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("dolt: %s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, n)
		for i := range vals {
			var p *string
			if vals[i].Valid {
				p = &vals[i].String
			}
			row[i] = conv(i, p)
		}
		out = append(out, joinRow(row))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("dolt: %s: %v", q, err)
	}
	sort.Strings(out)
	return out
}

// pgTables lists the relations whose rows pgcopy copies: ordinary and
// partitioned tables that are not themselves partitions.
func pgTables(t *testing.T, c *pgx.Conn) []string {
	t.Helper()
	rows, err := c.Query(context.Background(), `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND NOT c.relispartition ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

// pgForeignKeys counts the foreign keys declared on tables that are not
// partitions (a partition repeats its parent's keys).
func pgForeignKeys(t *testing.T, c *pgx.Conn) int {
	var n int
	err := c.QueryRow(context.Background(), `SELECT count(*) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
		WHERE k.contype = 'f' AND NOT c.relispartition AND k.conparentid = 0`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustConnectPG(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func mustOpenMy(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("connect to dolt sql-server %s: %v", dsn, err)
	}
	return db
}

func queryInt(t *testing.T, db *sql.DB, q string) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

var _ = fmt.Sprint
